using AtomCuration.Options;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AtomCuration.Common;
using AtomCuration.Potentials.Eam;
using AtomCuration.Selection;
using AtomCuration.Structures;

namespace AtomCuration.Studies;

/// <summary>
/// Repeated select → fit → measure trials (paper 000's k-means vs random study, paper 001's shuffled
/// screenings, paper 002's 100 trials per size). For every method, size and trial: select from the
/// candidates (<see cref="Selector"/>), fit an EAM potential to the selection (<see cref="EamFitter"/>), and
/// measure it on the test set. What does not depend on the potential — each structure's flattened half
/// neighbour list, species and labels — is prepared once for the whole pool and shared by every fit and test
/// evaluation. Trials run in parallel (each fit on one thread) with seeds derived from (seed, method, size,
/// trial) alone (<see cref="StudySeeds"/>), so the table is the same for any thread count and any resume.
/// </summary>
public static class SelectionStudy
{
    /// <summary>Method name of the reference fit on every candidate.</summary>
    public const string ReferenceName = "AllData";

    /// <summary>Method name of the baseline added when no method is named so.</summary>
    public const string BaselineName = "Random";

    private sealed record Spec(StudyMethod Method, StudySize Size, int Trial, bool Varies, string Variation, int Order)
    {
        public int Count => Size.Count;
    }

    /// <summary>Runs the study (with <see cref="StudyOptions.Shard"/>, only that shard's trials); trial records come back in (method, size, trial) order, the reference fits first.</summary>
    /// <exception cref="OperationCanceledException">Cancelled between trials (finished trials are in the checkpoint).</exception>
    public static IEnumerable<StudyTrial> Run(IReadOnlyList<Structure> pool, StudyOptions options)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (pool.Count < 2) throw new ArgumentException("A study needs a pool of at least two structures.");
        var ids = pool.Select(s => s.Id).ToArray();
        var methods = WithBaseline(options.Methods);
        var fit = options.Fit;
        var clock = Stopwatch.StartNew();
        var data = EamTrainingSet.Create(pool, options.Fit, options.ThrottleLimit, options.Cancellation);
        string[]? groups = options.GroupBy is null ? null
            : pool.Select(GroupKey.Parse(options.GroupBy).GroupOf).ToArray();
        var splits = new TestSplits(pool, options.TestSet, options.Seed);
        int candidateCount = splits.CandidateCount;
        var specs = Plan(methods, options, candidateCount);
        var plan = specs.Select(s => StudyCheckpoint.Key(s.Method.Name, s.Size, s.Trial)).ToArray();
        specs = specs.Where((_, position) => options.Shard.Contains(position)).ToList();
        var cost = LabellingBudget.Costs(pool, options.CostExponent, options.CostKey);
        if (options.Budgets.Count > 0 && options.Budgets.Min() < cost.Min())
            throw new ArgumentException($"The budget {options.Budgets.Min().ToString("G6", CultureInfo.InvariantCulture)} buys no structure: the cheapest costs {cost.Min().ToString("G6", CultureInfo.InvariantCulture)}.");
        using var checkpoint = options.CheckpointPath is null ? null : new StudyCheckpoint(options.CheckpointPath, Signature(ids, methods, options), plan);
        var matrices = new FixedMatrixCache(pool, splits);
        int total = specs.Count, done = 0, ranHere = 0;
        var gate = new object();

