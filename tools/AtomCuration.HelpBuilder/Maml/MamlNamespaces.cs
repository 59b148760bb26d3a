using System.Xml.Linq;

namespace AtomCuration.HelpBuilder.Maml;

/// <summary>The XML namespaces of PowerShell's MAML command help.</summary>
public static class MamlNamespaces
{
    /// <summary>The default namespace of the &lt;helpItems&gt; root.</summary>
    public static readonly XNamespace MshNs = "http://msh";

    /// <summary>maml: names, descriptions, paragraphs, links.</summary>
    public static readonly XNamespace MamlNs = "http://schemas.microsoft.com/maml/2004/10";

    /// <summary>command: the command, its syntax, parameters, input and return types, examples.</summary>
    public static readonly XNamespace CommandNs = "http://schemas.microsoft.com/maml/dev/command/2004/10";

    /// <summary>dev: types, code and remarks.</summary>
    public static readonly XNamespace DevNs = "http://schemas.microsoft.com/maml/dev/2004/10";

    /// <summary>MSHelp: declared on every command, as help files conventionally do.</summary>
    public static readonly XNamespace MSHelpNs = "http://msdn.microsoft.com/mshelp";
}
