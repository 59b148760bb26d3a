using System.Collections;
using AtomCuration.Descriptors;
using AtomCuration.PowerShell.Mapping;

namespace AtomCuration.Tests.PowerShell;

public class DescriptorOptionsMapperTests
{
    private static string NoFiles(string path) => throw new InvalidOperationException("no path expected");

    [Fact]
    public void MapsKindsHashtableSwitchesAndSpecies()
    {
        var o = DescriptorOptionsMapper.Map([DescriptorKind.Soap, DescriptorKind.Rdf],
            new Hashtable { ["Soap"] = new Hashtable { ["rcut"] = 4.0, ["scale"] = 0.5 }, ["species"] = new[] { "Cu" } },
            null, perAtom: true, Aggregation.Stats, null, NoFiles);
        Assert.Equal([DescriptorKind.Soap, DescriptorKind.Rdf], o.Blocks.Select(b => b.Kind));
        Assert.Equal(0.5, o.Blocks[0].Scale);
        Assert.Equal(["Cu"], o.Species);
        Assert.True(o.PerAtom);
        Assert.Equal(Aggregation.Stats, o.Aggregate);
    }

    [Fact]
    public void PresetValuesStandUnlessASwitchIsGiven()
    {
        var preset = DescriptorOptionsMapper.Map(null, null, "LocalEnvironment", null, null, null, NoFiles);
        Assert.True(preset.PerAtom);
        Assert.Equal(DescriptorKind.Acsf, preset.Blocks.Single().Kind);
        var overridden = DescriptorOptionsMapper.Map(null, null, "localenvironment", false, Aggregation.Sum, null, NoFiles);
        Assert.False(overridden.PerAtom);
        Assert.Equal(Aggregation.Sum, overridden.Aggregate);
    }

    [Fact]
    public void ReadsAYamlFileThroughTheResolver()
    {
        string file = Path.Combine(Path.GetTempPath(), $"desc-{Guid.NewGuid():N}.yml");
        File.WriteAllText(file, "kinds: [Rdf]\nRdf:\n  cutoff: 6.0\n");
        try
        {
            var o = DescriptorOptionsMapper.Map(null, "params.yml", null, null, null, null, _ => file);
            Assert.Equal(DescriptorKind.Rdf, o.Blocks.Single().Kind);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void RejectsBadInputNamingIt()
    {
        var e = Assert.Throws<DescriptorParameterException>(() =>
            DescriptorOptionsMapper.Map([DescriptorKind.Rdf], new Hashtable { ["cutof"] = 6 }, null, null, null, null, NoFiles));
        Assert.Contains("'cutof'", e.Message);
        Assert.Contains("cutoff", e.Message);
        Assert.Throws<DescriptorParameterException>(() => DescriptorOptionsMapper.Map(null, null, "NoSuchPreset", null, null, null, NoFiles));
        Assert.Throws<ArgumentException>(() => DescriptorOptionsMapper.Map(null, 42, null, null, null, null, NoFiles));
        var missing = Assert.Throws<ArgumentException>(() => DescriptorOptionsMapper.Map(null, "x.yml", null, null, null, null, p => "/no/such/x.yml"));
        Assert.Contains("-Parameters", missing.Message);
    }
}
