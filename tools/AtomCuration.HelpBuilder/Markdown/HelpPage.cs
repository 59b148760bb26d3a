namespace AtomCuration.HelpBuilder.Markdown;

/// <summary>One example of a help page: a command and what it shows.</summary>
/// <param name="Code">The PowerShell code, without the comment lines that introduce it.</param>
/// <param name="Remarks">Plain-text paragraphs explaining the code.</param>
public sealed record HelpExample(string Code, IReadOnlyList<string> Remarks);

/// <summary>A cmdlet help page (docs/cmdlets/&lt;Name&gt;.md) as plain-text paragraphs.</summary>
/// <param name="Name">The cmdlet name, from the page's first heading.</param>
/// <param name="Synopsis">The page's first paragraph.</param>
/// <param name="Description">The Description section (after any further introductory paragraphs).</param>
/// <param name="Parameters">Each <c>### -Name</c> subsection of Parameters, keyed by the name without its dash.</param>
/// <param name="Outputs">The Outputs section.</param>
/// <param name="Examples">The examples in the Examples section, in order.</param>
/// <param name="Text">The page's whole Markdown text.</param>
public sealed record HelpPage(
    string Name,
    string Synopsis,
    IReadOnlyList<string> Description,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters,
    IReadOnlyList<string> Outputs,
    IReadOnlyList<HelpExample> Examples,
    string Text);
