using AtomCuration.Selection;

namespace AtomCuration.Tests.Selection;

public class KMeansElkanTests
{
    /// <summary>Plain Lloyd iterations (every distance computed), stopping as KMeans does.</summary>
    private static (int[] Labels, double[] Centers, int Iterations) PlainLloyd(double[] x, int n, int d, int k, double[] start, double tol, int maxIter)
    {
        var c = (double[])start.Clone();
        var labels = new int[n];
        var prev = new int[n];
        int iter = 0;
        bool strict = false;
        for (; iter < maxIter; iter++)
        {
            Assign(x, n, d, k, c, labels);
            var next = new double[k * d];
            var count = new int[k];
            for (int i = 0; i < n; i++)
            {
                count[labels[i]]++;
                for (int a = 0; a < d; a++) next[labels[i] * d + a] += x[i * d + a];
            }
            for (int j = 0; j < k; j++)
                for (int a = 0; a < d; a++) next[j * d + a] = count[j] > 0 ? next[j * d + a] / count[j] : c[j * d + a];
            double shift = 0;
            for (int q = 0; q < k * d; q++) shift += (next[q] - c[q]) * (next[q] - c[q]);
            c = next;
            if (iter > 0 && labels.AsSpan().SequenceEqual(prev)) { strict = true; iter++; break; }
            labels.CopyTo(prev, 0);
            if (shift <= tol) { iter++; break; }
        }
        if (!strict) Assign(x, n, d, k, c, labels);
        return (labels, c, iter);
    }

    private static void Assign(double[] x, int n, int d, int k, double[] c, int[] labels)
    {
        for (int i = 0; i < n; i++)
        {
            double best = double.PositiveInfinity;
            for (int j = 0; j < k; j++)
            {
                double s = 0;
                for (int a = 0; a < d; a++) s += (x[i * d + a] - c[j * d + a]) * (x[i * d + a] - c[j * d + a]);
                if (s < best) { best = s; labels[i] = j; }
            }
        }
    }

    private static double[] Blobs(int seed, int n, int d)
    {
        var rng = new Random(seed);
        var x = new double[n * d];
        for (int i = 0; i < n; i++)
        {
            int blob = rng.Next(5);
            for (int a = 0; a < d; a++) x[i * d + a] = blob * (a % 2 == 0 ? 1.5 : -1.0) + 2.0 * (rng.NextDouble() + rng.NextDouble() - 1);
        }
        return x;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 2)]
    public void BoundsFromTheSeedingGiveTheBitsOfAnExactFirstPass(int seed, int threads)
    {
        // Fit starts Elkan from the k-means++ distances; Fit from the same centres computes them in its first pass.
        int n = 3000, d = 7, k = 12;
        var x = Matrices.Create(n, d, Blobs(seed, n, d));
        var options = new KMeansOptions { Count = k, Restarts = 1, Seed = seed, Tolerance = 1e-12, MaxIterations = 200, Threads = threads };
        var start = KMeans.SeedCenters(x, options);
        var seeded = KMeans.Fit(x, options);
        var given = KMeans.Fit(x, options, start);
        Assert.True(seeded.Iterations > 5, $"only {seeded.Iterations} iterations: the case does not exercise the bounds");
        Assert.Equal(given.Iterations, seeded.Iterations);
        Assert.Equal(given.Labels, seeded.Labels);
        Assert.Equal(given.Centers, seeded.Centers);
        Assert.Equal(given.Inertia, seeded.Inertia);
        Assert.Throws<ArgumentException>(() => KMeans.Fit(x, options, start.AsSpan(d)));
    }

    [Theory]
    [InlineData(1, 1, 12)]
    [InlineData(1, 2, 12)]
    [InlineData(7, 3, 12)]
    [InlineData(3, 2, 45)]
    [InlineData(4, 2, 45)]
    [InlineData(5, 2, 45)] // bounds compared sixteen, eight and one at a time
    public void SkipsDistancesButNotLabels(int seed, int threads, int k)
    {
        // Overlapping blobs, so rows change cluster for many iterations and the bounds are exercised.
        int n = 3000, d = 7;
        var x = Blobs(seed, n, d);
        var rng = new Random(seed);
        var start = new double[k * d];
        for (int j = 0; j < k; j++) x.AsSpan(rng.Next(n) * d, d).CopyTo(start.AsSpan(j * d, d));
        var plain = PlainLloyd(x, n, d, k, start, 1e-12, 200);
        var elkan = KMeansElkan.Run(x, n, d, k, (double[])start.Clone(), new KMeansElkan.Bounds(new float[n * k], n), false, 1e-12, 200, threads, CancellationToken.None, chunk: 256);
        Assert.True(plain.Iterations > 5, $"only {plain.Iterations} iterations: the case does not exercise the bounds");
        Assert.Equal(plain.Iterations, elkan.Iterations);
        Assert.Equal(plain.Labels, elkan.Labels);
        for (int q = 0; q < k * d; q++) Assert.Equal(plain.Centers[q], elkan.Centers[q], 1e-9);
    }

    [Fact]
    public void DownIsTheLargestFloatNotAbove()
    {
        var rng = new Random(5);
        var values = Enumerable.Range(0, 200_000).Select(i => Math.ScaleB(rng.NextDouble(), rng.Next(-160, 140)) * (i % 7 == 0 ? -1 : 1))
            .Concat([0.0, -0.0, double.Epsilon, 1e-46, float.Epsilon, float.MaxValue, (double)float.MaxValue * 1.5, double.MaxValue,
                double.PositiveInfinity, double.NegativeInfinity, -1e-46, 1.0, 1 + 1e-9, 16777217.0]);
        foreach (double v in values)
        {
            float f = KMeansElkan.Down(v);
            Assert.True(f <= v, $"Down({v:R}) = {f:R} is above it");
            Assert.True(MathF.BitIncrement(f) > v || (float.IsPositiveInfinity(f) && double.IsPositiveInfinity(v)), $"Down({v:R}) = {f:R} is not the largest");
        }
        Assert.True(float.IsNaN(KMeansElkan.Down(double.NaN)));
    }
}
