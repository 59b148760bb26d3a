using AtomCuration.Jobs;
using AtomCuration.Selection;
using AtomCuration.Storage;
using AtomCuration.Structures;
using AtomCuration.Tests.Selection;

namespace AtomCuration.Tests.Storage;

/// <summary>Per-atom descriptor stores: one row per atom, read back as structures, and the bank and coverage measure streamed from them.</summary>
public sealed class PerAtomStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ac-atomstore-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A pool of H/O structures of 1–6 atoms with per-atom descriptors only (as Get-Descriptor -Aggregate None attaches them).</summary>
    private static List<Structure> Pool(int count, int seed) =>
        SelectionData.AtomPool(count, 3, seed, minAtoms: 1, maxAtoms: 6)
            .Select((s, i) => new Structure(s) { PoolIndex = i, Info = new Dictionary<string, object> { ["config_type"] = i % 2 == 0 ? "a" : "b" } })
            .ToList();

    private DescriptorStore Write(string name, IReadOnlyList<Structure> pool, int shards = 1, int groupRows = 5)
    {
        string path = Path.Combine(_folder, name);
        for (int k = 1; k <= shards; k++)
        {
            var shard = new ShardSpec(k, shards);
            using var writer = new DescriptorStoreWriter(path, shard, groupRows);
            foreach (var s in pool.Where(s => shard.Contains(s.PoolIndex!.Value))) writer.Write(s);
            writer.Complete();
            Assert.Equal(StoreLayout.Atom, writer.Layout);
        }
        return DescriptorStore.Open(path);
    }

    private static long[] Bits(ReadOnlySpan<double> values) => values.ToArray().Select(BitConverter.DoubleToInt64Bits).ToArray();

    [Fact]
    public void AtomRowsComeBackAsTheirStructuresShardedOrNot()
    {
        var pool = Pool(23, 5);
        foreach (var (name, shards) in new[] { ("whole.parquet", 1), ("sharded.parquet", 3) })
        {
            var store = Write(name, pool, shards);
            Assert.Equal(StoreLayout.Atom, store.Layout);
            Assert.Equal(pool.Count, store.Structures);
            Assert.Equal(pool.Sum(s => s.AtomCount), store.Rows);
            var back = StoreStructures.Read(store, metadata: true, default).ToList();
            Assert.Equal(pool.Count, back.Count);
            for (int i = 0; i < pool.Count; i++)
            {
                Assert.Equal(i, back[i].Ordinal);
                Assert.Equal(pool[i].Id, back[i].Row!.Id);
                Assert.Equal("ab"[i % 2].ToString(), back[i].Row!.ConfigType);
                Assert.Equal(pool[i].AtomicNumbers, back[i].AtomicNumbers);
                Assert.Equal(Bits(pool[i].AtomDescriptors!.Values), Bits(back[i].Environments.Values));
            }
        }
    }

    [Fact]
    public void ExplicitPerAtomLayoutWinsOverTheStructureDescriptor()
    {
        var pool = Pool(4, 6).Select(s => new Structure(s) { Descriptor = [1.0], DescriptorLabels = ["x"] }).ToList();
        string path = Path.Combine(_folder, "explicit.parquet");
        using (var writer = new DescriptorStoreWriter(path, ShardSpec.All, StoreLayout.Atom))
        {
            foreach (var s in pool) writer.Write(s);
            writer.Complete();
        }
        var store = DescriptorStore.Open(path);
        Assert.Equal(StoreLayout.Atom, store.Layout);
        Assert.Equal(pool[0].AtomDescriptors!.Labels, store.Labels);
        string auto = Path.Combine(_folder, "auto.parquet");
        Assert.Equal(StoreLayout.Structure, DescriptorStore.Open(WriteAll(auto, pool)).Layout);
    }

    private static string WriteAll(string path, IEnumerable<Structure> pool)
    {
        AtomCuration.Descriptors.DescriptorWriter.WriteAll(path, pool);
        return path;
    }

    [Fact]
    public void MethodsRefuseAStoreOfTheOtherLayout()
    {
        var atoms = Write("atoms.parquet", Pool(10, 7));
        var e = Assert.Throws<StoreLayoutException>(() => StoreSelector.Select(atoms, new StoreSelectionOptions { Method = SelectionMethod.KMeans, Count = 2 }));
        Assert.Contains("one row per atom", e.Message);
        var x = SelectionData.Correlated(10, 3, 1);
        var structures = DescriptorStoreTests.Write(Path.Combine(_folder, "structures.parquet"), DescriptorStoreTests.Pool(x));
        e = Assert.Throws<StoreLayoutException>(() => StoreSelector.Select(structures,
            new StoreSelectionOptions { Method = SelectionMethod.LocalEnvironmentBank, Threshold = 0.5 }));
        Assert.Contains("-PerAtom", e.Message);
        Assert.Throws<StoreLayoutException>(() => StoreDiversity.Measure(Pool(2, 1), structures, new EntropyOptions(), EnvironmentScaling.None));
        // Random needs only the structure count: it runs on either layout.
        Assert.Equal(RandomSelector.Select(10, new RandomOptions { Count = 3, Seed = 2 }).SelectedIndices,
            StoreSelector.Select(atoms, new StoreSelectionOptions { Method = SelectionMethod.Random, Count = 3, Seed = 2 }).SelectedIndices);
    }

    public static TheoryData<double?, EnvironmentScaling, bool, int> BankSettings => new()
    {
        { 0.8, EnvironmentScaling.None, false, 256 },  // the streaming settings
        { 0.15, EnvironmentScaling.MinMax, true, 256 }, // shuffled, whole store kept in memory
        { 0.15, EnvironmentScaling.MinMax, true, 0 },   // shuffled, read again in windows
        { null, EnvironmentScaling.MinMax, false, 0 },  // count fitted by bisection, read again for each threshold
    };

    [Theory]
    [MemberData(nameof(BankSettings))]
    public void TheBankFromAStoreEqualsTheBankInMemory(double? threshold, EnvironmentScaling scaling, bool shuffle, int cacheMegabytes)
    {
        var pool = Pool(60, 11);
        var store = Write("bank.parquet", pool, shards: 2);
        var options = new StoreSelectionOptions
        {
            Method = SelectionMethod.LocalEnvironmentBank, Count = 12, Seed = 3, Threshold = threshold, Scaling = scaling, Shuffle = shuffle,
            CacheMegabytes = Math.Max(1, cacheMegabytes),
        };
        var fromStore = cacheMegabytes == 0
            ? LocalEnvironmentBank.SelectFrom(new StoreEnvironments(store, 200, default), options.Bank()) // 200 bytes: a few structures a window
            : StoreSelector.Select(store, options);
        var inMemory = LocalEnvironmentBank.Select(pool, new LocalEnvironmentBankOptions
        {
            Count = 12, Seed = 3, Threshold = threshold, Scaling = scaling, Shuffle = shuffle,
        });
        Assert.InRange(inMemory.SelectedIndices.Count, 2, 59);
        Assert.Equal(inMemory.SelectedIndices, fromStore.SelectedIndices);
        Assert.Equal(inMemory.Scores, fromStore.Scores);
        Assert.Equal(BitConverter.DoubleToInt64Bits(inMemory.Info["ThresholdFactor"]), BitConverter.DoubleToInt64Bits(fromStore.Info["ThresholdFactor"]));
    }

    [Fact]
    public void ElementThresholdsAreGivenBySymbol()
    {
        var pool = Pool(30, 12);
        var store = Write("elements.parquet", pool);
        var fromStore = StoreSelector.Select(store, new StoreSelectionOptions
        {
            Method = SelectionMethod.LocalEnvironmentBank, Scaling = EnvironmentScaling.None,
            ElementThresholds = new Dictionary<string, double> { ["H"] = 0.9, ["o"] = 1.4 },
        });
        var inMemory = LocalEnvironmentBank.Select(pool, new LocalEnvironmentBankOptions
        {
            Scaling = EnvironmentScaling.None, ElementThresholds = new Dictionary<int, double> { [1] = 0.9, [8] = 1.4 },
        });
        Assert.Equal(inMemory.SelectedIndices, fromStore.SelectedIndices);
    }

    [Fact]
    public void PicksFromAPerAtomStoreCarryTheirEnvironments()
    {
        var pool = Pool(15, 13);
        var store = Write("picks.parquet", pool, shards: 2);
        var result = new SelectionResult(SelectionMethod.Random, [7, 2], [1.0, 2.0]);
        var rows = StoreSelector.Rows(store, result);
        Assert.Equal([pool[7].Id, pool[2].Id], rows.Select(r => r.Id));
        Assert.Equal(7, rows[0].Ordinal);
        Assert.Equal(1, rows[1].SelectionRank);
        Assert.Equal(Bits(pool[2].AtomDescriptors!.Values), Bits(rows[1].AtomDescriptors!.Values));
        Assert.Equal(pool[2].AtomicNumbers.ToArray(), rows[1].AtomicNumbers.ToArray());
        Assert.True(rows[0].Descriptor.IsEmpty);
    }

    [Theory]
    [InlineData(EnvironmentScaling.None)]
    [InlineData(EnvironmentScaling.MinMax)]
    public void CoverageFromAStoreEqualsTheInMemoryMeasure(EnvironmentScaling scaling)
    {
        var pool = Pool(70, 14);
        var store = Write("coverage.parquet", pool, shards: 3);
        var set = pool.Where((_, i) => i % 9 == 0).ToList();
        var options = new EntropyOptions { Neighbours = 2 };
        var inMemory = DiversityMeasurement.Measure(set, pool, options, scaling);
        var fromStore = StoreDiversity.Measure(set, store, options, scaling);
        Assert.Equal(pool.Sum(s => s.AtomCount), fromStore.ReferenceEnvironments);
        Assert.Equal(inMemory, fromStore); // every double bit for bit
    }

    [Fact]
    public void NonFiniteStoreStructuresAreLeftOutWhenAsked()
    {
        var pool = Pool(12, 15);
        var bad = pool[4].AtomDescriptors!.Values.ToArray();
        bad[0] = double.NaN;
        pool[4] = new Structure(pool[4]) { AtomDescriptors = new FeatureMatrix(pool[4].AtomCount, pool[4].AtomDescriptors!.Labels, bad) };
        var store = Write("nan.parquet", pool);
        var skipped = new List<string>();
        var set = pool.Take(3).ToList();
        var fromStore = StoreDiversity.Measure(set, store, new EntropyOptions(), EnvironmentScaling.MinMax, skipped: skipped);
        Assert.Equal([pool[4].Id], skipped);
        var kept = pool.Where((_, i) => i != 4).ToList();
        Assert.Equal(DiversityMeasurement.Measure(set, kept, new EntropyOptions(), EnvironmentScaling.MinMax), fromStore);
    }

    [Fact]
    public void TheMedianOfSpilledDistancesIsExact()
    {
        var rng = new Random(3);
        // Buffers of 8 spill at once; of 10,000 they grow from 4,096 first, then spill past 10,000.
        foreach (var (n, buffer) in new[] { (1, 8), (2, 8), (37, 8), (100, 8), (101, 8), (9000, 10_000), (25_001, 10_000) })
        {
            var values = Enumerable.Range(0, n).Select(_ => rng.Next(4) == 0 ? 0.25 : rng.NextDouble() * 10).ToArray();
            using var summary = new DistanceSummary(bufferLength: buffer);
            foreach (double v in values) summary.Add(v);
            var sorted = values.Order().ToArray();
            double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
            Assert.Equal(median, summary.Median());
            Assert.Equal(sorted[^1], summary.Max);
            Assert.Equal(n, summary.Count);
        }
    }
}
