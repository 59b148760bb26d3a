using System.Text;

namespace AtomCuration.HelpBuilder.About;

/// <summary>Plain-text layout of about_ help topics (what Get-Help about_… prints).</summary>
public static class AboutText
{
    /// <summary>Where PowerShell finds a module's about_ topics: the culture folder beside the manifest.</summary>
    public static string PathOf(string topic) => Path.Combine("module", "AtomCuration", "en-US", topic + ".help.txt");

    /// <summary><paramref name="text"/> wrapped at <paramref name="width"/> columns, every line starting with <paramref name="indent"/>.</summary>
    public static string Wrap(string text, string indent, int width = 96)
    {
        var b = new StringBuilder();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && indent.Length + line.Length + 1 + word.Length > width)
            {
                b.Append(indent).Append(line).Append('\n');
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) b.Append(indent).Append(line).Append('\n');
        return b.ToString();
    }

    /// <summary>The TOPIC and SHORT DESCRIPTION head every about_ topic starts with.</summary>
    public static StringBuilder Start(string topic, string shortDescription) =>
        new StringBuilder().Append("TOPIC\n    ").Append(topic).Append("\n\nSHORT DESCRIPTION\n").Append(Wrap(shortDescription, "    ")).Append('\n');
}
