using System.Collections;
using AtomCuration.Descriptors;
using AtomCuration.Options;

namespace AtomCuration.Tests.PowerShell;

/// <summary>Get-Descriptor's parameters bound as the cmdlet binds them: by <see cref="OptionsBinder"/> onto <see cref="DescriptorChoice"/>.</summary>
public class DescriptorChoiceBindingTests
{
    private static DescriptorOptions Bind(Hashtable values) =>
        OptionsBinder.Bind<DescriptorChoice>(values, context: "Get-Descriptor", style: KeyStyle.Parameter).ToOptions();

    [Fact]
    public void MapsKindsHashtableSwitchesAndSpecies()
    {
        var o = Bind(new Hashtable
        {
            ["Kind"] = new[] { DescriptorKind.Soap, DescriptorKind.Rdf },
            ["Parameters"] = new Hashtable { ["Soap"] = new Hashtable { ["rcut"] = 4.0, ["scale"] = 0.5 }, ["species"] = new[] { "Cu" } },
            ["PerAtom"] = true, ["Aggregate"] = "Stats",
        });
        Assert.Equal([DescriptorKind.Soap, DescriptorKind.Rdf], o.Blocks.Select(b => b.Kind));
        Assert.Equal(0.5, o.Blocks[0].Scale);
        Assert.Equal(["Cu"], o.Species);
        Assert.True(o.PerAtom);
        Assert.Equal(Aggregation.Stats, o.Aggregate);
        Assert.Equal(["Cu", "Ta"], Bind(new Hashtable { ["Kind"] = "Rdf", ["Species"] = new object[] { "cu", "TA" } }).Species);
    }

    [Fact]
    public void PresetValuesStandUnlessASwitchIsGiven()
    {
        var preset = Bind(new Hashtable { ["Preset"] = "LocalEnvironment" });
        Assert.True(preset.PerAtom);
        Assert.Equal(DescriptorKind.Acsf, preset.Blocks.Single().Kind);
        var overridden = Bind(new Hashtable { ["Preset"] = "localenvironment", ["PerAtom"] = false, ["Aggregate"] = Aggregation.Sum });
        Assert.False(overridden.PerAtom);
        Assert.Equal(Aggregation.Sum, overridden.Aggregate);
    }

    [Fact]
    public void ReadsAYamlFile()
    {
        string file = Path.Combine(Path.GetTempPath(), $"desc-{Guid.NewGuid():N}.yml");
        File.WriteAllText(file, "kinds: [Rdf]\nRdf:\n  cutoff: 6.0\n");
        try
        {
            Assert.Equal(DescriptorKind.Rdf, Bind(new Hashtable { ["Parameters"] = file }).Blocks.Single().Kind);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void RejectsBadInputNamingIt()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => Bind(new Hashtable { ["Kind"] = "Rdf", ["Parameters"] = new Hashtable { ["cutof"] = 6 } }));
        Assert.Contains("'cutof'", e.Message);
        Assert.Contains("cutoff", e.Message);
        Assert.Contains("NoSuchPreset", Assert.ThrowsAny<ArgumentException>(() => Bind(new Hashtable { ["Preset"] = "NoSuchPreset" })).Message);
        Assert.Contains("-Parameters", Assert.ThrowsAny<ArgumentException>(() => Bind(new Hashtable { ["Parameters"] = 42 })).Message);
        var missing = Assert.ThrowsAny<ArgumentException>(() => Bind(new Hashtable { ["Parameters"] = "/no/such/x.yml" }));
        Assert.Contains("-Parameters", missing.Message);
        Assert.Contains("no such file", missing.Message);
        Assert.Contains("valid keys", Assert.ThrowsAny<ArgumentException>(() => Bind(new Hashtable { ["Kindd"] = "Rdf" })).Message);
    }
}
