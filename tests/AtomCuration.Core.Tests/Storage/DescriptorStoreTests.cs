using System.Collections.Immutable;
using AtomCuration.Jobs;
using AtomCuration.Selection;
using AtomCuration.Storage;
using AtomCuration.Structures;
using AtomCuration.Tests.Selection;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Storage;

/// <summary>Descriptor stores: written in row groups and shards, read back in pool order, selected from in chunks.</summary>
public sealed class DescriptorStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ac-store-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    internal static List<Structure> Pool(FeatureMatrix x) =>
        Enumerable.Range(0, x.Rows).Select(i => new Structure([29], [Vec3.Zero], Cell.Empty, Pbc.None)
        {
            Id = "p" + i,
            PoolIndex = i,
            SourcePath = i % 2 == 0 ? "/data/even.extxyz" : null,
            FrameIndex = i / 2,
            Energy = i % 5 == 0 ? null : -3.5 * i,
            Info = i % 3 == 0 ? new Dictionary<string, object>() : new Dictionary<string, object> { ["config_type"] = i % 3 == 1 ? "bulk" : "surface" },
            Descriptor = x.Row(i).ToArray().ToImmutableArray(),
            DescriptorLabels = x.Labels,
        }).ToList();

    internal static DescriptorStore Write(string path, IReadOnlyList<Structure> pool, int shards = 1, int groupRows = 7)
    {
        for (int k = 1; k <= shards; k++)
        {
            var shard = new ShardSpec(k, shards);
            using var writer = new DescriptorStoreWriter(path, shard, groupRows);
            foreach (var s in pool.Where(s => shard.Contains(s.PoolIndex!.Value))) writer.Write(s);
            writer.Complete();
        }
        return DescriptorStore.Open(path);
    }

    private static List<StoreRow> AllRows(DescriptorStore store) =>
        store.Chunks(metadata: true).SelectMany(c => Enumerable.Range(0, c.Rows).Select(r => StoreRow.From(c, r))).ToList();

    [Fact]
    public void RowsComeBackAsWrittenInPoolOrder()
    {
        var x = SelectionData.Correlated(40, 3, 5);
        var pool = Pool(x);
        var store = Write(Path.Combine(_folder, "a.parquet"), pool);
        Assert.Equal(40, store.Rows);
        Assert.Equal(x.Labels, store.Labels);
        var rows = AllRows(store);
        Assert.Equal(pool.Select(s => s.Id), rows.Select(r => r.Id));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long)i), rows.Select(r => r.Ordinal));
        Assert.Equal(pool.Select(s => s.Energy), rows.Select(r => r.Energy));
        Assert.Equal(pool.Select(s => s.GetInfo("config_type") as string), rows.Select(r => r.ConfigType));
        Assert.Equal(pool.Select(s => s.SourcePath), rows.Select(r => r.SourcePath));
        Assert.Equal(pool.Select(s => s.FrameIndex), rows.Select(r => r.FrameIndex));
        for (int i = 0; i < 40; i++) Assert.Equal(x.Row(i).ToArray(), rows[i].Descriptor.ToArray());
    }

    [Fact]
    public void ShardedPartsMergeIntoTheUnshardedStoreBitForBit()
    {
        var pool = Pool(SelectionData.Correlated(50, 4, 6));
        var whole = AllRows(Write(Path.Combine(_folder, "whole.parquet"), pool));
        var sharded = Write(Path.Combine(_folder, "sharded.parquet"), pool, shards: 4, groupRows: 3);
        Assert.Equal(4, sharded.Parts);
        var merged = AllRows(sharded);
        Assert.Equal(whole.Count, merged.Count);
        for (int i = 0; i < whole.Count; i++)
        {
            Assert.Equal(whole[i] with { Descriptor = [] }, merged[i] with { Descriptor = [] });
            Assert.Equal(whole[i].Descriptor.Select(BitConverter.DoubleToInt64Bits), merged[i].Descriptor.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void AnIncompleteOrMixedStoreIsRefused()
    {
        var pool = Pool(SelectionData.Correlated(12, 2, 7));
        string path = Path.Combine(_folder, "s.parquet");
        using (var writer = new DescriptorStoreWriter(path, new ShardSpec(2, 3), 5))
        {
            foreach (var s in pool) writer.Write(s);
            writer.Complete();
        }
        Assert.Contains("part(s) 1, 3 of 3 are missing", Assert.Throws<InvalidDataException>(() => DescriptorStore.Open(path)).Message);
        Assert.Throws<IOException>(() => new DescriptorStoreWriter(path, new ShardSpec(1, 2)));
        Write(path, pool); // the whole pool replaces every part
        Assert.Equal(1, DescriptorStore.Open(path).Parts);
    }

    [Fact]
    public void ShardsCoverEveryFrameOnce()
    {
        Assert.Equal(new ShardSpec(3, 8), ShardSpec.Parse("3/8"));
        Assert.Throws<FormatException>(() => ShardSpec.Parse("0/8"));
        Assert.Throws<FormatException>(() => ShardSpec.Parse("9/8"));
        var shards = Enumerable.Range(1, 5).Select(k => new ShardSpec(k, 5)).ToList();
        for (long i = 0; i < 100; i++) Assert.Single(shards, s => s.Contains(i));
    }

    [Fact]
    public void FpsAndCurFromAStoreEqualTheInMemoryMethods()
    {
        var x = SelectionData.Correlated(90, 5, 31);
        var store = Write(Path.Combine(_folder, "c.parquet"), Pool(x), shards: 3);
        foreach (int cache in new[] { 1, 256 })
        {
            var fps = StoreSelector.Select(store, new StoreSelectionOptions { Method = SelectionMethod.Fps, Count = 12, CacheMegabytes = cache });
            var fpsRef = FarthestPointSampling.Select(x, new FpsOptions { Count = 12 });
            Assert.Equal(fpsRef.SelectedIndices, fps.SelectedIndices);
            Assert.Equal(fpsRef.Scores, fps.Scores);
            var cur = StoreSelector.Select(store, new StoreSelectionOptions { Method = SelectionMethod.Cur, Count = 5, Components = 2, CacheMegabytes = cache });
            var curRef = Cur.Select(x, new CurOptions { Count = 5, Components = 2 });
            Assert.Equal(curRef.SelectedIndices, cur.SelectedIndices);
            Assert.Equal(curRef.Scores, cur.Scores);
        }
        var random = StoreSelector.Select(store, new StoreSelectionOptions { Method = SelectionMethod.Random, Count = 7, Seed = 4 });
        Assert.Equal(RandomSelector.Select(90, new RandomOptions { Count = 7, Seed = 4 }).SelectedIndices, random.SelectedIndices);
    }

    [Fact]
    public void MiniBatchKMeansDoesNotDependOnTheMemoryBudgetOrSharding()
    {
        var (x, _) = SelectionData.Blobs(300, 3, 5, 0.4, 8);
        var pool = Pool(x);
        var one = StoreSelector.Select(Write(Path.Combine(_folder, "k1.parquet"), pool),
            new StoreSelectionOptions { Count = 5, Seed = 3, BatchSize = 32, Steps = 40 });
        var four = StoreSelector.Select(Write(Path.Combine(_folder, "k4.parquet"), pool, shards: 4),
            new StoreSelectionOptions { Count = 5, Seed = 3, BatchSize = 32, Steps = 40, CacheMegabytes = 1 });
        Assert.Equal(one.SelectedIndices, four.SelectedIndices);
        Assert.Equal(one.Info["inertia"], four.Info["inertia"]);
        Assert.Equal(5, one.SelectedIndices.Distinct().Count());
    }

    [Fact]
    public void PicksAreFetchedFromTheirSourceFilesOrReportedUnreachable()
    {
        string file = Path.Combine(_folder, "pool.extxyz");
        File.WriteAllText(file, string.Concat(Enumerable.Range(0, 6).Select(i =>
            $"1\nProperties=species:S:1:pos:R:3 energy={-i} pbc=\"F F F\"\nCu {0.1 * i:R} 0 0\n")));
        var read = AtomCuration.IO.StructureIO.Read(file).Select((r, i) => new Structure(r.Structure!) { Descriptor = [i, i * i], DescriptorLabels = ["a", "b"], PoolIndex = i }).ToList();
        read.Add(new Structure(read[0]) { SourcePath = Path.Combine(_folder, "gone.extxyz"), PoolIndex = 6 });
        var store = Write(Path.Combine(_folder, "f.parquet"), read);
        var result = new SelectionResult(SelectionMethod.Random, [4, 6, 1], [1.0, 1.0, 1.0]);
        var picks = StoreSelector.Fetch(StoreSelector.Rows(store, result), store.Labels).ToList();
        Assert.Equal(-4.0, picks[0].Structure!.Energy);
        Assert.Equal(0, picks[0].Structure!.SelectionRank);
        Assert.Equal([4.0, 16.0], picks[0].Structure!.Descriptor!.Value.ToArray());
        Assert.Null(picks[1].Structure);
        Assert.IsType<FileNotFoundException>(picks[1].Error);
        Assert.Equal(0.1, picks[2].Structure!.Positions[0].X, 12);
    }
    /// <summary>
    /// tests/data/store-v1.parquet was written by the module before per-atom stores (format version 1, commit b4a093a):
    /// frames 0–5 of the bundled Cu sample with an RDF (cutoff 4 Å, spacing 0.5, width 0.2). It must still open as a
    /// per-structure store, with its rows as written, and be refused by a method that needs one row per atom.
    /// </summary>
    [Fact]
    public void AStoreOfFormatVersionOneOpensAsOneRowPerStructure()
    {
        var store = DescriptorStore.Open(RepoPaths.Combine("tests", "data", "store-v1.parquet"));
        Assert.Equal(StoreLayout.Structure, store.Layout);
        Assert.Equal(6, store.Rows);
        var frames = AtomCuration.IO.StructureIO.Read(RepoPaths.Combine("examples", "data", "Cu_SNAP_sample.extxyz.gz"))
            .Take(6).Select(r => r.Structure!).ToList();
        var rows = AllRows(store);
        Assert.Equal(Enumerable.Range(0, 6), rows.Select(r => r.FrameIndex));
        Assert.Equal(frames.Select(f => f.AtomCount), rows.Select(r => r.AtomCount));
        Assert.Equal(frames.Select(f => f.Energy), rows.Select(r => r.Energy));
        Assert.All(rows, r => Assert.Equal(store.Labels.Count, r.Descriptor.Length));
        Assert.All(rows, r => Assert.Contains(r.Descriptor.ToArray(), v => v > 0));
        Assert.Throws<StoreLayoutException>(() => StoreSelector.Select(store,
            new StoreSelectionOptions { Method = SelectionMethod.LocalEnvironmentBank, Threshold = 0.5 }));
    }
}
