namespace AtomCuration.Common;

/// <summary>
/// The one way Core runs per-item work in parallel (descriptors per structure, fit objective
/// per structure): results come back in input order, at most a bounded window of inputs is
/// in flight (so a stream of a million structures does not sit in memory), and the result
/// does not depend on the thread count.
/// </summary>
public static class OrderedParallel
{
    /// <summary>Maps <paramref name="source"/> through <paramref name="map"/> on up to <paramref name="degree"/> threads.</summary>
    /// <param name="source">Input, read lazily.</param>
    /// <param name="map">Work for one item; must not depend on other items.</param>
    /// <param name="degree">Threads (≥ 1); 0 or less means <see cref="Environment.ProcessorCount"/>.</param>
    /// <param name="cancellation">Observed between items.</param>
    /// <param name="window">Items in flight per thread (bounds memory).</param>
    public static IEnumerable<TOut> Map<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> map, int degree = 0,
        CancellationToken cancellation = default, int window = 8)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(map);
        if (degree <= 0) degree = Environment.ProcessorCount;
        int batchSize = Math.Max(1, degree * Math.Max(1, window));
        var batch = new List<TIn>(batchSize);
        var results = new TOut[batchSize];
        var options = new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellation };
        foreach (var item in source)
        {
            cancellation.ThrowIfCancellationRequested();
            batch.Add(item);
            if (batch.Count < batchSize) continue;
            foreach (var r in Run(batch, results, map, options)) yield return r;
            batch.Clear();
        }
        if (batch.Count > 0)
            foreach (var r in Run(batch, results, map, options)) yield return r;
    }

    private static IEnumerable<TOut> Run<TIn, TOut>(List<TIn> batch, TOut[] results, Func<TIn, TOut> map, ParallelOptions options)
    {
        if (options.MaxDegreeOfParallelism == 1 || batch.Count == 1)
            for (int i = 0; i < batch.Count; i++) results[i] = map(batch[i]);
        else
            Parallel.For(0, batch.Count, options, i => results[i] = map(batch[i]));
        for (int i = 0; i < batch.Count; i++)
        {
            yield return results[i];
            results[i] = default!;
        }
    }

    /// <summary>Runs <paramref name="body"/> for 0…count−1 on up to <paramref name="degree"/> threads (for reductions, give each index its own output slot).</summary>
    public static void For(int count, Action<int> body, int degree = 0, CancellationToken cancellation = default)
    {
        if (degree <= 0) degree = Environment.ProcessorCount;
        if (degree == 1)
        {
            for (int i = 0; i < count; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                body(i);
            }
            return;
        }
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellation }, body);
    }
}
