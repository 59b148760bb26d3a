using System.Text.RegularExpressions;

namespace AtomCuration.HelpBuilder.Markdown;

/// <summary>
/// Splits the body of a help-page section into paragraphs, list items, fenced code blocks and
/// tables — the subset of Markdown the cmdlet pages use (headings are split off before).
/// </summary>
public static partial class MarkdownBlockParser
{
    [GeneratedRegex(@"^\s{0,3}(?<marker>[-*+]|\d+\.)\s+(?<text>.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\s*:?-+:?\s*$")]
    private static partial Regex SeparatorCell();

    /// <summary>The blocks of <paramref name="lines"/>, in order.</summary>
    public static IReadOnlyList<MarkdownBlock> Parse(IReadOnlyList<string> lines)
    {
        var blocks = new List<MarkdownBlock>();
        int i = 0;
        while (i < lines.Count)
        {
            string line = lines[i];
            if (string.IsNullOrWhiteSpace(line)) { i++; continue; }
            if (IsFence(line)) blocks.Add(ReadCode(lines, ref i));
            else if (IsTableRow(line)) blocks.Add(ReadTable(lines, ref i));
            else if (ListItem().Match(line) is { Success: true } item) blocks.Add(ReadListItem(lines, ref i, item));
            else blocks.Add(ReadParagraph(lines, ref i));
        }
        return blocks;
    }

    /// <summary>Whether a line opens or closes a fenced code block.</summary>
    public static bool IsFence(string line) => line.TrimStart().StartsWith("```", StringComparison.Ordinal);

    private static bool IsTableRow(string line) => line.TrimStart().StartsWith('|');

    private static CodeBlock ReadCode(IReadOnlyList<string> lines, ref int i)
    {
        string language = lines[i].Trim().TrimStart('`').Trim();
        var code = new List<string>();
        for (i++; i < lines.Count && !IsFence(lines[i]); i++) code.Add(lines[i]);
        i++; // the closing fence (or the end of an unterminated block)
        return new CodeBlock(language, code);
    }

    private static TableBlock ReadTable(IReadOnlyList<string> lines, ref int i)
    {
        var rows = new List<IReadOnlyList<string>>();
        for (; i < lines.Count && IsTableRow(lines[i]); i++)
        {
            var cells = Cells(lines[i]);
            if (!cells.All(c => SeparatorCell().IsMatch(c))) rows.Add(cells);
        }
        if (rows.Count == 0) throw new FormatException("a table has no header row, only separator rows.");
        return new TableBlock(rows[0], rows.Skip(1).ToList());
    }

    private static string[] Cells(string row)
    {
        string inner = row.Trim();
        inner = inner.Substring(1, inner.Length - (inner.EndsWith('|') && inner.Length > 1 ? 2 : 1));
        return inner.Split('|').Select(c => c.Trim()).ToArray();
    }

    private static ListItemBlock ReadListItem(IReadOnlyList<string> lines, ref int i, Match item)
    {
        var text = new List<string> { item.Groups["text"].Value.Trim() };
        // Continuation lines are indented; a blank line, a new item or anything flush left ends the item.
        for (i++; i < lines.Count && lines[i].StartsWith(' ') && !string.IsNullOrWhiteSpace(lines[i])
                  && !ListItem().IsMatch(lines[i]) && !IsFence(lines[i]); i++)
            text.Add(lines[i].Trim());
        return new ListItemBlock(item.Groups["marker"].Value, string.Join(' ', text));
    }

    private static ParagraphBlock ReadParagraph(IReadOnlyList<string> lines, ref int i)
    {
        var text = new List<string>();
        for (; i < lines.Count && !string.IsNullOrWhiteSpace(lines[i]) && !IsFence(lines[i])
               && !IsTableRow(lines[i]) && (text.Count == 0 || !ListItem().IsMatch(lines[i])); i++)
            text.Add(lines[i].Trim());
        return new ParagraphBlock(string.Join(' ', text));
    }
}
