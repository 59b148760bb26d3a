namespace AtomCuration.Geometry;

/// <summary>The Voronoi cell of one site in a (periodic) structure.</summary>
/// <param name="Site">Index of the site.</param>
/// <param name="Facets">Faces of the cell, each with its neighbour image.</param>
/// <param name="IsClosed">
/// False when the cell is unbounded (a surface atom facing vacuum along a non-periodic axis):
/// then <see cref="Facets"/> holds only the faces found within the largest cutoff tried and
/// <see cref="Volume"/> is not the cell's volume.
/// </param>
/// <param name="MaxVertexDistance">Largest distance from the site to a vertex of the cell (Å).</param>
public sealed record VoronoiCell(int Site, IReadOnlyList<VoronoiFacet> Facets, bool IsClosed, double MaxVertexDistance)
{
    /// <summary>Cell volume (Å³): the sum of the facet pyramids.</summary>
    public double Volume => Facets.Sum(f => f.Volume);

    /// <summary>Largest facet solid angle (sr), 0 without facets.</summary>
    public double MaxSolidAngle => Facets.Count == 0 ? 0 : Facets.Max(f => f.SolidAngle);
}
