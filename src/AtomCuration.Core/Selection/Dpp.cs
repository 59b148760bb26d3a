using AtomCuration.Common;
using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>How <see cref="Dpp"/> turns the L-ensemble into a selection.</summary>
public enum DppMode
{
    /// <summary>Greedy MAP: repeatedly add the item with the largest det(L_S) growth (incremental Cholesky).</summary>
    Greedy,
    /// <summary>Exact k-DPP sample (eigendecomposition + elementary symmetric polynomials).</summary>
    Sample,
}

/// <summary>Options for <see cref="Dpp"/>.</summary>
public sealed record DppOptions : SelectionOptions
{
    /// <summary>L-ensemble kernel: linear, cosine (normalised linear, the review's choice) or RBF.</summary>
    public Kernel Kernel { get; init; } = new(KernelKind.Cosine);

    /// <summary>Greedy MAP or exact k-DPP sampling.</summary>
    public DppMode Mode { get; init; } = DppMode.Greedy;
}

/// <summary>
/// Determinantal point process selection with the L-ensemble L_ij = k(x_i, x_j).
/// Greedy MAP (the fast incremental-Cholesky form): with d²ᵢ = L_ii at the start, pick
/// j = argmax d²ᵢ (ties: lowest index), then for every i: eᵢ = (L_ji − ⟨c_j, c_i⟩)/d_j, append eᵢ to
/// cᵢ, d²ᵢ −= eᵢ². Score = d²_j = det(L_{S∪j}) / det(L_S). Kernel rows are computed on the fly,
/// so no N × N matrix is formed. It stops early if the next gain is ≤ 10⁻¹² (L_S would become
/// singular, e.g. Count &gt; rank for a linear kernel).
/// Sampling: see <see cref="KDppSampler"/>.
/// </summary>
public static class Dpp
{
    /// <summary>Selects <see cref="SelectionOptions.Count"/> rows of the preprocessed <paramref name="x"/>.</summary>
    public static SelectionResult Select(FeatureMatrix x, DppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var p = Preprocessing.Apply(x, options.Preprocess);
        return options.Mode == DppMode.Sample
            ? KDppSampler.Sample(p, options)
            : Greedy(p, options);
    }

    private static SelectionResult Greedy(FeatureMatrix x, DppOptions options)
    {
        int n = x.Rows, k = Math.Min(options.Count, n);
        var kernel = options.Kernel;
        var data = x.Values.ToArray();
        int d = x.Columns;
        var d2 = new double[n];
        for (int i = 0; i < n; i++) d2[i] = kernel.Self(x.Row(i));
        var c = new double[n * k]; // row i: the Cholesky coefficients cᵢ (length = picks so far)
        var picks = new List<int>(k);
        var scores = new List<double>(k);
        var taken = new bool[n];
        for (int t = 0; t < k; t++)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            options.Progress?.Report(t / (double)k);
            int j = -1;
            for (int i = 0; i < n; i++)
                if (!taken[i] && (j < 0 || d2[i] > d2[j])) j = i;
            if (d2[j] <= 1e-12) break;
            taken[j] = true;
            picks.Add(j);
            scores.Add(d2[j]);
            double dj = Math.Sqrt(d2[j]);
            int len = t;
            OrderedParallel.For((n + 1023) / 1024, ch =>
            {
                var rowJ = data.AsSpan(j * d, d);
                var cj = c.AsSpan(j * k, len);
                for (int i = ch * 1024; i < Math.Min(n, ch * 1024 + 1024); i++)
                {
                    if (taken[i]) continue;
                    double e = (kernel.Evaluate(rowJ, data.AsSpan(i * d, d)) - VectorMath.Dot(cj, c.AsSpan(i * k, len))) / dj;
                    c[i * k + len] = e;
                    d2[i] -= e * e;
                }
            }, options.Threads);
        }
        return new SelectionResult(SelectionMethod.Dpp, picks, scores);
    }
}
