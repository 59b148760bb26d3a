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
}
