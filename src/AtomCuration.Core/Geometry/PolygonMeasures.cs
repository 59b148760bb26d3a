using System.Runtime.CompilerServices;
using AtomCuration.Structures;

namespace AtomCuration.Geometry;

/// <summary>Area and solid angle of a convex planar polygon given by its vertices in cyclic order.</summary>
public static class PolygonMeasures
{
    /// <summary>Area (Å²): half the length of the summed fan cross products about vertex 0.</summary>
    // Fully optimised at first call (here and on the other hot loops of this file): a fresh pwsh fingerprinting
    // a pool otherwise runs them at tier 0 and through tiering for seconds, as long as the steady-state work.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Area(ReadOnlySpan<Vec3> vertices)
    {
        var sum = Vec3.Zero;
        var v0 = vertices[0];
        for (int k = 1; k + 1 < vertices.Length; k++)
            sum += Vec3.Cross(vertices[k] - v0, vertices[k + 1] - v0);
        return 0.5 * sum.Length;
    }

    /// <summary>
    /// Solid angle (sr) the polygon subtends at <paramref name="center"/>: the sum over the fan
    /// triangles (v0, vk, vk+1) of the Van Oosterom–Strackee tetrahedron angle
    /// 2·atan2(|r0·(rk×rk+1)|, r0 rk rk+1 + rk+1 (r0·rk) + rk (r0·rk+1) + r0 (rk·rk+1)),
    /// the same decomposition pymatgen's <c>solid_angle</c> uses.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SolidAngle(Vec3 center, ReadOnlySpan<Vec3> vertices)
    {
        var r0 = vertices[0] - center;
        double n0 = r0.Length;
        double angle = 0;
        for (int k = 1; k + 1 < vertices.Length; k++)
        {
            var ri = vertices[k] - center;
            var rj = vertices[k + 1] - center;
            double ni = ri.Length, nj = rj.Length;
            double tp = Math.Abs(Vec3.Dot(r0, Vec3.Cross(ri, rj)));
            double de = n0 * ni * nj + nj * Vec3.Dot(r0, ri) + ni * Vec3.Dot(r0, rj) + n0 * Vec3.Dot(ri, rj);
            angle += 2 * Math.Atan2(tp, de);
        }
        return angle;
    }
}
