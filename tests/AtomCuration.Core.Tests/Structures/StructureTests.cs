using System.Collections.Immutable;
using AtomCuration.Structures;

namespace AtomCuration.Tests.Structures;

public class StructureTests
{
    private static Structure Sample() =>
        new(["O", "Ti", "C", "H", "H", "Ti"],
            [new Vec3(0, 0, 0), new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1), new Vec3(1, 1, 0), new Vec3(1, 1, 1)],
            Cell.FromParameters(4, 4, 4, 90, 90, 90), Pbc.All)
        {
            Energy = -12,
            Forces = [new Vec3(0, 0, 3), new Vec3(4, 0, 0), Vec3.Zero, Vec3.Zero, Vec3.Zero, new Vec3(0, -1, 0)],
        };

    [Fact]
    public void DerivedPropertiesFollowTheirDefinitions()
    {
        var s = Sample();
        Assert.Equal("CH2OTi2", s.Formula); // Hill order: C, H, then alphabetical
        Assert.Equal(6, s.AtomCount);
        Assert.Equal(-2, s.EnergyPerAtom);
        Assert.Equal(4, s.MaxForce);
        Assert.Equal(64, s.Volume!.Value, 12);
        Assert.Equal([1, 6, 8, 22], s.Species);
        Assert.Equal("Ti", s.Symbols[1]);
    }

    [Fact]
    public void FormulaWithoutCarbonIsAlphabetical()
    {
        var s = new Structure(["Ti", "O", "H", "O"], [Vec3.Zero, new Vec3(1, 0, 0), new Vec3(2, 0, 0), new Vec3(3, 0, 0)],
            Cell.Empty, Pbc.None);
        Assert.Equal("HO2Ti", s.Formula);
        Assert.Null(s.Volume);
        Assert.Null(s.EnergyPerAtom);
        Assert.Null(s.MaxForce);
    }

    [Fact]
    public void AttachingSharesArraysAndLeavesTheOriginalUntouched()
    {
        var s = Sample();
        var t = s with { SelectionRank = 3, MapX = 1.5 };
        Assert.Null(s.SelectionRank);
        Assert.Equal(3, t.SelectionRank);
        Assert.True(s.Positions == t.Positions); // same underlying array
        Assert.True(s.Forces!.Value == t.Forces!.Value);
    }

    [Fact]
    public void RejectsInconsistentInput()
    {
        var cell = Cell.FromParameters(3, 3, 3, 90, 90, 90);
        Assert.Throws<ArgumentException>(() => new Structure([22, 22], [Vec3.Zero], cell, Pbc.All));
        Assert.Throws<ArgumentException>(() => new Structure(ImmutableArray<int>.Empty, ImmutableArray<Vec3>.Empty, cell, Pbc.All));
        Assert.Throws<ArgumentException>(() => new Structure([0], [Vec3.Zero], cell, Pbc.All));
        Assert.Throws<ArgumentException>(() => new Structure([22], [new Vec3(double.PositiveInfinity, 0, 0)], cell, Pbc.All));
        Assert.Throws<ArgumentException>(() => new Structure([22], [Vec3.Zero], Cell.Empty, Pbc.All));
        Assert.Throws<ArgumentException>(() => Sample() with { Forces = [Vec3.Zero] });
    }

    [Fact]
    public void ElementsTableCoversHydrogenToPlutonium()
    {
        Assert.Equal(94, Elements.All.Count);
        Assert.Equal(22, Elements.FromSymbol("ti").Z);
        Assert.Equal(47.867, Elements.FromSymbol("Ti").Mass, 3);
        Assert.Equal("Pu", Elements.FromZ(94).Symbol);
        Assert.Throws<ArgumentException>(() => Elements.FromSymbol("Xx"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Elements.FromZ(95));
    }

    [Fact]
    public void VoigtConvertsToAndFromMatrix()
    {
        var v = new Voigt(1, 2, 3, 4, 5, 6);
        Assert.Equal(v, Voigt.FromMatrix(v.ToMatrix()));
        Assert.Equal([1.0, 6, 5, 6, 2, 4, 5, 4, 3], v.ToMatrix());
    }
}
