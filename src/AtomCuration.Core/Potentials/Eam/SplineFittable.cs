namespace AtomCuration.Potentials.Eam;

/// <summary>
/// A <see cref="CubicBSpline"/> with its coefficients as fit parameters. With
/// <see cref="VanishesAtEnd"/> the last three coefficients are fixed at zero, so f, f′ and f″
/// are zero at the upper knot (the cutoff) whatever the fit does; otherwise all K + 3
/// coefficients are free (embedding functions). Outside [lo, hi] the function and its
/// gradients continue linearly.
/// </summary>
public sealed class SplineFittable : IFittableFunction
{
    /// <summary>Creates the parametrisation.</summary>
    /// <param name="lo">First knot.</param>
    /// <param name="hi">Last knot.</param>
    /// <param name="intervals">Knot intervals K ≥ 1.</param>
    /// <param name="vanishesAtEnd">Whether f, f′, f″ are pinned to zero at hi.</param>
    public SplineFittable(double lo, double hi, int intervals, bool vanishesAtEnd)
    {
        if (!(hi > lo)) throw new ArgumentException($"Need lo < hi, got {lo} and {hi}.");
        if (intervals < 1) throw new ArgumentOutOfRangeException(nameof(intervals), intervals, "Need at least one interval.");
        Lo = lo;
        Hi = hi;
        Intervals = intervals;
        VanishesAtEnd = vanishesAtEnd;
        Step = (hi - lo) / intervals;
        ParameterCount = vanishesAtEnd ? intervals : intervals + 3;
    }

    /// <summary>First knot.</summary>
    public double Lo { get; }

    /// <summary>Last knot.</summary>
    public double Hi { get; }

    /// <summary>Knot intervals K.</summary>
    public int Intervals { get; }

    /// <summary>Knot spacing.</summary>
    public double Step { get; }

    /// <summary>Whether f, f′, f″ vanish at <see cref="Hi"/>.</summary>
    public bool VanishesAtEnd { get; }

    /// <inheritdoc />
    public int ParameterCount { get; }

    /// <inheritdoc />
    public int Window => 4;

    /// <inheritdoc />
    public int Evaluate(ReadOnlySpan<double> parameters, double x, out double value, out double slope, out double curvature,
        Span<double> valueGradient, Span<double> slopeGradient)
    {
        double xc = Math.Clamp(x, Lo, Hi);
        int first = CubicBSpline.Basis(Lo, Step, Intervals, xc, out var b, out var db, out var d2b);
        double outside = x - xc;
        double v = 0, d = 0, c = 0;
        for (int m = 0; m < 4; m++)
        {
            int k = first + m;
            if (k >= ParameterCount)
            {
                valueGradient[m] = 0;
                slopeGradient[m] = 0;
                continue;
            }
            double pk = parameters[k];
            v += pk * b[m];
            d += pk * db[m];
            c += pk * d2b[m];
            valueGradient[m] = b[m] + db[m] * outside;
            slopeGradient[m] = db[m];
        }
        value = v + d * outside;
        slope = d;
        curvature = outside == 0 ? c : 0;
        return first;
    }

    /// <inheritdoc />
    public IRadialFunction Build(ReadOnlySpan<double> parameters)
    {
        var c = new double[Intervals + 3];
        parameters[..ParameterCount].CopyTo(c);
        return new CubicBSpline(Lo, Hi, c);
    }

    /// <summary>Least-squares coefficients that make the spline follow <paramref name="target"/> on [lo, hi] (the pinned end respected).</summary>
    public double[] Project(Func<double, double> target)
    {
        int p = ParameterCount;
        int samples = 8 * (Intervals + 3);
        var ata = new double[p * p];
        var atb = new double[p];
        Span<double> gv = stackalloc double[4], gd = stackalloc double[4];
        var zero = new double[p];
        for (int s = 0; s < samples; s++)
        {
            double x = Lo + (Hi - Lo) * s / (samples - 1);
            double y = target(x);
            int first = Evaluate(zero, x, out _, out _, out _, gv, gd);
            for (int m = 0; m < 4; m++)
            {
                int i = first + m;
                if (i >= p) continue;
                atb[i] += gv[m] * y;
                for (int n = 0; n < 4; n++)
                    if (first + n < p) ata[i * p + first + n] += gv[m] * gv[n];
            }
        }
        for (int i = 0; i < p; i++) ata[i * p + i] += 1e-10 * (1 + ata[i * p + i]);
        if (!Fitting.Cholesky.SolveInPlace(ata, atb, p)) throw new InvalidOperationException("Spline projection is singular.");
        return atb;
    }
}
