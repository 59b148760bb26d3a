namespace AtomCuration.HelpBuilder.Markdown;

/// <summary>One block-level element of a help page: what the page's prose is made of.</summary>
public abstract record MarkdownBlock;

/// <summary>A paragraph: consecutive non-blank lines, joined with single spaces.</summary>
/// <param name="Text">The paragraph's text, inline markup still in place.</param>
public sealed record ParagraphBlock(string Text) : MarkdownBlock;

/// <summary>One item of a bulleted or numbered list.</summary>
/// <param name="Marker">"-" for a bullet, "1." etc. for a numbered item.</param>
/// <param name="Text">The item's text (continuation lines joined), inline markup still in place.</param>
public sealed record ListItemBlock(string Marker, string Text) : MarkdownBlock;

/// <summary>A fenced code block.</summary>
/// <param name="Language">The info string after the opening fence ("powershell"), or empty.</param>
/// <param name="Lines">The code lines, verbatim.</param>
public sealed record CodeBlock(string Language, IReadOnlyList<string> Lines) : MarkdownBlock;

/// <summary>A pipe table.</summary>
/// <param name="Header">The header cells.</param>
/// <param name="Rows">The body rows' cells.</param>
public sealed record TableBlock(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : MarkdownBlock;
