using System.Management.Automation;
using System.Xml.Linq;
using AtomCuration.HelpBuilder;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.PowerShell;

/// <summary>
/// The committed MAML help (what <c>Get-Help</c> shows) is current and complete. The cmdlets'
/// parameters are read here on their own, from the attributes' metadata, so a mistake in the
/// generator's metadata reader shows up as a mismatch rather than being copied into both sides.
/// </summary>
public class HelpFileTests
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private static readonly string HelpPath = RepoPaths.Combine(HelpGenerator.HelpFile);
    private static readonly Lazy<XDocument> Help = new(() => XDocument.Load(HelpPath));

    private static IEnumerable<Type> CmdletTypes() => CmdletMetadataTests.CmdletTypes();

    private static string NameOf(Type t) => CmdletMetadataTests.NameOf(t);

    /// <summary>One [Parameter] attribute of a property.</summary>
    private sealed record Declared(string Name, string Set, bool Mandatory, int? Position, bool ByValue, bool ByPropertyName);

    private static List<Declared> DeclaredParameters(string cmdlet) =>
        CmdletTypes().Single(t => NameOf(t) == cmdlet).GetProperties()
            .SelectMany(p => p.GetCustomAttributesData().Where(d => d.AttributeType == typeof(ParameterAttribute)).Select(d =>
            {
                T Named<T>(string name, T fallback) =>
                    d.NamedArguments.Where(a => a.MemberName == name).Select(a => (T)a.TypedValue.Value!).DefaultIfEmpty(fallback).First();
                int position = Named("Position", int.MinValue);
                return new Declared(p.Name, Named("ParameterSetName", ParameterAttribute.AllParameterSets), Named("Mandatory", false),
                    position >= 0 ? position : null, Named("ValueFromPipeline", false), Named("ValueFromPipelineByPropertyName", false));
            }))
            .ToList();

    private static XElement CommandOf(string name) =>
        Assert.Single(Help.Value.Root!.Elements(Command + "command"), c => c.Element(Command + "details")?.Element(Command + "name")?.Value == name);

    private static string Paras(XElement? description) =>
        string.Join("\n", description?.Elements(Maml + "para").Select(p => p.Value) ?? []).Trim();

    [Fact]
    public void CommittedHelpFileIsWhatTheGeneratorWritesNow()
    {
        var fresh = HelpGenerator.Generate(RepoPaths.Root);
        Assert.True(fresh.Problems.Count == 0, "The help pages have problems:\n" + string.Join("\n", fresh.Problems));
        Assert.True(File.Exists(HelpPath), $"{HelpPath} is missing. Regenerate it with `{HelpGenerator.RegenerateCommand}` and commit it.");
        // Compared as text with normalised line ends, so a checkout with CRLF conversion does not fail.
        string committed = File.ReadAllText(HelpPath).ReplaceLineEndings("\n");
        string expected = new System.Text.UTF8Encoding(false).GetString(fresh.Bytes).ReplaceLineEndings("\n");
        Assert.True(committed == expected,
            $"{HelpGenerator.HelpFile} is out of date with docs/cmdlets/*.md or the cmdlets. Regenerate it with " +
            $"`{HelpGenerator.RegenerateCommand}` (from the repository root) and commit it.");
    }

    [Fact]
    public void GenerationIsDeterministic() =>
        Assert.Equal(HelpGenerator.Generate(RepoPaths.Root).Bytes, HelpGenerator.Generate(RepoPaths.Root).Bytes);

    [Fact]
    public void HelpFileIsMamlWithOneCommandPerCmdlet()
    {
        var root = Help.Value.Root!;
        Assert.Equal(Msh + "helpItems", root.Name);
        Assert.Equal("maml", (string?)root.Attribute("schema"));
        Assert.All(root.Elements(), e => Assert.Equal(Command + "command", e.Name));
        var command = root.Elements().First();
        Assert.Equal(Maml.NamespaceName, command.GetNamespaceOfPrefix("maml")?.NamespaceName);
        Assert.Equal(Command.NamespaceName, command.GetNamespaceOfPrefix("command")?.NamespaceName);
        Assert.Equal(Dev.NamespaceName, command.GetNamespaceOfPrefix("dev")?.NamespaceName);
        var names = root.Elements().Select(c => c.Element(Command + "details")!.Element(Command + "name")!.Value).Order().ToList();
        Assert.Equal(CmdletTypes().Select(NameOf).Order().ToList(), names);
    }

    [Theory]
    [MemberData(nameof(CmdletMetadataTests.CmdletNames), MemberType = typeof(CmdletMetadataTests))]
    public void HelpHasSynopsisDescriptionAndExamples(string name)
    {
        var command = CommandOf(name);
        var details = command.Element(Command + "details")!;
        Assert.Equal(name.Split('-')[0], details.Element(Command + "verb")?.Value);
        Assert.Equal(name.Split('-')[1], details.Element(Command + "noun")?.Value);
        string synopsis = Paras(details.Element(Maml + "description"));
        Assert.NotEmpty(synopsis);
        Assert.DoesNotContain(name, synopsis); // not the auto-generated syntax line
        Assert.NotEmpty(Paras(command.Element(Maml + "description")));
        var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.NotEmpty(examples);
        for (int k = 0; k < examples.Count; k++)
        {
            Assert.Equal($"-------------------------- Example {k + 1} --------------------------", examples[k].Element(Maml + "title")?.Value);
            Assert.False(string.IsNullOrWhiteSpace(examples[k].Element(Dev + "code")?.Value), $"{name} example {k + 1} has no code");
        }
        Assert.NotEmpty(command.Element(Command + "returnValues")!.Elements(Command + "returnValue"));
    }

    [Theory]
    [MemberData(nameof(CmdletMetadataTests.CmdletNames), MemberType = typeof(CmdletMetadataTests))]
    public void EveryDeclaredParameterIsDescribedWithItsBinding(string name)
    {
        var listed = CommandOf(name).Element(Command + "parameters")!.Elements(Command + "parameter")
            .ToDictionary(p => p.Element(Maml + "name")!.Value);
        foreach (var group in DeclaredParameters(name).GroupBy(d => d.Name))
        {
            Assert.True(listed.TryGetValue(group.Key, out var p), $"{name} -{group.Key} is missing from command:parameters");
            Assert.True(Paras(p.Element(Maml + "description")).Length > 0, $"{name} -{group.Key} has no description");
            Assert.Equal(group.All(d => d.Mandatory) ? "true" : "false", (string?)p.Attribute("required"));
            var positions = group.Select(d => d.Position).Distinct().ToList();
            Assert.Equal(positions.Count == 1 && positions[0] is int at ? at.ToString() : "named", (string?)p.Attribute("position"));
            Assert.Equal(Pipeline(group.Any(d => d.ByValue), group.Any(d => d.ByPropertyName)), (string?)p.Attribute("pipelineInput"));
        }
        // Nothing but the declared parameters and, with ShouldProcess, -WhatIf and -Confirm.
        var extra = listed.Keys.Except(DeclaredParameters(name).Select(d => d.Name)).Order().ToList();
        Assert.True(extra.Count == 0 || extra.SequenceEqual(["Confirm", "WhatIf"]), $"{name} lists undeclared parameters: {string.Join(", ", extra)}");
    }

    [Theory]
    [MemberData(nameof(CmdletMetadataTests.CmdletNames), MemberType = typeof(CmdletMetadataTests))]
    public void EveryParameterSetIsASyntaxItem(string name)
    {
        var declared = DeclaredParameters(name);
        var sets = declared.Select(d => d.Set).Where(s => s != ParameterAttribute.AllParameterSets).Distinct().ToList();
        if (sets.Count == 0) sets.Add(ParameterAttribute.AllParameterSets);
        var items = CommandOf(name).Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
        Assert.Equal(sets.Count, items.Count);
        foreach (var set in sets)
        {
            var members = declared.Where(d => d.Set == set || d.Set == ParameterAttribute.AllParameterSets).ToList();
            var item = Assert.Single(items, i => i.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value)
                .Where(n => n is not ("WhatIf" or "Confirm")).Order().SequenceEqual(members.Select(m => m.Name).Order()));
            Assert.Equal(name, item.Element(Maml + "name")?.Value);
            foreach (var m in members)
            {
                var p = item.Elements(Command + "parameter").Single(e => e.Element(Maml + "name")!.Value == m.Name);
                Assert.Equal(m.Mandatory ? "true" : "false", (string?)p.Attribute("required"));
                Assert.Equal(m.Position?.ToString() ?? "named", (string?)p.Attribute("position"));
                Assert.Equal(Pipeline(m.ByValue, m.ByPropertyName), (string?)p.Attribute("pipelineInput"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(CmdletMetadataTests.CmdletNames), MemberType = typeof(CmdletMetadataTests))]
    public void PipelineBoundParameterTypesAreInputTypes(string name)
    {
        var type = CmdletTypes().Single(t => NameOf(t) == name);
        var expected = DeclaredParameters(name).Where(d => d.ByValue || d.ByPropertyName)
            .Select(d => type.GetProperty(d.Name)!.PropertyType.FullName!).Distinct().Order().ToList();
        var listed = CommandOf(name).Element(Command + "inputTypes")!.Elements(Command + "inputType")
            .Select(i => i.Element(Dev + "type")!.Element(Maml + "name")!.Value).Order().ToList();
        Assert.Equal(expected, listed);
    }

    private static string Pipeline(bool byValue, bool byPropertyName) => (byValue, byPropertyName) switch
    {
        (true, true) => "True (ByValue, ByPropertyName)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };
}
