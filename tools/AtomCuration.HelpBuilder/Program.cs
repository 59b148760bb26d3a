using AtomCuration.HelpBuilder;
using AtomCuration.HelpBuilder.About;
using AtomCuration.HelpBuilder.Recipes;

// Regenerates module/AtomCuration/en-US/AtomCuration.PowerShell.dll-Help.xml from docs/cmdlets/*.md
// and the cmdlets' metadata, and the recipe schema (docs/concepts/recipes.md, about_AtomCuration_Recipes)
// from the options records. Usage: dotnet run --project tools/AtomCuration.HelpBuilder [-- <repository root>]
string? root = args.Length > 0 ? Path.GetFullPath(args[0])
    : HelpGenerator.FindRepositoryRoot(Directory.GetCurrentDirectory()) ?? HelpGenerator.FindRepositoryRoot(AppContext.BaseDirectory);
if (root is null)
{
    Console.Error.WriteLine("AtomCuration.sln not found above the current folder; pass the repository root as the argument.");
    return 2;
}

var help = HelpGenerator.Generate(root);
foreach (var problem in help.Problems) Console.Error.WriteLine("error: " + problem);
if (help.Problems.Count > 0) return 1;

string output = Path.Combine(root, HelpGenerator.HelpFile);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
File.WriteAllBytes(output, help.Bytes);
Console.WriteLine($"Wrote {Path.GetRelativePath(root, output)} ({help.Bytes.Length} bytes, {help.Document.Root!.Elements().Count()} cmdlets).");
File.WriteAllText(Path.Combine(root, RecipeSchema.MarkdownFile), RecipeSchema.Markdown());
File.WriteAllText(Path.Combine(root, RecipeSchema.AboutFile), RecipeSchema.AboutTopic());
Console.WriteLine($"Wrote {RecipeSchema.MarkdownFile} and {RecipeSchema.AboutFile}.");
foreach (var (topic, text) in AboutTopics.All(root))
{
    File.WriteAllText(Path.Combine(root, AboutText.PathOf(topic)), text);
    Console.WriteLine($"Wrote {AboutText.PathOf(topic)}.");
}
return 0;
