using AtomCuration.Geometry;

namespace AtomCuration.Descriptors.Seed;

/// <summary>
/// Average bond length of a site (matminer <c>AverageBondLength(VoronoiNN())</c>): the mean
/// distance to the Voronoi neighbours weighted by facet solid angle, Σ Ω_i d_i / Σ Ω_i
/// (VoronoiNN's weight Ω_i/Ω_max; the normalisation cancels).
/// </summary>
internal static class AverageBondLength
{
    /// <summary>The site's value; NaN for a cell without facets.</summary>
    public static double Of(VoronoiCell cell)
    {
        double max = cell.MaxSolidAngle, sum = 0, weights = 0;
        foreach (var f in cell.Facets)
        {
            double w = f.SolidAngle / max;
            sum += w * f.Distance;
            weights += w;
        }
        return weights > 0 ? sum / weights : double.NaN;
    }
}
