using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace AtomCuration.Fitting;

/// <summary>
/// Gaussian-process regression with the Matérn-5/2 kernel and one length scale per input
/// dimension (automatic relevance determination):
/// k(x, x′) = σ² (1 + √5 d + 5d²/3) e^{−√5 d},  d² = Σ_j (x_j − x′_j)²/ℓ_j²,
/// the targets standardised (mean 0, standard deviation 1) and a fixed noise/jitter α added to
/// the diagonal of the training covariance. With K = LLᵀ and α_y = K⁻¹y the posterior at x* has
/// mean k*ᵀα_y and variance k(x*, x*) − |L⁻¹k*|², and the log marginal likelihood is
/// −½ yᵀK⁻¹y − Σ log L_ii − (n/2) log 2π (Rasmussen &amp; Williams, <i>Gaussian Processes for
/// Machine Learning</i>, MIT Press 2006, Algorithm 2.1 and eq. 4.17). <see cref="Fit"/> chooses
/// σ² and ℓ by maximising it (Nelder–Mead from seeded starts, in log space, within bounds).
/// The same model as scikit-learn's <c>GaussianProcessRegressor(ConstantKernel·Matern(ν = 2.5),
/// alpha = α, normalize_y = True)</c>, which the tests compare against.
/// </summary>
public sealed class GaussianProcess
{
    private readonly double[][] _x;
    private readonly Matrix<double> _l;
    private readonly Vector<double> _alpha;
    private readonly double _mean, _scale;

    /// <summary>Conditions a GP with the given hyperparameters on the data.</summary>
    /// <param name="x">Inputs, one row per point.</param>
    /// <param name="y">Targets.</param>
    /// <param name="signalVariance">σ² (of the standardised targets).</param>
    /// <param name="lengthScales">ℓ_j, one per input dimension.</param>
    /// <param name="noise">α added to the diagonal.</param>
    public GaussianProcess(IReadOnlyList<double[]> x, IReadOnlyList<double> y, double signalVariance, IReadOnlyList<double> lengthScales, double noise = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(lengthScales);
        if (x.Count == 0 || x.Count != y.Count) throw new ArgumentException("Need as many targets as inputs, at least one.");
        if (x.Any(r => r.Length != lengthScales.Count)) throw new ArgumentException("Every input needs one value per length scale.");
        if (!(signalVariance > 0) || lengthScales.Any(l => !(l > 0)) || !(noise >= 0)) throw new ArgumentException("Hyperparameters must be positive.");
        _x = x.Select(r => (double[])r.Clone()).ToArray();
        SignalVariance = signalVariance;
        LengthScales = lengthScales.ToArray();
        Noise = noise;
        _mean = y.Average();
        double sd = Math.Sqrt(y.Average(v => (v - _mean) * (v - _mean)));
        _scale = sd > 0 ? sd : 1.0;
        var ys = Vector<double>.Build.Dense(y.Count, i => (y[i] - _mean) / _scale);
        int n = _x.Length;
        var k = Matrix<double>.Build.Dense(n, n, (i, j) => Kernel(_x[i], _x[j]) + (i == j ? noise : 0));
        var chol = k.Cholesky();
        _l = chol.Factor;
        _alpha = chol.Solve(ys);
        double logDet = 0;
        for (int i = 0; i < n; i++) logDet += Math.Log(_l[i, i]);
        LogMarginalLikelihood = -0.5 * ys.DotProduct(_alpha) - logDet - 0.5 * n * Math.Log(2 * Math.PI);
    }

    /// <summary>σ².</summary>
    public double SignalVariance { get; }

    /// <summary>ℓ_j.</summary>
    public IReadOnlyList<double> LengthScales { get; }

    /// <summary>α.</summary>
    public double Noise { get; }

    /// <summary>Log marginal likelihood of the standardised targets.</summary>
    public double LogMarginalLikelihood { get; }

