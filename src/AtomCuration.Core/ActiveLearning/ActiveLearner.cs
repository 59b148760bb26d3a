using System.Diagnostics;
using System.Globalization;
using AtomCuration.Options;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;
using AtomCuration.Studies;

namespace AtomCuration.ActiveLearning;

/// <summary>
/// Paper 003's active-learning loop (Shuaib et al., J. Am. Ceram. Soc. 108, e20128, 2025,
/// doi:10.1111/jace.20128, Sec. 2.4) with an EAM potential: partition the pool
/// (<see cref="ActiveLearningPartition"/>); take a fraction I_perc of every cluster; split the accumulated set
/// 70/30 (<see cref="ActiveLearningOptions.TestFraction"/>; every new batch is split so that the whole keeps the
/// ratio, and a structure never changes sides); fit on the training split (with the fit settings chosen by a
/// Bayesian search when <see cref="ActiveLearningOptions.Search"/> is set, as the paper does); measure the test
/// split; stop when the test energy RMSE (and, if asked, force RMSE) reaches the target, else grow the set by
/// the chosen <see cref="ActiveLearningGrowth"/> rule and repeat — until the pool is used up.
/// <para>Every random choice derives from (seed, iteration, cluster), the pool's neighbour data are prepared
/// once, and the fit does not depend on the thread count, so a run is reproducible; with a state file
/// (<see cref="ActiveLearningOptions.StatePath"/>) a stopped run resumes and ends with the same result.</para>
/// </summary>
public static class ActiveLearner
{
    /// <summary>Runs the loop on a labelled pool.</summary>
    /// <param name="pool">Structures with energies (forces used where present); descriptors the partition reads are computed when absent.</param>
    /// <param name="options">Targets, fraction, split, growth rule, partition, fit, seed, state file.</param>
    /// <param name="context">Threads, progress (partition, then per fit) and cancellation, observed between and inside fits; a cancelled iteration is not recorded.</param>
    /// <param name="onIteration">Receives every iteration as it finishes (on a resumed run, the stored ones first).</param>
    /// <param name="partition">A partition computed beforehand (<see cref="ActiveLearningPartition.Create"/>), e.g. shared by runs that compare growth rules; null computes it.</param>
    /// <exception cref="ArgumentException">Invalid settings, unlabelled structures, a state file of another run.</exception>
    /// <exception cref="OperationCanceledException">Cancelled (the state file holds the iterations finished).</exception>
    public static ActiveLearningResult Run(IReadOnlyList<Structure> pool, ActiveLearningOptions options, RunContext? context = null,
        Action<ActiveLearningIteration>? onIteration = null, ActiveLearningPartition? partition = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        context ??= RunContext.Default;
        int n = pool.Count;
        if (n < 2) throw new ArgumentException("Active learning needs a pool of at least two structures.");
        var cancellation = context.Cancellation;
        var state = options.StatePath is { } path ? ActiveLearningState.Load(path, ActiveLearningState.SignatureOf(pool, options)) : null;
        if (partition is null)
        {
            if (state is not null && options.Growth != ActiveLearningGrowth.Novelty) partition = state.Partition;
            else
            {
                context.Report(0, $"partitioning {n} structures");
                partition = ActiveLearningPartition.Create(pool, options, context);
            }
        }
        if (partition.Labels.Count != n) throw new ArgumentException($"The partition labels {partition.Labels.Count} structures, the pool holds {n}.");
        if (state is not null && !state.Labels.SequenceEqual(partition.Labels))
            throw new ArgumentException($"State file {options.StatePath} was written with another partition of this pool.");
        state ??= new ActiveLearningState
        {
            Signature = options.StatePath is null ? "" : ActiveLearningState.SignatureOf(pool, options),
            Labels = partition.Labels.ToArray(),
            Delta = partition.Delta,
            Scan = partition.Scan.ToList(),
        };

        var data = EamTrainingSet.Create(pool, options.Fit with { Cutoff = PreparedCutoff(options) }, context.ThrottleLimit, cancellation);
        var used = new bool[n];
        var test = new bool[n];
        var members = new List<int>();
        for (int b = 0; b < state.Batches.Count; b++)
            for (int k = 0; k < state.Batches[b].Length; k++)
            {
                int i = state.Batches[b][k];
                used[i] = true;
                test[i] = state.Test[b][k];
                members.Add(i);
            }
        foreach (var done in state.Iterations) onIteration?.Invoke(done);
        if (state.Batches.Count == 0)
        {
            var first = GrowthRules.ByCluster(partition.Labels, partition.Clusters, used, options.Fraction, options.Seed, 1);
            if (first.Length < 2) throw new ArgumentException($"The first draw holds {first.Length} structure(s): nothing to split into training and test; raise Fraction.");
            Add(state, first, used, test, members, options, 1);
        }

        while (true)
        {
            int iteration = state.Iterations.Count + 1;
            cancellation.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var training = members.Where(i => !test[i]).ToArray();
            var testSet = members.Where(i => test[i]).ToArray();
            var (fit, settings) = FitOne(pool, data, training, options, context, iteration, members.Count);
            cancellation.ThrowIfCancellationRequested(); // a fit cut short by Ctrl+C is not an iteration
            if (state.Stop is { } finished) return Result(pool, partition, state, fit, training, testSet, finished, members.Count);

            var errors = TestSetErrors.Measure(fit.Potential, data, testSet, null);
            bool converged = errors.EnergyRmse <= options.TargetEnergyRmse
                && (options.TargetForceRmse is not double ft || errors.ForceRmse <= ft);
            ActiveLearningStopReason? stop = converged ? ActiveLearningStopReason.TargetReached
                : members.Count == n ? ActiveLearningStopReason.PoolExhausted
                : iteration >= options.MaxIterations ? ActiveLearningStopReason.MaxIterations
                : null;
            int added = state.Batches[iteration - 1].Length;
            if (stop is null)
            {
                context.Report((double)members.Count / n, $"iteration {iteration}: choosing the next structures ({options.Growth})");
                Add(state, Grow(pool, data, partition, fit.Potential, used, options, context, iteration + 1), used, test, members, options, iteration + 1);
            }
            var record = new ActiveLearningIteration
            {
                Iteration = iteration,
                TrainingCount = training.Length,
                TestCount = testSet.Length,
                Added = added,
                PoolFraction = (double)(training.Length + testSet.Length) / n,
                TestEnergyRmse = errors.EnergyRmse,
                TestForceRmse = errors.ForceRmse,
                TrainEnergyRmse = fit.EnergyRmse,
                TrainForceRmse = fit.ForceRmse,
                Settings = settings,
                Growth = iteration == 1 ? ActiveLearningGrowth.Cluster : options.Growth,
                AddedIds = state.Batches[iteration - 1].Select(i => pool[i].Id).ToArray(),
                Elapsed = clock.Elapsed,
                Converged = converged,
            };
            state.Iterations.Add(record);
            state.Stop = stop;
            state.Message = stop is { } s ? Explain(s, record, options) : null;
            if (options.StatePath is { } statePath) state.Save(statePath);
            onIteration?.Invoke(record);
            if (stop is { } reason) return Result(pool, partition, state, fit, training, testSet, reason, training.Length + testSet.Length);
        }
    }

