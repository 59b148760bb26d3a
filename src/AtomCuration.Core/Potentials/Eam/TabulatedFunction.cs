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
    // fraction p ∈ [0, 1], and the derivative polynomial (in x) d2 p² + d1 p + d0.
    private readonly double[] _a0, _a1, _a2, _a3, _d0, _d1, _d2;
    private readonly double _inverseStep;

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
        _a0 = new double[n]; _a1 = new double[n]; _a2 = new double[n]; _a3 = new double[n];
        _d0 = new double[n]; _d1 = new double[n]; _d2 = new double[n];
        for (int m = 0; m < n; m++)
        {
            _a0[m] = f[m];
            _a1[m] = slope[m];
            if (m < n - 1)
            {
                _a2[m] = 3.0 * (f[m + 1] - f[m]) - 2.0 * slope[m] - slope[m + 1];
                _a3[m] = slope[m] + slope[m + 1] - 2.0 * (f[m + 1] - f[m]);
            }
            _d0[m] = _a1[m] / step;
            _d1[m] = 2.0 * _a2[m] / step;
            _d2[m] = 3.0 * _a3[m] / step;
        }
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
        m -= 1;
        derivative = (_d2[m] * p + _d1[m]) * p + _d0[m];
        double value = ((_a3[m] * p + _a2[m]) * p + _a1[m]) * p + _a0[m];
        if (LinearBeyond is { } top && x > top) value += derivative * (x - top);
        return value;
    }
}
