using System.Xml.Linq;
using AtomCuration.HelpBuilder.Metadata;
using static AtomCuration.HelpBuilder.Maml.MamlNamespaces;

namespace AtomCuration.HelpBuilder.Maml;

/// <summary>
/// Writes &lt;command:parameter&gt; elements: the short form inside a syntax item (one parameter
/// set) and the full form, with its description, in &lt;command:parameters&gt;.
/// </summary>
public static class MamlParameterWriter
{
    /// <summary>The parameter as it appears in the syntax of one parameter set.</summary>
    public static XElement InSyntax(ParameterMetadata p, ParameterSetMembership set)
    {
        var e = Element(p, set.Mandatory, set.Position, set.ByValue, set.ByPropertyName);
        if (p.ValidValues.Count > 0)
            e.Add(new XElement(CommandNs + "parameterValueGroup",
                p.ValidValues.Select(v => new XElement(CommandNs + "parameterValue",
                    new XAttribute("required", "false"), new XAttribute("variableLength", "false"), v))));
        // A switch takes no value, so its syntax shows no <type>.
        if (!p.IsSwitch) e.Add(ParameterValue(p));
        e.Add(DevType(p.Type));
        return e;
    }

    /// <summary>The parameter with its description, as listed under PARAMETERS.</summary>
    public static XElement Full(ParameterMetadata p, IReadOnlyList<string> description)
    {
        var e = Element(p, p.Mandatory, p.Position, p.ByValue, p.ByPropertyName);
        e.Add(MamlText.Description(description), ParameterValue(p), DevType(p.Type), new XElement(DevNs + "defaultValue", p.Default));
        return e;
    }

    /// <summary>The pipelineInput attribute: "True (ByValue)", "True (ByPropertyName)", "True (ByValue, ByPropertyName)" or "False".</summary>
    public static string PipelineInput(bool byValue, bool byPropertyName) => (byValue, byPropertyName) switch
    {
        (true, true) => "True (ByValue, ByPropertyName)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };

    /// <summary>The position attribute: the position as declared, or "named".</summary>
    public static string Position(int? position) => position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named";

    /// <summary>
    /// A type's name as help shows it after a parameter: String[], Structure, SwitchParameter; and Hashtable for the
    /// module's own key types (<c>SelectionKnobs</c>, <c>DescriptorParameters</c>): users type a hashtable, which
    /// PowerShell converts; the types exist so that Tab completes its keys.
    /// </summary>
    public static string ShortName(Type t) => IsKeyType(t) ? "Hashtable" : t.Name;

    private static bool IsKeyType(Type t) =>
        t.Assembly.GetName().Name == "AtomCuration.PowerShell" && t.IsClass && t.GetConstructor(Type.EmptyTypes) is not null;

    /// <summary>A type's full name: System.String[], AtomCuration.Structures.Structure.</summary>
    public static string FullName(Type t) => t.FullName ?? t.Name;

    /// <summary>A &lt;dev:type&gt; element naming <paramref name="t"/>.</summary>
    public static XElement DevType(Type t) =>
        new(DevNs + "type", new XElement(MamlNs + "name", FullName(t)), new XElement(MamlNs + "uri"));

    private static XElement Element(ParameterMetadata p, bool required, int? position, bool byValue, bool byPropertyName) =>
        new(CommandNs + "parameter",
            new XAttribute("required", Bool(required)),
            new XAttribute("variableLength", Bool(p.Type.IsArray)),
            new XAttribute("globbing", Bool(p.Globbing)),
            new XAttribute("pipelineInput", PipelineInput(byValue, byPropertyName)),
            new XAttribute("position", Position(position)),
            new XAttribute("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases)),
            new XElement(MamlNs + "name", p.Name));

    private static XElement ParameterValue(ParameterMetadata p) =>
        new(CommandNs + "parameterValue", new XAttribute("required", Bool(!p.IsSwitch)),
            new XAttribute("variableLength", Bool(p.Type.IsArray)), ShortName(p.Type));

    private static string Bool(bool b) => b ? "true" : "false";
}
