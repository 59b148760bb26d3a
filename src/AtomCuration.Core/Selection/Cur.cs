using AtomCuration.Options;
using AtomCuration.Structures;
using MathNet.Numerics.LinearAlgebra;

namespace AtomCuration.Selection;

/// <summary>Options for <see cref="Cur"/>.</summary>
public sealed record CurOptions : SelectionOptions
{
    /// <summary>Number r of leading singular vectors whose squared entries make the leverage score.</summary>
    [OptionRange(1, 100_000)]
    public int Components { get; init; } = 1;
}

/// <summary>
/// CUR row selection by leverage scores with re-orthogonalisation. With X the current residual
/// and X = U Σ Vᵀ its SVD, the leverage of row i is ℓᵢ = Σ_{j&lt;r} U_ij²; the row of largest
/// leverage is picked (ties: lowest index), and every row is then projected onto the orthogonal
/// complement of the picked row: X ← X (I − v vᵀ), v = x_s / |x_s|. Score = ℓ of the pick.
/// Singular directions with σ² ≤ 10⁻¹² σ²_max are ignored (they carry no information).
/// </summary>
public static class Cur
{
    /// <summary>Selects <see cref="SelectionOptions.Count"/> rows of the preprocessed <paramref name="x"/>.</summary>
    public static SelectionResult Select(FeatureMatrix x, CurOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var p = Preprocessing.Apply(x, options.Preprocess);
        int n = p.Rows, d = p.Columns, k = Math.Min(options.Count, n);
        var r = p.Values.ToArray();
        // XᵀX is kept up to date analytically: (I − vvᵀ) G (I − vvᵀ).
        var g = Matrix<double>.Build.Dense(d, d);
        for (int i = 0; i < n; i++)
            for (int a = 0; a < d; a++)
            {
                double ra = r[i * d + a];
                if (ra == 0) continue;
                for (int b = 0; b < d; b++) g[a, b] += ra * r[i * d + b];
            }
        var picks = new List<int>(k);
        var scores = new List<double>(k);
        var taken = new bool[n];
        var lev = new double[n];
        for (int t = 0; t < k; t++)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            options.Progress?.Report(t / (double)k);
            var evd = g.Evd(Symmetricity.Symmetric);
            double top = evd.EigenValues[d - 1].Real;
            if (top <= 0) break;
            Array.Clear(lev);
            for (int j = 0; j < Math.Min(options.Components, d); j++)
            {
                double lambda = evd.EigenValues[d - 1 - j].Real;
                if (lambda <= 1e-12 * top) break;
                var v = evd.EigenVectors.Column(d - 1 - j).AsArray();
                for (int i = 0; i < n; i++)
                {
                    double u = VectorMath.Dot(r.AsSpan(i * d, d), v);
                    lev[i] += u * u / lambda;
                }
            }
            int s = -1;
            for (int i = 0; i < n; i++)
                if (!taken[i] && (s < 0 || lev[i] > lev[s])) s = i;
            taken[s] = true;
            picks.Add(s);
            scores.Add(lev[s]);
            Orthogonalise(r, n, d, s, g);
        }
        return new SelectionResult(SelectionMethod.Cur, picks, scores);
    }

    private static void Orthogonalise(double[] r, int n, int d, int s, Matrix<double> g)
    {
        var v = r.AsSpan(s * d, d).ToArray();
        double norm = Math.Sqrt(VectorMath.Dot(v, v));
        if (norm == 0) return;
        for (int a = 0; a < d; a++) v[a] /= norm;
        for (int i = 0; i < n; i++)
        {
            var row = r.AsSpan(i * d, d);
            double c = VectorMath.Dot(row, v);
            for (int a = 0; a < d; a++) row[a] -= c * v[a];
        }
        ProjectGram(g, v);
    }

    /// <summary>XᵀX after X ← X (I − v vᵀ) for a unit <paramref name="v"/>: G ← (I − vvᵀ) G (I − vvᵀ), in place.</summary>
    internal static void ProjectGram(Matrix<double> g, double[] v)
    {
        var vv = Vector<double>.Build.Dense(v);
        var gv = g * vv;
        double vgv = vv * gv;
        var outer = vv.OuterProduct(gv);
        g.Subtract(outer, g);
        g.Subtract(outer.Transpose(), g);
        g.Add(vv.OuterProduct(vv) * vgv, g);
    }
}
