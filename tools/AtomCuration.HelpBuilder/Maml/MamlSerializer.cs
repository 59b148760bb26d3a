using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace AtomCuration.HelpBuilder.Maml;

/// <summary>Writes a help document to bytes: UTF-8 without BOM, two-space indentation, "\n" line ends — the same bytes on every machine.</summary>
public static class MamlSerializer
{
    /// <summary>The document's bytes.</summary>
    public static byte[] ToBytes(XDocument document)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings)) document.Save(writer);
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
