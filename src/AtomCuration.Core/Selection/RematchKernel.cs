using AtomCuration.Common;
using AtomCuration.Options;
using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>The similarity C_ij of two atomic environments inside <see cref="RematchKernel"/>.</summary>
public enum LocalSimilarity
{
    /// <summary>C_ij = x_i·y_j (give unit-length environments, e.g. normalised SOAP, so that C ≤ 1).</summary>
    Linear,
    /// <summary>C_ij = exp(−γ |x_i − y_j|²).</summary>
    Rbf,
}

/// <summary>Options of <see cref="RematchKernel"/>; the names and defaults are DScribe's <c>REMatchKernel</c>.</summary>
public sealed record RematchOptions : IOptions
{
    /// <summary>Entropic regularisation α: towards 0 the best match, towards ∞ the average kernel.</summary>
    [OptionRange(0, double.PositiveInfinity, MinExclusive = true)]
    public double Alpha { get; init; } = 0.1;

    /// <summary>Sinkhorn stops when the relative squared change of the scaling vectors falls to this.</summary>
    [OptionRange(0, 1, MinExclusive = true)]
    public double Threshold { get; init; } = 1e-6;

    /// <summary>Local similarity of two environments.</summary>
    public LocalSimilarity Metric { get; init; } = LocalSimilarity.Linear;

    /// <summary>γ of the RBF local similarity; null = 1 / (number of descriptor columns), scikit-learn's default.</summary>
    [OptionRange(0, double.PositiveInfinity, MinExclusive = true)]
    public double? Gamma { get; init; }

    /// <summary>Divide K(A, B) by √(K(A, A) K(B, B)) so that every structure has self-similarity 1.</summary>
    public bool Normalize { get; init; } = true;

    /// <summary>Sinkhorn sweeps allowed before giving up (a guard: with α ≥ 0.01 and C in [−1, 1] it converges in tens).</summary>
    [OptionRange(1, int.MaxValue)]
    public int MaxIterations { get; init; } = 100_000;

    /// <inheritdoc />
    public void Validate() => OptionRanges.Validate(this);
}

