using AtomCuration.Storage;
using AtomCuration.Tests.Selection;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Storage;

/// <summary>Mini-batch k-means over a store against scikit-learn's MiniBatchKMeans (tests/oracles/sklearn_minibatch_kmeans.py).</summary>
public sealed class MiniBatchKMeansOracleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ac-mbk-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void InertiaIsWithinAFewPercentOfScikitLearns() => Oracle.Frozen(Check);

    [SkippableFact]
    [Trait("Oracle", "sklearn")]
    public void InertiaIsWithinAFewPercentOfScikitLearns_Live() => Oracle.Live("sklearn", Check);

    /// <summary>
    /// 1,200 rows in 6 dimensions around 12 centres, 12 clusters, b = 60, 4 epochs (80 steps): the mean inertia of
    /// 20 seeds is within 5 % of scikit-learn's mean over 20 seeds (both initialise by k-means++ on a sample).
    /// </summary>
    private void Check()
    {
        var (x, _) = SelectionData.Blobs(1200, 6, 12, 0.8, 17);
        const int k = 12, batch = 60, epochs = 4;
        var seeds = Enumerable.Range(0, 20).ToArray();
        using var doc = PythonOracle.Run("sklearn_minibatch_kmeans.py", new { X = SelectionData.Rows(x), k, batch_size = batch, max_iter = epochs, seeds });
        double theirs = doc.RootElement.GetProperty("inertia").EnumerateArray().Average(e => e.GetDouble());
        var store = DescriptorStoreTests.Write(Path.Combine(_folder, "blobs.parquet"), DescriptorStoreTests.Pool(x), groupRows: 200);
        double ours = seeds.Average(seed => MiniBatchKMeans.Fit(store,
            new StoreSelectionOptions { Count = k, Seed = seed, BatchSize = batch, Steps = epochs * x.Rows / batch }).Inertia);
        Assert.True(ours <= 1.05 * theirs, $"mini-batch k-means inertia {ours:F2} vs scikit-learn {theirs:F2}");
    }
}
