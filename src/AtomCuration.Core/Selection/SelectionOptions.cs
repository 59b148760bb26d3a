using AtomCuration.Options;

namespace AtomCuration.Selection;

/// <summary>
/// Options every selector shares; each method has its own derived record. Run control (threads, cancellation,
/// progress) is not an option: it comes from the <see cref="RunContext"/> handed to the entry point
/// (<see cref="Selector.Select(IReadOnlyList{Structures.Structure}, SelectionOptions, RunContext?)"/>), which copies it into the
/// record the algorithm reads; it cannot be set from outside Core.
/// </summary>
public abstract record SelectionOptions : IOptions
{
    /// <summary>Number of structures selected when no count, fraction, threshold or budget is given.</summary>
    public const int DefaultCount = 10;

    /// <summary>Number of structures to select.</summary>
    public int Count { get; init; } = DefaultCount;

    /// <summary>Seed for every random choice; the same seed gives the same selection on any thread count.</summary>
    public int Seed { get; init; }

    /// <summary>Threads for parallel inner loops (0 = all cores); never changes the result. Set from the <see cref="RunContext"/> by the entry point.</summary>
    public int Threads { get; internal init; }

    /// <summary>
    /// Labelling budget: select as many structures as fit in this total cost instead of <see cref="Count"/>
    /// (<see cref="LabellingBudget"/>); null = select by count. Needs the structures (not a bare matrix).
    /// </summary>
    [OptionRange(0, double.PositiveInfinity, MinExclusive = true)]
    public double? Budget { get; init; }

    /// <summary>A structure's labelling cost is N_atoms raised to this power (3: DFT) unless <see cref="CostKey"/> is given.</summary>
    [OptionRange(0, 10)]
    public double CostExponent { get; init; } = 3;

    /// <summary>Info key holding each structure's labelling cost (overrides <see cref="CostExponent"/>).</summary>
    public string? CostKey { get; init; }

    /// <summary>
    /// Never select two structures whose structure descriptors lie within this Euclidean distance (chained, see
    /// <see cref="NearDuplicates"/>): the method runs on one representative per near-duplicate group. Null = off.
    /// </summary>
    [OptionRange(0, double.PositiveInfinity)]
    public double? DuplicateTolerance { get; init; }

    /// <summary>Preprocessing of the descriptor matrix (ignored by per-atom methods).</summary>
    public PreprocessOptions Preprocess { get; init; } = PreprocessOptions.None;

    /// <summary>Observed between steps (picks, iterations, structures); cancelling throws <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancellation { get; internal init; }

    /// <summary>Receives the fraction of the work done (0…1) as it advances; null = no reports.</summary>
    public IProgress<double>? Progress { get; internal init; }

    /// <summary>These options with the run control of <paramref name="context"/> (threads, cancellation, progress of <paramref name="stage"/>).</summary>
    internal SelectionOptions WithRun(RunContext? context, string stage) => context is null ? this : this with
    {
        Threads = context.ThrottleLimit,
        Cancellation = context.Cancellation,
        Progress = context.FractionProgress(stage),
    };

    /// <summary>Checks the declared ranges of this record's options (the method's own included) and of <see cref="Preprocess"/>.</summary>
    public virtual void Validate()
    {
        OptionRanges.Validate(this);
        Preprocess.Validate();
    }
}
