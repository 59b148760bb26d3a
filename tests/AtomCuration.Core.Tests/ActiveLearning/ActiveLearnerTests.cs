using AtomCuration.ActiveLearning;
using AtomCuration.Options;
using AtomCuration.Potentials.Eam;
using AtomCuration.Selection;
using AtomCuration.Structures;
using AtomCuration.Tests.Studies;

namespace AtomCuration.Tests.ActiveLearning;

public sealed class ActiveLearnerTests
{
    private static readonly Lazy<List<Structure>> Pool = new(() => StudyTestData.Pool(40, 5));

    /// <summary>A quick run: k-means on the test pool's three-number descriptor, an unreachable target, four iterations.</summary>
    private static ActiveLearningOptions Options(ActiveLearningGrowth growth = ActiveLearningGrowth.Cluster) => new()
    {
        TargetEnergyRmse = 1e-6,
        Fraction = 0.1,
        Growth = growth,
        Partition = SelectionMethod.KMeans,
        Clusters = 4,
        MaxIterations = 4,
        Seed = 7,
        Fit = StudyTestData.Fit,
    };

    private static readonly string[] NoIds = [];
    private static readonly Dictionary<string, double> NoSettings = [];

    /// <summary>A record without its timing (the only thing allowed to differ between runs) and its collections (compared apart).</summary>
    private static ActiveLearningIteration Untimed(ActiveLearningIteration i) => i with { Elapsed = TimeSpan.Zero, AddedIds = NoIds, Settings = NoSettings };

    [Fact]
    public void EveryIterationAddsAFractionOfEveryClusterAndKeepsTheSplit()
    {
        var pool = Pool.Value;
        var records = new List<ActiveLearningIteration>();
        var result = ActiveLearner.Run(pool, Options(), new RunContext { ThrottleLimit = 1 }, records.Add);
        Assert.Equal(ActiveLearningStopReason.MaxIterations, result.StopReason);
        Assert.Equal([1, 2, 3, 4], records.Select(r => r.Iteration));
        var partition = ActiveLearningPartition.Create(pool, Options());
        var sizes = partition.Labels.GroupBy(l => l).Select(g => g.Count()).ToArray();
        int perIteration = sizes.Sum(s => Math.Max(1, (int)Math.Round(0.1 * s, MidpointRounding.AwayFromZero)));
        foreach (var r in records)
        {
            Assert.Equal(perIteration, r.Added);
            int total = r.TrainingCount + r.TestCount;
            Assert.Equal(r.Iteration * perIteration, total);
            Assert.Equal((int)Math.Round(0.3 * total, MidpointRounding.AwayFromZero), r.TestCount);
            Assert.False(r.Converged);
        }
        // Every cluster gives to every draw.
        var byId = pool.Select((s, i) => (s.Id, i)).ToDictionary(t => t.Id, t => t.i);
        foreach (var r in records)
            Assert.Equal(Enumerable.Range(0, partition.Clusters), r.AddedIds.Select(id => partition.Labels[byId[id]]).Distinct().Order());
        Assert.Equal(records[^1].TrainingCount, result.TrainingSet.Count);
        Assert.Empty(result.TrainingSet.Intersect(result.TestSet));
        Assert.Equal(records[^1].TrainEnergyRmse, result.Fit.EnergyRmse);
    }

    [Fact]
    public void StopsAtTheTargetOrWhenThePoolIsUsedUp()
    {
        var pool = Pool.Value.Take(16).ToList();
        var reached = ActiveLearner.Run(pool, Options() with { TargetEnergyRmse = 1e4, MaxIterations = null });
        Assert.Equal(ActiveLearningStopReason.TargetReached, reached.StopReason);
        Assert.True(Assert.Single(reached.Iterations).Converged);
        Assert.Contains("target reached", reached.Message);

        var exhausted = ActiveLearner.Run(pool, Options() with { Fraction = 0.4, MaxIterations = null });
        Assert.Equal(ActiveLearningStopReason.PoolExhausted, exhausted.StopReason);
        Assert.Equal(pool.Count, exhausted.TrainingSet.Count + exhausted.TestSet.Count);
        Assert.Equal(1.0, exhausted.PoolFraction);
        Assert.All(exhausted.Iterations, r => Assert.False(r.Converged));
    }

