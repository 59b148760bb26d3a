namespace AtomCuration.Structures;

/// <summary>
/// All neighbours of every atom within a cutoff, periodic images included, in compressed
/// row form: the neighbours of atom i are entries <c>Offsets[i] … Offsets[i+1]-1</c>.
/// For every entry, j is the neighbour, S its image shift, D = r_j − r_i + S·cell the
/// distance vector (from the positions as given, not wrapped) and d = |D| &lt; cutoff —
/// the same pair set as ASE's <c>neighbor_list('ijdDS', atoms, cutoff)</c>. A full list has
/// both (i, j, S) and (j, i, −S); a half list keeps one of them (which one is the search's choice:
/// it is found searching forward from one of the two atoms). Shifts are stored unless the list was
/// built without them (<see cref="HasShifts"/>). The entry arrays may be longer
/// than <see cref="PairCount"/> (a large list keeps the builder's buffers rather than copying them).
/// </summary>
public sealed class NeighborList
{
    private readonly int[] _offsets;
    private readonly int[] _indices;
    private readonly Vec3[] _vectors;
    private readonly double[] _distances;
    private readonly ImageShift[]? _shifts;
    private bool _rented;

    internal NeighborList(double cutoff, bool half, int[] offsets, int[] indices, Vec3[] vectors,
        double[] distances, ImageShift[]? shifts, bool rented = false)
    {
        _rented = rented;
        Cutoff = cutoff;
        IsHalf = half;
        _offsets = offsets;
        _indices = indices;
        _vectors = vectors;
        _distances = distances;
        _shifts = shifts;
    }

    /// <summary>Builds the list with cell lists in O(N); see <see cref="NeighborListBuilder"/>.</summary>
    public static NeighborList Build(Structure structure, double cutoff, bool half = false) =>
        NeighborListBuilder.Build(structure, cutoff, half);

    /// <summary>Builds the list without image shifts (for callers that need only j, D and d).</summary>
    internal static NeighborList BuildWithoutShifts(Structure structure, double cutoff, bool half) =>
        NeighborListBuilder.Build(structure, cutoff, half, shifts: false);

    /// <summary>
    /// Builds the list over buffers rented from the shared array pool, for a caller that reads it and drops it at
    /// once (a small cell's fingerprint): no copy, nothing new on the heap per structure. The caller must call
    /// <see cref="Release"/> when done and not read the list afterwards.
    /// </summary>
    internal static NeighborList BuildPooled(Structure structure, double cutoff, bool half, bool shifts) =>
        NeighborListBuilder.Build(structure, cutoff, half, shifts, pooled: true);

    /// <summary>Gives the buffers of a <see cref="BuildPooled"/> list back to the pool (once; a no-op for other lists).</summary>
    internal void Release()
    {
        if (!_rented) return;
        _rented = false;
        NeighborPairCollector.Return(_indices);
        NeighborPairCollector.Return(_vectors);
        NeighborPairCollector.Return(_distances);
        if (_shifts is not null) NeighborPairCollector.Return(_shifts);
    }

    /// <summary>An exact-size copy on arrays of its own (for keeping a list built over pooled buffers).</summary>
    internal NeighborList Copy() => new(Cutoff, IsHalf, (int[])_offsets.Clone(), Indices.ToArray(), Vectors.ToArray(),
        Distances.ToArray(), _shifts is null ? null : Shifts.ToArray());

    /// <summary>True when the list stores image shifts (<see cref="Shifts"/>).</summary>
    public bool HasShifts => _shifts is not null;

    /// <summary>Bytes held by the list's arrays (for memory-bounded caches).</summary>
    internal long Bytes => 4L * _offsets.Length + (4L + 24 + 8 + (_shifts is null ? 0 : 12)) * _indices.Length;

    /// <summary>The cutoff (Å); pairs have distance strictly below it.</summary>
    public double Cutoff { get; }

    /// <summary>True when each pair appears once.</summary>
    public bool IsHalf { get; }

    /// <summary>Number of atoms.</summary>
    public int AtomCount => _offsets.Length - 1;

    /// <summary>Number of (i, j, S) entries.</summary>
    public int PairCount => _offsets[^1];

    /// <summary>Row starts, length AtomCount + 1.</summary>
    public ReadOnlySpan<int> Offsets => _offsets;

    /// <summary>Neighbour index j of every entry.</summary>
    public ReadOnlySpan<int> Indices => _indices.AsSpan(0, PairCount);

    /// <summary>Distance vector D of every entry (Å).</summary>
    public ReadOnlySpan<Vec3> Vectors => _vectors.AsSpan(0, PairCount);

    /// <summary>Distance |D| of every entry (Å).</summary>
    public ReadOnlySpan<double> Distances => _distances.AsSpan(0, PairCount);

    /// <summary>Image shift S of every entry.</summary>
    /// <exception cref="InvalidOperationException">The list was built without shifts.</exception>
    public ReadOnlySpan<ImageShift> Shifts => RequireShifts().AsSpan(0, PairCount);

    /// <summary>The entries as spans (for kernels that also read a <see cref="VerletList"/>).</summary>
    public NeighborPairs Pairs => new(Offsets, Indices, Vectors, Distances);

    /// <summary>Number of neighbours of atom i.</summary>
    public int CountOf(int i) => _offsets[i + 1] - _offsets[i];

    /// <summary>Neighbour indices of atom i.</summary>
    public ReadOnlySpan<int> IndicesOf(int i) => _indices.AsSpan(_offsets[i], CountOf(i));

    /// <summary>Distance vectors from atom i.</summary>
    public ReadOnlySpan<Vec3> VectorsOf(int i) => _vectors.AsSpan(_offsets[i], CountOf(i));

    /// <summary>Distances from atom i.</summary>
    public ReadOnlySpan<double> DistancesOf(int i) => _distances.AsSpan(_offsets[i], CountOf(i));

    /// <summary>Image shifts of atom i's neighbours.</summary>
    public ReadOnlySpan<ImageShift> ShiftsOf(int i) => RequireShifts().AsSpan(_offsets[i], CountOf(i));

    private ImageShift[] RequireShifts() =>
        _shifts ?? throw new InvalidOperationException("This neighbour list was built without image shifts.");

    /// <summary>The row-owner i of every entry (the <c>i</c> array of ASE).</summary>
    public int[] FirstIndices()
    {
        var first = new int[PairCount];
        for (int i = 0; i < AtomCount; i++) first.AsSpan(_offsets[i], CountOf(i)).Fill(i);
        return first;
    }
}
