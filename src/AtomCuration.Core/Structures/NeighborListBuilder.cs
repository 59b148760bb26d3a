namespace AtomCuration.Structures;

/// <summary>
/// Builds a <see cref="NeighborList"/>: small periodic cells by all pairs over the images that can
/// hold a neighbour (<see cref="SmallCellNeighbors"/>), everything else with cell lists over bins
/// padded with periodic ghost images (<see cref="CellListNeighbors"/>). Positions are wrapped into
/// the cell along periodic axes first. A half list is found by searching forward only (j &gt; i in
/// the atom's own bin, lexicographically positive bin offsets elsewhere), so a half list costs
/// about half a full one. The number of periodic images a search may visit is bounded
/// (<see cref="MaxImages"/>): a nearly flat cell is refused with an <see cref="ArgumentException"/>
/// instead of making the search allocate without bound.
/// </summary>
internal static class NeighborListBuilder
{
    // Up to this many candidate pairs per atom (atoms × images) the branch-free all-pairs search
    // of small cells beats the binned search (36-atom hcp Ti at 6–7 Å: 972).
    private const long SmallCellCandidates = 1500;

    /// <summary>
    /// Most periodic images (cells, the home cell included) one search may visit, and most periodic
    /// copies of atoms (atoms × images) it may hold: a 1-atom cell with a 20 Å cutoff and 2 Å plane
    /// spacings needs 9,261 images, a cell 10⁻³ Å thick along one axis with a 6 Å cutoff 6,001 along that axis alone.
    /// </summary>
    public const long MaxImages = 1_000_000;

    /// <summary>Most periodic copies of atoms (ghosts) one search may create.</summary>
    public const long MaxGhosts = 1L << 26;

    // Work arrays kept per thread between calls up to this size (a 32,000-atom cell needs about 4 MB).
    private const long MaxRetainedScratchBytes = 32_000_000;

    [ThreadStatic] private static Scratch? t_scratch;

    /// <summary>Per-thread work arrays, reused from call to call (grown, never shrunk below what the last call needed).</summary>
    internal sealed class Scratch
    {
        public Vec3[] Frac = [];
        public Vec3[] Wrapped = [];
        public ImageShift[] Offset = [];
        public int[] Ints = [];
        public int[] Bins = [];
        public int[] Slots = [];
        public int[] GhostOwner = [];
        public ImageShift[] GhostImage = [];
        public int[] GhostBin = [];
        public Vec3[] SlotPos = [];
        public int[] SlotOwner = [];
        public ImageShift[] SlotImage = [];
        public double[] X = [], Y = [], Z = [];

        /// <summary>Bytes held by the work arrays.</summary>
        public long Bytes =>
            24L * (Frac.Length + Wrapped.Length + SlotPos.Length) + 12L * (Offset.Length + GhostImage.Length + SlotImage.Length)
            + 4L * (Ints.Length + Bins.Length + Slots.Length + GhostOwner.Length + GhostBin.Length + SlotOwner.Length)
            + 8L * (X.Length + Y.Length + Z.Length);

        public static T[] Ensure<T>(ref T[] array, long length)
        {
            if (array.Length < length)
                array = GC.AllocateUninitializedArray<T>((int)Math.Min(Math.Max(length, array.Length * 3L / 2), Array.MaxLength));
            return array;
        }

        public static T[] Grow<T>(ref T[] array, int keep, long length)
        {
            var bigger = GC.AllocateUninitializedArray<T>((int)Math.Min(length, Array.MaxLength));
            array.AsSpan(0, keep).CopyTo(bigger);
            return array = bigger;
        }
    }

    public static NeighborList Build(Structure structure, double cutoff, bool half, bool shifts = true, bool pooled = false)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (!(cutoff > 0) || !double.IsFinite(cutoff))
            throw new ArgumentOutOfRangeException(nameof(cutoff), cutoff, "The cutoff must be a positive finite distance (Å).");

