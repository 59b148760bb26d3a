using AtomCuration.Options;
using AtomCuration.Structures;
using MathNet.Numerics.LinearAlgebra;

namespace AtomCuration.Selection;

/// <summary>Options for <see cref="MaxVol"/>.</summary>
public sealed record MaxVolOptions : SelectionOptions
{
    /// <summary>Stop swapping when no entry of B = A A_S⁻¹ exceeds this in magnitude.</summary>
    [OptionRange(1, double.PositiveInfinity)]
    public double Tolerance { get; init; } = 1.01;

    /// <summary>Cap on row swaps.</summary>
    [OptionRange(0, double.PositiveInfinity)]
    public int MaxSwaps { get; init; } = 10_000;
}

/// <summary>
/// D-optimal rows of the N × d matrix A by maxvol. Start: the d rows chosen by Gaussian
/// elimination with row pivoting (largest |entry| of each column in turn, ties to the lowest
/// row). Swaps: while the largest |B_ij| of B = A A_S⁻¹ (first in row-major order) exceeds the
/// tolerance, row i replaces the j-th selected row. When Count &gt; d the selection grows
/// greedily (rectangular maxvol): add the row maximising aᵢ (A_SᵀA_S)⁻¹ aᵢᵀ, i.e. the factor
/// 1 + aᵢ(A_SᵀA_S)⁻¹aᵢᵀ by which det(A_SᵀA_S) grows. When Count &lt; d, A is first replaced by
/// its projection on the Count leading right singular vectors. Scores: 1 for the square part,
/// the determinant growth factor for each rectangular addition.
/// </summary>
public static class MaxVol
{
    /// <summary>Selects <see cref="SelectionOptions.Count"/> rows of the preprocessed <paramref name="x"/>.</summary>
    public static SelectionResult Select(FeatureMatrix x, MaxVolOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var p = Preprocessing.Apply(x, options.Preprocess);
        int n = p.Rows, k = Math.Min(options.Count, n);
        var a = Matrix<double>.Build.DenseOfRowMajor(n, p.Columns, p.Values.ToArray());
        if (k < a.ColumnCount)
        {
            var svd = a.Svd(true);
            a = a * svd.VT.SubMatrix(0, k, 0, a.ColumnCount).Transpose();
        }
        int d = a.ColumnCount;
        if (n < d) throw new ArgumentException($"MaxVol needs at least as many rows ({n}) as columns ({d}).");
        var rows = Square(a, options.Tolerance, options.MaxSwaps);
        var scores = Enumerable.Repeat(1.0, d).ToList();
        options.Cancellation.ThrowIfCancellationRequested();
        if (k > d) Grow(a, rows, k, scores, options);
        return new SelectionResult(SelectionMethod.MaxVol, rows, scores);
    }

    private static List<int> Square(Matrix<double> a, double tol, int maxSwaps)
    {
        int n = a.RowCount, d = a.ColumnCount;
        var rows = Pivots(a);
        var b = a * Matrix<double>.Build.DenseOfRowVectors(rows.Select(a.Row)).Inverse();
        for (int swap = 0; swap < maxSwaps; swap++)
        {
            int bi = 0, bj = 0;
            double best = -1;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < d; j++)
                {
                    double v = Math.Abs(b[i, j]);
                    if (v > best) { best = v; bi = i; bj = j; }
                }
            if (best <= tol) break;
            // Rank-one update of B for replacing selected row j by row i.
            var colJ = b.Column(bj);
            var rowI = b.Row(bi).Clone();
            rowI[bj] -= 1;
            double pivot = b[bi, bj];
            for (int i = 0; i < n; i++)
            {
                double f = colJ[i] / pivot;
                if (f == 0) continue;
                for (int j = 0; j < d; j++) b[i, j] -= f * rowI[j];
            }
            rows[bj] = bi;
        }
        return rows;
    }

    /// <summary>Row pivots of Gaussian elimination with partial (row) pivoting.</summary>
    private static List<int> Pivots(Matrix<double> a)
    {
        int n = a.RowCount, d = a.ColumnCount;
        var r = a.Clone();
        var used = new bool[n];
        var rows = new List<int>(d);
        for (int j = 0; j < d; j++)
        {
            int p = -1;
            for (int i = 0; i < n; i++)
                if (!used[i] && (p < 0 || Math.Abs(r[i, j]) > Math.Abs(r[p, j]))) p = i;
            if (r[p, j] == 0) throw new ArgumentException("The descriptor matrix is rank-deficient; MaxVol needs full column rank.");
            used[p] = true;
            rows.Add(p);
            for (int i = 0; i < n; i++)
            {
                if (used[i]) continue;
                double f = r[i, j] / r[p, j];
                if (f == 0) continue;
                for (int c = j; c < d; c++) r[i, c] -= f * r[p, c];
            }
        }
        return rows;
    }

    private static void Grow(Matrix<double> a, List<int> rows, int k, List<double> scores, MaxVolOptions options)
    {
        int n = a.RowCount;
        var sel = Matrix<double>.Build.DenseOfRowVectors(rows.Select(a.Row));
        var w = a * (sel.TransposeThisAndMultiply(sel)).Inverse(); // W = A M⁻¹
        var lev = new double[n];
        for (int i = 0; i < n; i++) lev[i] = w.Row(i) * a.Row(i);
        var taken = new bool[n];
        foreach (int i in rows) taken[i] = true;
        while (rows.Count < k)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            options.Progress?.Report(rows.Count / (double)k);
            int s = -1;
            for (int i = 0; i < n; i++)
                if (!taken[i] && (s < 0 || lev[i] > lev[s])) s = i;
            double ls = lev[s];
            var ms = w.Row(s); // M⁻¹ a_s (M⁻¹ is symmetric)
            var q = w * a.Row(s); // aᵢ M⁻¹ a_s for every i
            for (int i = 0; i < n; i++) lev[i] -= q[i] * q[i] / (1 + ls);
            w -= q.OuterProduct(ms) / (1 + ls);
            taken[s] = true;
            rows.Add(s);
            scores.Add(1 + ls);
        }
    }
}
