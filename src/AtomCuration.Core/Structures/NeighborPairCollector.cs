using System.Runtime.CompilerServices;
using System.Collections.Immutable;
using System.Buffers;

namespace AtomCuration.Structures;

/// <summary>
/// Accepts candidate pairs found on wrapped positions and stores those ASE keeps, with D, d and
/// S computed from the positions as given (as ASE does), so every search strategy of
/// <see cref="NeighborListBuilder"/> yields the same entries. Which of a pair's two orientations a
/// half list holds is the search's choice; the collector stores what it is given. Shifts are
/// stored only when asked for.
/// </summary>
internal sealed class NeighborPairCollector
{
    private readonly ImmutableArray<Vec3> _positions;
    private readonly ImageShift[] _offset;
    private readonly Vec3 _a, _b, _c;
    private readonly double _cutoff;
    private readonly double _sureInside;
    private readonly bool _half;
    private readonly bool _withShifts;
    private readonly int[] _offsets;
    // Small lists rent their buffers: a 36-atom cell at 7 Å needs ~90 kB of vectors, which fresh arrays
    // would put on the large-object heap once per structure (more costly than the search itself); the
    // finished list copies them out. Large lists (a 10,976-atom cell at 6.9 Å: 1.5 M entries, 70 MB) own
    // uninitialised buffers and hand them over: zeroing and copying them cost more than the search. A pooled
    // list rents at every size: its caller gives the buffers back, so a large cell evaluated again and again
    // reuses them instead of faulting in tens of MB of fresh pages per evaluation.
    private const int OwnedFrom = 1 << 16;
    private readonly bool _owned;
    private int[] _js;
    private Vec3[] _ds;
    private double[] _dist;
    private ImageShift[] _ss;
    private int _count;

    /// <summary>A collector for <paramref name="structure"/>, whose atom i was wrapped by −<paramref name="offset"/>[i] cells.</summary>
    public NeighborPairCollector(Structure structure, ImageShift[] offset, double cutoff, bool half, bool shifts = true, bool pooled = false)
    {
        _withShifts = shifts;
        _positions = structure.Positions;
        _offset = offset;
        (_a, _b, _c) = (structure.Cell.A, structure.Cell.B, structure.Cell.C);
        _cutoff = cutoff;
        _sureInside = cutoff * cutoff * (1 - 1e-9);
        _half = half;
        int n = _positions.Length;
        _offsets = new int[n + 1];
        int capacity = EstimatedEntries(structure, cutoff, half);
        _owned = capacity >= OwnedFrom && !pooled;
        _js = Allocate<int>(capacity);
        _ds = Allocate<Vec3>(capacity);
        _dist = Allocate<double>(capacity);
        _ss = shifts ? Allocate<ImageShift>(capacity) : [];
    }

    /// <summary>
    /// Entries expected at the cell's mean density plus a margin, so the buffers rarely grow
    /// (growing four buffers several times per small cell cost more than the search itself).
    /// </summary>
    private static int EstimatedEntries(Structure structure, double cutoff, bool half)
    {
        int n = structure.AtomCount;
        if (structure.Pbc != Pbc.All || !structure.Cell.IsFullRank) return n * 16;
        double perAtom = 4.0 / 3.0 * Math.PI * cutoff * cutoff * cutoff * n / structure.Cell.Volume;
        double entries = n * (1.25 * perAtom + 8) / (half ? 2 : 1);
        return (int)Math.Min(entries, 1 << 26);
    }

    /// <summary>
    /// Considers j in the wrapped-cell image <paramref name="image"/> as a neighbour of i, given the distance
    /// vector <paramref name="d"/> the search computed from wrapped positions and its square length. Well inside
    /// the cutoff that vector is kept (it differs from the exact one by rounding only); within a relative 10⁻⁹ of
    /// the cutoff the pair is decided on the vector from the positions as given, as ASE decides it.
    /// </summary>
    // Fully optimised at first call (here and on the other hot loops of this file): a fresh pwsh fingerprinting
    // a pool otherwise runs them at tier 0 and through tiering for seconds, as long as the steady-state work.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Consider(int i, int j, ImageShift image, Vec3 d, double r2)
    {
        if (r2 > _sureInside)
        {
            Consider(i, j, image);
            return;
        }
        if (_count == _js.Length) Grow();
        _js[_count] = j;
        _ds[_count] = d;
        _dist[_count] = Math.Sqrt(r2);
        if (_withShifts)
        {
            var oi = _offset[i];
            var oj = _offset[j];
            _ss[_count] = new ImageShift(image.A - oj.A + oi.A, image.B - oj.B + oi.B, image.C - oj.C + oi.C);
        }
        _count++;
    }

    /// <summary>Considers j in the wrapped-cell image <paramref name="image"/> as a neighbour of i (j ≠ i or a non-zero image).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Consider(int i, int j, ImageShift image)
    {
        var oi = _offset[i];
        var oj = _offset[j];
        var s = new ImageShift(image.A - oj.A + oi.A, image.B - oj.B + oi.B, image.C - oj.C + oi.C);
        var exact = _positions[j] - _positions[i] + (s.A * _a + s.B * _b + s.C * _c);
        double r = exact.Length;
        if (r >= _cutoff) return;
        if (_count == _js.Length) Grow();
        _js[_count] = j;
        _ds[_count] = exact;
        _dist[_count] = r;
        if (_withShifts) _ss[_count] = s;
        _count++;
    }

    /// <summary>Closes the row of atom i (call once per atom, in order).</summary>
    public void EndAtom(int i) => _offsets[i + 1] = _count;

    /// <summary>
    /// The finished list: the buffers themselves when owned or when <paramref name="pooled"/> (the caller then hands
    /// the rented buffers back with <see cref="NeighborList.Release"/>), else exact-size copies (the rented buffers go
    /// back to the pool).
    /// </summary>
    public NeighborList ToList(bool pooled = false)
    {
        if (_owned) return new NeighborList(_cutoff, _half, _offsets, _js, _ds, _dist, _withShifts ? _ss : null);
        if (pooled) return new NeighborList(_cutoff, _half, _offsets, _js, _ds, _dist, _withShifts ? _ss : null, rented: true);
        var list = new NeighborList(_cutoff, _half, _offsets, _js.AsSpan(0, _count).ToArray(), _ds.AsSpan(0, _count).ToArray(),
            _dist.AsSpan(0, _count).ToArray(), _withShifts ? _ss.AsSpan(0, _count).ToArray() : null);
        Return(_js);
        Return(_ds);
        Return(_dist);
        if (_withShifts) Return(_ss);
        return list;
    }

    private void Grow()
    {
        _js = Regrow(_js);
        _ds = Regrow(_ds);
        _dist = Regrow(_dist);
        if (_withShifts) _ss = Regrow(_ss);
    }

    private T[] Allocate<T>(int length) =>
        _owned ? GC.AllocateUninitializedArray<T>(length) : ArrayPool<T>.Shared.Rent(length);

    private T[] Regrow<T>(T[] old)
    {
        var bigger = Allocate<T>(old.Length * 2);
        old.AsSpan(0, _count).CopyTo(bigger);
        if (!_owned) Return(old);
        return bigger;
    }

    /// <summary>Gives a buffer rented by a collector back to the shared pool.</summary>
    internal static void Return<T>(T[] array) => ArrayPool<T>.Shared.Return(array);
}