        var pbc = structure.Pbc;
        var cell = structure.Cell;
        var basis = WorkingBasis(cell, pbc);
        var positions = structure.PositionSpan;
        int n = positions.Length;
        var spacing = basis.PlaneSpacings;
        // Wrapped positions lie in [0, 1) along a periodic axis, so an image beyond
        // floor(cutoff / plane spacing) + 1 cells holds no neighbour.
        var reach = (Reach(pbc.A, cutoff, spacing.X), Reach(pbc.B, cutoff, spacing.Y), Reach(pbc.C, cutoff, spacing.Z));
        double images = (2.0 * reach.Item1 + 1) * (2.0 * reach.Item2 + 1) * (2.0 * reach.Item3 + 1);
        if (images > MaxImages || images * n > MaxGhosts)
            throw new ArgumentException(
                $"{structure.Id}: a {cutoff:G6} Å cutoff reaches {reach.Item1}, {reach.Item2}, {reach.Item3} periodic images along a, b, c " +
                $"(plane spacings {spacing.X:G4}, {spacing.Y:G4}, {spacing.Z:G4} Å): {images:G4} images of {n} atom(s), more than a neighbour " +
                $"search may visit ({MaxImages:N0} images, {MaxGhosts:N0} periodic copies). Is the cell nearly flat?", nameof(structure));

        var scratch = t_scratch ??= new Scratch();
        // Fractional coordinates; along periodic axes wrap into [0, 1) and remember the offset.
        var frac = Scratch.Ensure(ref scratch.Frac, n);
        var offset = Scratch.Ensure(ref scratch.Offset, n);
        var wrapped = Scratch.Ensure(ref scratch.Wrapped, n);
        for (int i = 0; i < n; i++)
        {
            var f = basis.ToFractional(positions[i]);
            int ox = 0, oy = 0, oz = 0;
            double fx = pbc.A ? Wrap(f.X, out ox) : f.X;
            double fy = pbc.B ? Wrap(f.Y, out oy) : f.Y;
            double fz = pbc.C ? Wrap(f.Z, out oz) : f.Z;
            frac[i] = new Vec3(fx, fy, fz);
            offset[i] = new ImageShift(ox, oy, oz);
            wrapped[i] = basis.ToCartesian(frac[i]);
        }

        var sink = new NeighborPairCollector(structure, offset, cutoff, half, shifts, pooled);
        if (images * n <= SmallCellCandidates)
            SmallCellNeighbors.Search(wrapped.AsSpan(0, n), basis, reach, cutoff, half, sink, scratch);
        else
            CellListNeighbors.Search(frac.AsSpan(0, n), wrapped.AsSpan(0, n), basis, pbc, spacing, cutoff, half, sink, scratch);
        // A very large structure does not leave its work arrays pinned to the thread.
        if (scratch.Bytes > MaxRetainedScratchBytes) t_scratch = null;
        return sink.ToList(pooled);
    }

    private static int Reach(bool periodic, double cutoff, double spacing) =>
        periodic ? (int)Math.Min(Math.Floor(cutoff / spacing) + 1, 1 << 20) : 0;

    private static double Wrap(double f, out int image)
    {
        double floor = Math.Floor(f);
        double w = f - floor;
        image = (int)floor;
        if (w >= 1.0)
        {
            w = 0;
            image++;
        }
        return w;
    }

    /// <summary>
    /// A full-rank basis that agrees with the cell on its periodic axes. Non-periodic axes
    /// whose vectors are zero or dependent (a molecule without a cell, a slab with c = 0)
    /// get orthonormal complements instead; their images are never visited, so the choice
    /// only affects binning.
    /// </summary>
    internal static Cell WorkingBasis(Cell cell, Pbc pbc)
    {
        if (cell.IsFullRank && Math.Abs(cell.Determinant) > 1e-12 * Math.Pow(cell.Lengths.Length, 3)) return cell;
        var periodic = new List<Vec3>();
        for (int a = 0; a < 3; a++) if (pbc[a]) periodic.Add(cell[a]);
        var vectors = new Vec3[3];
        var complement = Complement(periodic);
        int next = 0;
        for (int a = 0; a < 3; a++) vectors[a] = pbc[a] ? cell[a] : complement[next++];
        var basis = new Cell(vectors[0], vectors[1], vectors[2]);
        if (!basis.IsFullRank) throw new ArgumentException("The periodic cell vectors are linearly dependent.");
        return basis;
    }

    private static Vec3[] Complement(List<Vec3> periodic)
    {
        switch (periodic.Count)
        {
            case 0:
                return [new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1)];
            case 1:
            {
                var p = periodic[0] / periodic[0].Length;
                var e = Math.Abs(p.X) < 0.6 ? new Vec3(1, 0, 0) : new Vec3(0, 1, 0);
                var u = Vec3.Cross(p, e);
                u /= u.Length;
                return [u, Vec3.Cross(p, u)];
            }
            case 2:
            {
                var nrm = Vec3.Cross(periodic[0], periodic[1]);
                if (nrm.Length == 0) throw new ArgumentException("The periodic cell vectors are linearly dependent.");
                return [nrm / nrm.Length];
            }
            default:
                return [];
        }
    }
}
