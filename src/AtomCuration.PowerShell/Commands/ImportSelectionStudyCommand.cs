using System.Management.Automation;
using AtomCuration.Studies;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Reads the checkpoint files of a selection study's shards (Invoke-SelectionStudy -Shard k/n -CheckpointPath) and emits the merged trial records in the single-run order.</para>
/// </summary>
[Cmdlet(VerbsData.Import, "SelectionStudy", DefaultParameterSetName = PathSet)]
[OutputType(typeof(StudyTrial))]
public sealed class ImportSelectionStudyCommand : PSCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private readonly List<string> _files = [];

    /// <summary>Checkpoint files of the study's shards; wildcards allowed (e.g. study/part-*.jsonl).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>Checkpoint files, taken literally; binds FileInfo from Get-ChildItem.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        bool literal = ParameterSetName == LiteralPathSet;
        _files.AddRange(PathResolver.Resolve(this, literal ? LiteralPath : Path, literal));
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_files.Count == 0) return;
        StudyParts.Merged merged;
        try
        {
            merged = StudyParts.Merge(_files);
        }
        catch (Exception e) when (e is ArgumentException or IOException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "StudyPartsUnreadable", ErrorCategory.InvalidData, _files));
            return;
        }
        WriteVerbose($"Merged {merged.Trials.Count} of {merged.Planned} planned trials from {_files.Count} file(s): {string.Join(", ", _files.Select(System.IO.Path.GetFileName))}.");
        WriteObject(merged.Trials, enumerateCollection: true);
        if (merged.Missing.Count > 0)
            WriteError(new ErrorRecord(new InvalidOperationException(
                    $"{merged.Missing.Count} of {merged.Planned} trials are in none of the {_files.Count} file(s), e.g. {string.Join("; ", merged.Missing.Take(3))}: " +
                    "rerun the shards that did not finish (Submit-CurationArrayJob -Resubmit) and import again."),
                "IncompleteStudy", ErrorCategory.ObjectNotFound, merged.Missing));
    }
}
