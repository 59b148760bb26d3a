namespace AtomCuration.HelpBuilder.Markdown;

/// <summary>
/// Turns the blocks of an Examples section into examples. Every PowerShell code block is an
/// example, except that a block holding several commented commands separated by blank lines is
/// several examples (the comment introducing each becomes its remarks). Prose after a code block
/// (and any other code, such as sample output) belongs to the example before it; prose before
/// the first code block to the first example.
/// </summary>
public static class ExampleReader
{
    private static readonly HashSet<string> PowerShell = new(StringComparer.OrdinalIgnoreCase) { "powershell", "pwsh", "ps1", "ps" };

    /// <summary>The examples of an Examples section.</summary>
    public static IReadOnlyList<HelpExample> Read(IReadOnlyList<MarkdownBlock> blocks)
    {
        var examples = new List<HelpExample>();
        var pending = new List<string>();
        foreach (var block in blocks)
        {
            if (block is CodeBlock code && PowerShell.Contains(code.Language))
            {
                foreach (var chunk in Chunks(PlainText.Dedent(code.Lines)))
                {
                    var example = Example(chunk);
                    examples.Add(example with { Remarks = [.. pending, .. example.Remarks] });
                    pending.Clear();
                }
            }
            else if (examples.Count == 0) pending.AddRange(PlainText.Render(block));
            else examples[^1] = examples[^1] with { Remarks = [.. examples[^1].Remarks, .. PlainText.Render(block)] };
        }
        return examples;
    }

    // A blank line followed by a comment starts a new example.
    private static IEnumerable<IReadOnlyList<string>> Chunks(IReadOnlyList<string> lines)
    {
        var chunk = new List<string>();
        for (int i = 0; i < lines.Count; i++)
        {
            bool startsExample = lines[i].Length == 0 && i + 1 < lines.Count && IsComment(lines[i + 1]);
            if (startsExample && chunk.Count > 0)
            {
                yield return chunk;
                chunk = [];
            }
            else if (lines[i].Length > 0 || chunk.Count > 0) chunk.Add(lines[i]);
        }
        if (chunk.Count > 0) yield return chunk;
    }

    private static bool IsComment(string line) => line.TrimStart().StartsWith('#');

    private static HelpExample Example(IReadOnlyList<string> chunk)
    {
        int comments = chunk.TakeWhile(IsComment).Count();
        // A chunk that is only comments stays code: there is nothing else to show.
        if (comments == chunk.Count) comments = 0;
        var remarks = comments == 0 ? [] : new[] { string.Join(' ', chunk.Take(comments).Select(l => l.TrimStart().TrimStart('#').Trim())) };
        return new HelpExample(string.Join('\n', PlainText.Dedent(chunk.Skip(comments).ToList())), remarks);
    }
}
