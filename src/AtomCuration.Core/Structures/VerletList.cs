using System.Collections.Immutable;

namespace AtomCuration.Structures;

/// <summary>
/// A full neighbour list with a skin for molecular dynamics (Verlet 1967, Phys. Rev. 159, 98): the pairs closer than
/// cutoff + skin are found once (<see cref="NeighborList"/>, with image shifts) and reused while no atom has moved more
/// than skin/2 since — until then no pair outside that radius can have come within the cutoff. Every
/// <see cref="Update"/> recomputes the vectors D = r_j − r_i + S·cell of those candidates from the current positions and
/// keeps the ones closer than the cutoff: <see cref="Pairs"/> is then the same pair set as a <see cref="NeighborList"/>
/// at the cutoff (perhaps in another order). Positions are wrapped into the cell at each rebuild
/// only (between rebuilds the shifts refer to the unwrapped motion). Reuses its buffers: one instance per thread.
/// </summary>
public sealed class VerletList
{
    private readonly ImmutableArray<int> _numbers;
    private readonly Cell _cell;
    private readonly Pbc _pbc;
    private int[] _candidateOffsets = [0], _candidates = [];
    private Vec3[] _shifts = [], _reference = [];
    private int[] _offsets = [0], _indices = [];
    private Vec3[] _vectors = [];
    private double[] _distances = [];

    /// <summary>A list for atoms <paramref name="numbers"/> in <paramref name="cell"/> (periodic along <paramref name="pbc"/>).</summary>
    public VerletList(ImmutableArray<int> numbers, Cell cell, Pbc pbc, double cutoff, double skin)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (!(cutoff > 0)) throw new ArgumentOutOfRangeException(nameof(cutoff), cutoff, "The cutoff must be positive.");
        if (!(skin >= 0)) throw new ArgumentOutOfRangeException(nameof(skin), skin, "The skin must not be negative.");
        _numbers = numbers;
        _cell = cell;
        _pbc = pbc;
        Cutoff = cutoff;
        Skin = skin;
    }

    /// <summary>The radius the consumers need (Å).</summary>
    public double Cutoff { get; }

    /// <summary>The margin kept beyond it (Å).</summary>
    public double Skin { get; }

    /// <summary>How many times the pairs were searched since construction or <see cref="Invalidate"/>.</summary>
    public int Builds { get; private set; }

    /// <summary>The pairs closer than <see cref="Cutoff"/> at the positions of the last <see cref="Update"/>.</summary>
    public NeighborPairs Pairs => new(_offsets.AsSpan(0, _numbers.Length + 1), _indices.AsSpan(0, PairCount), _vectors.AsSpan(0, PairCount), _distances.AsSpan(0, PairCount));

    private int PairCount => _offsets[_numbers.Length];

    /// <summary>Forgets the pairs (the next <see cref="Update"/> searches afresh), e.g. for a new start configuration.</summary>
    public void Invalidate()
    {
        _reference = [];
        Builds = 0;
    }

    /// <summary>
    /// Brings the pairs to <paramref name="positions"/>: searches again (after wrapping the positions into the cell, in
    /// place) when an atom moved more than skin/2 since the last search, then recomputes every kept pair's vector.
    /// </summary>
    public void Update(Span<Vec3> positions)
    {
        if (positions.Length != _numbers.Length) throw new ArgumentException("Positions do not match the atoms.", nameof(positions));
        if (NeedsRebuild(positions)) Rebuild(positions);
        var x = positions;
        double cut2 = Cutoff * Cutoff;
        int n = 0;
        for (int i = 0; i < x.Length; i++)
        {
            _offsets[i] = n;
            var xi = x[i];
            for (int p = _candidateOffsets[i]; p < _candidateOffsets[i + 1]; p++)
            {
                int j = _candidates[p];
                var d = x[j] - xi + _shifts[p];
                double r2 = d.LengthSquared;
                if (!(r2 < cut2)) continue;
                _indices[n] = j;
                _vectors[n] = d;
                _distances[n] = Math.Sqrt(r2);
                n++;
            }
        }
        _offsets[x.Length] = n;
    }

    private bool NeedsRebuild(ReadOnlySpan<Vec3> x)
    {
        if (_reference.Length != x.Length) return true;
        double limit = 0.25 * Skin * Skin;
        for (int i = 0; i < x.Length; i++)
            if ((x[i] - _reference[i]).LengthSquared > limit) return true;
        return false;
    }

    private void Rebuild(Span<Vec3> x)
    {
        for (int i = 0; i < x.Length; i++) x[i] = _cell.Wrap(x[i], _pbc);
        var nl = NeighborList.Build(new Structure(_numbers, ImmutableArray.Create<Vec3>(x), _cell, _pbc), Cutoff + Skin);
        int pairs = nl.PairCount;
        if (_candidateOffsets.Length < x.Length + 1)
        {
            _candidateOffsets = new int[x.Length + 1];
            _offsets = new int[x.Length + 1];
        }
        nl.Offsets.CopyTo(_candidateOffsets);
        if (_candidates.Length < pairs)
        {
            int size = Math.Max(pairs, 2 * _candidates.Length);
            _candidates = new int[size];
            _shifts = new Vec3[size];
            _indices = new int[size];
            _vectors = new Vec3[size];
            _distances = new double[size];
        }
        nl.Indices.CopyTo(_candidates);
        var shifts = nl.Shifts;
        for (int p = 0; p < pairs; p++) _shifts[p] = shifts[p].ToCartesian(_cell);
        _reference = x.ToArray();
        Builds++;
    }
}
