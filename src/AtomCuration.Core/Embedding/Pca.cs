using AtomCuration.Common;
using AtomCuration.Options;
using AtomCuration.Selection;
using AtomCuration.Structures;
using MathNet.Numerics.LinearAlgebra;

namespace AtomCuration.Embedding;

/// <summary>How many principal components <see cref="Pca"/> keeps.</summary>
public sealed record PcaOptions : IOptions
{
    /// <summary>Keep the fewest components whose cumulative explained-variance ratio exceeds this fraction (as scikit-learn does for a float n_components).</summary>
    [OptionRange(0, 1, MinExclusive = true)]
    public double? ExplainedVariance { get; init; }

    /// <summary>Keep exactly this many components (default when neither is given: all, up to min(N, d)).</summary>
    [OptionRange(1, double.PositiveInfinity)]
    public int? Components { get; init; }

    /// <summary>Threads for the covariance product (0 = all cores); the result does not depend on it.</summary>
    public int Threads { get; init; }

    /// <inheritdoc />
    public void Validate() => OptionRanges.Validate(this);
}

/// <summary>
/// Principal component analysis by eigendecomposition of the d × d covariance of the centred
/// data, C = XᵀX / (N − 1). Explained variances are the eigenvalues of C; each component's sign
/// is chosen so that the projected value of largest magnitude is positive (scikit-learn's convention).
/// </summary>
public static class Pca
{
    /// <summary>Fits the projection to the rows of <paramref name="x"/>.</summary>
    public static PcaModel Fit(FeatureMatrix x, PcaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        options ??= new PcaOptions();
        options.Validate();
        int n = x.Rows, d = x.Columns;
        if (n < 2) throw new ArgumentException("PCA needs at least two rows.");
        var mean = new double[d];
        var src = x.Values;
        for (int i = 0; i < n; i++)
            for (int c = 0; c < d; c++) mean[c] += src[i * d + c];
        for (int c = 0; c < d; c++) mean[c] /= n;
        // Column-major centred copy so that every covariance entry is one SIMD dot product.
        var cols = new double[d * n];
        for (int i = 0; i < n; i++)
            for (int c = 0; c < d; c++) cols[c * n + i] = src[i * d + c] - mean[c];
        var cov = new double[d * d];
        OrderedParallel.For(d, a =>
        {
            var ca = cols.AsSpan(a * n, n);
            for (int b = a; b < d; b++)
            {
                double s = VectorMath.Dot(ca, cols.AsSpan(b * n, n)) / (n - 1);
                cov[a * d + b] = s;
                cov[b * d + a] = s;
            }
        }, options.Threads);
        var evd = Matrix<double>.Build.Dense(d, d, cov).Evd(Symmetricity.Symmetric);
        int rank = Math.Min(n, d);
        var variance = new double[rank];
        var vectors = new double[rank * d];
        for (int k = 0; k < rank; k++)
        {
            int e = d - 1 - k; // MathNet orders eigenvalues ascending
            variance[k] = Math.Max(0, evd.EigenValues[e].Real);
            for (int c = 0; c < d; c++) vectors[k * d + c] = evd.EigenVectors[c, e];
        }
        double total = 0;
        for (int c = 0; c < d; c++) total += cov[c * d + c];
        var ratio = variance.Select(v => total > 0 ? v / total : 0).ToArray();
        int keep = ChooseCount(ratio, options, rank);
        FixSigns(cols, n, d, vectors, keep);
        return new PcaModel(mean, vectors[..(keep * d)], keep, variance[..keep], ratio[..keep], ratio);
    }

    private static int ChooseCount(double[] ratio, PcaOptions o, int rank)
    {
        if (o.Components is int k)
        {
            if (k < 1 || k > rank) throw new ArgumentOutOfRangeException(nameof(o), k, $"Components must be 1…{rank}.");
            return k;
        }
        if (o.ExplainedVariance is double f)
        {
            double cum = 0;
            for (int i = 0; i < rank; i++)
            {
                cum += ratio[i];
                if (cum > f) return i + 1;
            }
            return rank;
        }
        return rank;
    }

    private static void FixSigns(double[] cols, int n, int d, double[] vectors, int keep)
    {
        var score = new double[n];
        for (int k = 0; k < keep; k++)
        {
            Array.Clear(score);
            for (int c = 0; c < d; c++)
            {
                double w = vectors[k * d + c];
                var col = cols.AsSpan(c * n, n);
                for (int i = 0; i < n; i++) score[i] += w * col[i];
            }
            int arg = 0;
            for (int i = 1; i < n; i++) if (Math.Abs(score[i]) > Math.Abs(score[arg])) arg = i;
            if (score[arg] < 0)
                for (int c = 0; c < d; c++) vectors[k * d + c] = -vectors[k * d + c];
        }
    }
}

/// <summary>A fitted PCA projection.</summary>
/// <param name="Mean">Column means of the training data.</param>
/// <param name="ComponentValues">Components × d principal axes, row-major, largest variance first.</param>
/// <param name="Components">Number of kept components.</param>
/// <param name="ExplainedVariance">Variance along each kept axis (ddof = 1).</param>
/// <param name="ExplainedVarianceRatio">Fraction of the total variance along each kept axis.</param>
/// <param name="AllExplainedVarianceRatio">The ratio for every axis up to min(N, d), kept or not.</param>
public sealed record PcaModel(
    double[] Mean,
    double[] ComponentValues,
    int Components,
    double[] ExplainedVariance,
    double[] ExplainedVarianceRatio,
    double[] AllExplainedVarianceRatio)
{
    /// <summary>Projects the rows of <paramref name="x"/> onto the kept axes (N × Components).</summary>
    public FeatureMatrix Transform(FeatureMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int d = Mean.Length;
        if (x.Columns != d) throw new ArgumentException($"Expected {d} columns, got {x.Columns}.");
        var output = new double[x.Rows * Components];
        var centred = new double[d];
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            for (int c = 0; c < d; c++) centred[c] = row[c] - Mean[c];
            for (int k = 0; k < Components; k++)
                output[i * Components + k] = VectorMath.Dot(centred, ComponentValues.AsSpan(k * d, d));
        }
        return new FeatureMatrix(x.Rows, Enumerable.Range(1, Components).Select(k => "PC" + k).ToArray(), output);
    }
}
