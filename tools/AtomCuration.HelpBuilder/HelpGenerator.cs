using System.Reflection;
using System.Xml.Linq;
using AtomCuration.HelpBuilder.Maml;
using AtomCuration.HelpBuilder.Markdown;
using AtomCuration.HelpBuilder.Metadata;

namespace AtomCuration.HelpBuilder;

/// <summary>The generated help and what is wrong with the pages it came from.</summary>
/// <param name="Document">The MAML document.</param>
/// <param name="Bytes">The document as written to disk.</param>
/// <param name="Problems">Missing pages, sections, parameter descriptions or examples; empty when the pages are complete.</param>
public sealed record GeneratedHelp(XDocument Document, byte[] Bytes, IReadOnlyList<string> Problems);

/// <summary>
/// Generates the module's MAML help from docs/cmdlets/&lt;Name&gt;.md and the cmdlets' metadata.
/// </summary>
public static class HelpGenerator
{
    /// <summary>Where PowerShell looks for a binary module's cmdlet help: &lt;assembly file&gt;-Help.xml in the culture folder.</summary>
    public static readonly string HelpFile = Path.Combine("module", "AtomCuration", "en-US", "AtomCuration.PowerShell.dll-Help.xml");

    /// <summary>The folder of the help pages, relative to the repository root.</summary>
    public static readonly string PagesFolder = Path.Combine("docs", "cmdlets");

    /// <summary>The command that regenerates the help file (run from the repository root).</summary>
    public const string RegenerateCommand = "dotnet run --project tools/AtomCuration.HelpBuilder";

    /// <summary>The assembly holding the cmdlets.</summary>
    public static Assembly CmdletAssembly => typeof(AtomCuration.PowerShell.Commands.ImportStructureCommand).Assembly;

    /// <summary>Generates the help of every cmdlet of <see cref="CmdletAssembly"/> from the pages under <paramref name="repositoryRoot"/>.</summary>
    public static GeneratedHelp Generate(string repositoryRoot)
    {
        var cmdlets = CmdletMetadataReader.Read(CmdletAssembly);
        var names = cmdlets.Select(c => c.Name).ToList();
        var problems = new List<string>();
        var commands = new List<(CmdletMetadata, HelpPage)>();
        foreach (var cmdlet in cmdlets)
        {
            string path = Path.Combine(repositoryRoot, PagesFolder, cmdlet.Name + ".md");
            if (!File.Exists(path))
            {
                problems.Add($"{cmdlet.Name}: no help page {path}");
                continue;
            }
            var page = HelpPageReader.Read(path);
            problems.AddRange(Check(cmdlet, page).Select(p => $"{cmdlet.Name}: {p} ({path})"));
            commands.Add((cmdlet, page));
        }
        var document = MamlWriter.Document(commands, names);
        return new GeneratedHelp(document, MamlSerializer.ToBytes(document), problems);
    }

    /// <summary>What a help page lacks or gets wrong for its cmdlet.</summary>
    public static IEnumerable<string> Check(CmdletMetadata cmdlet, HelpPage page)
    {
        if (!string.Equals(page.Name, cmdlet.Name, StringComparison.Ordinal)) yield return $"the page is titled '{page.Name}'";
        if (page.Synopsis.Length == 0) yield return "no synopsis (first paragraph)";
        if (page.Description.Count == 0) yield return "no Description section";
        if (page.Outputs.Count == 0) yield return "no Outputs section";
        if (!page.Examples.Any(e => e.Code.Length > 0)) yield return "no PowerShell example";
        var declared = cmdlet.Parameters.Where(p => !p.IsCommon).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var p in declared.Where(p => !page.Parameters.TryGetValue(p, out var text) || text.Count == 0))
            yield return $"parameter -{p} has no '### -{p}' description";
        foreach (var p in page.Parameters.Keys.Where(p => !declared.Contains(p)))
            yield return $"'### -{p}' describes a parameter the cmdlet does not have";
    }

    /// <summary>The repository root: the first folder holding AtomCuration.sln above <paramref name="start"/>.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AtomCuration.sln"))) return dir.FullName;
        return null;
    }
}
