using AtomCuration.Jobs;
using AtomCuration.Potentials.Eam;
using AtomCuration.Selection;

namespace AtomCuration.Studies;

/// <summary>One selection specification of a study: a label and the method's options (Count and Seed are set per trial).</summary>
/// <param name="Name">Label in the trial records (e.g. "KMeans", or "FPS-RBF" for a variant).</param>
/// <param name="Options">The method's options record, as Select-Configuration builds it.</param>
public sealed record StudyMethod(string Name, SelectionOptions Options);

/// <summary>Which structures a trial's potential is measured on.</summary>
public enum StudyTestMode
{
    /// <summary>The whole pool (paper 000): selection draws from the pool, the test set is the pool.</summary>
    Pool,

    /// <summary>A seeded random fraction of the pool is held out per trial; selection draws from the rest.</summary>
    HeldOut,

    /// <summary>k seeded folds: trial t tests on fold t mod k and selects from the other folds (a new partition every k trials).</summary>
    KFold,

    /// <summary>Structures whose Info[key] equals a value are never selected and form the test set (paper 000's vacancy test).</summary>
    Group,
}

/// <summary>The test set of a study.</summary>
public sealed record StudyTestSet
{
    /// <summary>How the test set is chosen.</summary>
    public StudyTestMode Mode { get; init; } = StudyTestMode.Pool;

    /// <summary>Held-out share of the pool for <see cref="StudyTestMode.HeldOut"/>, in (0, 1).</summary>
    public double Fraction { get; init; } = 0.2;

    /// <summary>Folds for <see cref="StudyTestMode.KFold"/> (≥ 2).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Info key for <see cref="StudyTestMode.Group"/>.</summary>
    public string? GroupKey { get; init; }

    /// <summary>Value of <see cref="GroupKey"/> that marks the test structures (compared as invariant strings).</summary>
    public string? GroupValue { get; init; }

    /// <summary>True when the test set changes from trial to trial (held-out and k-fold): trials with the same number then share one test set across methods, so they are paired.</summary>
    public bool VariesByTrial => Mode is StudyTestMode.HeldOut or StudyTestMode.KFold;

    /// <summary>Throws <see cref="ArgumentException"/> on invalid settings.</summary>
    public void Validate()
    {
        if (Mode == StudyTestMode.HeldOut && !(Fraction > 0 && Fraction < 1)) throw new ArgumentException($"The held-out fraction must lie in (0, 1); got {Fraction}.");
        if (Mode == StudyTestMode.KFold && Folds < 2) throw new ArgumentException($"K-fold needs at least 2 folds; got {Folds}.");
        if (Mode == StudyTestMode.Group && (string.IsNullOrEmpty(GroupKey) || GroupValue is null))
            throw new ArgumentException("A group test set needs an Info key and the value that marks the test structures.");
    }

    /// <inheritdoc/>
    public override string ToString() => Mode switch
    {
        StudyTestMode.HeldOut => FormattableString.Invariant($"HeldOut {Fraction}"),
        StudyTestMode.KFold => FormattableString.Invariant($"KFold {Folds}"),
        StudyTestMode.Group => $"Group {GroupKey}={GroupValue}",
        _ => "Pool",
    };
}

/// <summary>How selected structures are weighted in the fit.</summary>
public enum StudyWeighting
{
    /// <summary>Every selected structure counts once (times its own Info weight).</summary>
    None,

    /// <summary>Each selected structure is weighted by the share of the candidate pool it stands for: its cluster's size for
    /// methods that label clusters, else its Voronoi cell in descriptor space (the candidates nearest to it); mean weight 1.</summary>
    PoolShare,
}

/// <summary>Settings of <see cref="SelectionStudy"/>.</summary>
public sealed record StudyOptions
{
    /// <summary>The selection specifications compared (a Random baseline is added when none is named "Random").</summary>
    public required IReadOnlyList<StudyMethod> Methods { get; init; }

    /// <summary>Training-set sizes.</summary>
    public IReadOnlyList<int> Counts { get; init; } = [];

    /// <summary>Training-set sizes as shares of the candidates, each rounded to a count (at least 1).</summary>
    public IReadOnlyList<double> Fractions { get; init; } = [];

    /// <summary>Labelling budgets: every method selects as many structures as fit in each (methods compared at equal cost).</summary>
    public IReadOnlyList<double> Budgets { get; init; } = [];

    /// <summary>Environment-bank thresholds (paper 001's error-vs-threshold scan); only LocalEnvironmentBank methods run them.</summary>
    public IReadOnlyList<double> Thresholds { get; init; } = [];

