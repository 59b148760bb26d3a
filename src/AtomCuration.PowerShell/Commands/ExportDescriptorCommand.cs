using System.Management.Automation;
using AtomCuration.Descriptors;
using AtomCuration.Jobs;
using AtomCuration.Storage;
using AtomCuration.Structures;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Writes the structure × feature descriptor matrix to .npy (with a JSON sidecar of labels and ids), .csv, or a Parquet descriptor store streamed in row groups (.parquet) — one row per structure, or per atom with -PerAtom.</para>
/// </summary>
[Cmdlet(VerbsData.Export, "Descriptor", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
[OutputType(typeof(Structure))]
public sealed class ExportDescriptorCommand : PSCmdlet, IDisposable
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private IDescriptorWriter? _writer;
    private string _file = "";
    private int _rows;

    /// <summary>Structures carrying a descriptor (from Get-Descriptor).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public Structure InputObject { get; set; } = null!;

    /// <summary>Output file: .npy or .csv; or a descriptor store, a folder named *.parquet holding one Parquet part per shard.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Output file, taken literally (no wildcards: '[' and ']' are part of the name).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = "";

    /// <summary>Refuse to overwrite an existing file (error FileExists).</summary>
    [Parameter]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>Descriptor stores only: write the part of shard k/n (as Import-Structure -Shard read it) and leave the other parts alone.</summary>
    [Parameter]
    public ShardSpec Shard { get; set; } = ShardSpec.All;

    /// <summary>
    /// Descriptor stores only: one row per atom holding its environment descriptor (from Get-Descriptor -PerAtom), for
    /// the local-environment bank and Measure-Diversity -Store. Structures carrying only per-atom descriptors
    /// (Get-Descriptor -Aggregate None) are written per atom without it.
    /// </summary>
    [Parameter]
    public SwitchParameter PerAtom { get; set; }

    /// <summary>Also emit each structure written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        string file = "";
        try
        {
            file = PathResolver.ResolveOutput(this, ParameterSetName == LiteralPathSet ? LiteralPath : Path, ParameterSetName == LiteralPathSet);
            if (PathResolver.Clobbers(file, NoClobber) is { } exists) ThrowTerminatingError(exists);
            if (!ShouldProcess(file, "Write descriptor matrix")) return;
            _writer = Shard.IsAll && !PerAtom ? DescriptorWriter.Open(file) : OpenStore(file);
            _file = file;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "CannotOpenOutput", ErrorCategory.WriteError, file));
        }
    }

    private DescriptorStoreWriter OpenStore(string file) =>
        string.Equals(System.IO.Path.GetExtension(file), ".parquet", StringComparison.OrdinalIgnoreCase)
            ? new DescriptorStoreWriter(file, Shard, PerAtom ? StoreLayout.Atom : null)
            : throw new ArgumentException($"{(PerAtom ? "-PerAtom" : "-Shard")} writes a descriptor store (*.parquet), not '{System.IO.Path.GetFileName(file)}'.");

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (_writer is null) return;
        try
        {
            _writer.Write(InputObject);
            _rows++;
        }
        catch (ArgumentException e)
        {
            WriteError(new ErrorRecord(e, "NoDescriptor", ErrorCategory.InvalidData, InputObject));
            return;
        }
        if (PassThru) WriteObject(InputObject);
    }

    /// <summary>The pipeline completed: the written file (and .npy sidecar) replace the target.</summary>
    protected override void EndProcessing()
    {
        if (_writer is null) return;
        var writer = _writer;
        _writer = null;
        if (_rows == 0 && Shard.IsAll)
        {
            // Nothing arrived: no empty matrix that looks like a result (a shard's empty part still belongs to its store).
            writer.Dispose();
            WriteWarning("Export-Descriptor received no structures with a descriptor; no file was written.");
            return;
        }
        try
        {
            writer.Complete();
            WriteVerbose($"Wrote the descriptors of {_rows} structures to {_file}.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "CannotReplaceOutput", ErrorCategory.WriteError, writer));
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>
    /// Discards an unfinished output (the pipeline failed or was stopped with Ctrl+C): the target keeps its previous
    /// content. PowerShell calls this on the pipeline thread once the pipeline ends, so there is no StopProcessing:
    /// closing from its thread would race a write in progress.
    /// </summary>
    public void Dispose()
    {
        _writer?.Dispose();
        _writer = null;
    }
}