    [Fact]
    public void ResumedRunEndsWithTheSameResultAsAnUninterruptedOne()
    {
        var pool = Pool.Value;
        string path = Path.Combine(Path.GetTempPath(), $"al-state-{Guid.NewGuid():N}.json");
        try
        {
            var options = Options(ActiveLearningGrowth.WorstError);
            var whole = ActiveLearner.Run(pool, options);
            var stopped = Assert.Throws<OperationCanceledException>(() => ActiveLearner.Run(pool, options with { StatePath = path }, null,
                r => { if (r.Iteration == 2) throw new OperationCanceledException("stopped after iteration 2"); }));
            var replayed = new List<ActiveLearningIteration>();
            var resumed = ActiveLearner.Run(pool, options with { StatePath = path }, null, replayed.Add);
            Assert.Equal(whole.Iterations.Select(Untimed), resumed.Iterations.Select(Untimed));
            Assert.Equal(whole.Iterations.Select(r => r.AddedIds), resumed.Iterations.Select(r => r.AddedIds));
            Assert.Equal(whole.Iterations.Select(r => r.Settings.OrderBy(e => e.Key)), resumed.Iterations.Select(r => r.Settings.OrderBy(e => e.Key)));
            Assert.Equal(whole.Iterations.Select(Untimed), replayed.Select(Untimed));
            Assert.Equal(whole.TrainingSet.Select(s => s.Id), resumed.TrainingSet.Select(s => s.Id));
            Assert.Equal(whole.TestSet.Select(s => s.Id), resumed.TestSet.Select(s => s.Id));
            Assert.Equal(whole.Fit.Parameters, resumed.Fit.Parameters);
            Assert.Equal(whole.StopReason, resumed.StopReason);
            // A finished state reproduces the result again; another run's settings are refused.
            Assert.Equal(whole.Fit.Parameters, ActiveLearner.Run(pool, options with { StatePath = path }).Fit.Parameters);
            Assert.Throws<ArgumentException>(() => ActiveLearner.Run(pool, options with { StatePath = path, Fraction = 0.2 }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WorstErrorAddsTheStructuresTheCurrentPotentialGetsMostWrong()
    {
        var pool = Pool.Value;
        var options = Options(ActiveLearningGrowth.WorstError) with { MaxIterations = 2 };
        var two = ActiveLearner.Run(pool, options);
        var one = ActiveLearner.Run(pool, options with { MaxIterations = 1 });
        var usedIds = one.TrainingSet.Concat(one.TestSet).Select(s => s.Id).ToHashSet();
        var errors = pool.Where(s => !usedIds.Contains(s.Id))
            .Select(s => (s.Id, Error: Math.Abs(EamEvaluator.Evaluate(one.Potential, s).Energy - s.Energy!.Value) / s.AtomCount))
            .OrderByDescending(t => t.Error).ToList();
        var added = two.Iterations[1].AddedIds;
        Assert.Equal(errors.Take(added.Count).Select(t => t.Id).Order(), added.Order());
    }

    [Fact]
    public void NoveltyAddsTheStructureFarthestFromTheAccumulatedSetFirst()
    {
        var pool = Pool.Value;
        var options = Options(ActiveLearningGrowth.Novelty) with { MaxIterations = 2 };
        var two = ActiveLearner.Run(pool, options);
        var first = two.Iterations[0].AddedIds.ToHashSet();
        double Distance(Structure a, Structure b) => Math.Sqrt(a.Descriptor!.Value.Zip(b.Descriptor!.Value, (x, y) => (x - y) * (x - y)).Sum());
        var inSet = pool.Where(s => first.Contains(s.Id)).ToList();
        var farthest = pool.Where(s => !first.Contains(s.Id)).MaxBy(s => inSet.Min(t => Distance(s, t)))!;
        Assert.Contains(farthest.Id, two.Iterations[1].AddedIds);
    }

    [Fact]
    public void DefaultPartitionComputesSoapAndCoulombDescriptorsAndPicksDeltaByEnergySpread()
    {
        var pool = Pool.Value.Take(24).Select(s => new Structure(s) { Descriptor = null, DescriptorLabels = null }).ToList();
        var options = new ActiveLearningOptions { ScanDelta = [0, 0.5, 1], Seed = 3 };
        var partition = ActiveLearningPartition.Create(pool, options);
        Assert.Equal(3, partition.Scan.Count);
        Assert.Equal(partition.Scan.MinBy(p => p.MeanEnergyStd)!.Delta, partition.Delta);
        Assert.Equal(pool.Count, partition.Labels.Count);
        Assert.Equal(partition.Scan.Single(p => p.Delta == partition.Delta).Clusters, partition.Clusters);
    }
}
