using System.Runtime.CompilerServices;
namespace AtomCuration.Structures;

/// <summary>
/// Cell-list neighbour search over bins padded with periodic ghosts, in the manner of LAMMPS's
/// binned lists (Plimpton 1995, J. Comput. Phys. 117, 1, doi:10.1006/jcph.1995.1039): wrapped
/// positions are sorted into bins about half a cutoff wide (in fractional coordinates, so a
/// lattice translation moves a bin by a whole number of bins); every periodic copy of an atom
/// that falls within the stencil reach of the cell is added as a ghost carrying its owner and
/// image; each atom then scans a fixed stencil of bin offsets with no image arithmetic per bin.
/// For a half list the stencil holds only the lexicographically positive offsets and, in the
/// atom's own bin, the atoms after it: the pair (i, j + S) is found from i at offset Δ and from j
/// at offset −Δ, so exactly once. Cutoffs longer than the cell work: a 1-atom cell sees every image.
/// </summary>
internal static class CellListNeighbors
{
    // Bins a third of a cutoff wide: a half list scans at most 171 bins of rc³/27 (6.3 rc³, about 3 times the half
    // sphere; fewer in an orthogonal cell, whose far corners are pruned) against 63 bins of rc³/8 (7.9 rc³) for
    // bins half a cutoff wide; on 32,000-atom fcc Cu at 5.5 Å that made the half list 32 → 27 ms.
    private const double BinWidthInCutoffs = 1.0 / 3;

