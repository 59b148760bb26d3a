namespace AtomCuration.Structures;

/// <summary>
/// The entries of a full neighbour list as spans, in compressed row form (atom i's neighbours are entries
/// <see cref="Offsets"/>[i] … [i+1]−1, each with its neighbour, vector D = r_j − r_i + S·cell and distance |D|), so that
/// pair kernels read a <see cref="NeighborList"/> and a <see cref="VerletList"/> alike.
/// </summary>
public readonly ref struct NeighborPairs
{
    /// <summary>Pairs from their arrays (<paramref name="offsets"/> has one entry per atom and one more).</summary>
    public NeighborPairs(ReadOnlySpan<int> offsets, ReadOnlySpan<int> indices, ReadOnlySpan<Vec3> vectors, ReadOnlySpan<double> distances)
    {
        Offsets = offsets;
        Indices = indices;
        Vectors = vectors;
        Distances = distances;
    }

    /// <summary>Row starts, one per atom and one more.</summary>
    public ReadOnlySpan<int> Offsets { get; }

    /// <summary>Neighbour j of every entry.</summary>
    public ReadOnlySpan<int> Indices { get; }

    /// <summary>D of every entry (Å).</summary>
    public ReadOnlySpan<Vec3> Vectors { get; }

    /// <summary>|D| of every entry (Å).</summary>
    public ReadOnlySpan<double> Distances { get; }

    /// <summary>Atoms.</summary>
    public int AtomCount => Offsets.Length - 1;
}
