using AtomCuration.Structures;

namespace AtomCuration.Storage;

/// <summary>One structure of a per-atom store: its atoms' rows gathered.</summary>
/// <param name="Ordinal">Position of the structure in the store (0-based, pool order).</param>
/// <param name="AtomicNumbers">The atoms' atomic numbers.</param>
/// <param name="Environments">The atoms' descriptors, one row per atom.</param>
/// <param name="Row">The structure's identity and origin (from its first atom's row), when read with metadata.</param>
/// <param name="PoolIndex">The structure's position in the pool.</param>
internal sealed record StoreStructure(int Ordinal, int[] AtomicNumbers, FeatureMatrix Environments, StoreRow? Row, long PoolIndex);

/// <summary>
/// The structures of a per-atom store in pool order, gathered from its rows chunk by chunk: a structure starts at
/// a row whose atom index is 0 and may span two chunks, so memory holds one chunk and one structure.
/// </summary>
internal static class StoreStructures
{
    /// <summary>
    /// The structures of <paramref name="store"/>; with <paramref name="metadata"/> each carries its row (without a
    /// structure descriptor). Throws <see cref="StoreLayoutException"/> for a per-structure store.
    /// </summary>
    public static IEnumerable<StoreStructure> Read(DescriptorStore store, bool metadata, CancellationToken cancellation) =>
        Read(store, metadata ? _ => true : null, cancellation);

    /// <summary>As <see cref="Read(DescriptorStore, bool, CancellationToken)"/>, with the rows of the structures in the row groups <paramref name="metadata"/> accepts (by their pool positions).</summary>
    public static IEnumerable<StoreStructure> Read(DescriptorStore store, Func<long[], bool>? metadata, CancellationToken cancellation)
    {
        RequireAtoms(store, "this");
        int ordinal = 0;
        var z = new List<int>();
        var values = new List<double>();
        StoreRow? row = null;
        long pool = 0;
        foreach (var chunk in store.Chunks(metadata, cancellation))
        {
            var atoms = chunk.Atoms!;
            for (int i = 0; i < chunk.Rows; i++)
            {
                if (atoms.Atom[i] == 0 && z.Count > 0) yield return Take();
                if (atoms.Atom[i] != z.Count)
                    throw new InvalidDataException($"Store '{store.Path}': row {chunk.Start + i} is atom {atoms.Atom[i]} where atom {z.Count} of its structure was expected.");
                if (z.Count == 0)
                {
                    pool = chunk.PoolIndex[i];
                    if (chunk.Metadata is { } m && m.Id[i] is not null) row = StoreRow.From(chunk, i) with { Ordinal = ordinal, Descriptor = [] };
                }
                z.Add(atoms.AtomicNumber[i]);
                values.AddRange(chunk.Row(i));
            }
        }
        if (z.Count > 0) yield return Take();

        StoreStructure Take()
        {
            var s = new StoreStructure(ordinal++, z.ToArray(), new FeatureMatrix(z.Count, store.Labels, values.ToArray()), row, pool);
            z.Clear();
            values.Clear();
            row = null;
            return s;
        }
    }

    /// <summary>Refuses (<see cref="StoreLayoutException"/>) a per-structure store where <paramref name="reader"/> needs per-atom rows.</summary>
    public static void RequireAtoms(DescriptorStore store, string reader)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Layout != StoreLayout.Atom)
            throw new StoreLayoutException($"Store '{store.Path}' holds one row per structure, but {reader} reads per-atom descriptors: " +
                                                "write a per-atom store with 'Get-Descriptor -PerAtom … | Export-Descriptor <store>.parquet -PerAtom'.");
    }

    /// <summary>Refuses (<see cref="StoreLayoutException"/>) a per-atom store where <paramref name="reader"/> needs one row per structure.</summary>
    public static void RequireStructures(DescriptorStore store, string reader)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Layout != StoreLayout.Structure)
            throw new StoreLayoutException($"Store '{store.Path}' holds one row per atom, but {reader} reads one descriptor per structure: " +
                                                "write a per-structure store with 'Get-Descriptor … | Export-Descriptor <store>.parquet' (without -PerAtom).");
    }
}
