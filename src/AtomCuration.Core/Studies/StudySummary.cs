using AtomCuration.Statistics;

namespace AtomCuration.Studies;

/// <summary>How <see cref="StudySummary"/> compares a method with the baseline.</summary>
public enum StudyComparison
{
    /// <summary>Wilcoxon signed-rank when both sides' trials are paired by trial number (held-out, k-fold), else Mann–Whitney U.</summary>
    Auto,

    /// <summary>Mann–Whitney U of independent trials.</summary>
    MannWhitney,

    /// <summary>Wilcoxon signed-rank of trials matched by trial number (only the numbers both sides have).</summary>
    Wilcoxon,
}

/// <summary>Settings of <see cref="StudySummary.Summarize"/>.</summary>
public sealed record StudySummaryOptions
{
    /// <summary>Method every other is tested against.</summary>
    public string Baseline { get; init; } = SelectionStudy.BaselineName;

    /// <summary>Which test.</summary>
    public StudyComparison Comparison { get; init; }

    /// <summary>"Sufficient" size: the smallest whose median energy RMSE is at most this factor times the all-data fit's.</summary>
    public double Factor { get; init; } = 1.2;

    /// <summary>Seed of the bootstrap intervals.</summary>
    public int Seed { get; init; }

    /// <summary>Bootstrap resamples.</summary>
    public int Resamples { get; init; } = 2000;

    /// <summary>Confidence level of the intervals.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>Throws <see cref="ArgumentException"/> on invalid settings.</summary>
    public void Validate()
    {
        if (!(Factor >= 1) || !double.IsFinite(Factor)) throw new ArgumentException($"The sufficiency factor must be at least 1; got {Factor}.");
        if (Resamples < 1) throw new ArgumentException($"Need at least one bootstrap resample; got {Resamples}.");
        if (!(Level > 0 && Level < 1)) throw new ArgumentException($"The confidence level must lie in (0, 1); got {Level}.");
    }
}

/// <summary>
/// One row of a study summary: a method at one size. Energies in meV/atom, forces in meV/Å. P-values are
/// one-sided (the method's test RMSE lower than the baseline's), before and after Holm's correction across
/// the method's sizes; the effect size is Vargha–Delaney's A = P(method trial &lt; baseline trial) + ½P(tie)
/// (0.5 = no difference, 1 = every method trial better; Vargha &amp; Delaney, J. Educ. Behav. Stat. 25, 101
/// (2000), doi:10.3102/10769986025002101).
/// </summary>
public sealed record StudySummaryRow
{
    /// <summary>Method.</summary>
    public required string Method { get; init; }
    /// <summary>Training-set size (for a budget or threshold: the median count of its trials).</summary>
    public required int Count { get; init; }
    /// <summary>The size as a label: "30", "budget 2E+06", "threshold 0.2".</summary>
    public string Size => StudySize.Label(Count, Fraction, Budget, Threshold);
    /// <summary>The fraction the count came from, or null.</summary>
    public double? Fraction { get; init; }
    /// <summary>The labelling budget of these trials, or null.</summary>
    public double? Budget { get; init; }
    /// <summary>The environment-bank threshold of these trials, or null.</summary>
    public double? Threshold { get; init; }
    /// <summary>Mean total labelling cost of the trials' selections.</summary>
    public double MeanCost { get; init; }
    /// <summary>Standard deviation of the selected count over the trials (0 for a fixed count).</summary>
    public double CountSd { get; init; }
    /// <summary>Trials summarised.</summary>
    public required int Trials { get; init; }
    /// <summary>Median test energy RMSE.</summary>
    public required double MedianEnergyRmse { get; init; }
    /// <summary>Interquartile range of the test energy RMSE.</summary>
    public required double EnergyIqr { get; init; }
    /// <summary>Mean test energy RMSE.</summary>
    public required double MeanEnergyRmse { get; init; }
    /// <summary>Standard deviation of the test energy RMSE.</summary>
    public required double EnergySd { get; init; }
    /// <summary>Bootstrap interval of the median energy RMSE.</summary>
    public required ConfidenceInterval EnergyCi { get; init; }
    /// <summary>Median test force RMSE.</summary>
    public required double MedianForceRmse { get; init; }
    /// <summary>Interquartile range of the test force RMSE.</summary>
    public required double ForceIqr { get; init; }
    /// <summary>Mean test force RMSE.</summary>
    public required double MeanForceRmse { get; init; }
    /// <summary>Standard deviation of the test force RMSE.</summary>
    public required double ForceSd { get; init; }
    /// <summary>Bootstrap interval of the median force RMSE.</summary>
    public required ConfidenceInterval ForceCi { get; init; }
    /// <summary>The test used against the baseline ("MannWhitney", "Wilcoxon", or "" for the baseline itself).</summary>
    public required string Test { get; init; }
    /// <summary>One-sided p-value, energy RMSE lower than the baseline's (before correction).</summary>
    public required double EnergyPValue { get; init; }
    /// <summary>One-sided p-value, force RMSE lower than the baseline's (before correction).</summary>
    public required double ForcePValue { get; init; }
    /// <summary>Holm-corrected energy p-value across this method's sizes.</summary>
    public required double EnergyPValueHolm { get; init; }
    /// <summary>Holm-corrected force p-value across this method's sizes.</summary>
    public required double ForcePValueHolm { get; init; }
    /// <summary>Vargha–Delaney A of the energy RMSE.</summary>
    public required double EnergyEffect { get; init; }
    /// <summary>Vargha–Delaney A of the force RMSE.</summary>
    public required double ForceEffect { get; init; }
    /// <summary>Median energy RMSE of the all-data fit (NaN without one).</summary>
    public required double ReferenceEnergyRmse { get; init; }
    /// <summary>Median force RMSE of the all-data fit (NaN without one).</summary>
    public required double ReferenceForceRmse { get; init; }
    /// <summary>Smallest size of this method whose median energy RMSE is within the factor of the all-data fit's, or null.</summary>
    public int? SufficientCount { get; init; }
    /// <summary>Whether the method varied between trials (false: one deterministic run).</summary>
    public required bool Varies { get; init; }
}

