using System.Collections.Immutable;
using AtomCuration.Selection;
using AtomCuration.Structures;

namespace AtomCuration.Tests.Selection;

/// <summary>The dispatcher: method name + options + pool of structures.</summary>
public class SelectorTests
{
    private static List<Structure> Pool(int n, int seed)
    {
        var x = SelectionData.Correlated(n, 6, seed);
        return SelectionData.AtomPool(n, 4, seed).Select((s, i) => new Structure(s) { Descriptor = x.Row(i).ToArray().ToImmutableArray() }).ToList();
    }

    [Fact]
    public void EveryMethodSelectsFromAPoolOfStructures()
    {
        var pool = Pool(40, 61);
        foreach (var method in Enum.GetValues<SelectionMethod>())
        {
            var options = Selector.DefaultOptions(method) with { Count = 5, Seed = 1 };
            if (options is SpectralOptions so) options = so with { Clusters = 3, Fraction = 0.1 };
            var r = Selector.Select(method, pool, options);
            Assert.Equal(method, r.Method);
            Assert.Equal(r.SelectedIndices.Count, r.Scores.Count);
            Assert.Equal(r.SelectedIndices.Count, r.SelectedIndices.Distinct().Count());
            Assert.All(r.SelectedIndices, i => Assert.InRange(i, 0, pool.Count - 1));
            if (method is not (SelectionMethod.Spectral or SelectionMethod.LocalEnvironmentBank)) Assert.Equal(5, r.SelectedIndices.Count);
            if (r.Labels is not null) Assert.Equal(pool.Count, r.Labels.Count);
        }
    }

    [Fact]
    public void OptionsOfAnotherMethodAreRejected()
    {
        var pool = Pool(10, 62);
        Assert.Throws<ArgumentException>(() => Selector.Select(SelectionMethod.Fps, pool, new KMeansOptions()));
    }

    [Fact]
    public void PerElementThresholdsScaledToCount()
    {
        var pool = SelectionData.AtomPool(60, 5, 63);
        var r = LocalEnvironmentBank.Select(pool, new LocalEnvironmentBankOptions
        {
            Count = 15,
            FitCount = true,
            ElementThresholds = new Dictionary<int, double> { [1] = 0.2, [8] = 0.4 },
        });
        Assert.InRange(r.SelectedIndices.Count, 14, 16);
        // Running again at the found factor reproduces the selection.
        double f = r.Info["ThresholdFactor"];
        var again = LocalEnvironmentBank.Select(pool, new LocalEnvironmentBankOptions
        {
            ElementThresholds = new Dictionary<int, double> { [1] = 0.2 * f, [8] = 0.4 * f },
        });
        Assert.Equal(r.SelectedIndices, again.SelectedIndices);
    }

    [Fact]
    public void MissingElementThresholdIsAnError()
    {
        var pool = SelectionData.AtomPool(10, 3, 65);
        var ex = Assert.Throws<ArgumentException>(() => LocalEnvironmentBank.Select(pool,
            new LocalEnvironmentBankOptions { ElementThresholds = new Dictionary<int, double> { [1] = 0.3 } }));
        Assert.Contains("O", ex.Message);
    }

    [Fact]
    public void CancellationStopsAndProgressIsReported()
    {
        var pool = Pool(30, 64);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Selector.Select(pool, new FpsOptions { Count = 5, Cancellation = cts.Token }));
        Assert.ThrowsAny<OperationCanceledException>(() => Selector.Select(pool, new KMeansOptions { Count = 5, Cancellation = cts.Token }));
        var reports = new List<double>();
        Selector.Select(pool, new FpsOptions { Count = 5, Progress = new SyncProgress(reports.Add) });
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8], reports);
    }

    /// <summary>Reports synchronously (System.Progress posts to the thread pool).</summary>
    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
