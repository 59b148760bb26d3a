namespace AtomCuration.Storage;

/// <summary>
/// Repeated passes over a store's descriptors for the methods that need many (FPS, CUR): when the matrix fits in
/// the memory budget it is read once and kept, otherwise every pass reads the store again, chunk by chunk.
/// </summary>
internal sealed class StorePasses
{
    private readonly DescriptorStore _store;
    private readonly CancellationToken _cancellation;
    private List<StoreChunk>? _cached;
    private readonly bool _cache;

    public StorePasses(DescriptorStore store, long budgetBytes, CancellationToken cancellation)
    {
        _store = store;
        _cancellation = cancellation;
        _cache = store.Rows * Math.Max(1, store.Labels.Count) * 8L <= budgetBytes;
    }

    /// <summary>One pass over all rows in pool order.</summary>
    public IEnumerable<StoreChunk> Pass()
    {
        if (!_cache) return _store.Chunks(false, _cancellation);
        return _cached ??= _store.Chunks(false, _cancellation).ToList();
    }
}