/// <summary>
/// Summarises trial records per method and size (count, budget or bank threshold) and tests each method against the
/// baseline at the same size — at a budget, methods are compared at equal labelling cost.
/// </summary>
public static class StudySummary
{
    /// <summary>One row per (method, size) in first-seen order; the all-data reference rows are folded into the reference columns.</summary>
    public static List<StudySummaryRow> Summarize(IEnumerable<StudyTrial> trials, StudySummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trials);
        options ??= new StudySummaryOptions();
        options.Validate();
        var all = trials.ToList();
        var reference = all.Where(t => t.Method == SelectionStudy.ReferenceName).ToList();
        double refE = reference.Count > 0 ? Descriptive.Median(reference.Select(t => t.TestEnergyRmse).ToArray()) : double.NaN;
        double refF = reference.Count > 0 ? Descriptive.Median(reference.Select(t => t.TestForceRmse).ToArray()) : double.NaN;
        var cells = all.Where(t => t.Method != SelectionStudy.ReferenceName)
            .GroupBy(t => (t.Method, Size: StudySize.Key(t))).ToList();
        var baseline = cells.Where(g => g.Key.Method.Equals(options.Baseline, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(g => g.Key.Size, g => g.OrderBy(t => t.Trial).ToList());
        var rows = new List<StudySummaryRow>();
        foreach (var g in cells)
        {
            var list = g.OrderBy(t => t.Trial).ToList();
            var e = list.Select(t => t.TestEnergyRmse).ToArray();
            var f = list.Select(t => t.TestForceRmse).Where(double.IsFinite).ToArray();
            var first = list[0];
            var counts = list.Select(t => (double)t.Count).ToArray();
            int count = (int)Math.Round(Descriptive.Median(counts), MidpointRounding.AwayFromZero);
            var size = new StudySize(count, first.Fraction, first.Budget, first.Threshold);
            int seed = StudySeeds.Selection(options.Seed, size.SeedName(g.Key.Method), count, -1);
            bool isBaseline = g.Key.Method.Equals(options.Baseline, StringComparison.OrdinalIgnoreCase);
            string test = "";
            double pe = double.NaN, pf = double.NaN, ae = double.NaN, af = double.NaN;
            if (!isBaseline && baseline.TryGetValue(g.Key.Size, out var b))
            {
                bool paired = options.Comparison == StudyComparison.Wilcoxon
                    || (options.Comparison == StudyComparison.Auto && list.All(t => t.PairedByTrial) && b.All(t => t.PairedByTrial));
                test = paired ? "Wilcoxon" : "MannWhitney";
                (pe, ae) = Compare(list, b, t => t.TestEnergyRmse, paired);
                (pf, af) = Compare(list, b, t => t.TestForceRmse, paired);
            }
            rows.Add(new StudySummaryRow
            {
                Method = g.Key.Method,
                Count = count,
                Fraction = first.Fraction,
                Budget = first.Budget,
                Threshold = first.Threshold,
                MeanCost = Descriptive.Mean(list.Select(t => t.Cost).ToArray()),
                CountSd = list.Count > 1 ? Descriptive.StandardDeviation(counts) : 0,
                Trials = list.Count,
                MedianEnergyRmse = Descriptive.Median(e),
                EnergyIqr = Descriptive.InterquartileRange(e),
                MeanEnergyRmse = Descriptive.Mean(e),
                EnergySd = Descriptive.StandardDeviation(e),
                EnergyCi = BootstrapInterval.Median(e, seed, options.Resamples, options.Level),
                MedianForceRmse = Descriptive.Median(f),
                ForceIqr = Descriptive.InterquartileRange(f),
                MeanForceRmse = Descriptive.Mean(f),
                ForceSd = Descriptive.StandardDeviation(f),
                ForceCi = BootstrapInterval.Median(f, seed + 1, options.Resamples, options.Level),
                Test = test,
                EnergyPValue = pe,
                ForcePValue = pf,
                EnergyPValueHolm = double.NaN,
                ForcePValueHolm = double.NaN,
                EnergyEffect = ae,
                ForceEffect = af,
                ReferenceEnergyRmse = refE,
                ReferenceForceRmse = refF,
                Varies = list.Any(t => t.Varies),
            });
        }
        // Holm across each method's sizes, and the smallest sufficient size.
        foreach (var method in rows.GroupBy(r => r.Method).ToList())
        {
            var idx = method.Select(r => rows.IndexOf(r)).ToArray();
            var he = HolmCorrection.Adjust(idx.Select(i => rows[i].EnergyPValue).ToArray());
            var hf = HolmCorrection.Adjust(idx.Select(i => rows[i].ForcePValue).ToArray());
            int? sufficient = double.IsFinite(refE)
                ? idx.Select(i => rows[i]).Where(r => r.Budget is null && r.Threshold is null && r.MedianEnergyRmse <= options.Factor * refE).Select(r => (int?)r.Count).Min()
                : null;
            for (int k = 0; k < idx.Length; k++)
                rows[idx[k]] = rows[idx[k]] with { EnergyPValueHolm = he[k], ForcePValueHolm = hf[k], SufficientCount = sufficient };
        }
        return rows;
    }

    /// <summary>One-sided p (method lower) and Vargha–Delaney A.</summary>
    private static (double P, double A) Compare(List<StudyTrial> method, List<StudyTrial> baseline, Func<StudyTrial, double> value, bool paired)
    {
        var x = method.Select(value).Where(double.IsFinite).ToArray();
        var y = baseline.Select(value).Where(double.IsFinite).ToArray();
        if (x.Length == 0 || y.Length == 0) return (double.NaN, double.NaN);
        var u = MannWhitneyU.Test(x, y, Alternative.Less);
        double a = 1 - u.Statistic / ((double)x.Length * y.Length);
        if (!paired) return (u.PValue, a);
        var byTrial = baseline.ToDictionary(t => t.Trial);
        var pairs = method.Where(t => byTrial.ContainsKey(t.Trial)).Select(t => (value(t), value(byTrial[t.Trial])))
            .Where(p => double.IsFinite(p.Item1) && double.IsFinite(p.Item2)).ToArray();
        if (pairs.Length == 0 || pairs.All(p => p.Item1 == p.Item2)) return (double.NaN, a);
        var w = WilcoxonSignedRank.Test(pairs.Select(p => p.Item1).ToArray(), pairs.Select(p => p.Item2).ToArray(), Alternative.Less);
        return (w.PValue, a);
    }
}