/// <summary>
/// The regularised entropy-match (REMatch) structure kernel of De, Bartók, Csányi and Ceriotti,
/// Phys. Chem. Chem. Phys. 18, 13754 (2016), DOI 10.1039/C6CP00415F:
/// K(A, B) = Σ_ij P^α_ij C_ij, where C_ij is the similarity of environment i of A and j of B and
/// P^α = argmin over P with uniform marginals (row sums 1/n, column sums 1/m) of Σ_ij P_ij (1 − C_ij + α ln P_ij).
/// The minimiser is P = diag(u) E diag(v) with E_ij = exp(−(1 − C_ij)/α); u and v come from Sinkhorn's
/// alternating scaling v = (1/m) / Eᵀu, u = (1/n) / E v, started at u = 1/n, v = 1/m and stopped as DScribe 2.1
/// does (the change |Δu|²/|u|² + |Δv|²/|v|² is checked on every sweep but each fifth, from the second on), so
/// that the default threshold gives DScribe's numbers (stopped early, Sinkhorn is not exactly symmetric in A and B:
/// <see cref="Matrix"/> computes K(A, B) with A before B and mirrors it). α → ∞ gives the average kernel, α → 0 the best match.
/// </summary>
public static class RematchKernel
{
    /// <summary>The unnormalised K(A, B) of two structures' environment matrices (atoms × features, same columns).</summary>
    /// <exception cref="InvalidOperationException">Sinkhorn did not converge within <see cref="RematchOptions.MaxIterations"/> (α far too small for C).</exception>
    public static double Similarity(FeatureMatrix a, FeatureMatrix b, RematchOptions options)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (a.Columns != b.Columns) throw new ArgumentException($"Environments have {a.Columns} and {b.Columns} columns.", nameof(b));
        if (a.Rows == 0 || b.Rows == 0) throw new ArgumentException("A structure without environments has no REMatch similarity.");
        int n = a.Rows, m = b.Rows;
        var c = new double[n * m];
        var e = new double[n * m];
        double gamma = options.Gamma ?? 1.0 / a.Columns;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                double cij = options.Metric == LocalSimilarity.Linear
                    ? VectorMath.Dot(a.Row(i), b.Row(j))
                    : Math.Exp(-gamma * VectorMath.SquaredDistance(a.Row(i), b.Row(j)));
                c[i * m + j] = cij;
                e[i * m + j] = Math.Exp(-(1 - cij) / options.Alpha);
            }
        var u = new double[n];
        var v = new double[m];
        var uPrevious = new double[n];
        var vPrevious = new double[m];
        Array.Fill(u, 1.0 / n);
        Array.Fill(v, 1.0 / m);
        double error = 1;
        for (int sweep = 0; error > options.Threshold; sweep++)
        {
            if (sweep >= options.MaxIterations)
                throw new InvalidOperationException($"REMatch: Sinkhorn did not converge in {options.MaxIterations} sweeps (α = {options.Alpha}); raise α.");
            u.CopyTo(uPrevious, 0);
            v.CopyTo(vPrevious, 0);
            for (int j = 0; j < m; j++)
            {
                double s = 0;
                for (int i = 0; i < n; i++) s += e[i * m + j] * u[i];
                v[j] = 1.0 / m / s;
            }
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int j = 0; j < m; j++) s += e[i * m + j] * v[j];
                u[i] = 1.0 / n / s;
            }
            if (sweep % 5 != 0) error = RelativeChange(u, uPrevious) + RelativeChange(v, vPrevious);
            if (!double.IsFinite(error))
                throw new InvalidOperationException($"REMatch: Sinkhorn overflowed (α = {options.Alpha} is too small for these similarities); raise α.");
        }
        double k = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) k += u[i] * e[i * m + j] * v[j] * c[i * m + j];
        return k;
    }

    /// <summary>
    /// The N × N kernel matrix (row-major) of <paramref name="environments"/> (one matrix per structure), normalised
    /// when <see cref="RematchOptions.Normalize"/> is set. Rows run in parallel; the result does not depend on <paramref name="threads"/>.
    /// </summary>
    public static double[] Matrix(IReadOnlyList<FeatureMatrix> environments, RematchOptions options, int threads = 0,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(environments);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int n = environments.Count;
        var k = new double[n * n];
        OrderedParallel.For(n, i =>
        {
            for (int j = i; j < n; j++)
            {
                double s = Similarity(environments[i], environments[j], options);
                k[i * n + j] = s;
                k[j * n + i] = s;
            }
        }, threads, cancellation);
        if (!options.Normalize) return k;
        var diagonal = new double[n];
        for (int i = 0; i < n; i++) diagonal[i] = k[i * n + i];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) k[i * n + j] /= Math.Sqrt(diagonal[i] * diagonal[j]);
        return k;
    }

    /// <summary>Environment matrices with every row scaled to unit length (zero rows stay zero): the input the linear metric expects.</summary>
    public static FeatureMatrix UnitRows(FeatureMatrix environments)
    {
        ArgumentNullException.ThrowIfNull(environments);
        var v = environments.Values.ToArray();
        int d = environments.Columns;
        for (int i = 0; i < environments.Rows; i++)
        {
            var row = v.AsSpan(i * d, d);
            double norm = Math.Sqrt(VectorMath.Dot(row, row));
            if (norm > 0) for (int c = 0; c < d; c++) row[c] /= norm;
        }
        return new FeatureMatrix(environments.Rows, environments.Labels, v);
    }

    private static double RelativeChange(double[] now, double[] before)
    {
        double change = 0, size = 0;
        for (int i = 0; i < now.Length; i++)
        {
            double t = now[i] - before[i];
            change += t * t;
            size += now[i] * now[i];
        }
        return change / size;
    }
}
