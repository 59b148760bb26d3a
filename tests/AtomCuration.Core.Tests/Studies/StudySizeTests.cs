using AtomCuration.Selection;
using AtomCuration.Structures;
using AtomCuration.Studies;

namespace AtomCuration.Tests.Studies;

/// <summary>Studies sized by a labelling budget (methods at equal cost) and by environment-bank thresholds (paper 001's scan).</summary>
public sealed class StudySizeTests
{
    private static readonly Lazy<List<Structure>> Pool = new(() => StudyTestData.Pool());

    [Fact]
    public void BudgetTrialsStayWithinTheirBudgetAndAreComparedAtEqualCost()
    {
        var pool = Pool.Value;
        double cell = Math.Pow(32, 3);
        var options = new StudyOptions
        {
            Methods = [new StudyMethod("KMeans", new KMeansOptions { Restarts = 2 })],
            Budgets = [5.5 * cell, 9.5 * cell],
            Trials = 3,
            Seed = 5,
            Fit = StudyTestData.Fit,
            ThrottleLimit = 2,
        };
        var trials = SelectionStudy.Run(pool, options).ToList();
        var cost = LabellingBudget.Costs(pool, 3, null);
        var ids = pool.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);
        Assert.Equal(1 + 2 * 2 * 3, trials.Count);
        foreach (var t in trials.Skip(1))
        {
            Assert.NotNull(t.Budget);
            Assert.Equal(t.SelectedIds.Sum(id => cost[ids[id]]), t.Cost, 6);
            Assert.InRange(t.Cost, 1, t.Budget!.Value);
            // 31- and 32-atom cells: 5.5 cells' worth buys 5 (or 6 small) of them.
            Assert.InRange(t.Count, (int)(t.Budget.Value / cell), (int)(t.Budget.Value / Math.Pow(31, 3)));
            Assert.StartsWith("budget ", t.Size);
        }
        var rows = StudySummary.Summarize(trials);
        Assert.Equal(4, rows.Count);
        var kmeans = rows.Single(r => r.Method == "KMeans" && r.Budget == 5.5 * cell);
        Assert.Equal("MannWhitney", kmeans.Test);
        Assert.True(kmeans.EnergyPValue is > 0 and <= 1);
        Assert.InRange(kmeans.MeanCost, 1, 5.5 * cell);
        Assert.Null(kmeans.SufficientCount); // budgets do not answer "how many suffice"
        // Same settings, same table (seeds derive from the budget, not from the count it bought).
        var again = SelectionStudy.Run(pool, options with { ThrottleLimit = 1 }).ToList();
        Assert.Equal(trials.Select(t => string.Join(",", t.SelectedIds)), again.Select(t => string.Join(",", t.SelectedIds)));
    }

    [Fact]
    public void ThresholdTrialsScanTheShuffledBankAndCheckpointByThreshold()
    {
        // Per-atom descriptors: volume per atom and the atom's |force| (enough for the bank to tell environments apart).
        var pool = Pool.Value.Select(s => new Structure(s)
        {
            AtomDescriptors = Matrices.FromRows(s.Forces!.Value.Select(f => new[] { s.Cell.Volume / s.AtomCount, f.Length }).ToArray()),
        }).ToList();
        var options = new StudyOptions
        {
            Methods = [new StudyMethod("Bank", new LocalEnvironmentBankOptions { Shuffle = true })],
            Thresholds = [0.05, 0.3],
            Trials = 3,
            Seed = 2,
            Fit = StudyTestData.Fit,
            Reference = false,
        };
        var path = Path.Combine(Path.GetTempPath(), $"study-{Guid.NewGuid():N}.jsonl");
        try
        {
            var trials = SelectionStudy.Run(pool, options with { CheckpointPath = path }).ToList();
            Assert.Equal(2 * 3, trials.Count); // the Random baseline has no threshold to run
            Assert.All(trials, t => Assert.True(t.Threshold is 0.05 or 0.3 && t.Varies));
            double fine = trials.Where(t => t.Threshold == 0.05).Average(t => t.Count), coarse = trials.Where(t => t.Threshold == 0.3).Average(t => t.Count);
            Assert.True(fine > coarse, $"mean count {fine} at 0.05, {coarse} at 0.3");
            var rows = StudySummary.Summarize(trials);
            Assert.Equal(2, rows.Count);
            Assert.All(rows, r => Assert.True(r.Threshold is not null && double.IsNaN(r.EnergyPValue)));
            // A rerun reads every trial back from the checkpoint, keyed by threshold (its timings too: nothing ran again).
            var resumed = SelectionStudy.Run(pool, options with { CheckpointPath = path }).ToList();
            Assert.Equal(trials.Select(t => (t.TestEnergyRmse, t.FitSeconds)), resumed.Select(t => (t.TestEnergyRmse, t.FitSeconds)));
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Throws<ArgumentException>(() => SelectionStudy.Run(pool, options with { Methods = [new StudyMethod("KMeans", new KMeansOptions())] }).ToList());
    }
}
