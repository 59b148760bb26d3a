using AtomCuration.Common;
using AtomCuration.Structures;

namespace AtomCuration.Generation;

/// <summary>
/// Generates configurations by entropy maximisation (paper 004). Configuration k is one independent annealing cycle
/// (<see cref="EntropyAnnealer.Run"/>) whose random start and thermostat noise come from (seed, k) alone: the paper's
/// repeating cycle begins each time by shuffling at 10,000 K, so cycles started afresh are equivalent, and they make
/// the set independent of how many chains run at once. Cycles run in parallel; configurations come back in order.
/// </summary>
public static class EntropyGenerator
{
    /// <summary>
    /// Configurations 0 … <paramref name="count"/>−1 of the stream <paramref name="seed"/>, in order, on up to
    /// <paramref name="threads"/> threads (≤ 0: all cores). <paramref name="progress"/> receives the number finished.
    /// Cancellation stops before the next configuration (those already returned stay valid).
    /// </summary>
    public static IEnumerable<Structure> Generate(EntropyGenerationOptions options, int count, int seed, int threads = 0,
        IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "The count must not be negative.");
        using var annealers = new ThreadLocal<EntropyAnnealer>(() => new EntropyAnnealer(options));
        int done = 0;
        foreach (var s in OrderedParallel.Map(Enumerable.Range(0, count), k => annealers.Value!.Run(seed, k, cancellation),
                     threads, cancellation, window: 1))
        {
            progress?.Report(++done);
            yield return s;
        }
    }
}
