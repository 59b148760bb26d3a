using AtomCuration.Structures;
using MathNet.Numerics.LinearAlgebra;

namespace AtomCuration.Selection;

/// <summary>
/// Exact k-DPP sampling (Kulesza &amp; Taskar): eigendecompose L = Σ λₙ vₙvₙᵀ; choose k eigenvectors,
/// keeping vₙ (scanning n from the last) with probability λₙ e_{l−1}(λ₁…λₙ₋₁) / e_l(λ₁…λₙ) where e_l
/// are elementary symmetric polynomials and l the number still to choose; then sample the
/// elementary DPP of the chosen vectors: pick item i with probability Σ_v v_i² / |V|, restrict
/// V to vectors vanishing at i, re-orthonormalise, repeat. For linear and cosine kernels the
/// eigenvectors come from the d × d dual matrix ΦᵀΦ (vₙ = Φuₙ/√λₙ), so N may be large; the RBF
/// kernel needs the N × N matrix. Score = probability of the item at its draw.
/// </summary>
internal static class KDppSampler
{
    public static SelectionResult Sample(FeatureMatrix x, DppOptions options)
    {
        int n = x.Rows, k = Math.Min(options.Count, n);
        var (lambda, v) = Eigen(x, options.Kernel);
        var rng = new Random(options.Seed);
        int m = lambda.Length;
        if (m < k) throw new ArgumentException($"The kernel has rank {m} < Count {k}: no k-DPP sample exists.");
        double scale = lambda.Max();
        var lam = lambda.Select(l => l / scale).ToArray();
        var e = new double[k + 1, m + 1];
        for (int j = 0; j <= m; j++) e[0, j] = 1;
        for (int l = 1; l <= k; l++)
            for (int j = 1; j <= m; j++) e[l, j] = e[l, j - 1] + lam[j - 1] * e[l - 1, j - 1];
        var chosen = new List<int>();
        int left = k;
        for (int j = m; j >= 1 && left > 0; j--)
        {
            if (rng.NextDouble() < lam[j - 1] * e[left - 1, j - 1] / e[left, j])
            {
                chosen.Add(j - 1);
                left--;
            }
        }
        var basis = Matrix<double>.Build.DenseOfColumnVectors(chosen.Select(v.Column));
        var picks = new List<int>(k);
        var scores = new List<double>(k);
        var prob = new double[n];
        while (basis.ColumnCount > 0)
        {
            int cols = basis.ColumnCount;
            for (int i = 0; i < n; i++)
            {
                double pi = 0;
                for (int c = 0; c < cols; c++) pi += basis[i, c] * basis[i, c];
                prob[i] = pi / cols;
            }
            int pick = Draw(prob, rng.NextDouble());
            picks.Add(pick);
            scores.Add(prob[pick]);
            basis = Restrict(basis, pick);
        }
        return new SelectionResult(SelectionMethod.Dpp, picks, scores);
    }

    /// <summary>Index i with Σ_{j&lt;i} p_j ≤ u &lt; Σ_{j≤i} p_j; rounding overshoot goes to the last item of positive probability.</summary>
    private static int Draw(double[] p, double u)
    {
        double acc = 0;
        for (int i = 0; i < p.Length; i++)
        {
            acc += p[i];
            if (u < acc) return i;
        }
        for (int i = p.Length - 1; i > 0; i--) if (p[i] > 0) return i;
        return 0;
    }

    /// <summary>Orthonormal basis of the span of <paramref name="basis"/>'s columns that vanish at row <paramref name="i"/>.</summary>
    private static Matrix<double> Restrict(Matrix<double> basis, int i)
    {
        int cols = basis.ColumnCount;
        int piv = 0;
        for (int c = 1; c < cols; c++) if (Math.Abs(basis[i, c]) > Math.Abs(basis[i, piv])) piv = c;
        var pivot = basis.Column(piv);
        var rest = new List<Vector<double>>();
        for (int c = 0; c < cols; c++)
            if (c != piv) rest.Add(basis.Column(c) - pivot * (basis[i, c] / pivot[i]));
        // Modified Gram–Schmidt.
        var ortho = new List<Vector<double>>();
        foreach (var col in rest)
        {
            var w = col.Clone();
            foreach (var q in ortho) w -= q * (q * w);
            double norm = w.L2Norm();
            if (norm > 1e-12) ortho.Add(w / norm);
        }
        return ortho.Count == 0
            ? Matrix<double>.Build.Dense(basis.RowCount, 0)
            : Matrix<double>.Build.DenseOfColumnVectors(ortho);
    }

    /// <summary>Non-negligible eigenpairs of L (λ &gt; 10⁻¹⁰ λ_max), eigenvectors as columns of an N × m matrix.</summary>
    private static (double[] Lambda, Matrix<double> V) Eigen(FeatureMatrix x, Kernel kernel)
    {
        int n = x.Rows, d = x.Columns;
        if (kernel.Kind is KernelKind.Linear or KernelKind.Cosine)
        {
            var phi = Matrix<double>.Build.DenseOfRowMajor(n, d, x.Values.ToArray());
            if (kernel.Kind == KernelKind.Cosine)
                for (int i = 0; i < n; i++)
                {
                    double norm = phi.Row(i).L2Norm();
                    if (norm > 0) phi.SetRow(i, phi.Row(i) / norm);
                }
            var evd = phi.TransposeThisAndMultiply(phi).Evd(Symmetricity.Symmetric);
            return Keep(evd, (u, l) => phi * u / Math.Sqrt(l));
        }
        var l = Matrix<double>.Build.DenseOfRowMajor(n, n, kernel.Matrix(x));
        return Keep(l.Evd(Symmetricity.Symmetric), (u, _) => u);
    }

    private static (double[], Matrix<double>) Keep(MathNet.Numerics.LinearAlgebra.Factorization.Evd<double> evd,
        Func<Vector<double>, double, Vector<double>> toItemSpace)
    {
        var values = evd.EigenValues.Select(c => c.Real).ToArray();
        double max = values.Max();
        var keep = Enumerable.Range(0, values.Length).Where(j => values[j] > 1e-10 * max).ToArray();
        var vectors = keep.Select(j => toItemSpace(evd.EigenVectors.Column(j), values[j])).ToArray();
        return (keep.Select(j => values[j]).ToArray(), Matrix<double>.Build.DenseOfColumnVectors(vectors));
    }
}
