namespace AtomCuration.HelpBuilder.Markdown;

/// <summary>
/// Turns Markdown blocks into the plain-text paragraphs a console help page shows: prose without
/// markup, list items with their marker, code as its lines, and every table row as a sentence.
/// </summary>
public static class PlainText
{
    /// <summary>The paragraphs of <paramref name="blocks"/>, in order.</summary>
    public static IReadOnlyList<string> Paragraphs(IEnumerable<MarkdownBlock> blocks) =>
        blocks.SelectMany(Render).Where(p => p.Length > 0).ToList();

    /// <summary>The paragraphs one block becomes (a table gives one per row).</summary>
    public static IEnumerable<string> Render(MarkdownBlock block) => block switch
    {
        ParagraphBlock p => [InlineText.Strip(p.Text)],
        ListItemBlock l => [$"{(l.Marker is "*" or "+" ? "-" : l.Marker)} {InlineText.Strip(l.Text)}"],
        // Code keeps its lines and relative indentation, but no indentation of its own: PowerShell trims
        // every paragraph, which would take it from the first line only.
        CodeBlock c => [string.Join('\n', Dedent(c.Lines))],
        TableBlock t => t.Rows.Select(row => Row(t.Header, row)),
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name),
    };

    /// <summary>Code lines without their common indentation and without blank lines at either end.</summary>
    public static IReadOnlyList<string> Dedent(IReadOnlyList<string> lines)
    {
        var trimmed = lines.SkipWhile(string.IsNullOrWhiteSpace).Reverse().SkipWhile(string.IsNullOrWhiteSpace).Reverse()
            .Select(l => l.TrimEnd()).ToList();
        int indent = trimmed.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return trimmed.Select(l => l.Length == 0 ? l : l[indent..]).ToList();
    }

    // A two-column row reads "key: value"; a wider one names each further column by its header.
    private static string Row(IReadOnlyList<string> header, IReadOnlyList<string> row)
    {
        string lead = InlineText.Strip(row[0]);
        if (row.Count == 2) return $"{lead}: {InlineText.Strip(row[1])}";
        var rest = row.Skip(1).Select((cell, k) => (Header: k + 1 < header.Count ? InlineText.Strip(header[k + 1]) : "", Cell: InlineText.Strip(cell)))
            .Where(c => c.Cell.Length > 0)
            .Select(c => c.Header.Length > 0 ? $"{c.Header}: {c.Cell}" : c.Cell);
        return $"{lead} — {string.Join("; ", rest)}";
    }
}
