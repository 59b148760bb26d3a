namespace AtomCuration.Structures;

/// <summary>
/// Builds a <see cref="NeighborList"/>: small periodic cells by all pairs over the images that can
/// hold a neighbour (<see cref="SmallCellNeighbors"/>), everything else with cell lists. Positions are wrapped into the cell
/// along periodic axes and sorted into bins about half a cutoff wide; each atom visits the
/// bins within one cutoff, each bin once per image, so the work is O(N) for a fixed density.
/// Cutoffs longer than the cell work because a bin index past the edge simply names the
/// next periodic image: a 1-atom cell with an 8 Å cutoff sees every image.
/// </summary>
internal static class NeighborListBuilder
{
    // Bins about half a cutoff wide visit (5/2)³·8 ≈ 125 bins of volume rc³/8: ~27 % of them is
    // the cutoff sphere, against ~16 % for bins a whole cutoff wide.
    private const double BinWidthInCutoffs = 0.5;

    // Up to this many candidate pairs per atom (atoms × images) the branch-free all-pairs search
    // of small cells beats visiting ~125 bins per atom (36-atom hcp Ti at 6–7 Å: 972).
    private const long SmallCellCandidates = 1500;

    public static NeighborList Build(Structure structure, double cutoff, bool half)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (!(cutoff > 0) || !double.IsFinite(cutoff))
            throw new ArgumentOutOfRangeException(nameof(cutoff), cutoff, "The cutoff must be a positive finite distance (Å).");

        var pbc = structure.Pbc;
        var cell = structure.Cell;
        var basis = WorkingBasis(cell, pbc);
        var positions = structure.PositionSpan;
        int n = positions.Length;

        // Fractional coordinates; along periodic axes wrap into [0, 1) and remember the offset.
        var frac = new Vec3[n];
        var offset = new ImageShift[n];
        var wrapped = new Vec3[n];
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

