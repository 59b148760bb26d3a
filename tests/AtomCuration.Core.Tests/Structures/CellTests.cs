using AtomCuration.Structures;

namespace AtomCuration.Tests.Structures;

public class CellTests
{
    private static readonly Cell Triclinic = Cell.FromParameters(3.1, 4.2, 5.3, 77, 88, 101);

    [Fact]
    public void FractionalAndCartesianAreInverse()
    {
        var rng = new Random(7);
        for (int k = 0; k < 50; k++)
        {
            var r = new Vec3(rng.NextDouble() * 10 - 5, rng.NextDouble() * 10 - 5, rng.NextDouble() * 10 - 5);
            Assert.True((Triclinic.ToCartesian(Triclinic.ToFractional(r)) - r).Length < 1e-12);
        }
        Assert.True((Triclinic.ToFractional(Triclinic.B) - new Vec3(0, 1, 0)).Length < 1e-14);
    }

    [Fact]
    public void ParametersRoundTripAndFollowAseOrientation()
    {
        Assert.Equal(0, Triclinic.A.Y);
        Assert.Equal(0, Triclinic.A.Z);
        Assert.Equal(0, Triclinic.B.Z);
        var l = Triclinic.Lengths;
        var g = Triclinic.Angles;
        Assert.Equal(3.1, l.X, 12);
        Assert.Equal(4.2, l.Y, 12);
        Assert.Equal(5.3, l.Z, 12);
        Assert.Equal(77, g.X, 10);
        Assert.Equal(88, g.Y, 10);
        Assert.Equal(101, g.Z, 10);
    }

    [Fact]
    public void VolumeReciprocalAndPlaneSpacingsAgree()
    {
        var cubic = Cell.FromParameters(2, 3, 4, 90, 90, 90);
        Assert.Equal(24, cubic.Volume, 12);
        Assert.Equal(new Vec3(2, 3, 4), cubic.PlaneSpacings);
        var rec = Triclinic.Reciprocal();
        for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            Assert.Equal(i == j ? 1 : 0, Vec3.Dot(Triclinic[i], rec[j]), 12);
        // Plane spacing along i is 1/|b_i| with b the reciprocal rows.
        Assert.Equal(1 / rec.A.Length, Triclinic.PlaneSpacings.X, 12);
        Assert.Equal(1 / rec.C.Length, Triclinic.PlaneSpacings.Z, 12);
    }

    [Fact]
    public void WrapMovesPositionsIntoTheCellOnlyAlongPeriodicAxes()
    {
        var r = Triclinic.ToCartesian(new Vec3(1.25, -0.5, 2.75));
        var w = Triclinic.ToFractional(Triclinic.Wrap(r, new Pbc(true, true, false)));
        Assert.Equal(0.25, w.X, 12);
        Assert.Equal(0.5, w.Y, 12);
        Assert.Equal(2.75, w.Z, 12);
    }

    [Fact]
    public void RejectsImpossibleAnglesAndNonFiniteVectors()
    {
        Assert.Throws<ArgumentException>(() => Cell.FromParameters(1, 1, 1, 10, 10, 170));
        Assert.Throws<ArgumentException>(() => new Cell(new Vec3(double.NaN, 0, 0), Vec3.Zero, Vec3.Zero));
    }
}
