using AtomCuration.Fitting;
using AtomCuration.Statistics;
using AtomCuration.Studies;

namespace AtomCuration.Tests.Studies;

public sealed class StudySummaryTests
{
    private static StudyTrial Trial(string method, int count, int trial, double e, double f, bool paired = false) => new()
    {
        Method = method, Count = count, Trial = trial, Seed = trial, Variation = "", Varies = true, TestSet = "Pool", PairedByTrial = paired,
        SelectedIds = [], Weighted = false, TrainEnergyRmse = 0, TrainForceRmse = 0, TestStructures = 1, TestEnergyRmse = e, TestEnergyMae = e,
        TestEnergyMaxError = e, TestEnergyR2 = 0, TestForceRmse = f, TestForceMae = f, TestForceMaxError = f, TestForceR2 = 0, Iterations = 1,
        StopReason = LeastSquaresStopReason.RelativeLossChange, SelectSeconds = 0, FitSeconds = 0, TestSeconds = 0,
    };

    private static readonly double[] RandomE10 = [14, 13.2, 15.1, 12.9, 16.0, 13.5, 14.4, 12.7];
    private static readonly double[] KMeansE10 = [12.2, 12.5, 12.0, 12.9, 12.4, 13.1, 12.6, 12.3];
    private static readonly double[] RandomE30 = [12.4, 12.8, 12.1, 13.0, 12.6, 12.2, 12.9, 12.5];
    private static readonly double[] KMeansE30 = [12.3, 12.2, 12.6, 12.4, 12.1, 12.5, 12.7, 12.0];

    private static List<StudyTrial> Trials(bool paired)
    {
        var list = new List<StudyTrial> { Trial(SelectionStudy.ReferenceName, 100, 0, 11.0, 100, paired) };
        for (int t = 0; t < 8; t++)
        {
            list.Add(Trial("Random", 10, t, RandomE10[t], 200 + t, paired));
            list.Add(Trial("KMeans", 10, t, KMeansE10[t], 190 + t, paired));
            list.Add(Trial("Random", 30, t, RandomE30[t], 150 + t, paired));
            list.Add(Trial("KMeans", 30, t, KMeansE30[t], 150 + t, paired));
        }
        return list;
    }

    [Fact]
    public void MannWhitneyOneSidedHolmAndSufficientSize()
    {
        var rows = StudySummary.Summarize(Trials(paired: false), new StudySummaryOptions { Factor = 1.13 });
        Assert.Equal(4, rows.Count);
        var k10 = rows.Single(r => r.Method == "KMeans" && r.Count == 10);
        var k30 = rows.Single(r => r.Method == "KMeans" && r.Count == 30);
        var p10 = MannWhitneyU.Test(KMeansE10, RandomE10, Alternative.Less).PValue;
        var p30 = MannWhitneyU.Test(KMeansE30, RandomE30, Alternative.Less).PValue;
        Assert.Equal("MannWhitney", k10.Test);
        Assert.Equal(p10, k10.EnergyPValue, 15);
        Assert.Equal(p30, k30.EnergyPValue, 15);
        var holm = HolmCorrection.Adjust([p10, p30]);
        Assert.Equal(holm[0], k10.EnergyPValueHolm, 15);
        Assert.Equal(holm[1], k30.EnergyPValueHolm, 15);
        Assert.Equal(Descriptive.Median(KMeansE10), k10.MedianEnergyRmse, 15);
        Assert.Equal(Descriptive.InterquartileRange(KMeansE10), k10.EnergyIqr, 15);
        Assert.Equal(11.0, k10.ReferenceEnergyRmse);
        // 1.13 × 11 = 12.43: k-means' median reaches it at 30 (12.35), random's never (12.55).
        Assert.Equal(30, k10.SufficientCount);
        Assert.Null(rows.Single(r => r.Method == "Random" && r.Count == 30).SufficientCount);
        Assert.True(double.IsNaN(rows.Single(r => r.Method == "Random" && r.Count == 10).EnergyPValue));
        Assert.True(k10.EnergyEffect > 0.8);
        Assert.True(k10.EnergyCi.Low <= k10.MedianEnergyRmse && k10.MedianEnergyRmse <= k10.EnergyCi.High);
    }

    [Fact]
    public void PairedTrialsUseWilcoxon()
    {
        var rows = StudySummary.Summarize(Trials(paired: true));
        var k10 = rows.Single(r => r.Method == "KMeans" && r.Count == 10);
        Assert.Equal("Wilcoxon", k10.Test);
        Assert.Equal(WilcoxonSignedRank.Test(KMeansE10, RandomE10, Alternative.Less).PValue, k10.EnergyPValue, 15);
    }
}
