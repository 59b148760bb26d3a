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
        // The uniform cubic B-spline basis written out (this is the fit's innermost call).
        double xc = x < Lo ? Lo : x > Hi ? Hi : x;
        double t = (xc - Lo) / Step;
        int first = Math.Min((int)t, Intervals - 1);
        double u = t - first, w = 1 - u, u2 = u * u, u3 = u2 * u;
        const double sixth = 1.0 / 6.0;
        double inv = 1.0 / Step, inv2 = inv * inv;
        double b0 = w * w * w * sixth, b1 = (3 * u3 - 6 * u2 + 4) * sixth, b2 = (-3 * u3 + 3 * u2 + 3 * u + 1) * sixth, b3 = u3 * sixth;
        double d0 = -0.5 * w * w * inv, d1 = (1.5 * u2 - 2 * u) * inv, d2 = (-1.5 * u2 + u + 0.5) * inv, d3 = 0.5 * u2 * inv;
        double c0 = w * inv2, c1 = (3 * u - 2) * inv2, c2 = (1 - 3 * u) * inv2, c3 = u * inv2;
        // Coefficients past the free ones are the pinned zeros.
        int free = ParameterCount - first;
        double p0 = parameters[first];
        double p1 = free > 1 ? parameters[first + 1] : 0, p2 = free > 2 ? parameters[first + 2] : 0, p3 = free > 3 ? parameters[first + 3] : 0;
        double outside = x - xc;
        slope = p0 * d0 + p1 * d1 + p2 * d2 + p3 * d3;
        value = p0 * b0 + p1 * b1 + p2 * b2 + p3 * b3 + slope * outside;
        curvature = outside == 0 ? p0 * c0 + p1 * c1 + p2 * c2 + p3 * c3 : 0;
        valueGradient[0] = b0 + d0 * outside;
        valueGradient[1] = free > 1 ? b1 + d1 * outside : 0;
        valueGradient[2] = free > 2 ? b2 + d2 * outside : 0;
        valueGradient[3] = free > 3 ? b3 + d3 * outside : 0;
        slopeGradient[0] = d0;
        slopeGradient[1] = free > 1 ? d1 : 0;
        slopeGradient[2] = free > 2 ? d2 : 0;
        slopeGradient[3] = free > 3 ? d3 : 0;
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