    /// <summary>Posterior mean and standard deviation (of the latent function, no noise) at <paramref name="x"/>, in the targets' units.</summary>
    public (double Mean, double StdDev) Predict(IReadOnlyList<double> x)
    {
        int n = _x.Length;
        var ks = Vector<double>.Build.Dense(n, i => Kernel(_x[i], x));
        double mean = ks.DotProduct(_alpha);
        // v = L⁻¹k* by forward substitution.
        var v = new double[n];
        double vv = 0;
        for (int i = 0; i < n; i++)
        {
            double t = ks[i];
            for (int j = 0; j < i; j++) t -= _l[i, j] * v[j];
            v[i] = t / _l[i, i];
            vv += v[i] * v[i];
        }
        double variance = Math.Max(SignalVariance - vv, 0);
        return (_mean + _scale * mean, _scale * Math.Sqrt(variance));
    }

    /// <summary>
    /// The GP with σ² and ℓ maximising the log marginal likelihood within the bounds (log-uniform
    /// seeded starts, the first at σ² = 1, ℓ = 1, each refined by Nelder–Mead in log space).
    /// </summary>
    public static GaussianProcess Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, double noise = 1e-6, int starts = 5, int seed = 0,
        double minVariance = 1e-3, double maxVariance = 1e3, double minLength = 1e-2, double maxLength = 1e2)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Count == 0) throw new ArgumentException("No data.");
        int d = x[0].Length;
        var rng = new Random(seed);
        double lv0 = Math.Log(minVariance), lv1 = Math.Log(maxVariance), ll0 = Math.Log(minLength), ll1 = Math.Log(maxLength);
        GaussianProcess Build(Vector<double> p)
        {
            double v = Math.Exp(Math.Clamp(p[0], lv0, lv1));
            var l = Enumerable.Range(0, d).Select(j => Math.Exp(Math.Clamp(p[j + 1], ll0, ll1))).ToArray();
            return new GaussianProcess(x, y, v, l, noise);
        }
        double Objective(Vector<double> p)
        {
            try
            {
                double lml = Build(p).LogMarginalLikelihood;
                // Outside the bounds the clamped model is the same: a small penalty keeps the simplex inside.
                double excess = Math.Max(0, p[0] - lv1) + Math.Max(0, lv0 - p[0]);
                for (int j = 1; j <= d; j++) excess += Math.Max(0, p[j] - ll1) + Math.Max(0, ll0 - p[j]);
                return double.IsFinite(lml) ? -lml + excess : double.MaxValue;
            }
            catch (ArgumentException)
            {
                return double.MaxValue; // not positive definite at these settings
            }
        }
        GaussianProcess? best = null;
        for (int s = 0; s < Math.Max(1, starts); s++)
        {
            var p0 = Vector<double>.Build.Dense(d + 1, j => s == 0 ? 0.0 : j == 0 ? lv0 + (lv1 - lv0) * rng.NextDouble() : ll0 + (ll1 - ll0) * rng.NextDouble());
            Vector<double> p;
            try
            {
                p = NelderMeadSimplex.Minimum(ObjectiveFunction.Value(Objective), p0, 1e-8, 2000).MinimizingPoint;
            }
            catch (MaximumIterationsException)
            {
                continue;
            }
            var candidate = Build(p);
            if (best is null || candidate.LogMarginalLikelihood > best.LogMarginalLikelihood) best = candidate;
        }
        return best ?? Build(Vector<double>.Build.Dense(d + 1));
    }

    private double Kernel(double[] a, IReadOnlyList<double> b)
    {
        double d2 = 0;
        for (int j = 0; j < a.Length; j++)
        {
            double t = (a[j] - b[j]) / LengthScales[j];
            d2 += t * t;
        }
        double r = Math.Sqrt(5 * d2);
        return SignalVariance * (1 + r + r * r / 3) * Math.Exp(-r);
    }
}
