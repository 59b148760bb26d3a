namespace AtomCuration.Structures;

/// <summary>
/// A neighbour list lent by <see cref="NeighborListCache.Borrow"/>: read <see cref="List"/> until disposing the lease,
/// which gives a list built over pooled buffers back to the pool (a cached list stays cached).
/// </summary>
internal readonly struct NeighborListLease : IDisposable
{
    internal NeighborListLease(NeighborList list) => List = list;

    /// <summary>The list; not to be read after <see cref="Dispose"/>.</summary>
    public NeighborList List { get; }

    /// <summary>Gives pooled buffers back (a no-op for a cached or owned list).</summary>
    public void Dispose() => List.Release();
}
