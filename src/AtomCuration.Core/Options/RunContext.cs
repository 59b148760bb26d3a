namespace AtomCuration.Options;

/// <summary>
/// What every stage of a run (read, describe, select, fit, map) receives besides its options record:
/// cancellation, progress, warnings and the thread budget. It is passed the same way to each stage and is
/// never part of an options record, so options stay plain data that a recipe or a provenance file can hold.
/// </summary>
public sealed record RunContext
{
    /// <summary>A context with no cancellation, no progress, warnings dropped, all cores.</summary>
    public static RunContext Default { get; } = new();

    /// <summary>Observed between steps; cancelling throws <see cref="OperationCanceledException"/> (or, where documented, ends early with the best result).</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Receives the fraction of the current stage's work done (0…1) and a short status; null = no reports.</summary>
    public IProgress<RunProgress>? Progress { get; init; }

    /// <summary>Receives warnings (a structure that could not be described, a frame skipped); null drops them.</summary>
    public Action<string>? Warning { get; init; }

    /// <summary>Threads for parallel work (cmdlets: <c>-ThrottleLimit</c>; default: all cores). Never changes a result.</summary>
    [OptionRange(1, 1024)]
    public int ThrottleLimit { get; init; } = Environment.ProcessorCount;

    /// <summary>Reports <paramref name="fraction"/> of the work done with a status text.</summary>
    public void Report(double fraction, string status, object? detail = null) => Progress?.Report(new RunProgress(fraction, status, detail));

    /// <summary>Passes <paramref name="message"/> to the warning sink.</summary>
    public void Warn(string message) => Warning?.Invoke(message);

    /// <summary>A progress sink that forwards bare fractions (what the selectors and maps report) with <paramref name="status"/>.</summary>
    public IProgress<double>? FractionProgress(string status) =>
        Progress is null ? null : new FractionRelay(Progress, status);

    private sealed class FractionRelay(IProgress<RunProgress> target, string status) : IProgress<double>
    {
        public void Report(double value) => target.Report(new RunProgress(value, status));
    }
}

/// <summary>One progress report of a <see cref="RunContext"/>.</summary>
/// <param name="Fraction">Work done, 0…1.</param>
/// <param name="Status">What is going on, e.g. "start 1/3, iteration 12: loss 0.0123".</param>
/// <param name="Detail">The stage's own progress record (e.g. <c>EamFitProgress</c>), or null.</param>
public sealed record RunProgress(double Fraction, string Status, object? Detail = null);
