using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AtomCuration.Structures;

/// <summary>
/// Neighbour search for small periodic cells (a few dozen atoms, cutoff near the cell size):
/// every atom against every atom in each periodic image that can hold a neighbour, four
/// candidates per SIMD step. There a binned search spends most of its time on nearly empty
/// bins; this visits (2k+1)³ images of N atoms without branches. A half list takes j &gt; i in
/// every image and j = i in the lexicographically positive images only.
/// </summary>
internal static class SmallCellNeighbors
{
    /// <summary>
    /// Feeds every pair of wrapped positions closer than the cutoff (inflated by a relative 1e-9,
    /// so no pair the exact test keeps is lost to round-off) to <paramref name="sink"/>.
    /// <paramref name="reach"/> is the image range per axis (0 along non-periodic axes).
    /// </summary>
    // Fully optimised at first call (here and on the other hot loops of this file): a fresh pwsh fingerprinting
    // a pool otherwise runs them at tier 0 and through tiering for seconds, as long as the steady-state work.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Search(ReadOnlySpan<Vec3> wrapped, Cell basis, (int A, int B, int C) reach, double cutoff, bool half,
        NeighborPairCollector sink, NeighborListBuilder.Scratch scratch)
    {
        int n = wrapped.Length;
        int padded = (n + 3) & ~3;
        var x = NeighborListBuilder.Scratch.Ensure(ref scratch.X, padded);
        var y = NeighborListBuilder.Scratch.Ensure(ref scratch.Y, padded);
        var z = NeighborListBuilder.Scratch.Ensure(ref scratch.Z, padded);
        for (int j = 0; j < padded; j++)
        {
            // Padding lanes sit far away and never pass the test.
            var p = j < n ? wrapped[j] : new Vec3(1e300, 1e300, 1e300);
            (x[j], y[j], z[j]) = (p.X, p.Y, p.Z);
        }
        var limit = Vector256.Create(cutoff * cutoff * (1 + 1e-9));
        for (int i = 0; i < n; i++)
        {
            var ri = wrapped[i];
            // A half list looks at j ≥ i only: lanes below i in the first block are masked off.
            int from = half ? i & ~3 : 0;
            uint firstMask = half ? ~((1u << (i & 3)) - 1) : 0xFu;
            for (int sx = -reach.A; sx <= reach.A; sx++)
            for (int sy = -reach.B; sy <= reach.B; sy++)
            for (int sz = -reach.C; sz <= reach.C; sz++)
            {
                var rel = sx * basis.A + sy * basis.B + sz * basis.C - ri;
                var rx = Vector256.Create(rel.X);
                var ry = Vector256.Create(rel.Y);
                var rz = Vector256.Create(rel.Z);
                var image = new ImageShift(sx, sy, sz);
                // j = i: never in the home image; in a half list only in positive images.
                bool selfAllowed = half ? image.IsPositive : !image.IsZero;
                uint mask = firstMask;
                for (int j = from; j < padded; j += 4, mask = 0xFu)
                {
                    var dx = Vector256.LoadUnsafe(ref x[j]) + rx;
                    var dy = Vector256.LoadUnsafe(ref y[j]) + ry;
                    var dz = Vector256.LoadUnsafe(ref z[j]) + rz;
                    uint hits = Vector256.LessThan(dx * dx + dy * dy + dz * dz, limit).ExtractMostSignificantBits() & mask;
                    while (hits != 0)
                    {
                        int k = j + System.Numerics.BitOperations.TrailingZeroCount(hits);
                        hits &= hits - 1;
                        if (k == i && !selfAllowed) continue;
                        var d = wrapped[k] + rel;
                        sink.Consider(i, k, image, d, d.LengthSquared);
                    }
                }
            }
            sink.EndAtom(i);
        }
    }
}
