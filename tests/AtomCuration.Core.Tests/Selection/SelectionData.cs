using System.Collections.Immutable;
using AtomCuration.Selection;
using AtomCuration.Structures;

namespace AtomCuration.Tests.Selection;

/// <summary>Seeded synthetic pools for the selection tests.</summary>
internal static class SelectionData
{
    public static double Gauss(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>Correlated Gaussian data with decaying column scales.</summary>
    public static FeatureMatrix Correlated(int n, int d, int seed)
    {
        var rng = new Random(seed);
        var mix = new double[d * d];
        for (int i = 0; i < mix.Length; i++) mix[i] = Gauss(rng);
        var v = new double[n * d];
        var z = new double[d];
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a < d; a++) z[a] = Gauss(rng) * Math.Pow(0.8, a);
            for (int b = 0; b < d; b++)
            {
                double s = 0;
                for (int a = 0; a < d; a++) s += z[a] * mix[a * d + b];
                v[i * d + b] = s + 3;
            }
        }
        return Matrices.Create(n, d, v);
    }

    /// <summary>Isotropic Gaussian blobs; returns the true labels too.</summary>
    public static (FeatureMatrix X, int[] Labels) Blobs(int n, int d, int centers, double spread, int seed)
    {
        var rng = new Random(seed);
        var c = new double[centers * d];
        for (int i = 0; i < c.Length; i++) c[i] = 20 * rng.NextDouble() - 10;
        var v = new double[n * d];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = i % centers;
            for (int a = 0; a < d; a++) v[i * d + a] = c[labels[i] * d + a] + spread * Gauss(rng);
        }
        return (Matrices.Create(n, d, v), labels);
    }

    public static double[][] Rows(FeatureMatrix x) => Enumerable.Range(0, x.Rows).Select(i => x.Row(i).ToArray()).ToArray();

    /// <summary>A pool of small structures with per-atom descriptors (species 1 and 8).</summary>
    public static List<Structure> AtomPool(int count, int features, int seed, int minAtoms = 4, int maxAtoms = 9)
    {
        var rng = new Random(seed);
        var pool = new List<Structure>();
        for (int s = 0; s < count; s++)
        {
            int n = rng.Next(minAtoms, maxAtoms + 1);
            var z = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.7 ? 1 : 8).ToImmutableArray();
            var pos = Enumerable.Range(0, n).Select(a => new Vec3(a, 0, 0)).ToImmutableArray();
            var g = new double[n * features];
            double shift = rng.NextDouble() * 3;
            for (int i = 0; i < g.Length; i++) g[i] = shift + Gauss(rng);
            pool.Add(new Structure(z, pos, Cell.Empty, Pbc.None) { Id = "s" + s, AtomDescriptors = Matrices.Create(n, features, g) });
        }
        return pool;
    }
}
