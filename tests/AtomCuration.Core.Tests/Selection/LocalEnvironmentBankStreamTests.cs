using AtomCuration.Selection;

namespace AtomCuration.Tests.Selection;

public class LocalEnvironmentBankStreamTests
{
    [Fact]
    public void StreamingSelectsWhatTheBatchBankSelects()
    {
        var pool = SelectionData.AtomPool(60, 4, 11);
        var options = new LocalEnvironmentBankOptions
        {
            Threshold = 2.2,
            ElementThresholds = new Dictionary<int, double> { [8] = 2.8 },
            Scaling = EnvironmentScaling.None,
            Threads = 2,
        };
        var batch = LocalEnvironmentBank.Select(pool, options);
        Assert.InRange(batch.SelectedIndices.Count, 2, pool.Count - 1);
        var stream = LocalEnvironmentBankStream.TryCreate(options)!;
        var streamed = pool.Select(s => stream.Offer(s)).OfType<AtomCuration.Structures.Structure>().ToList();
        Assert.Equal(batch.SelectedIndices.Select(i => pool[i].Id), streamed.Select(s => s.Id));
        Assert.Equal(batch.Scores, streamed.Select(s => s.SelectionScore!.Value));
        Assert.Equal(Enumerable.Range(0, streamed.Count), streamed.Select(s => s.SelectionRank!.Value));
        var again = LocalEnvironmentBankStream.TryCreate(options)!;
        var all = pool.Select(s => again.Offer(s, includeRejected: true)!).ToList();
        Assert.Equal(pool.Count, all.Count);
        Assert.Equal(streamed.Count, all.Count(s => s.Selected == true));
    }

    [Fact]
    public void AnElementWithoutAThresholdIsAnErrorWhenStreamingAsInTheBatch()
    {
        var pool = SelectionData.AtomPool(10, 4, 11);
        var zs = pool.SelectMany(s => s.AtomicNumbers).Distinct().Order().ToArray();
        Assert.True(zs.Length > 1);
        var options = new LocalEnvironmentBankOptions
        {
            ElementThresholds = new Dictionary<int, double> { [zs[0]] = 2.0 },
            Scaling = EnvironmentScaling.None,
        };
        var batch = Assert.Throws<ArgumentException>(() => LocalEnvironmentBank.Select(pool, options));
        var stream = LocalEnvironmentBankStream.TryCreate(options)!;
        var streamed = Assert.Throws<ArgumentException>(() => pool.Select(s => stream.Offer(s)).ToList());
        Assert.Equal(batch.Message, streamed.Message);
    }

    [Fact]
    public void OnlySettingsThatNeedNoWholePoolStream()
    {
        var fixedRaw = new LocalEnvironmentBankOptions { Threshold = 0.3, Scaling = EnvironmentScaling.None };
        Assert.NotNull(LocalEnvironmentBankStream.TryCreate(fixedRaw));
        Assert.Null(LocalEnvironmentBankStream.TryCreate(fixedRaw with { Scaling = EnvironmentScaling.MinMax }));
        Assert.Null(LocalEnvironmentBankStream.TryCreate(fixedRaw with { Shuffle = true }));
        Assert.Null(LocalEnvironmentBankStream.TryCreate(fixedRaw with { FitCount = true }));
        Assert.Null(LocalEnvironmentBankStream.TryCreate(fixedRaw with { Threshold = null }));
        Assert.Null(LocalEnvironmentBankStream.TryCreate(new KMeansOptions()));
    }
}
