namespace AtomCuration.Selection;

/// <summary>Options every selector shares; each method has its own derived record.</summary>
public abstract record SelectionOptions
{
    /// <summary>Number of structures to select.</summary>
    public int Count { get; init; } = 10;

    /// <summary>Seed for every random choice; the same seed gives the same selection on any thread count.</summary>
    public int Seed { get; init; }

    /// <summary>Threads for parallel inner loops (0 = all cores); never changes the result.</summary>
    public int Threads { get; init; }

    /// <summary>Preprocessing of the descriptor matrix (ignored by per-atom methods).</summary>
    public PreprocessOptions Preprocess { get; init; } = PreprocessOptions.None;

    /// <summary>Observed between steps (picks, iterations, structures); cancelling throws <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Receives the fraction of the work done (0…1) as it advances; null = no reports.</summary>
    public IProgress<double>? Progress { get; init; }
}
