using System.Collections;
using AtomCuration.IO;
using AtomCuration.Options;

namespace AtomCuration.Tests.PowerShell;

public class ReadOptionsBindingTests
{
    private static ReadOptions Bind(Hashtable values) => OptionsBinder.Bind<ReadOptions>(values, context: "Import-Structure");

    [Fact]
    public void MapsEveryParameter()
    {
        var options = Bind(new Hashtable
        {
            ["Format"] = StructureFormat.LammpsDump, ["Index"] = "0:100:10", ["TypeMap"] = new Hashtable { [1] = "cu", ["2"] = "Ni" },
            ["Species"] = new object[] { "Ti", "o" }, ["OutcarEnergy"] = "EnergyWithoutEntropy", ["n2p2units"] = N2p2Units.Metal,
        });
        Assert.Equal(StructureFormat.LammpsDump, options.Format);
        Assert.Equal(FrameSlice.Range(0, 100, 10), options.Index);
        Assert.Equal("Cu", options.TypeMap![1]);
        Assert.Equal("Ni", options.TypeMap![2]);
        Assert.Equal(["Ti", "O"], options.Species);
        Assert.Equal(OutcarEnergy.EnergyWithoutEntropy, options.OutcarEnergy);
        Assert.Equal(N2p2Units.Metal, options.N2p2Units);
    }

    [Fact]
    public void DefaultsReadEverything()
    {
        var options = Bind(new Hashtable());
        Assert.Same(FrameSelection.All, options.Index);
        Assert.Equal(new ReadOptions(), options with { });
        Assert.Null(options.TypeMap);
        Assert.Null(options.Species);
    }

    [Theory]
    [InlineData("1:2:0")]
    [InlineData("a")]
    [InlineData("1:2:3:4")]
    public void RejectsBadIndexNamingTheParameter(string index)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => Bind(new Hashtable { ["Index"] = index }));
        Assert.StartsWith("Import-Structure.index", e.Message);
    }

    [Fact]
    public void RejectsUnknownElementsAndTypes()
    {
        Assert.Contains("'Xx'", Assert.ThrowsAny<ArgumentException>(() => Bind(new Hashtable { ["TypeMap"] = new Hashtable { [1] = "Xx" } })).Message);
        Assert.Contains("'zero'", Assert.ThrowsAny<ArgumentException>(() => Bind(new Hashtable { ["TypeMap"] = new Hashtable { ["zero"] = "Cu" } })).Message);
        Assert.Contains("'Q'", Assert.ThrowsAny<ArgumentException>(() => Bind(new Hashtable { ["Species"] = new[] { "Q" } })).Message);
        Assert.ThrowsAny<ArgumentException>(() => new ReadOptions { TypeMap = new Dictionary<int, string> { [0] = "Cu" } }.Validate());
    }

    [Fact]
    public void RoundTripsThroughPlainData()
    {
        var options = Bind(new Hashtable { ["Index"] = "-1", ["TypeMap"] = new Hashtable { [2] = "Ni", [1] = "Cu" }, ["Species"] = "Ti" });
        var again = Bind(new Hashtable(OptionsBinder.ToPlain(options)));
        Assert.Equal(options.Index, again.Index);
        Assert.Equal(options.TypeMap, again.TypeMap);
        Assert.Equal(options.Species, again.Species);
        Assert.Equal((options.Format, options.OutcarEnergy, options.N2p2Units), (again.Format, again.OutcarEnergy, again.N2p2Units));
    }
}
