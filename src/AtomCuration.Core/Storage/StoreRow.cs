using System.Collections.Immutable;

namespace AtomCuration.Storage;

/// <summary>
/// One row of a descriptor store as a selection from the store reports it when its structure is not fetched:
/// identity, origin (file and frame, to fetch it later), labels, descriptor and the selector's verdict.
/// </summary>
public sealed record StoreRow
{
    /// <summary>Position of the structure in the store (0-based, pool order; in a per-atom store the structure's, not the row's).</summary>
    public long Ordinal { get; init; }

    /// <summary>Position of the frame in the pool it was read from.</summary>
    public long PoolIndex { get; init; }

    /// <summary>The structure's id (<c>file#frame</c>).</summary>
    public string Id { get; init; } = "";

    /// <summary>Absolute path of the file the structure came from, or null.</summary>
    public string? SourcePath { get; init; }

    /// <summary>0-based frame in <see cref="SourcePath"/>.</summary>
    public int FrameIndex { get; init; }

    /// <summary>Number of atoms.</summary>
    public int AtomCount { get; init; }

    /// <summary>Chemical formula.</summary>
    public string Formula { get; init; } = "";

    /// <summary>Total energy (eV), when labelled.</summary>
    public double? Energy { get; init; }

    /// <summary>The config_type group key, when present.</summary>
    public string? ConfigType { get; init; }

    /// <summary>The descriptor (empty in a row of a per-atom store).</summary>
    public ImmutableArray<double> Descriptor { get; init; } = [];

    /// <summary>From a per-atom store: the atomic numbers of the structure's atoms, in order (empty otherwise).</summary>
    public ImmutableArray<int> AtomicNumbers { get; init; } = [];

    /// <summary>From a per-atom store: the atoms' descriptors, one row per atom (null otherwise).</summary>
    public Structures.FeatureMatrix? AtomDescriptors { get; init; }

    /// <summary>Position in the selection order (0 = picked first).</summary>
    public int? SelectionRank { get; init; }

    /// <summary>The selector's score of this pick.</summary>
    public double? SelectionScore { get; init; }

    /// <summary>Cluster of the pick, where the method clusters.</summary>
    public int? ClusterId { get; init; }

    internal static StoreRow From(StoreChunk chunk, int row)
    {
        var m = chunk.Metadata ?? throw new InvalidOperationException("The chunk was read without its metadata.");
        return new StoreRow
        {
            Ordinal = chunk.Start + row,
            PoolIndex = chunk.PoolIndex[row],
            Id = m.Id[row],
            SourcePath = m.Source[row],
            FrameIndex = m.Frame[row],
            AtomCount = m.Atoms[row],
            Formula = m.Formula[row],
            Energy = m.Energy[row],
            ConfigType = m.ConfigType[row],
            Descriptor = chunk.Row(row).ToImmutableArray(),
        };
    }
}
