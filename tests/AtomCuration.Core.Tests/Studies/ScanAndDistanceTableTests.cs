using System.Collections.Immutable;
using AtomCuration.Selection;
using AtomCuration.Structures;
using AtomCuration.Studies;
using AtomCuration.Tests.Selection;

namespace AtomCuration.Tests.Studies;

/// <summary>Paper 001's threshold scan over shuffled screenings, and paper 004's train/test nearest-point table.</summary>
public sealed class ScanAndDistanceTableTests
{
    [Fact]
    public void ThresholdScanCountsFallWithTheThresholdAndMatchSingleScreenings()
    {
        var pool = SelectionData.AtomPool(40, 3, 12);
        var points = ThresholdScan.Run(pool, [0.4, 0.05, 0.15], shuffles: 5, seed: 3, threads: 2);
        Assert.Equal([0.05, 0.15, 0.4], points.Select(p => p.Threshold));
        Assert.True(points[0].Structures >= points[1].Structures && points[1].Structures >= points[2].Structures);
        Assert.True(points[0].Environments > points[2].Environments);
        Assert.All(points, p => Assert.Equal(5, p.StructureCounts.Count));
        // Each count is one screening of the pool in a shuffled order: the same as Select-Configuration's bank with that seed.
        var first = Selector.Select(pool, new LocalEnvironmentBankOptions { Threshold = 0.15, Shuffle = true, Seed = StudySeeds.Split(3, 0) });
        Assert.Equal(first.SelectedIndices.Count, points[1].StructureCounts[0]);
        var counts = points[1].StructureCounts.Select(c => (double)c).ToArray();
        Assert.Equal(counts.Average(), points[1].Structures, 12);
        Assert.Equal(Math.Sqrt(counts.Sum(c => (c - counts.Average()) * (c - counts.Average())) / 4), points[1].StructuresSd, 12);
        Assert.Equal(pool.Sum(s => s.AtomCount), points[0].PoolAtoms);
        // Shuffles vary the bank's order: the counts are not all equal somewhere.
        Assert.Contains(points, p => p.StructureCounts.Distinct().Count() > 1);
        // Same seed, same scan on one thread.
        var again = ThresholdScan.Run(pool, [0.4, 0.05, 0.15], shuffles: 5, seed: 3, threads: 1);
        Assert.Equal(points.SelectMany(p => p.StructureCounts), again.SelectMany(p => p.StructureCounts));
    }

    /// <summary>Set "a": 20 structures of one atom at 0 and 20 at 1; set "b": 40 at 10 (one column).</summary>
    private static List<Structure> TwoSets() => Enumerable.Range(0, 80).Select(i =>
    {
        double x = i < 40 ? i % 2 : 10;
        return new Structure([29], [new Vec3(0, 0, 0)], Cell.Empty, Pbc.None)
        {
            Id = "s" + i,
            AtomDescriptors = Matrices.FromRows([[x]]),
            Descriptor = ImmutableArray.Create(x),
            Info = new Dictionary<string, object> { ["set"] = i < 40 ? "a" : "b" },
        };
    }).ToList();

    [Fact]
    public void TrainTestTableHasEveryCombinationAndTheDistancesTheGeometryGives()
    {
        var pool = TwoSets();
        var rows = TrainTestDistances.Measure(pool, s => (string)s.Info["set"], new TrainTestDistanceOptions { TrainSize = 30, TestSize = 10, Repeats = 4, Seed = 1 });
        Assert.Equal([("a", "a"), ("a", "b"), ("b", "a"), ("b", "b")], rows.Select(r => (r.Training, r.Testing)));
        var aa = rows[0];
        var ab = rows[1];
        var ba = rows[2];
        // 30 of set a's 40 training points hold both values, so a's own test points sit on a training point.
        Assert.Equal(0, aa.Max);
        // Trained on a, tested on b: every test point is 9 from the training value 1.
        Assert.Equal((9.0, 9.0, 9.0, 0.0), (ab.Mean, ab.Median, ab.Max, ab.MeanSd));
        // Trained on b, tested on a: 10 − x ∈ {9, 10}.
        Assert.InRange(ba.Mean, 9, 10);
        Assert.Equal(10, ba.Max);
        Assert.Equal(0, rows[3].Mean);
        Assert.Equal((30, 10, 4), (ab.TrainPoints, ab.TestPoints, ab.Repeats));
        // z-scored by set a (mean 0.5, sd 0.5) every distance doubles; structure level gives the same here (one atom each).
        var scaled = TrainTestDistances.Measure(pool, s => (string)s.Info["set"], new TrainTestDistanceOptions
        {
            TrainSize = 30, TestSize = 10, Repeats = 4, Seed = 1, ScaleBy = "a", Level = DistanceLevel.Structure,
        });
        Assert.Equal(18, scaled[1].Mean, 12);
        Assert.Equal(2 * ba.Mean, scaled[2].Mean, 12);
        Assert.Throws<ArgumentException>(() => TrainTestDistances.Measure(pool, s => (string)s.Info["set"], new TrainTestDistanceOptions { TrainSize = 35, TestSize = 10 }));
        Assert.Throws<ArgumentException>(() => TrainTestDistances.Measure(pool, s => (string)s.Info["set"], new TrainTestDistanceOptions { ScaleBy = "c" }));
    }
}
