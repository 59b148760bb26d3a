namespace AtomCuration.Potentials.Eam;

/// <summary>
/// A function tabulated on the uniform grid x_k = k·Δ (k = 0…n−1), interpolated exactly as
/// LAMMPS's pair_style eam family does, so that energies agree with LAMMPS to rounding:
/// the slope at each node is a five-point finite-difference estimate (one-sided or
/// three-point in the two end nodes), and each interval carries the cubic Hermite polynomial
/// through its two nodes with those slopes. Beyond the last node the interval index and the
/// fraction are clamped, as LAMMPS clamps them: the value stays at the last node while the
/// derivative is the end slope. For an embedding function LAMMPS then adds
/// F′(ρ_max)·(ρ − ρ_max) to the energy above ρ_max, which makes F linear there; set
/// <see cref="LinearBeyond"/> to reproduce it.
/// </summary>
public sealed class TabulatedFunction : IRadialFunction
{
    // Per interval m (0-based, m = 0…n−1): value polynomial a3 p³ + a2 p² + a1 p + a0 in the
    // fraction p ∈ [0, 1], and the derivative polynomial (in x) d2 p² + d1 p + d0, interleaved
    // as [a3 a2 a1 a0 d2 d1 d0 –] so that one evaluation reads one 64-byte line.
    private const int Stride = 8;
    private readonly double[] _coefficients;
    private readonly double _inverseStep;
    private readonly double _linearBeyond;

    /// <summary>Builds the interpolant through <paramref name="values"/> (at least 5 nodes) with spacing <paramref name="step"/>.</summary>
    /// <param name="values">f(k·step), k = 0…n−1.</param>
    /// <param name="step">Grid spacing Δ &gt; 0.</param>
    /// <param name="linearBeyond">When set, x above it adds f′·(x − linearBeyond) to the value (LAMMPS's ρ &gt; ρ_max rule).</param>
    public TabulatedFunction(IReadOnlyList<double> values, double step, double? linearBeyond = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 5) throw new ArgumentException("A table needs at least 5 values.", nameof(values));
        if (!(step > 0) || !double.IsFinite(step)) throw new ArgumentOutOfRangeException(nameof(step), step, "The spacing must be positive.");
        Values = values.ToArray();
        Step = step;
        LinearBeyond = linearBeyond;
        _inverseStep = 1.0 / step;
        int n = Values.Length;
        var f = Values;
        var slope = new double[n];
        slope[0] = f[1] - f[0];
        slope[1] = 0.5 * (f[2] - f[0]);
        slope[n - 2] = 0.5 * (f[n - 1] - f[n - 3]);
        slope[n - 1] = f[n - 1] - f[n - 2];
        for (int m = 2; m <= n - 3; m++)
            slope[m] = ((f[m - 2] - f[m + 2]) + 8.0 * (f[m + 1] - f[m - 1])) / 12.0;
        _coefficients = new double[Stride * n];
        for (int m = 0; m < n; m++)
        {
            double a0 = f[m], a1 = slope[m], a2 = 0, a3 = 0;
            if (m < n - 1)
            {
                a2 = 3.0 * (f[m + 1] - f[m]) - 2.0 * slope[m] - slope[m + 1];
                a3 = slope[m] + slope[m + 1] - 2.0 * (f[m + 1] - f[m]);
            }
            var c = _coefficients.AsSpan(Stride * m, Stride);
            c[0] = a3; c[1] = a2; c[2] = a1; c[3] = a0;
            c[4] = 3.0 * a3 / step; c[5] = 2.0 * a2 / step; c[6] = a1 / step;
        }
        _linearBeyond = linearBeyond ?? double.PositiveInfinity;
    }

    /// <summary>The tabulated values f(k·Δ).</summary>
    public double[] Values { get; }

    /// <summary>Grid spacing Δ.</summary>
    public double Step { get; }

    /// <summary>Number of nodes n.</summary>
    public int Count => Values.Length;

    /// <summary>Last node (n−1)·Δ.</summary>
    public double End => (Values.Length - 1) * Step;

    /// <summary>Threshold above which the value grows linearly with the end slope (embedding functions), or null.</summary>
    public double? LinearBeyond { get; }

    /// <inheritdoc />
    public double Evaluate(double x, out double derivative)
    {
        // The same index arithmetic as LAMMPS (1-based m there, 0-based here).
        double p = x * _inverseStep + 1.0;
        int m = (int)p;
        m = Math.Max(1, Math.Min(m, Values.Length - 1));
        p -= m;
        p = Math.Min(p, 1.0);
        var c = _coefficients.AsSpan(Stride * (m - 1), Stride);
        derivative = (c[4] * p + c[5]) * p + c[6];
        double value = ((c[0] * p + c[1]) * p + c[2]) * p + c[3];
        if (x > _linearBeyond) value += derivative * (x - _linearBeyond);
        return value;
    }
}
