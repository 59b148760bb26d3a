using AtomCuration.Selection;
using AtomCuration.Structures;
using MathNet.Numerics.LinearAlgebra;

namespace AtomCuration.Tests.Selection;

/// <summary>Same seed → same selection on any thread count; exact k-DPP sampling frequencies; the study preset.</summary>
public class DeterminismTests
{
    [Fact]
    public void SameSeedSameSelectionOnAnyThreadCount()
    {
        var x = SelectionData.Correlated(5000, 12, 21);
        foreach (SelectionOptions o in new SelectionOptions[]
                 {
                     new KMeansOptions { Count = 7, Restarts = 2, Seed = 4 },
                     new FpsOptions { Count = 25 },
                     new DppOptions { Count = 10 },
                     new RandomOptions { Count = 30, Seed = 9 },
                 })
        {
            var one = Selector.SelectFromMatrix(x, o with { Threads = 1 });
            var many = Selector.SelectFromMatrix(x, o with { Threads = 4 });
            Assert.Equal(one.SelectedIndices, many.SelectedIndices);
            Assert.Equal(one.Scores, many.Scores);
        }
        var pool = SelectionData.AtomPool(50, 5, 22, 10, 20);
        var a = LocalEnvironmentBank.Select(pool, new LocalEnvironmentBankOptions { Threshold = 0.3, Shuffle = true, Seed = 2, Threads = 1 });
        var b = LocalEnvironmentBank.Select(pool, new LocalEnvironmentBankOptions { Threshold = 0.3, Shuffle = true, Seed = 2, Threads = 4 });
        Assert.Equal(a.SelectedIndices, b.SelectedIndices);
    }

    [Fact]
    public void KDppSamplesFollowDeterminants()
    {
        // P(S) ∝ det(L_S) over all 2-subsets of 6 items (linear kernel in 3-d, dual form).
        var x = SelectionData.Correlated(6, 3, 23);
        var phi = Matrix<double>.Build.DenseOfRowMajor(6, 3, x.Values.ToArray());
        var l = phi * phi.Transpose();
        var expected = new Dictionary<(int, int), double>();
        for (int i = 0; i < 6; i++)
            for (int j = i + 1; j < 6; j++) expected[(i, j)] = l[i, i] * l[j, j] - l[i, j] * l[j, i];
        double z = expected.Values.Sum();
        var counts = expected.Keys.ToDictionary(k => k, _ => 0);
        const int draws = 6000;
        for (int s = 0; s < draws; s++)
        {
            var pick = Dpp.Select(x, new DppOptions { Count = 2, Seed = s, Mode = DppMode.Sample, Kernel = new(KernelKind.Linear) }).SelectedIndices;
            counts[(Math.Min(pick[0], pick[1]), Math.Max(pick[0], pick[1]))]++;
        }
        foreach (var (key, det) in expected)
        {
            double p = det / z, sd = Math.Sqrt(p * (1 - p) / draws);
            Assert.True(Math.Abs(counts[key] / (double)draws - p) < 4.5 * sd + 1e-3, $"{key}: {counts[key] / (double)draws} vs {p}");
        }
    }

    [Fact]
    public void StudyPresetFollowsPaper()
    {
        var o = KMeansOptions.Study(30);
        Assert.Equal(15, o.Restarts);
        Assert.Equal(3, KMeansOptions.Study(5).Restarts); // 5 − round(2.5) = 5 − 2
        Assert.Equal(1e-6, o.Tolerance);
        Assert.Equal(600, o.MaxIterations);
        Assert.True(o.Preprocess.Standardize);
        Assert.Equal(0.98, o.Preprocess.ExplainedVariance);
        Assert.Equal([1.0, 4.0, 2.0, 1.0], o.Preprocess.LabelBlockWeights.Select(b => b.Weight));
        var random = SelectionData.Correlated(120, 352, 24);
        var x = new FeatureMatrix(random.Rows, AtomCuration.Descriptors.Seed.SeedFingerprint.Labels, random.Values.ToArray());
        // The blocks are the SeedFingerprint's columns 0–243, 244–247, 248–251, 252–351, found by label.
        Assert.Equal([new ColumnBlock(0, 243, 1), new ColumnBlock(244, 247, 4), new ColumnBlock(248, 251, 2), new ColumnBlock(252, 351, 1)],
            o.Preprocess.ResolveLabelBlocks(x.Labels).Blocks);
        Assert.Contains("SeedFingerprint", Assert.Throws<ArgumentException>(() => KMeans.Select(random, KMeansOptions.Study(6, seed: 1))).Message);
        var r = KMeans.Select(x, KMeansOptions.Study(6, seed: 1));
        Assert.Equal(6, r.SelectedIndices.Distinct().Count());
        Assert.Equal(120, r.Scores.Sum());
    }
}
