using System.Text.RegularExpressions;

namespace AtomCuration.HelpBuilder.Markdown;

/// <summary>
/// Reads a cmdlet help page: <c># Name</c>, a first paragraph (the synopsis), then the sections
/// <c>## Syntax</c>, <c>## Description</c>, <c>## Parameters</c> (one <c>### -Name</c> each),
/// <c>## Outputs</c> and <c>## Examples</c>. The Syntax section is not read: the syntax comes
/// from the cmdlet itself.
/// </summary>
public static partial class HelpPageReader
{
    [GeneratedRegex(@"^(?<level>#{1,6})\s+(?<title>.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^-(?<name>[A-Za-z][A-Za-z0-9]*)$")]
    private static partial Regex ParameterHeading();

    /// <summary>Reads the page at <paramref name="path"/>.</summary>
    public static HelpPage Read(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Reads a page from its Markdown text.</summary>
    public static HelpPage Parse(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var root = Split(lines);
        string name = root.Title;
        var intro = PlainText.Paragraphs(MarkdownBlockParser.Parse(root.Body));
        var repeated = root.Children.GroupBy(s => s.Title, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new FormatException($"the section '## {repeated.Key}' appears twice.");
        var sections = root.Children.ToDictionary(s => s.Title, StringComparer.OrdinalIgnoreCase);

        IReadOnlyList<string> Section(string title) =>
            sections.TryGetValue(title, out var s) ? PlainText.Paragraphs(MarkdownBlockParser.Parse(s.Body)) : [];

        var parameters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (sections.TryGetValue("Parameters", out var parameterSection))
            foreach (var sub in parameterSection.Children)
                // "### -WhatIf / -Confirm" and other headings that are not one parameter name describe common parameters.
                if (ParameterHeading().Match(sub.Title) is { Success: true } m)
                    parameters[m.Groups["name"].Value] = PlainText.Paragraphs(MarkdownBlockParser.Parse(sub.Body));

        var examples = sections.TryGetValue("Examples", out var exampleSection)
            ? ExampleReader.Read(MarkdownBlockParser.Parse(exampleSection.Body))
            : [];
        return new HelpPage(name, intro.FirstOrDefault() ?? "", [.. intro.Skip(1), .. Section("Description")],
            parameters, Section("Outputs"), examples, markdown);
    }

    /// <summary>A heading with the lines under it (up to its first subheading) and its subsections.</summary>
    private sealed record Node(int Level, string Title, List<string> Body, List<Node> Children);

    // Headings inside fenced code (PowerShell comments start with '#') are code, not structure.
    private static Node Split(IEnumerable<string> lines)
    {
        var root = new Node(0, "", [], []);
        var path = new Stack<Node>();
        path.Push(root);
        bool inCode = false;
        foreach (var line in lines)
        {
            if (MarkdownBlockParser.IsFence(line)) inCode = !inCode;
            var h = inCode ? Match.Empty : Heading().Match(line);
            if (!h.Success)
            {
                path.Peek().Body.Add(line);
                continue;
            }
            int level = h.Groups["level"].Length;
            if (level == 1 && root.Title.Length == 0)
            {
                // The page title: its body is the introduction, its subsections the page's sections.
                path.Clear();
                root = root with { Title = h.Groups["title"].Value };
                path.Push(root);
                continue;
            }
            while (path.Peek().Level >= level && path.Count > 1) path.Pop();
            var node = new Node(level, h.Groups["title"].Value, [], []);
            path.Peek().Children.Add(node);
            path.Push(node);
        }
        return root;
    }
}
