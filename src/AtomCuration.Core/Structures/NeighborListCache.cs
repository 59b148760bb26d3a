using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AtomCuration.Structures;

/// <summary>
/// Neighbour lists kept for structures that are evaluated again and again (a pool measured
/// after every fit, a study's repeated trials, fits with restarts), so each list is built once
/// per cutoff. Lists are keyed by the identity of the structure's position array, which
/// <c>with</c> copies share (a structure that gained a descriptor on the pipeline keeps its list),
/// and checked against its cell and periodicity; a key that is no longer referenced takes its
/// lists with it. The total size of cached lists is bounded (<see cref="BudgetBytes"/>); past it
/// the least recently used lists are dropped. Thread-safe; a list is built outside the lock.
/// </summary>
internal static class NeighborListCache
{
    private sealed class Slot
    {
        public required Cell Cell { get; init; }
        public required Pbc Pbc { get; init; }
        public required double Cutoff { get; init; }
        public required bool Half { get; init; }
        public required NeighborList List { get; init; }
        public required List<Slot> Owner { get; init; }
        public LinkedListNode<Slot>? Node { get; set; }
    }

    private static readonly ConditionalWeakTable<Vec3[], List<Slot>> s_table = new();
    private static readonly LinkedList<Slot> s_recent = new();
    private static readonly object s_gate = new();
    private static long s_bytes;

    /// <summary>Most bytes the cached lists may hold together (default 256 MB); 0 turns caching off.</summary>
    public static long BudgetBytes { get; set; } = 256_000_000;

    /// <summary>Bytes held now.</summary>
    public static long Bytes
    {
        get { lock (s_gate) return s_bytes; }
    }

    /// <summary>Drops every cached list.</summary>
    public static void Clear()
    {
        lock (s_gate)
        {
            foreach (var slot in s_recent) slot.Owner.Remove(slot);
            s_recent.Clear();
            s_bytes = 0;
        }
    }

    /// <summary>The list (without image shifts) of <paramref name="structure"/> at <paramref name="cutoff"/>, built on first request.</summary>
    public static NeighborList Get(Structure structure, double cutoff, bool half)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (Find(structure, cutoff, half) is { } cached) return cached;
        var list = NeighborList.BuildWithoutShifts(structure, cutoff, half);
        return list.Bytes > BudgetBytes / 4 ? list : Keep(structure, cutoff, half, list);
    }

    /// <summary>
    /// The list as <see cref="Get"/> gives it, for a caller that reads it only until it disposes the lease. A list
    /// the cache would not keep (caching off, or larger than a quarter of the budget: a 32,000-atom cell's half list
    /// at 5.5 Å is ~46 MB) is built over pooled buffers and handed back on dispose, so a large cell evaluated again
    /// and again reuses them instead of faulting in fresh pages for every evaluation.
    /// </summary>
    public static NeighborListLease Borrow(Structure structure, double cutoff, bool half)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (Find(structure, cutoff, half) is { } cached) return new NeighborListLease(cached);
        var list = NeighborList.BuildPooled(structure, cutoff, half, shifts: false);
        if (list.Bytes > BudgetBytes / 4) return new NeighborListLease(list);
        var owned = list.Copy();
        list.Release();
        return new NeighborListLease(Keep(structure, cutoff, half, owned));
    }

    private static NeighborList? Find(Structure structure, double cutoff, bool half)
    {
        var key = ImmutableCollectionsMarshal.AsArray(structure.Positions)!;
        lock (s_gate)
        {
            if (!s_table.TryGetValue(key, out var slots)) return null;
            foreach (var slot in slots)
                if (slot.Cutoff == cutoff && slot.Half == half && slot.Pbc == structure.Pbc && slot.Cell.Equals(structure.Cell))
                {
                    s_recent.Remove(slot.Node!);
                    s_recent.AddFirst(slot.Node!);
                    return slot.List;
                }
        }
        return null;
    }

    private static NeighborList Keep(Structure structure, double cutoff, bool half, NeighborList list)
    {
        var key = ImmutableCollectionsMarshal.AsArray(structure.Positions)!;
        lock (s_gate)
        {
            var slots = s_table.GetOrCreateValue(key);
            foreach (var slot in slots)
                if (slot.Cutoff == cutoff && slot.Half == half && slot.Pbc == structure.Pbc && slot.Cell.Equals(structure.Cell))
                    return slot.List; // another thread built it meanwhile
            // A structure whose cell changed under the same positions replaces its stale lists.
            foreach (var stale in slots.Where(s => s.Pbc != structure.Pbc || !s.Cell.Equals(structure.Cell)).ToList()) Drop(stale);
            var fresh = new Slot { Cell = structure.Cell, Pbc = structure.Pbc, Cutoff = cutoff, Half = half, List = list, Owner = slots };
            fresh.Node = s_recent.AddFirst(fresh);
            slots.Add(fresh);
            s_bytes += list.Bytes;
            while (s_bytes > BudgetBytes && s_recent.Last is { } oldest) Drop(oldest.Value);
        }
        return list;
    }

    private static void Drop(Slot slot)
    {
        slot.Owner.Remove(slot);
        s_recent.Remove(slot.Node!);
        s_bytes -= slot.List.Bytes;
    }
}
