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
        var t = new Structure(s) { SelectionRank = 3, MapX = 1.5 };
        Assert.Null(s.SelectionRank);
        Assert.Equal(3, t.SelectionRank);
        Assert.True(s.Positions == t.Positions); // same underlying array
        Assert.True(s.Forces!.Value == t.Forces!.Value);
    }

    [Fact]
    public void CopyCarriesEveryFieldOfTheOriginal()
    {
        // Every field set to a non-default value, so that a field added later but forgotten in the copy constructor fails here.
        var s = new Structure(Sample())
        {
            Stress = new Voigt(1, 2, 3, 4, 5, 6),
            Info = new Dictionary<string, object> { ["config_type"] = "bulk" },
            AtomProperties = [new AtomProperty("tags", AtomPropertyType.Integer, 1, new long[] { 1, 2, 3, 4, 5, 6 })],
            SourcePath = "pool.extxyz",
            FrameIndex = 4,
            PoolIndex = 9,
            Id = "x#4",
            Descriptor = [1.0, 2.0],
            DescriptorLabels = ["a", "b"],
            AtomDescriptors = new FeatureMatrix(6, ["f"], new double[6]),
            SelectionRank = 1,
            ClusterId = 2,
            SelectionScore = 0.5,
            Selected = true,
            MapX = 3,
            MapY = 4,
        };
        _ = s.Formula; // fills the cached formula
        var fields = typeof(Structure).GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public);
        var copy = new Structure(s);
        foreach (var f in fields)
        {
            object? value = f.GetValue(s);
            Assert.False(value is null || (f.FieldType.IsValueType && value.Equals(Activator.CreateInstance(f.FieldType))), $"{f.Name} is unset in the sample");
            Assert.Equal(value, f.GetValue(copy));
        }
    }

    [Fact]
    public void StructuresAreEqualOnlyWhenTheyAreTheSameObject()
    {
        var s = Sample();
        var copy = new Structure(s);
        Assert.True(s.Equals(s));
        Assert.False(s.Equals(copy)); // a copy is another structure, even while nothing differs
        Assert.Equal(2, new HashSet<Structure> { s, copy, s }.Count);
    }

    [Fact]
    public void PublicMembersAreOnlyTheDeclaredOnes()
    {
        // A record would add a public <Clone>$ that PowerShell's Get-Member lists.
        var names = typeof(Structure).GetMembers().Select(m => m.Name).ToList();
        Assert.DoesNotContain(names, n => n.StartsWith('<'));
        Assert.DoesNotContain("PositionSpan", names);
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
        Assert.Throws<ArgumentException>(() => new Structure(Sample()) { Forces = [Vec3.Zero] });
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
