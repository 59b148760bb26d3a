using System.Text.RegularExpressions;

namespace AtomCuration.HelpBuilder.Markdown;

/// <summary>
/// Removes inline Markdown from a line of prose so it reads well in a console: code spans lose
/// their backticks, bold and italic markers go, a link keeps only its text.
/// </summary>
public static partial class InlineText
{
    [GeneratedRegex(@"(?<!!)\[(?<text>[^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`+(?<code>[^`]+?)`+")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\*\*(?<text>\S(?:.*?\S)?)\*\*")]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?<![\w*])\*(?<text>[^\s*](?:[^*]*[^\s*])?)\*(?![\w*])")]
    private static partial Regex Emphasis();

    /// <summary>The plain text of <paramref name="markdown"/>.</summary>
    public static string Strip(string markdown)
    {
        // Code spans first, so markers inside them (pool/*.xyz, a ** b) are left alone.
        var spans = new List<string>();
        string text = CodeSpan().Replace(markdown, m =>
        {
            spans.Add(m.Groups["code"].Value);
            return $"\u0000{spans.Count - 1}\u0000";
        });
        text = Link().Replace(text, m => m.Groups["text"].Value);
        text = Strong().Replace(text, m => m.Groups["text"].Value);
        text = Emphasis().Replace(text, m => m.Groups["text"].Value);
        return Regex.Replace(text, "\u0000(\\d+)\u0000", m => spans[int.Parse(m.Groups[1].Value)]);
    }
}