    /// <summary>The neighbour cutoff the pool is prepared with: the fit's, or the largest a settings search may try.</summary>
    private static double PreparedCutoff(ActiveLearningOptions options) =>
        options.Search is null ? options.Fit.Cutoff
            : Math.Max(options.Fit.Cutoff, (options.Search.Space ?? EamSearchSpace.Default).Dimensions.Where(d => d.Name == "Cutoff").Select(d => d.Max).DefaultIfEmpty(0).Max());

    /// <summary>Adds a batch to the accumulated set; its test share keeps the whole at round(TestFraction · size), at least one on each side.</summary>
    private static void Add(ActiveLearningState state, int[] batch, bool[] used, bool[] test, List<int> members, ActiveLearningOptions options, int iteration)
    {
        int total = members.Count + batch.Length, testNow = members.Count(i => test[i]);
        int want = Math.Clamp((int)Math.Round(options.TestFraction * total, MidpointRounding.AwayFromZero), 1, total - 1);
        int toTest = Math.Clamp(want - testNow, 0, batch.Length);
        var shuffled = batch.ToArray();
        new Random(StudySeeds.Split(options.Seed, iteration)).Shuffle(shuffled);
        var testSide = shuffled.Take(toTest).ToHashSet();
        var flags = batch.Select(testSide.Contains).ToArray();
        for (int k = 0; k < batch.Length; k++)
        {
            used[batch[k]] = true;
            test[batch[k]] = flags[k];
            members.Add(batch[k]);
        }
        state.Batches.Add(batch);
        state.Test.Add(flags);
    }

