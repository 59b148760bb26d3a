using AtomCuration.Options;
using AtomCuration.Selection;
using MathNet.Numerics.LinearAlgebra;

namespace AtomCuration.Storage;

/// <summary>
/// CUR row selection over a descriptor store: the same picks and scores as <see cref="Cur"/> on the raw descriptors.
/// XᵀX is accumulated in one pass and then kept up to date analytically, (I − vvᵀ) G (I − vvᵀ); the residual rows are
/// never stored: each pass re-applies the projections of the picks so far, x ← x − (x·v) v in pick order, which is
/// exactly the arithmetic of the in-memory version. One pass per pick; memory: d × d, the picks' directions, a flag
/// per row and, when it fits the budget, the descriptors (see <see cref="StorePasses"/>).
/// </summary>
public static class StoreCur
{
    /// <summary>Selects min(Count, rows) rows of <paramref name="store"/>.</summary>
    public static SelectionResult Select(DescriptorStore store, StoreSelectionOptions options, RunContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        options.Validate();
        context ??= RunContext.Default;
        var passes = new StorePasses(store, options.CacheBytes, context.Cancellation);
        int n = checked((int)store.Rows), d = store.Labels.Count, k = Math.Min(options.Count, n);
        var g = Matrix<double>.Build.Dense(d, d);
        foreach (var chunk in passes.Pass())
            for (int i = 0; i < chunk.Rows; i++)
            {
                var row = chunk.Row(i);
                for (int a = 0; a < d; a++)
                {
                    double ra = row[a];
                    if (ra == 0) continue;
                    for (int b = 0; b < d; b++) g[a, b] += ra * row[b];
                }
            }
        var directions = new List<double[]>();
        var picks = new List<int>(k);
        var scores = new List<double>(k);
        var taken = new bool[n];
        var residual = new double[d];
        var picked = new double[d];
        for (int t = 0; t < k; t++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            context.Report(t / (double)k, "CUR");
            var evd = g.Evd(Symmetricity.Symmetric);
            double top = evd.EigenValues[d - 1].Real;
            if (top <= 0) break;
            var vectors = new List<(double Lambda, double[] V)>();
            for (int j = 0; j < Math.Min(options.Components, d); j++)
            {
                double lambda = evd.EigenValues[d - 1 - j].Real;
                if (lambda <= 1e-12 * top) break;
                vectors.Add((lambda, evd.EigenVectors.Column(d - 1 - j).AsArray()));
            }
            int s = -1;
            double sLev = 0;
            foreach (var chunk in passes.Pass())
                for (int r = 0; r < chunk.Rows; r++)
                {
                    Residual(chunk.Row(r), directions, residual);
                    double lev = 0;
                    foreach (var (lambda, v) in vectors)
                    {
                        double u = VectorMath.Dot(residual, v);
                        lev += u * u / lambda;
                    }
                    int i = (int)(chunk.Start + r);
                    if (!taken[i] && (s < 0 || lev > sLev))
                    {
                        s = i;
                        sLev = lev;
                        residual.CopyTo(picked, 0);
                    }
                }
            taken[s] = true;
            picks.Add(s);
            scores.Add(sLev);
            if (Direction(picked) is { } dir)
            {
                directions.Add(dir);
                Cur.ProjectGram(g, dir);
            }
        }
        return new SelectionResult(SelectionMethod.Cur, picks, scores);
    }

    /// <summary>The row projected off every pick's direction, in pick order.</summary>
    private static void Residual(ReadOnlySpan<double> row, List<double[]> directions, double[] residual)
    {
        row.CopyTo(residual);
        foreach (var v in directions)
        {
            double c = VectorMath.Dot(residual, v);
            for (int a = 0; a < residual.Length; a++) residual[a] -= c * v[a];
        }
    }

    private static double[]? Direction(double[] picked)
    {
        var v = (double[])picked.Clone();
        double norm = Math.Sqrt(VectorMath.Dot(v, v));
        if (norm == 0) return null;
        for (int a = 0; a < v.Length; a++) v[a] /= norm;
        return v;
    }
}
