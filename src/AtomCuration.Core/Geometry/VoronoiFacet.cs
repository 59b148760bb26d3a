using AtomCuration.Structures;

namespace AtomCuration.Geometry;

/// <summary>
/// One face of a site's Voronoi cell: the part of the bisector plane between the site and one
/// periodic image of a neighbour that bounds the cell.
/// </summary>
/// <param name="Neighbor">Index j of the neighbouring atom.</param>
/// <param name="Shift">Image shift S of the neighbour (r_j + S·cell is the image).</param>
/// <param name="Vector">D = r_j − r_i + S·cell (Å).</param>
/// <param name="Distance">|D| (Å).</param>
/// <param name="Area">Facet area (Å²).</param>
/// <param name="SolidAngle">Solid angle the facet subtends at the site (sr).</param>
/// <param name="VertexCount">Number of polygon vertices.</param>
public readonly record struct VoronoiFacet(int Neighbor, ImageShift Shift, Vec3 Vector, double Distance, double Area,
    double SolidAngle, int VertexCount)
{
    /// <summary>Distance from the site to the facet plane, |D|/2 (Å).</summary>
    public double PlaneDistance => 0.5 * Distance;

    /// <summary>Volume of the pyramid with the facet as base and the site as apex, area·|D|/6 (Å³).</summary>
    public double Volume => Area * Distance / 6;
}
