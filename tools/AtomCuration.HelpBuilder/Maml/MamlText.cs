using System.Xml.Linq;
using static AtomCuration.HelpBuilder.Maml.MamlNamespaces;

namespace AtomCuration.HelpBuilder.Maml;

/// <summary>Plain-text paragraphs as MAML.</summary>
public static class MamlText
{
    /// <summary>One &lt;maml:para&gt; per paragraph.</summary>
    public static IEnumerable<XElement> Paras(IEnumerable<string> paragraphs) =>
        paragraphs.Select(p => new XElement(MamlNs + "para", p));

    /// <summary>A &lt;maml:description&gt; holding the paragraphs.</summary>
    public static XElement Description(IEnumerable<string> paragraphs) => new(MamlNs + "description", Paras(paragraphs));
}
