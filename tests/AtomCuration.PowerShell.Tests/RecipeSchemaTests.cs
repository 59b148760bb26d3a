using AtomCuration.HelpBuilder;
using AtomCuration.HelpBuilder.Recipes;
using AtomCuration.Potentials.Eam;
using AtomCuration.Recipes;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.PowerShell;

/// <summary>The recipe schema documents (docs/concepts/recipes.md, about_AtomCuration_Recipes) are generated from the options records and current.</summary>
public class RecipeSchemaTests
{
    [Theory]
    [InlineData("markdown")]
    [InlineData("about")]
    public void TheCommittedSchemaIsCurrent(string which)
    {
        var (file, expected) = which == "markdown"
            ? (RecipeSchema.MarkdownFile, RecipeSchema.Markdown())
            : (RecipeSchema.AboutFile, RecipeSchema.AboutTopic());
        string path = RepoPaths.Combine(file);
        Assert.True(File.Exists(path), $"missing {file}: run {HelpGenerator.RegenerateCommand}");
        Assert.True(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) == expected,
            $"{file} is stale: run {HelpGenerator.RegenerateCommand}");
    }

    [Fact]
    public void EverySectionListsEveryKeyOfItsRecordWithDefaultAndRange()
    {
        var page = RecipeSchema.Markdown();
        foreach (var (key, record, _) in RecipeFile.Schema)
        {
            Assert.Contains($"| `{key}` |", page);
            if (record is null) continue;
            Assert.Contains($"\n## {key}\n", page);
            foreach (var k in RecipeSchema.Keys(record)) Assert.Contains($"| `{k.Key}` | {k.Type} |", page);
        }
        var cutoff = RecipeSchema.Keys(typeof(EamFitOptions)).Single(k => k.Key == "cutoff");
        Assert.Equal(("number", "5.5", "(0, ∞)", "Interaction cutoff (Å)."), (cutoff.Type, cutoff.Default, cutoff.Range, cutoff.Description));
        Assert.Contains(RecipeSchema.Keys(typeof(EamFitOptions)), k => k.Key == "timeLimit" && k.Type.StartsWith("duration", StringComparison.Ordinal));
    }

    /// <summary>The cmdlet doing each section's step.</summary>
    public static TheoryData<string, string> SectionCmdlets() => new()
    {
        { "read", "Import-Structure" },
        { "descriptor", "Get-Descriptor" },
        { "select", "Select-Configuration" },
        { "fit", "Invoke-EamFit" },
        { "activeLearning", "Invoke-ActiveLearning" },
    };

    /// <summary>Cmdlet parameters that are not options of the step, so a section does not take them; each with the reason.</summary>
    private static readonly Dictionary<string, string> NotOptions = new()
    {
        ["Import-Structure -LiteralPath"] = "the files are the recipe's pool key",
        ["Import-Structure -Shard"] = "a recipe reads its whole pool; shards split one pool over a job array",
        ["Select-Configuration -Store"] = "a recipe describes its own pool (descriptor section) instead of reading a descriptor store",
        ["Select-Configuration -NoFetch"] = "belongs to -Store",
        ["Select-Configuration -ScanDelta"] = "a report mode (δ-scan points instead of a selection), not a selection setting",
        ["Select-Configuration -IncludeRejected"] = "shapes the pipeline output; a recipe writes the selection",
        ["Select-Configuration -SkipNonFinite"] = "filters piped structures; a recipe's descriptor section computes finite descriptors or fails",
        // The settings search is the recipe's search section (TheSearchSectionTakesInvokeEamFitsSearchParameters).
        ["Invoke-EamFit -Optimize"] = "the search section: present, the fit settings are searched",
        ["Invoke-EamFit -Budget"] = "search.budget",
        ["Invoke-EamFit -SearchSpace"] = "search.space",
        ["Invoke-EamFit -SearchMethod"] = "search.method",
    };

    /// <summary>Invoke-EamFit's search parameters are keys of the recipe's search section, bound onto the record the cmdlet fills.</summary>
    [Fact]
    public void TheSearchSectionTakesInvokeEamFitsSearchParameters()
    {
        var record = RecipeFile.Schema.Single(s => s.Key == "search").Record!;
        Assert.Equal(typeof(AtomCuration.Potentials.Eam.EamSearchOptions), record);
        var keys = AtomCuration.Options.OptionsBinder.Bindable(record).Select(p => p.Name).ToHashSet();
        foreach (var (parameter, key) in new[] { ("Budget", "Budget"), ("SearchSpace", "Space"), ("SearchMethod", "Method") })
        {
            Assert.Contains(key, keys);
            Assert.Equal($"search.{AtomCuration.Options.OptionsBinder.KeyName(key)}", NotOptions[$"Invoke-EamFit -{parameter}"]);
        }
    }

    /// <summary>
    /// A recipe section accepts every option its cmdlet accepts: each parameter of the cmdlet (besides its pipeline input,
    /// -ThrottleLimit, which a recipe takes from the run, and the listed non-options) is a key of the section's record.
    /// </summary>
    [Theory]
    [MemberData(nameof(SectionCmdlets))]
    public void ASectionAcceptsEveryOptionOfItsCmdlet(string section, string cmdlet)
    {
        var record = RecipeFile.Schema.Single(s => s.Key == section).Record!;
        var keys = AtomCuration.Options.OptionsBinder.Bindable(record).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var type = CmdletMetadataTests.CmdletTypes().Single(t => CmdletMetadataTests.NameOf(t) == cmdlet);
        var missing = type.GetProperties()
            .Where(p => p.GetCustomAttributesData().Any(d => d.AttributeType == typeof(System.Management.Automation.ParameterAttribute)
                                                             && !d.NamedArguments.Any(a => a.MemberName == "ValueFromPipeline" && (bool)a.TypedValue.Value!)))
            .Select(p => p.Name)
            .Where(name => name != "ThrottleLimit" && !keys.Contains(name) && !NotOptions.ContainsKey($"{cmdlet} -{name}"))
            .ToList();
        Assert.True(missing.Count == 0, $"recipe section {section} lacks {cmdlet}'s {string.Join(", ", missing.Select(m => "-" + m))}");
    }
}
