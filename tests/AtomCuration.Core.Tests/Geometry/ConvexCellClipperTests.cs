using AtomCuration.Geometry;

namespace AtomCuration.Tests.Geometry;

public class ConvexCellClipperTests
{
    [Fact]
    public void PseudoAngleSortsLikeAtan2()
    {
        // Face vertices are ordered by this key; atan2's order (and its first vertex, at the −π cut) must not change.
        var rng = new Random(17);
        var points = new List<(double Y, double X)>
        {
            (0.0, 1.0), (0.0, -1.0), (-0.0, -1.0), (-0.0, 1.0), (1.0, 0.0), (-1.0, 0.0), (1e-300, -1.0), (-1e-300, -1.0),
        };
        for (int k = 0; k < 2000; k++) points.Add((rng.NextDouble() * 2 - 1, rng.NextDouble() * 2 - 1));
        var byAtan2 = points.OrderBy(p => Math.Atan2(p.Y, p.X)).ToList();
        var byPseudo = points.OrderBy(p => ConvexCellClipper.PseudoAngle(p.Y, p.X)).ToList();
        Assert.Equal(byAtan2, byPseudo);
        Assert.Equal(-2.0, ConvexCellClipper.PseudoAngle(-0.0, -3.0));
        Assert.Equal(2.0, ConvexCellClipper.PseudoAngle(0.0, -3.0));
    }
}