        StudyTrial RunOne(Spec spec)
        {
            string key = StudyCheckpoint.Key(spec.Method.Name, spec.Size, spec.Trial);
            StudyTrial? trial = null;
            if (checkpoint is not null && checkpoint.Done.TryGetValue(key, out var saved)) trial = saved;
            bool fresh = trial is null;
            if (trial is null)
            {
                options.Cancellation.ThrowIfCancellationRequested();
                trial = RunTrial(spec, pool, data, splits, matrices, cost, options, groups);
                checkpoint?.Append(trial);
            }
            lock (gate)
            {
                done++;
                if (fresh) ranHere++;
                // Wall-clock estimate at this session's pace (trials read from a checkpoint cost nothing).
                TimeSpan? remaining = ranHere == 0 ? null
                    : TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / ranHere * (total - done));
                options.Progress?.Report(new StudyProgress(done, total, clock.Elapsed, remaining, trial));
            }
            return trial;
        }

        // The all-data fits are the largest: each runs alone with every thread on its objective (the fit's
        // chunked sums do not depend on the thread count); then the trials run side by side, one thread each.
        var references = specs.Where(s => s.Method.Name == ReferenceName).ToList();
        foreach (var r in references)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            yield return RunOne(r);
        }
        foreach (var t in OrderedParallel.Map(specs.Where(s => s.Method.Name != ReferenceName), RunOne, options.ThrottleLimit, options.Cancellation, window: 2))
            yield return t;
    }

    private static List<StudyMethod> WithBaseline(IReadOnlyList<StudyMethod> methods)
    {
        var list = methods.ToList();
        if (!list.Any(m => m.Name.Equals(BaselineName, StringComparison.OrdinalIgnoreCase)))
            list.Insert(0, new StudyMethod(BaselineName, new RandomOptions()));
        return list;
    }

    private static List<Spec> Plan(List<StudyMethod> methods, StudyOptions options, int candidates)
    {
        var sizes = options.Counts.Select(c => new StudySize(Math.Min(c, candidates), null, null, null))
            .Concat(options.Fractions.Select(f => new StudySize(Math.Max(1, Math.Min(candidates, (int)Math.Round(f * candidates, MidpointRounding.AwayFromZero))), f, null, null)))
            .Concat(options.Budgets.Select(b => new StudySize(0, null, b, null)))
            .Concat(options.Thresholds.Select(t => new StudySize(0, null, null, t)))
            .Distinct().ToList();
        var specs = new List<Spec>();
        var all = new StudySize(candidates, null, null, null);
        if (options.Reference)
            specs.Add(new Spec(new StudyMethod(ReferenceName, new RandomOptions()), all, 0, options.TestSet.VariesByTrial, "every candidate", specs.Count));
        foreach (var m in methods)
        {
            var (varies, what) = StudyVariation.Of(m.Options);
            foreach (var size in sizes)
            {
                if (size.Threshold is not null && m.Options is not LocalEnvironmentBankOptions) continue; // a threshold sizes the bank only
                int trials = varies || options.TestSet.VariesByTrial ? options.Trials : 1;
                for (int t = 0; t < trials; t++) specs.Add(new Spec(m, size, t, varies, what, specs.Count));
            }
        }
        // With a test set that varies by trial, the reference is fitted once per trial too.
        if (options.Reference && options.TestSet.VariesByTrial)
            for (int t = 1; t < options.Trials; t++)
                specs.Insert(t, new Spec(specs[0].Method, all, t, true, "every candidate", t));
        return specs;
    }

    private static StudyTrial RunTrial(Spec spec, IReadOnlyList<Structure> pool, EamTrainingSet data, TestSplits splits,
        FixedMatrixCache matrices, double[] cost, StudyOptions options, string[]? groups)
    {
        var fit = options.Fit;
        var (candidates, test) = splits.For(spec.Trial);
        bool reference = spec.Method.Name == ReferenceName;
        int seed = reference ? 0 : StudySeeds.Selection(options.Seed, spec.Size.SeedName(spec.Method.Name), spec.Count, spec.Trial);
        var clock = Stopwatch.StartNew();
        int[] selected;
        double[]? weights = null;
        if (reference) selected = candidates;
        else
        {
            var candidateStructures = candidates.Select(i => pool[i]).ToArray();
            var o = StudyVariation.ForTrial(spec.Method.Options, Math.Max(1, spec.Count), seed, candidates.Length);
            if (spec.Size.Threshold is double threshold) o = ((LocalEnvironmentBankOptions)o) with { Threshold = threshold, FitCount = false };
            SelectionResult Select(SelectionOptions so) => so switch
            {
                RandomOptions r => RandomSelector.Select(candidates.Length, r),
                KMeansOptions or FpsOptions { AtomKernel: null } or DppOptions or MaxVolOptions or CurOptions or AgglomerativeOptions { AtomKernel: null }
                    => Selector.SelectFromMatrix(matrices.For(spec.Trial, candidateStructures), so),
                _ => Selector.Select(candidateStructures, so),
            };
            var result = spec.Size.Budget is double budget
                ? LabellingBudget.Select(candidates.Select(i => cost[i]).ToArray(), budget, k => Select(o with { Count = k }), Selector.MethodOf(o))
                : Select(o);
            selected = result.SelectedIndices.Select(i => candidates[i]).ToArray();
            if (options.Weighting == StudyWeighting.PoolShare)
                weights = PoolShareWeights.Compute(candidateStructures, result.SelectedIndices, result.Labels);
        }
        double selectSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var training = data.Subset(selected, weights, fit);
        var fitted = EamFitter.FitPrepared(training, fit, new RunContext { ThrottleLimit = reference ? options.ThrottleLimit : 1 }, default);
        double fitSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var errors = TestSetErrors.Measure(fitted.Potential, data, test, groups);
        return new StudyTrial
        {
            Method = spec.Method.Name,
            Count = selected.Length,
            Fraction = spec.Size.Fraction,
            Budget = spec.Size.Budget,
            Threshold = spec.Size.Threshold,
            Cost = selected.Sum(i => cost[i]),
            Trial = spec.Trial,
            Seed = seed,
            Variation = spec.Variation,
            Varies = spec.Varies,
            TestSet = options.TestSet.ToString(),
            PairedByTrial = options.TestSet.VariesByTrial,
            SelectedIds = reference ? [] : selected.Select(i => pool[i].Id).ToArray(),
            Weighted = weights is not null,
            TrainEnergyRmse = fitted.EnergyRmse,
            TrainForceRmse = fitted.ForceRmse,
            TestStructures = errors.Structures,
            TestEnergyRmse = errors.EnergyRmse,
            TestEnergyMae = errors.EnergyMae,
            TestEnergyMaxError = errors.EnergyMax,
            TestEnergyR2 = errors.EnergyR2,
            TestForceRmse = errors.ForceRmse,
            TestForceMae = errors.ForceMae,
            TestForceMaxError = errors.ForceMax,
            TestForceR2 = errors.ForceR2,
            TestStressRmse = errors.StressRmse,
            Groups = errors.Groups,
            Iterations = fitted.Iterations,
            StopReason = fitted.StopReason,
            SelectSeconds = selectSeconds,
            FitSeconds = fitSeconds,
            TestSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    /// <summary>A hash of the pool ids and every setting that changes a trial's result.</summary>
    private static string Signature(string[] ids, List<StudyMethod> methods, StudyOptions o)
    {
        var sb = new StringBuilder();
        foreach (var id in ids) sb.Append(id).Append('\n');
        foreach (var m in methods)
            sb.Append(m.Name).Append('|').Append((m.Options with { Cancellation = default, Progress = null, Threads = 0 }).ToString()).Append('\n');
        sb.Append(string.Join(",", o.Counts)).Append('|').Append(string.Join(",", o.Fractions.Select(f => f.ToString("R", CultureInfo.InvariantCulture))))
          .Append('|').Append(string.Join(",", o.Budgets.Select(b => b.ToString("R", CultureInfo.InvariantCulture))))
          .Append('|').Append(string.Join(",", o.Thresholds.Select(t => t.ToString("R", CultureInfo.InvariantCulture))))
          .Append('|').Append(o.CostExponent.ToString("R", CultureInfo.InvariantCulture)).Append('|').Append(o.CostKey)
          .Append('|').Append(o.Trials).Append('|').Append(o.Seed).Append('|').Append(o.Fit.ToString())
          .Append('|').Append(o.TestSet).Append('|').Append(o.Weighting).Append('|').Append(o.GroupBy).Append('|').Append(o.Reference);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>Candidates and test structures of each trial.</summary>
    private sealed class TestSplits
    {
        private readonly int _n;
        private readonly StudyTestSet _set;
        private readonly int _seed;
        private readonly (int[] Candidates, int[] Test)? _fixed;

        public TestSplits(IReadOnlyList<Structure> pool, StudyTestSet set, int seed)
        {
            _n = pool.Count;
            _set = set;
            _seed = seed;
            var all = Enumerable.Range(0, _n).ToArray();
            switch (set.Mode)
            {
                case StudyTestMode.Pool:
                    _fixed = (all, all);
                    CandidateCount = _n;
                    break;
                case StudyTestMode.Group:
                    var isTest = pool.Select(s => string.Equals(Convert.ToString(s.GetInfo(set.GroupKey!), CultureInfo.InvariantCulture), set.GroupValue, StringComparison.Ordinal)).ToArray();
                    var test = all.Where(i => isTest[i]).ToArray();
                    var cand = all.Where(i => !isTest[i]).ToArray();
                    if (test.Length == 0) throw new ArgumentException($"No pool structure has Info[\"{set.GroupKey}\"] = {set.GroupValue}: the test set would be empty.");
                    if (cand.Length == 0) throw new ArgumentException($"Every pool structure has Info[\"{set.GroupKey}\"] = {set.GroupValue}: nothing is left to select from.");
                    _fixed = (cand, test);
                    CandidateCount = cand.Length;
                    break;
                case StudyTestMode.HeldOut:
                    int held = Math.Max(1, (int)Math.Round(set.Fraction * _n, MidpointRounding.AwayFromZero));
                    if (held >= _n) throw new ArgumentException("The held-out fraction leaves nothing to select from.");
                    CandidateCount = _n - held;
                    break;
                default:
                    if (set.Folds > _n) throw new ArgumentException($"{set.Folds} folds for a pool of {_n}.");
                    CandidateCount = _n - (_n + set.Folds - 1) / set.Folds; // the smallest candidate set over folds
                    break;
            }
        }

        /// <summary>Candidates of the smallest split (sizes are capped at it).</summary>
        public int CandidateCount { get; }

        public bool Fixed => _fixed is not null;

        public (int[] Candidates, int[] Test) For(int trial)
        {
            if (_fixed is { } f) return f;
            if (_set.Mode == StudyTestMode.HeldOut)
            {
                var perm = Permutation(StudySeeds.Split(_seed, trial));
                int held = _n - CandidateCount;
                return (perm[held..].Order().ToArray(), perm[..held].Order().ToArray());
            }
            int k = _set.Folds;
            var p = Permutation(StudySeeds.Split(_seed, trial / k));
            int fold = trial % k;
            var test = p.Where((_, i) => i % k == fold).Order().ToArray();
            var cand = p.Where((_, i) => i % k != fold).Order().ToArray();
            return (cand, test);
        }

        private int[] Permutation(int seed)
        {
            var p = Enumerable.Range(0, _n).ToArray();
            var rng = new Random(seed);
            for (int i = _n - 1; i > 0; i--)
            {
                int j = rng.Next(i + 1);
                (p[i], p[j]) = (p[j], p[i]);
            }
            return p;
        }
    }

    /// <summary>The candidates' descriptor matrix, built once when the candidates do not change between trials.</summary>
    private sealed class FixedMatrixCache(IReadOnlyList<Structure> pool, TestSplits splits)
    {
        private readonly Lazy<FeatureMatrix> _matrix = new(() => DescriptorPool.FromStructures(splits.For(0).Candidates.Select(i => pool[i]).ToArray()));

        public FeatureMatrix For(int trial, IReadOnlyList<Structure> candidates) =>
            splits.Fixed ? _matrix.Value : DescriptorPool.FromStructures(candidates);
    }
}
