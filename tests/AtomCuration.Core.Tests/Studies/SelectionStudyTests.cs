using AtomCuration.Fitting;
using AtomCuration.Potentials.Eam;
using AtomCuration.Selection;
using AtomCuration.Studies;

namespace AtomCuration.Tests.Studies;

public sealed class SelectionStudyTests
{
    private static readonly Lazy<List<AtomCuration.Structures.Structure>> Pool = new(() => StudyTestData.Pool());

    private static StudyOptions Options(params StudyMethod[] methods) => new()
    {
        Methods = methods,
        Counts = [5, 10],
        Trials = 3,
        Seed = 11,
        Fit = StudyTestData.Fit,
    };

    /// <summary>The table without the timings (which are the only thing allowed to differ between runs).</summary>
    private static List<StudyTrial> Untimed(IEnumerable<StudyTrial> trials) =>
        trials.Select(t => t with { SelectSeconds = 0, FitSeconds = 0, TestSeconds = 0 }).ToList();

    private static void SameTable(List<StudyTrial> a, List<StudyTrial> b)
    {
        Assert.Equal(a.Count, b.Count);
        for (int i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].SelectedIds, b[i].SelectedIds);
            Assert.Equal(a[i].Groups, b[i].Groups);
            Assert.Equal(a[i] with { SelectedIds = [], Groups = [] }, b[i] with { SelectedIds = [], Groups = [] });
        }
    }

    [Fact]
    public void PreparedEvaluatorMatchesTheNeighbourListEvaluator()
    {
        var pool = Pool.Value;
        var data = EamTrainingSet.Create(pool, StudyTestData.Fit with { Cutoff = StudyTestData.Teacher.Value.Cutoff }, 1, default);
        var map = EamPreparedEvaluator.SpeciesMap(StudyTestData.Teacher.Value, data);
        var work = new EamPreparedEvaluator.Workspace();
        for (int s = 0; s < pool.Count; s++)
        {
            var expected = EamEvaluator.Evaluate(StudyTestData.Teacher.Value, pool[s]);
            double e = EamPreparedEvaluator.Evaluate(StudyTestData.Teacher.Value, data.Items[s], map, work, out var virial);
            Assert.Equal(expected.Energy, e, 1e-10 * Math.Abs(expected.Energy));
            for (int i = 0; i < pool[s].AtomCount; i++)
                Assert.True((expected.Forces[i] - work.Forces[i]).Length < 1e-11, $"{pool[s].Id} atom {i}");
            for (int v = 0; v < 6; v++) Assert.Equal(expected.Virial[v], virial[v], 1e-10);
        }
    }

    [Fact]
    public void ReferenceFitEqualsInvokeEamFitThenMeasureFitError()
    {
        var pool = Pool.Value;
        var trials = SelectionStudy.Run(pool, Options(new StudyMethod("Random", new RandomOptions())) with { Counts = [5], Trials = 1 }).ToList();
        var reference = Assert.Single(trials, t => t.Method == SelectionStudy.ReferenceName);
        var fit = EamFitter.Fit(pool, StudyTestData.Fit, new AtomCuration.Options.RunContext { ThrottleLimit = 1 });
        var report = FitErrorAnalysis.Analyze(pool, fit.Potential);
        Assert.Equal(report.Overall.EnergyRmse, reference.TestEnergyRmse, 1e-9 * report.Overall.EnergyRmse);
        Assert.Equal(report.Overall.ForceRmse!.Value, reference.TestForceRmse, 1e-9 * report.Overall.ForceRmse.Value);
        Assert.Equal(report.Overall.EnergyMae, reference.TestEnergyMae, 1e-9 * report.Overall.EnergyMae);
        Assert.Equal(Math.Abs(report.Overall.WorstEnergy[0].Error), reference.TestEnergyMaxError, 1e-9 * reference.TestEnergyMaxError);
        Assert.Equal(fit.EnergyRmse, reference.TrainEnergyRmse, 1e-12 * fit.EnergyRmse);
        Assert.Equal(pool.Count, reference.Count);
        Assert.Equal(fit.Iterations, reference.Iterations);
    }

    [Fact]
    public void SameTableOnOneAndTwoThreadsAndDeterministicMethodsRunOnce()
    {
        var pool = Pool.Value;
        var o = Options(new StudyMethod("KMeans", new KMeansOptions { Restarts = 2 }), new StudyMethod("CUR", new CurOptions { Components = 2 }),
            new StudyMethod("FPS", new FpsOptions()));
        var one = Untimed(SelectionStudy.Run(pool, o with { ThrottleLimit = 1 }));
        var two = Untimed(SelectionStudy.Run(pool, o with { ThrottleLimit = 2 }));
        SameTable(one, two);
        // Random baseline added, reference first, CUR once per size, the rest Trials per size.
        Assert.Equal(SelectionStudy.ReferenceName, one[0].Method);
        Assert.Equal(1 + 3 * 2 + 3 * 2 + 1 * 2 + 3 * 2, one.Count);
        Assert.All(one.Where(t => t.Method == "CUR"), t => Assert.False(t.Varies));
        Assert.Contains("ran once", one.First(t => t.Method == "CUR").Variation);
        // FPS varies its start point, so its trials differ.
        var fps = one.Where(t => t.Method == "FPS" && t.Count == 5).ToList();
        Assert.True(fps.Select(t => t.SelectedIds[0]).Distinct().Count() > 1);
        Assert.All(one.Where(t => t.Method != SelectionStudy.ReferenceName), t => Assert.Equal(t.Count, t.SelectedIds.Count));
        Assert.All(one, t => Assert.True(t.TestEnergyRmse > 0 && t.TestForceRmse > 0 && t.TestStructures == pool.Count));
    }

    [Fact]
    public void CheckpointResumesToTheSameTable()
    {
        var pool = Pool.Value;
        var o = Options(new StudyMethod("KMeans", new KMeansOptions { Restarts = 2 })) with { ThrottleLimit = 1 };
        var full = Untimed(SelectionStudy.Run(pool, o));
        var path = Path.Combine(Path.GetTempPath(), $"study-{Guid.NewGuid():N}.jsonl");
        try
        {
            using (var cts = new CancellationTokenSource())
            {
                var stopAfterFive = new Progress(p => { if (p.Done == 5) cts.Cancel(); });
                Assert.ThrowsAny<OperationCanceledException>(() =>
                    SelectionStudy.Run(pool, o with { CheckpointPath = path, Cancellation = cts.Token, Progress = stopAfterFive }).ToList());
            }
            int saved = File.ReadAllLines(path).Length - 1;
            Assert.InRange(saved, 5, full.Count - 1);
            int ran = 0;
            var resumed = Untimed(SelectionStudy.Run(pool, o with { CheckpointPath = path, Progress = new Progress(p => { if (p.Last is not null) ran++; }) }));
            SameTable(full, resumed);
            // Another study refuses the file.
            Assert.Throws<ArgumentException>(() => SelectionStudy.Run(pool, o with { Seed = 12, CheckpointPath = path }).ToList());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void GroupAndHeldOutTestSets()
    {
        var pool = Pool.Value;
        int vacancies = pool.Count(s => s.ConfigType == "vacancy");
        var group = SelectionStudy.Run(pool, Options() with
        {
            Methods = [new StudyMethod("Random", new RandomOptions())],
            Trials = 2,
            TestSet = new StudyTestSet { Mode = StudyTestMode.Group, GroupKey = "config_type", GroupValue = "vacancy" },
            GroupBy = "config_type",
        }).ToList();
        Assert.All(group, t => Assert.Equal(vacancies, t.TestStructures));
        var vacancyIds = pool.Where(s => s.ConfigType == "vacancy").Select(s => s.Id).ToHashSet();
        Assert.All(group, t => Assert.DoesNotContain(t.SelectedIds, vacancyIds.Contains));
        Assert.All(group, t => Assert.Equal("vacancy", Assert.Single(t.Groups).Group));
        var held = SelectionStudy.Run(pool, Options() with
        {
            Methods = [new StudyMethod("Random", new RandomOptions())],
            Trials = 2,
            TestSet = new StudyTestSet { Mode = StudyTestMode.HeldOut, Fraction = 0.25 },
            Weighting = StudyWeighting.PoolShare,
        }).ToList();
        Assert.All(held, t => Assert.Equal(10, t.TestStructures));
        Assert.All(held, t => Assert.True(t.PairedByTrial));
        Assert.Equal(2, held.Count(t => t.Method == SelectionStudy.ReferenceName));
        Assert.All(held.Where(t => t.Method == "Random"), t => Assert.True(t.Weighted));
    }

    [Fact]
    public void PoolShareWeightsFollowClustersOrVoronoiCells()
    {
        var pool = Pool.Value;
        var w = PoolShareWeights.Compute(pool, [0, 1], [0, 1, 1, 1, 0, 1, 1, 1, 1, 1, .. Enumerable.Repeat(1, pool.Count - 10)]);
        Assert.Equal(2.0 * 2 / pool.Count, w[0], 12);
        Assert.Equal(2.0 * (pool.Count - 2) / pool.Count, w[1], 12);
        var v = PoolShareWeights.Compute(pool, [0, 5, 9], null);
        Assert.Equal(3.0, v.Sum(), 12);
        Assert.All(v, x => Assert.True(x > 0));
    }

    private sealed class Progress(Action<StudyProgress> action) : IProgress<StudyProgress>
    {
        public void Report(StudyProgress value) => action(value);
    }
}