    // Fully optimised at first call (here and on the other hot loops of this file): a fresh pwsh fingerprinting
    // a pool otherwise runs them at tier 0 and through tiering for seconds, as long as the steady-state work.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Search(ReadOnlySpan<Vec3> frac, ReadOnlySpan<Vec3> wrapped, Cell basis, Pbc pbc, Vec3 spacing, double cutoff,
        bool half, NeighborPairCollector sink, NeighborListBuilder.Scratch scratch)
    {
        int n = frac.Length;
        var grid = new BinGrid(frac, pbc, spacing, cutoff);
        int nx = grid.Bins[0], ny = grid.Bins[1], nz = grid.Bins[2];
        int kx = grid.Layers[0], ky = grid.Layers[1], kz = grid.Layers[2];
        int py = ny + 2 * ky, pz = nz + 2 * kz;
        long paddedBins = (long)(nx + 2 * kx) * py * pz;
        if (paddedBins > NeighborListBuilder.MaxGhosts)
            throw new ArgumentException($"A {cutoff:G6} Å cutoff needs {paddedBins:N0} bins, more than a neighbour search may use.");

        // Owned atoms first (extended index = atom index), then ghosts: every image whose bin lies in the padded grid.
        int rx = pbc.A ? (kx + nx - 1) / nx : 0, ry = pbc.B ? (ky + ny - 1) / ny : 0, rz = pbc.C ? (kz + nz - 1) / nz : 0;
        var ownBin = NeighborListBuilder.Scratch.Ensure(ref scratch.Ints, n);
        int ghosts = 0;
        var gBin = scratch.GhostBin;
        var gOwner = scratch.GhostOwner;
        var gImage = scratch.GhostImage;
        for (int i = 0; i < n; i++)
        {
            grid.Coordinates(frac[i], out int cx, out int cy, out int cz);
            ownBin[i] = ((cx + kx) * py + cy + ky) * pz + cz + kz;
            for (int sx = -rx; sx <= rx; sx++)
            {
                int gx = cx + sx * nx;
                if (gx < -kx || gx >= nx + kx) continue;
                for (int sy = -ry; sy <= ry; sy++)
                {
                    int gy = cy + sy * ny;
                    if (gy < -ky || gy >= ny + ky) continue;
                    for (int sz = -rz; sz <= rz; sz++)
                    {
                        int gz = cz + sz * nz;
                        if (gz < -kz || gz >= nz + kz || (sx == 0 && sy == 0 && sz == 0)) continue;
                        if (ghosts == gBin.Length)
                        {
                            if (ghosts >= NeighborListBuilder.MaxGhosts)
                                throw new ArgumentException($"A {cutoff:G6} Å cutoff needs more than {NeighborListBuilder.MaxGhosts:N0} periodic copies of atoms.");
                            long want = Math.Max(1024, 2L * ghosts);
                            gBin = NeighborListBuilder.Scratch.Grow(ref scratch.GhostBin, ghosts, want);
                            gOwner = NeighborListBuilder.Scratch.Grow(ref scratch.GhostOwner, ghosts, want);
                            gImage = NeighborListBuilder.Scratch.Grow(ref scratch.GhostImage, ghosts, want);
                        }
                        gBin[ghosts] = ((gx + kx) * py + gy + ky) * pz + gz + kz;
                        gOwner[ghosts] = i;
                        gImage[ghosts] = new ImageShift(sx, sy, sz);
                        ghosts++;
                    }
                }
            }
        }

        // Counting sort of owned atoms and ghosts into bins, so a bin's atoms are contiguous.
        int total = n + ghosts;
        var binStart = NeighborListBuilder.Scratch.Ensure(ref scratch.Bins, paddedBins + 1);
        Array.Clear(binStart, 0, (int)paddedBins + 1);
        for (int i = 0; i < n; i++) binStart[ownBin[i] + 1]++;
        for (int g = 0; g < ghosts; g++) binStart[gBin[g] + 1]++;
        for (long b = 0; b < paddedBins; b++) binStart[b + 1] += binStart[b];
        var slotPos = NeighborListBuilder.Scratch.Ensure(ref scratch.SlotPos, total);
        var slotOwner = NeighborListBuilder.Scratch.Ensure(ref scratch.SlotOwner, total);
        var slotImage = NeighborListBuilder.Scratch.Ensure(ref scratch.SlotImage, total);
        // Fill from the end of each bin backwards (binStart[b + 1] counts down to binStart[b]); ghosts first, then
        // owned atoms in descending order, so owned atoms end up ahead of ghosts and in ascending order within a bin.
        Vec3 va = basis.A, vb = basis.B, vc = basis.C;
        for (int g = ghosts - 1; g >= 0; g--)
        {
            int slot = --binStart[gBin[g] + 1];
            var s = gImage[g];
            slotPos[slot] = wrapped[gOwner[g]] + (s.A * va + s.B * vb + s.C * vc);
            slotOwner[slot] = gOwner[g];
            slotImage[slot] = s;
        }
        var ownSlot = NeighborListBuilder.Scratch.Ensure(ref scratch.Slots, n);
        for (int i = n - 1; i >= 0; i--)
        {
            int slot = --binStart[ownBin[i] + 1];
            slotPos[slot] = wrapped[i];
            slotOwner[slot] = i;
            slotImage[slot] = default;
            ownSlot[i] = slot;
        }
        // binStart[b + 1] now holds the start of bin b; shift down so bin b spans binStart[b] … binStart[b + 1].
        for (long b = 0; b < paddedBins; b++) binStart[b] = binStart[b + 1];
        binStart[paddedBins] = total;

        var stencil = grid.Stencil(basis, cutoff, half, py, pz);
        double cutoff2 = cutoff * cutoff * (1 + 1e-9);
        for (int i = 0; i < n; i++)
        {
            int own = ownSlot[i];
            var ri = wrapped[i];
            int bin = ownBin[i];
            // Own bin: after i (half) or all but i (full).
            int end = binStart[bin + 1];
            for (int slot = half ? own + 1 : binStart[bin]; slot < end; slot++)
            {
                if (slot == own) continue;
                var d = slotPos[slot] - ri;
                double r2 = d.LengthSquared;
                if (r2 < cutoff2) sink.Consider(i, slotOwner[slot], slotImage[slot], d, r2);
            }
            foreach (int offset in stencil)
            {
                int b = bin + offset;
                int last = binStart[b + 1];
                for (int slot = binStart[b]; slot < last; slot++)
                {
                    var d = slotPos[slot] - ri;
                    double r2 = d.LengthSquared;
                    if (r2 < cutoff2) sink.Consider(i, slotOwner[slot], slotImage[slot], d, r2);
                }
            }
            sink.EndAtom(i);
        }
    }

    /// <summary>Bin layout in fractional coordinates of the working basis.</summary>
    private sealed class BinGrid
    {
        private readonly double[] _lo = new double[3];
        private readonly double[] _width = new double[3];
        private readonly bool[] _periodic = new bool[3];
        private readonly Vec3 _spacing;

        public int[] Bins { get; } = new int[3];
        public int[] Layers { get; } = new int[3];

        public BinGrid(ReadOnlySpan<Vec3> frac, Pbc pbc, Vec3 spacing, double cutoff)
        {
            _spacing = spacing;
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
                Bins[a] = bins;
                _lo[a] = lo;
                _width[a] = extent / bins;
            }
            // Sparse systems (a few atoms spread far apart) would get more bins than atoms: coarsen.
            long limit = Math.Max(64, 4L * frac.Length);
            while ((long)Bins[0] * Bins[1] * Bins[2] > limit)
            {
                int widest = 0;
                for (int a = 1; a < 3; a++) if (Bins[a] > Bins[widest]) widest = a;
                Bins[widest] = Math.Max(1, Bins[widest] / 2);
                _width[widest] = WidthFor(frac, widest);
            }
            for (int a = 0; a < 3; a++)
            {
                double binCartesian = _width[a] * spacing[a];
                int layers = (int)Math.Ceiling(cutoff / binCartesian * (1 + 1e-12));
                Layers[a] = _periodic[a] ? layers : Math.Min(layers, Bins[a] - 1);
            }
        }

        private double WidthFor(ReadOnlySpan<Vec3> frac, int a)
        {
            if (_periodic[a]) return 1.0 / Bins[a];
            double hi = double.MinValue;
            foreach (var f in frac) hi = Math.Max(hi, f[a]);
            return Math.Max(hi - _lo[a], 1e-12) / Bins[a];
        }

        public void Coordinates(Vec3 f, out int x, out int y, out int z)
        {
            x = Axis(0, f.X);
            y = Axis(1, f.Y);
            z = Axis(2, f.Z);
        }

        private int Axis(int a, double f)
        {
            int b = (int)Math.Floor((f - _lo[a]) / _width[a]);
            return Math.Clamp(b, 0, Bins[a] - 1);
        }

        /// <summary>
        /// Flat offsets (in the padded grid) of the bins that can hold a neighbour, the own bin excluded;
        /// only the lexicographically positive ones for a half list. In an orthogonal basis bins whose
        /// nearest points are a cutoff apart or more are left out.
        /// </summary>
        public int[] Stencil(Cell basis, double cutoff, bool half, int py, int pz)
        {
            bool orthogonal = Math.Abs(Vec3.Dot(basis.A, basis.B)) <= 1e-12 * basis.A.LengthSquared + 1e-12 * basis.B.LengthSquared
                && Math.Abs(Vec3.Dot(basis.A, basis.C)) <= 1e-12 * basis.A.LengthSquared + 1e-12 * basis.C.LengthSquared
                && Math.Abs(Vec3.Dot(basis.B, basis.C)) <= 1e-12 * basis.B.LengthSquared + 1e-12 * basis.C.LengthSquared;
            double wx = _width[0] * _spacing.X, wy = _width[1] * _spacing.Y, wz = _width[2] * _spacing.Z;
            double limit = cutoff * cutoff * (1 + 1e-9);
            var offsets = new List<int>();
            for (int dx = -Layers[0]; dx <= Layers[0]; dx++)
            for (int dy = -Layers[1]; dy <= Layers[1]; dy++)
            for (int dz = -Layers[2]; dz <= Layers[2]; dz++)
            {
                if (dx == 0 && dy == 0 && dz == 0) continue;
                if (half && !(dx > 0 || (dx == 0 && (dy > 0 || (dy == 0 && dz > 0))))) continue;
                if (orthogonal)
                {
                    double gx = Math.Max(0, Math.Abs(dx) - 1) * wx, gy = Math.Max(0, Math.Abs(dy) - 1) * wy, gz = Math.Max(0, Math.Abs(dz) - 1) * wz;
                    if (gx * gx + gy * gy + gz * gz >= limit) continue;
                }
                offsets.Add((dx * py + dy) * pz + dz);
            }
            return offsets.ToArray();
        }
    }
}
