using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AtomCuration.HelpBuilder.Markdown;
using AtomCuration.HelpBuilder.Metadata;
using static AtomCuration.HelpBuilder.Maml.MamlNamespaces;

namespace AtomCuration.HelpBuilder.Maml;

/// <summary>
/// Writes PowerShell's MAML command help (the &lt;assembly&gt;-Help.xml a binary module ships in
/// its culture folder): one &lt;command:command&gt; per cmdlet, its syntax, parameters, input
/// and output types from the cmdlet's metadata, the prose and examples from its help page.
/// </summary>
public static class MamlWriter
{
    /// <summary>Descriptions of the ShouldProcess parameters PowerShell adds (help pages do not describe them one by one).</summary>
    public static readonly IReadOnlyDictionary<string, string> CommonParameterDescriptions = new Dictionary<string, string>
    {
        ["WhatIf"] = "Shows what would happen if the cmdlet runs. The cmdlet is not run.",
        ["Confirm"] = "Prompts you for confirmation before running the cmdlet.",
    };

    /// <summary>The help document for <paramref name="commands"/>, in the order given.</summary>
    public static XDocument Document(IEnumerable<(CmdletMetadata Cmdlet, HelpPage Page)> commands, IReadOnlyCollection<string> allCmdlets) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(MshNs + "helpItems", new XAttribute("schema", "maml"),
                commands.Select(c => Command(c.Cmdlet, c.Page, allCmdlets))));

    /// <summary>The &lt;command:command&gt; of one cmdlet.</summary>
    public static XElement Command(CmdletMetadata cmdlet, HelpPage page, IReadOnlyCollection<string> allCmdlets) =>
        new(CommandNs + "command",
            new XAttribute(XNamespace.Xmlns + "maml", MamlNs),
            new XAttribute(XNamespace.Xmlns + "command", CommandNs),
            new XAttribute(XNamespace.Xmlns + "dev", DevNs),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MSHelpNs),
            new XElement(CommandNs + "details",
                new XElement(CommandNs + "name", cmdlet.Name),
                new XElement(CommandNs + "verb", cmdlet.Verb),
                new XElement(CommandNs + "noun", cmdlet.Noun),
                MamlText.Description([page.Synopsis])),
            MamlText.Description(page.Description),
            Syntax(cmdlet),
            Parameters(cmdlet, page),
            InputTypes(cmdlet),
            ReturnValues(cmdlet, page),
            Examples(page),
            RelatedLinks(page, allCmdlets));

    private static XElement Syntax(CmdletMetadata cmdlet) =>
        new(CommandNs + "syntax", cmdlet.ParameterSets.Select(set =>
            new XElement(CommandNs + "syntaxItem",
                new XElement(MamlNs + "name", cmdlet.Name),
                cmdlet.ParametersOf(set).Select(p => MamlParameterWriter.InSyntax(p.Parameter, p.Membership)))));

    private static XElement Parameters(CmdletMetadata cmdlet, HelpPage page) =>
        new(CommandNs + "parameters", cmdlet.Parameters.Select(p =>
            MamlParameterWriter.Full(p, p.IsCommon ? [CommonParameterDescriptions[p.Name]]
                : page.Parameters.TryGetValue(p.Name, out var text) ? text : [])));

    // One entry per type that binds from the pipeline, naming the parameters it binds to.
    private static XElement InputTypes(CmdletMetadata cmdlet) =>
        new(CommandNs + "inputTypes", cmdlet.Parameters.Where(p => p.ByValue || p.ByPropertyName)
            .GroupBy(p => MamlParameterWriter.FullName(p.Type))
            .Select(g => new XElement(CommandNs + "inputType",
                MamlParameterWriter.DevType(g.First().Type),
                MamlText.Description(g.Select(p => $"-{p.Name} binds it {Binding(p)}.")))));

    private static string Binding(ParameterMetadata p) => (p.ByValue, p.ByPropertyName) switch
    {
        (true, true) => "by value and by property name",
        (true, false) => "by value",
        _ => "by property name",
    };

    // The Outputs section describes all output types together, so it goes with the first.
    private static XElement ReturnValues(CmdletMetadata cmdlet, HelpPage page) =>
        new(CommandNs + "returnValues", cmdlet.OutputTypes
            .GroupBy(o => MamlParameterWriter.FullName(o.Type))
            .Select((g, k) => new XElement(CommandNs + "returnValue",
                MamlParameterWriter.DevType(g.First().Type),
                MamlText.Description([.. SetsNote(g.SelectMany(o => o.SetNames).Distinct().ToList()), .. k == 0 ? page.Outputs : []]))));

    private static IEnumerable<string> SetsNote(IReadOnlyList<string> sets) =>
        sets.Count == 0 ? [] : [$"Parameter set{(sets.Count > 1 ? "s" : "")}: {string.Join(", ", sets)}."];

    private static XElement Examples(HelpPage page) =>
        new(CommandNs + "examples", page.Examples.Select((e, k) =>
            new XElement(CommandNs + "example",
                new XElement(MamlNs + "title", string.Create(CultureInfo.InvariantCulture, $"-------------------------- Example {k + 1} --------------------------")),
                new XElement(DevNs + "code", e.Code),
                new XElement(DevNs + "remarks", MamlText.Paras(e.Remarks)))));

    // Every other cmdlet of the module the page mentions, in the module's order.
    private static XElement RelatedLinks(HelpPage page, IReadOnlyCollection<string> allCmdlets) =>
        new(CommandNs + "relatedLinks", allCmdlets
            .Where(name => name != page.Name && Regex.IsMatch(page.Text, $@"(?<![\w-]){Regex.Escape(name)}(?![\w-])"))
            .Select(name => new XElement(MamlNs + "navigationLink", new XElement(MamlNs + "linkText", name), new XElement(MamlNs + "uri"))));
}