    /// <summary>A structure's labelling cost is N_atoms to this power (3: DFT) unless <see cref="CostKey"/> is given.</summary>
    public double CostExponent { get; init; } = 3;

    /// <summary>Info key holding each structure's labelling cost, or null.</summary>
    public string? CostKey { get; init; }

    /// <summary>Trials per method and size (methods that cannot vary run once).</summary>
    public int Trials { get; init; } = 20;

    /// <summary>Study seed; every trial's seed is derived from it, the method name, the size and the trial number.</summary>
    public int Seed { get; init; }

    /// <summary>Fit settings (ThrottleLimit is ignored: trials run in parallel, each fit on one thread).</summary>
    public EamFitOptions Fit { get; init; } = new();

    /// <summary>The test set.</summary>
    public StudyTestSet TestSet { get; init; } = new();

    /// <summary>Fit weighting of the selected structures.</summary>
    public StudyWeighting Weighting { get; init; }

    /// <summary>Info key whose values split the test errors into groups (e.g. config_type), or null.</summary>
    public string? GroupBy { get; init; }

    /// <summary>Also fit all candidates once (the reference line, Method "AllData").</summary>
    public bool Reference { get; init; } = true;

    /// <summary>Trials run at once (0 = all cores); never changes the result.</summary>
    public int ThrottleLimit { get; init; }

    /// <summary>JSON-lines file of finished trials: a rerun with the same settings skips them and returns the same table.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>
    /// Run only the trials of shard k/n: those at positions ≡ k−1 (mod n) of the whole study's table (the
    /// all-data fits included), so shards on other machines share the work and their checkpoints merge into
    /// the single-run table (<see cref="StudyParts"/>). Never changes a trial's result.
    /// </summary>
    public ShardSpec Shard { get; init; } = ShardSpec.All;

    /// <summary>Observed between trials.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Receives a report after every finished trial (from worker threads).</summary>
    public IProgress<StudyProgress>? Progress { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> on invalid settings.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Methods);
        if (Methods.Count == 0) throw new ArgumentException("A study needs at least one selection method.");
        var dup = Methods.GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ArgumentException($"Two selection specifications are named '{dup.Key}'; give each its own name.");
        if (Methods.Any(m => m.Name.Equals(SelectionStudy.ReferenceName, StringComparison.OrdinalIgnoreCase)))
            throw new ArgumentException($"'{SelectionStudy.ReferenceName}' names the all-data reference fit; choose another method name.");
        if (Counts.Count + Fractions.Count + Budgets.Count + Thresholds.Count == 0)
            throw new ArgumentException("Give at least one training-set size (count, fraction, budget or bank threshold).");
        if (Budgets.Any(b => !(b > 0) || !double.IsFinite(b))) throw new ArgumentException($"Budgets must be finite and > 0; got {string.Join(", ", Budgets)}.");
        if (Thresholds.Any(t => !(t > 0) || !double.IsFinite(t))) throw new ArgumentException($"Thresholds must be finite and > 0; got {string.Join(", ", Thresholds)}.");
        if (Thresholds.Count > 0 && !Methods.Any(m => m.Options is LocalEnvironmentBankOptions))
            throw new ArgumentException("Thresholds size the environment bank: add LocalEnvironmentBank to the methods.");
        if (!(CostExponent >= 0 && CostExponent <= 10)) throw new ArgumentException($"The cost exponent must lie in [0, 10]; got {CostExponent}.");
        if (Counts.Any(c => c < 1)) throw new ArgumentException($"Counts must be at least 1; got {string.Join(", ", Counts)}.");
        if (Fractions.Any(f => !(f > 0 && f <= 1))) throw new ArgumentException("Fractions must lie in (0, 1].");
        if (Trials < 1) throw new ArgumentException($"Trials must be at least 1; got {Trials}.");
        ArgumentNullException.ThrowIfNull(Fit);
        Fit.Validate();
        ArgumentNullException.ThrowIfNull(TestSet);
        TestSet.Validate();
    }
}

/// <summary>How far a study has got.</summary>
/// <param name="Done">Trials finished (those read from a checkpoint included).</param>
/// <param name="Total">Trials in the study.</param>
/// <param name="Elapsed">Time since the study started.</param>
/// <param name="Remaining">Estimated time to finish (from the trials run in this session), or null before the first.</param>
/// <param name="Last">The trial just finished.</param>
public sealed record StudyProgress(int Done, int Total, TimeSpan Elapsed, TimeSpan? Remaining, StudyTrial? Last);