    private static int[] Grow(IReadOnlyList<Structure> pool, EamTrainingSet data, ActiveLearningPartition partition, EamPotential potential, bool[] used,
        ActiveLearningOptions options, RunContext context, int iteration)
    {
        int count = GrowthRules.BatchSize(partition.Labels, partition.Clusters, used, options.Fraction);
        return options.Growth switch
        {
            ActiveLearningGrowth.WorstError => GrowthRules.ByWorstError(potential, data, used, count, options.TargetEnergyRmse, options.TargetForceRmse,
                context.ThrottleLimit, context.Cancellation),
            ActiveLearningGrowth.Novelty => GrowthRules.ByNovelty(partition.Distance(), used, count, context.ThrottleLimit, context.Cancellation),
            _ => GrowthRules.ByCluster(partition.Labels, partition.Clusters, used, options.Fraction, options.Seed, iteration),
        };
    }

    /// <summary>One fit on the training split: as configured, or with settings chosen by the search on it.</summary>
    private static (EamFitResult Fit, IReadOnlyDictionary<string, double> Settings) FitOne(IReadOnlyList<Structure> pool, EamTrainingSet data, int[] training,
        ActiveLearningOptions options, RunContext context, int iteration, int accumulated)
    {
        double done = (double)accumulated / pool.Count;
        string prefix = string.Create(CultureInfo.InvariantCulture, $"iteration {iteration}, {training.Length} training structures: ");
        var fitContext = context with { Progress = context.Progress is null ? null : new Prefixed(context.Progress, prefix, done) };
        if (options.Search is not { } search)
        {
            var fit = EamFitter.FitPrepared(data.Subset(training, null, options.Fit), options.Fit, fitContext, context.Cancellation);
            return (fit, SettingsOf(options.Fit));
        }
        var result = EamSettingsSearch.Fit(training.Select(i => pool[i]).ToList(), options.Fit, search,
            t => context.Report(done, string.Create(CultureInfo.InvariantCulture, $"{prefix}search fit {t.Evaluation}/{search.Budget}, validation {t.ValidationEnergyRmse:F2} meV/atom (best {t.BestSoFar:F2})")),
            context.Cancellation);
        return (result, SettingsOf(EamSearchSpace.Apply(options.Fit, result.Search!.BestSettings)));
    }

    private static Dictionary<string, double> SettingsOf(EamFitOptions o) => new()
    {
        ["Cutoff"] = o.Cutoff,
        ["PairKnots"] = o.PairKnots,
        ["DensityKnots"] = o.DensityKnots,
        ["EmbeddingKnots"] = o.EmbeddingKnots,
        ["Smoothness"] = o.Smoothness,
        ["ForceWeight"] = o.ForceWeight,
    };

    private static string Explain(ActiveLearningStopReason reason, ActiveLearningIteration last, ActiveLearningOptions o)
    {
        string force = o.TargetForceRmse is double f ? FormattableString.Invariant($", force RMSE {last.TestForceRmse:F1} meV/Å (target {f})") : "";
        return reason switch
        {
            ActiveLearningStopReason.TargetReached => FormattableString.Invariant($"test energy RMSE {last.TestEnergyRmse:F3} meV/atom (target {o.TargetEnergyRmse}){force}: target reached"),
            ActiveLearningStopReason.PoolExhausted => FormattableString.Invariant($"the whole pool is in use; test energy RMSE {last.TestEnergyRmse:F3} meV/atom (target {o.TargetEnergyRmse}){force}"),
            _ => FormattableString.Invariant($"{last.Iteration} iterations ran; test energy RMSE {last.TestEnergyRmse:F3} meV/atom (target {o.TargetEnergyRmse}){force}"),
        };
    }

    private static ActiveLearningResult Result(IReadOnlyList<Structure> pool, ActiveLearningPartition partition, ActiveLearningState state, EamFitResult fit,
        int[] training, int[] testSet, ActiveLearningStopReason reason, int used) => new()
    {
        StopReason = reason,
        Message = state.Message ?? "",
        Fit = fit,
        TrainingSet = training.Select(i => pool[i]).ToArray(),
        TestSet = testSet.Select(i => pool[i]).ToArray(),
        Iterations = state.Iterations.ToArray(),
        Clusters = partition.Clusters,
        Delta = partition.Delta,
        DeltaScan = partition.Scan,
        PoolFraction = (double)used / pool.Count,
    };

    /// <summary>Forwards a fit's progress with the iteration in front and the pool share used as the fraction.</summary>
    private sealed class Prefixed(IProgress<RunProgress> target, string prefix, double fraction) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => target.Report(value with { Fraction = fraction, Status = prefix + value.Status });
    }
}
