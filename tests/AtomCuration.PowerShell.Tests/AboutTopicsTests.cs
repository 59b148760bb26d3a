using AtomCuration.HelpBuilder;
using AtomCuration.HelpBuilder.About;
using AtomCuration.HelpBuilder.Metadata;
using AtomCuration.Potentials.Eam;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.PowerShell;

/// <summary>The about_ topics are generated from the code and current; help shows parameter defaults read from Core's records.</summary>
public class AboutTopicsTests
{
    public static TheoryData<string> Topics() => [AboutTopics.Overview, AboutTopics.Units, AboutTopics.Presets];

    [Theory]
    [MemberData(nameof(Topics))]
    public void TheCommittedTopicIsWhatTheGeneratorWritesNow(string topic)
    {
        string path = RepoPaths.Combine(AboutText.PathOf(topic));
        Assert.True(File.Exists(path), $"missing {path}: run {HelpGenerator.RegenerateCommand}");
        string expected = AboutTopics.All(RepoPaths.Root).Single(t => t.Topic == topic).Text;
        Assert.True(File.ReadAllText(path).ReplaceLineEndings("\n") == expected, $"{path} is stale: run {HelpGenerator.RegenerateCommand}");
    }

    [Fact]
    public void TheOverviewListsEveryCmdletAndTheUnitsUseCoresFactor()
    {
        string overview = AboutTopics.OverviewTopic(RepoPaths.Root);
        foreach (var c in CmdletMetadataReader.Read(HelpGenerator.CmdletAssembly)) Assert.Contains("\n    " + c.Name + "\n", overview);
        Assert.Contains("160.21766208 GPa", AboutTopics.UnitsTopic());
        Assert.Contains("KMeansStudy", AboutTopics.PresetsTopic());
    }

    [Fact]
    public void DefaultsComeFromTheRecordsAndFollowForwardedOnes()
    {
        var fit = CmdletMetadataReader.Read(HelpGenerator.CmdletAssembly).Single(c => c.Name == "Invoke-EamFit");
        Assert.Equal(new EamFitOptions().Cutoff.ToString(System.Globalization.CultureInfo.InvariantCulture), fit.Parameters.Single(p => p.Name == "Cutoff").Default);
        var map = CmdletMetadataReader.Read(HelpGenerator.CmdletAssembly).Single(c => c.Name == "Get-ConfigurationMap");
        Assert.Equal("30", map.Parameters.Single(p => p.Name == "Perplexity").Default); // MapSettings.Perplexity is null → TsneOptions' 30
        Assert.Equal(ParameterDefaults.SwitchDefault, map.Parameters.Single(p => p.Name == "Standardize").Default);
    }
}
