using System.Collections;
using AtomCuration.IO;
using AtomCuration.PowerShell.Mapping;

namespace AtomCuration.Tests.PowerShell;

public class ReadOptionsMapperTests
{
    [Fact]
    public void MapsEveryParameter()
    {
        var options = ReadOptionsMapper.Map(StructureFormat.LammpsDump, "0:100:10", new Hashtable { [1] = "cu", ["2"] = "Ni" },
            ["Ti", "o"], OutcarEnergy.EnergyWithoutEntropy, N2p2Units.Metal);
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
        var options = ReadOptionsMapper.Map(StructureFormat.Auto, null, null, null, OutcarEnergy.FreeEnergy);
        Assert.Same(FrameSlice.All, options.Index);
        Assert.Null(options.TypeMap);
        Assert.Null(options.Species);
    }

    [Theory]
    [InlineData("1:2:0")]
    [InlineData("a")]
    [InlineData("1:2:3:4")]
    public void RejectsBadIndexNamingTheParameter(string index)
    {
        var e = Assert.Throws<ArgumentException>(() =>
            ReadOptionsMapper.Map(StructureFormat.Auto, index, null, null, OutcarEnergy.FreeEnergy));
        Assert.StartsWith("-Index", e.Message);
    }

    [Fact]
    public void RejectsUnknownElementsAndTypes()
    {
        Assert.Throws<ArgumentException>(() => ReadOptionsMapper.Map(StructureFormat.Auto, null,
            new Hashtable { [1] = "Xx" }, null, OutcarEnergy.FreeEnergy));
        Assert.Throws<ArgumentException>(() => ReadOptionsMapper.Map(StructureFormat.Auto, null,
            new Hashtable { ["zero"] = "Cu" }, null, OutcarEnergy.FreeEnergy));
        Assert.Throws<ArgumentException>(() => ReadOptionsMapper.Map(StructureFormat.Auto, null, null,
            ["Q"], OutcarEnergy.FreeEnergy));
    }
}
