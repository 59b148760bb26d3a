using AtomCuration.HelpBuilder;
using AtomCuration.HelpBuilder.Markdown;
using AtomCuration.HelpBuilder.Metadata;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.PowerShell;

/// <summary>The Markdown help-page reader, and the checks that catch a page out of step with its cmdlet.</summary>
public class HelpPageReaderTests
{
    private const string Page = """
        # Get-Thing

        Gets **things** from `somewhere`,
        one at a time.

        ## Syntax

        ```
        Get-Thing [-Path] <string>
        ```

        ## Description

        Reads [the files](../x.md) in order.

        - `.npy`: NumPy
          arrays
        - `.csv`: text

        | Format | Reads | Note |
        |---|---|---|
        | `A` | the first | – |

        ```powershell
        @{ a = 1 }
        ```

        ## Parameters

        ### -Path
        The file.

        ### -WhatIf / -Confirm
        Standard ShouldProcess switches.

        ## Outputs

        `System.String`.

        ## Examples

        ```powershell
        # First: one thing
        Get-Thing a

        # Second
        Get-Thing b |
            Out-Null
        ```

        Shows nothing.
        """;

    [Fact]
    public void ReadsSectionsAsPlainTextParagraphs()
    {
        var page = HelpPageReader.Parse(Page);
        Assert.Equal("Get-Thing", page.Name);
        Assert.Equal("Gets things from somewhere, one at a time.", page.Synopsis);
        Assert.Equal(
        [
            "Reads the files in order.",
            "- .npy: NumPy arrays",
            "- .csv: text",
            "A — Reads: the first; Note: –",
            "@{ a = 1 }",
        ], page.Description);
        Assert.Equal(["Path"], page.Parameters.Keys); // the ShouldProcess heading is not a parameter of ours
        Assert.Equal(["The file."], page.Parameters["Path"]);
        Assert.Equal(["System.String."], page.Outputs);
    }

    [Fact]
    public void SplitsCommentedExamplesAndKeepsHashLinesInCodeOutOfTheHeadings()
    {
        var page = HelpPageReader.Parse(Page);
        Assert.Equal(2, page.Examples.Count);
        Assert.Equal("Get-Thing a", page.Examples[0].Code);
        Assert.Equal(["First: one thing"], page.Examples[0].Remarks);
        Assert.Equal("Get-Thing b |\n    Out-Null", page.Examples[1].Code);
        Assert.Equal(["Second", "Shows nothing."], page.Examples[1].Remarks);
    }

    [Fact]
    public void TwoColumnTableRowsReadAsKeyAndValue()
    {
        var page = HelpPageReader.Parse("# X\n\nS.\n\n## Description\n\n| Format | Reads |\n|---|---|\n| `ExtXyz` | extended **XYZ** |\n");
        Assert.Equal(["ExtXyz: extended XYZ"], page.Description);
    }

    private static CmdletMetadata GetDescriptor() =>
        CmdletMetadataReader.Read(typeof(AtomCuration.PowerShell.Commands.GetDescriptorCommand));

    private static string GetDescriptorPage() => File.ReadAllText(RepoPaths.Combine("docs", "cmdlets", "Get-Descriptor.md"));

    [Fact]
    public void TheRealPageIsComplete() =>
        Assert.Empty(HelpGenerator.Check(GetDescriptor(), HelpPageReader.Parse(GetDescriptorPage())));

    [Fact]
    public void AParameterMissingFromThePageIsReported()
    {
        string page = GetDescriptorPage();
        int start = page.IndexOf("### -Preset", StringComparison.Ordinal);
        int end = page.IndexOf("### -PerAtom", StringComparison.Ordinal);
        var problems = HelpGenerator.Check(GetDescriptor(), HelpPageReader.Parse(page.Remove(start, end - start))).ToList();
        Assert.Equal(["parameter -Preset has no '### -Preset' description"], problems);
    }

    [Fact]
    public void ADocumentedParameterTheCmdletLacksIsReported()
    {
        string page = GetDescriptorPage().Replace("### -PerAtom", "### -PerAtoms", StringComparison.Ordinal);
        var problems = HelpGenerator.Check(GetDescriptor(), HelpPageReader.Parse(page)).Order().ToList();
        Assert.Equal(["'### -PerAtoms' describes a parameter the cmdlet does not have", "parameter -PerAtom has no '### -PerAtom' description"], problems);
    }

    [Fact]
    public void MetadataReaderSeesSetsPipelineAliasesAndShouldProcess()
    {
        var import = CmdletMetadataReader.Read(typeof(AtomCuration.PowerShell.Commands.ImportStructureCommand));
        Assert.Equal(["Path", "LiteralPath"], import.ParameterSets);
        var path = import.Parameters.Single(p => p.Name == "Path");
        Assert.True(path.Mandatory && path.ByValue && path.ByPropertyName && path.Globbing);
        Assert.Equal(0, path.Position);
        var literal = import.Parameters.Single(p => p.Name == "LiteralPath");
        Assert.Equal(["PSPath", "LP"], literal.Aliases);
        Assert.False(literal.ByValue);
        Assert.Contains("ExtXyz", import.Parameters.Single(p => p.Name == "Format").ValidValues);

        var export = CmdletMetadataReader.Read(typeof(AtomCuration.PowerShell.Commands.ExportStructureCommand));
        Assert.Equal(["WhatIf", "Confirm"], export.Parameters.Where(p => p.IsCommon).Select(p => p.Name));

        var fitError = CmdletMetadataReader.Read(typeof(AtomCuration.PowerShell.Commands.MeasureFitErrorCommand));
        Assert.Equal("Summary", fitError.ParameterSets[0]); // the default set first
        Assert.Equal(["PerStructure"], fitError.OutputTypes.Single(o => o.Type.Name == "StructureFitError").SetNames);
    }

    [Theory]
    [InlineData("# X\n\nS.\n\n## Description\n\nA.\n\n## Description\n\nB.\n", "appears twice")]
    [InlineData("# X\n\nS.\n\n## Description\n\n|---|---|\n", "no header row")]
    public void MalformedPagesAreReportedNotCrashedOn(string markdown, string message)
    {
        var e = Assert.Throws<FormatException>(() => HelpPageReader.Parse(markdown));
        Assert.Contains(message, e.Message);
    }
}
