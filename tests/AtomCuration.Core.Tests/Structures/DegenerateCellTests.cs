using AtomCuration.Structures;
using static AtomCuration.Tests.IO.IOTestSupport;

namespace AtomCuration.Tests.Structures;

/// <summary>
/// Nearly flat periodic cells are refused where they are made (issue 18: read without a word, they
/// made every neighbour search grow memory until the session was killed).
/// </summary>
public class DegenerateCellTests
{
    public static TheoryData<string, bool, bool, bool> FlatCells => new()
    {
        { "4 0 0 0 4 0 0 0 1e-6", true, true, true },
        { "4 0 0 0 4 0 1e-9 0 1e-9", true, true, true },
        { "4 0 0 4 1e-7 0 0 0 4", true, true, true },   // b almost parallel to a
        { "4 0 0 0 4 0 0 0 1e-6", false, false, true },  // only the flat axis periodic
    };

    [Theory]
    [MemberData(nameof(FlatCells))]
    public void AFlatPeriodicCellIsRefused(string lattice, bool a, bool b, bool c)
    {
        var v = lattice.Split(' ').Select(double.Parse).ToArray();
        var cell = Cell.FromRows(v);
        var e = Assert.Throws<ArgumentException>(() => new Structure([29], [Vec3.Zero], cell, new Pbc(a, b, c)));
        Assert.Contains("degenerate", e.Message);
    }

    [Fact]
    public void AFlatAxisThatIsNotPeriodicIsAllowed()
    {
        var s = new Structure([29, 29], [Vec3.Zero, new Vec3(1, 1, 0)], Cell.FromRows([4, 0, 0, 0, 4, 0, 0, 0, 1e-6]), new Pbc(true, true, false));
        Assert.Equal(2, s.AtomCount);
    }

    [Fact]
    public void AReaderNamesFileAndFrameOfAFlatCellAndKeepsTheOthers()
    {
        string Frame(string lattice) =>
            $"1\nLattice=\"{lattice}\" Properties=species:S:1:pos:R:3 energy=-1.5 pbc=\"T T T\"\nCu 0 0 0\n";
        var results = ReadText(Frame("4 0 0 0 4 0 0 0 4") + Frame("4 0 0 0 4 0 0 0 1e-6") + Frame("4 0 0 0 4 0 0 0 4"), "flat.extxyz");
        Assert.Equal(3, results.Count);
        Assert.NotNull(results[0].Structure);
        Assert.NotNull(results[2].Structure);
        var error = results[1].Error!;
        Assert.False(results[1].IsFatal);
        Assert.Equal("flat.extxyz", error.File);
        Assert.Equal(1, error.Frame);
        Assert.Contains("degenerate", error.Message);
    }
}