        var spacing = basis.PlaneSpacings;
        var sink = new NeighborPairCollector(structure, offset, cutoff, half);
        // Wrapped positions lie in [0, 1) along a periodic axis, so an image beyond
        // floor(cutoff / plane spacing) + 1 cells holds no neighbour.
        var reach = (Reach(pbc.A, cutoff, spacing.X), Reach(pbc.B, cutoff, spacing.Y), Reach(pbc.C, cutoff, spacing.Z));
        long images = (2L * reach.Item1 + 1) * (2L * reach.Item2 + 1) * (2L * reach.Item3 + 1);
        if (images * n <= SmallCellCandidates)
            SmallCellNeighbors.Search(wrapped, basis, reach, cutoff, sink);
        else
            CellListSearch(frac, wrapped, basis, pbc, spacing, cutoff, sink);
        return sink.ToList();
    }

    private static int Reach(bool periodic, double cutoff, double spacing) =>
        periodic ? (int)Math.Min(Math.Floor(cutoff / spacing) + 1, 1 << 16) : 0;

    /// <summary>Cell-list search: bins about half a cutoff wide, each visited once per image.</summary>
    private static void CellListSearch(Vec3[] frac, Vec3[] wrapped, Cell basis, Pbc pbc, Vec3 spacing, double cutoff,
        NeighborPairCollector sink)
    {
        int n = frac.Length;
        var grid = new BinGrid(frac, pbc, spacing, cutoff);

        // Counting sort of atoms into bins, so a bin's atoms are contiguous.
        var binOf = new int[n];
        var binStart = new int[grid.BinCount + 1];
        for (int i = 0; i < n; i++)
        {
            binOf[i] = grid.BinIndex(frac[i]);
            binStart[binOf[i] + 1]++;
        }
        for (int b = 0; b < grid.BinCount; b++) binStart[b + 1] += binStart[b];
        var binAtoms = new int[n];
        var binPos = new Vec3[n];
        var fill = binStart.AsSpan(0, grid.BinCount).ToArray();
        for (int i = 0; i < n; i++)
        {
            int slot = fill[binOf[i]]++;
            binAtoms[slot] = i;
            binPos[slot] = wrapped[i];
        }

        double cutoff2 = cutoff * cutoff;
        Vec3 va = basis.A, vb = basis.B, vc = basis.C;
        for (int i = 0; i < n; i++)
        {
            var ri = wrapped[i];
            grid.Coordinates(binOf[i], out int bx, out int by, out int bz);
            for (int dx = -grid.Kx; dx <= grid.Kx; dx++)
            {
                if (!grid.Resolve(0, bx + dx, out int cx, out int sx)) continue;
                for (int dy = -grid.Ky; dy <= grid.Ky; dy++)
                {
                    if (!grid.Resolve(1, by + dy, out int cy, out int sy)) continue;
                    for (int dz = -grid.Kz; dz <= grid.Kz; dz++)
                    {
                        if (!grid.Resolve(2, bz + dz, out int cz, out int sz)) continue;
                        var rel = sx * va + sy * vb + sz * vc - ri;
                        int bin = grid.Flatten(cx, cy, cz);
                        bool selfImage = sx == 0 && sy == 0 && sz == 0;
                        for (int slot = binStart[bin]; slot < binStart[bin + 1]; slot++)
                        {
                            var d = binPos[slot] + rel;
                            if (d.LengthSquared >= cutoff2) continue;
                            int j = binAtoms[slot];
                            if (selfImage && j == i) continue;
                            sink.Consider(i, j, sx, sy, sz);
                        }
                    }
                }
            }
            sink.EndAtom(i);
        }
    }

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

    /// <summary>Bin layout in fractional coordinates of the working basis.</summary>
    private sealed class BinGrid
    {
        private readonly int[] _bins = new int[3];
        private readonly double[] _lo = new double[3];
        private readonly double[] _width = new double[3];
        private readonly bool[] _periodic = new bool[3];

        public BinGrid(Vec3[] frac, Pbc pbc, Vec3 spacing, double cutoff)
        {
            var k = new int[3];
            for (int a = 0; a < 3; a++)
            {
                _periodic[a] = pbc[a];
                double lo = 0, extent = 1;
                if (!pbc[a])
                {
                    lo = double.MaxValue;
                    double hi = double.MinValue;
                    foreach (var f in frac)
                    {
                        lo = Math.Min(lo, f[a]);
                        hi = Math.Max(hi, f[a]);
                    }
                    extent = Math.Max(hi - lo, 1e-12);
                }
                double extentCartesian = extent * spacing[a];
                int bins = (int)Math.Clamp(Math.Floor(extentCartesian / (BinWidthInCutoffs * cutoff)), 1, 1 << 20);
                _bins[a] = bins;
                _lo[a] = lo;
                _width[a] = extent / bins;
            }
            // Sparse systems (a few atoms spread far apart) would get more bins than atoms: coarsen.
            long limit = Math.Max(64, 4L * frac.Length);
            while ((long)_bins[0] * _bins[1] * _bins[2] > limit)
            {
                int widest = 0;
                for (int a = 1; a < 3; a++) if (_bins[a] > _bins[widest]) widest = a;
                _bins[widest] = Math.Max(1, _bins[widest] / 2);
                _width[widest] = WidthFor(frac, widest);
            }
            for (int a = 0; a < 3; a++)
            {
                double binCartesian = _width[a] * spacing[a];
                int layers = (int)Math.Ceiling(cutoff / binCartesian * (1 + 1e-12));
                k[a] = _periodic[a] ? layers : Math.Min(layers, _bins[a] - 1);
            }
            Kx = k[0];
            Ky = k[1];
            Kz = k[2];
        }

        private double WidthFor(Vec3[] frac, int a)
        {
            if (_periodic[a]) return 1.0 / _bins[a];
            double hi = double.MinValue;
            foreach (var f in frac) hi = Math.Max(hi, f[a]);
            return Math.Max(hi - _lo[a], 1e-12) / _bins[a];
        }

        public int Kx { get; }
        public int Ky { get; }
        public int Kz { get; }

        public int BinCount => _bins[0] * _bins[1] * _bins[2];

        public int BinIndex(Vec3 f) => Flatten(Axis(0, f.X), Axis(1, f.Y), Axis(2, f.Z));

        private int Axis(int a, double f)
        {
            int b = (int)Math.Floor((f - _lo[a]) / _width[a]);
            return Math.Clamp(b, 0, _bins[a] - 1);
        }

        public int Flatten(int x, int y, int z) => (x * _bins[1] + y) * _bins[2] + z;

        public void Coordinates(int bin, out int x, out int y, out int z)
        {
            z = bin % _bins[2];
            int rest = bin / _bins[2];
            y = rest % _bins[1];
            x = rest / _bins[1];
        }

        /// <summary>Maps an unbounded bin coordinate to a bin and an image shift; false when out of a non-periodic range.</summary>
        public bool Resolve(int a, int coordinate, out int bin, out int image)
        {
            int nb = _bins[a];
            if (!_periodic[a])
            {
                image = 0;
                bin = coordinate;
                return coordinate >= 0 && coordinate < nb;
            }
            image = (int)Math.Floor((double)coordinate / nb);
            bin = coordinate - image * nb;
            return true;
        }
    }
}
