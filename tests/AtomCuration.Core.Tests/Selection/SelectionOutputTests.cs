using System.Collections.Immutable;
using AtomCuration.Embedding;
using AtomCuration.Selection;
using AtomCuration.Structures;

namespace AtomCuration.Tests.Selection;

public class SelectionOutputTests
{
    private static List<Structure> WithDescriptors(FeatureMatrix x) =>
        Enumerable.Range(0, x.Rows).Select(i => new Structure([1], [Vec3.Zero], Cell.Empty, Pbc.None)
        {
            Id = "p" + i,
            Descriptor = x.Row(i).ToArray().ToImmutableArray(),
        }).ToList();

    [Fact]
    public void SelectedComeInSelectionOrderWithRankScoreAndCluster()
    {
        var pool = WithDescriptors(SelectionData.Blobs(40, 3, 4, 0.3, 1).X);
        var result = Selector.Select(pool, new KMeansOptions { Count = 4, Seed = 2 });
        var picked = SelectionOutput.Attach(pool, result).ToList();
        Assert.Equal(result.SelectedIndices.Select(i => pool[i].Id), picked.Select(s => s.Id));
        Assert.Equal([0, 1, 2, 3], picked.Select(s => s.SelectionRank!.Value));
        Assert.Equal(result.Scores, picked.Select(s => s.SelectionScore!.Value));
        Assert.Equal(result.SelectedIndices.Select(i => result.Labels![i]), picked.Select(s => s.ClusterId!.Value));
        Assert.All(picked, s => Assert.Null(s.Selected));
        Assert.All(pool, s => Assert.Null(s.SelectionRank));
    }

    [Fact]
    public void IncludeRejectedEmitsTheComplementInPoolOrder()
    {
        var pool = WithDescriptors(SelectionData.Correlated(10, 3, 4));
        var result = Selector.Select(pool, new FpsOptions { Count = 3 });
        var all = SelectionOutput.Attach(pool, result, includeRejected: true).ToList();
        Assert.Equal(10, all.Count);
        Assert.All(all.Take(3), s => Assert.True(s.Selected));
        Assert.All(all.Skip(3), s => Assert.Equal((false, (int?)null, (double?)null), (s.Selected!.Value, s.SelectionRank, s.SelectionScore)));
        var rejected = Enumerable.Range(0, 10).Where(i => !result.SelectedIndices.Contains(i)).Select(i => pool[i].Id);
        Assert.Equal(rejected, all.Skip(3).Select(s => s.Id));
    }

    [Fact]
    public void RequirementsNameTheStructureAndTheMissingGetDescriptorCall()
    {
        var bare = new Structure([1], [Vec3.Zero], Cell.Empty, Pbc.None) { Id = "bare#0" };
        Assert.Null(DescriptorRequirement.Missing(bare, 0, new RandomOptions()));
        var kmeans = DescriptorRequirement.Missing(bare, 3, new KMeansOptions())!;
        Assert.Contains("'bare#0' (input 3)", kmeans);
        Assert.Contains("Get-Descriptor", kmeans);
        Assert.Contains("KMeans", kmeans);
        Assert.Contains("Get-Descriptor -PerAtom", DescriptorRequirement.Missing(bare, 0, new LocalEnvironmentBankOptions())!);
        Assert.Contains("-PerAtom", DescriptorRequirement.Missing(bare, 0, new SpectralOptions { Delta = 0.5 })!);
        var atoms = SelectionData.AtomPool(1, 3, 1)[0];
        Assert.Null(DescriptorRequirement.Missing(atoms, 0, new EntropyOptions()));
        Assert.NotNull(DescriptorRequirement.Missing(atoms, 0, new SpectralOptions { Delta = 0.5 }));
        Assert.Contains("Get-ConfigurationMap", DescriptorRequirement.Missing(bare, 0, true, false, "Get-ConfigurationMap")!);
    }

    [Fact]
    public void MapAttachmentSetsTheCoordinatesOfConfigurationMap()
    {
        var x = SelectionData.Correlated(12, 4, 9);
        var pool = WithDescriptors(x);
        var options = new MapOptions { Method = MapMethod.ClassicalMds };
        var map = ConfigurationMap.Compute(x, options);
        var mapped = MapAttachment.Attach(pool, options);
        Assert.Equal(map.X, mapped.Select(s => s.MapX!.Value));
        Assert.Equal(map.Y, mapped.Select(s => s.MapY!.Value));
        Assert.Equal(pool.Select(s => s.Id), mapped.Select(s => s.Id));
        Assert.Empty(MapAttachment.Attach([], options));
    }

    [Fact]
    public void DiversityMinMaxScalesSetAndReferenceTogether()
    {
        var pool = SelectionData.AtomPool(12, 3, 5);
        var set = pool.Take(4).ToList();
        var options = new EntropyOptions();
        var raw = DiversityMeasurement.Measure(set, pool, options, EnvironmentScaling.None);
        Assert.Equal(Diversity.Measure(set, pool, options), raw);
        var scaling = ColumnScaling.MinMax(set.Concat(pool).Select(s => s.AtomDescriptors!));
        Assert.Equal(Diversity.Measure(set, pool, options, scaling), DiversityMeasurement.Measure(set, pool, options, EnvironmentScaling.MinMax));
        Assert.Equal(0, DiversityMeasurement.Measure(set, set, options, EnvironmentScaling.MinMax).MaxDistance);
    }

    [Fact]
    public void DiversityIsTheSameOnAnyThreadCountReportsProgressAndCancels()
    {
        var pool = SelectionData.AtomPool(200, 4, 6);
        var set = pool.Take(60).ToList();
        var serial = Diversity.Measure(set, pool, new EntropyOptions { Threads = 1 });
        var fractions = new System.Collections.Concurrent.ConcurrentBag<double>();
        var parallel = Diversity.Measure(set, pool, new EntropyOptions { Threads = 4, Progress = new Recorder(fractions) });
        Assert.Equal(serial, parallel);
        Assert.NotEmpty(fractions);
        Assert.All(fractions, f => Assert.InRange(f, 0, 1));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Diversity.Measure(set, pool, new EntropyOptions { Threads = 2, Cancellation = cancelled.Token }));
    }

    private sealed class Recorder(System.Collections.Concurrent.ConcurrentBag<double> bag) : IProgress<double>
    {
        public void Report(double value) => bag.Add(value);
    }
}
