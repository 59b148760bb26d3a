using System.Management.Automation;
using AtomCuration.IO;
using AtomCuration.Structures;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Writes structures to extended XYZ (lossless), POSCAR, LAMMPS data, n2p2 input.data, MLIP .cfg or FitSNAP JSON; into one file, or one file each below a folder.</para>
/// </summary>
[Cmdlet(VerbsData.Export, "Structure", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
[OutputType(typeof(Structure))]
public sealed class ExportStructureCommand : PSCmdlet, IDisposable
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private StructureFileWriter? _writer;
    private StructureFolderWriter? _folder;
    private string _file = "";

    /// <summary>Structures to write.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public Structure InputObject { get; set; } = null!;

    /// <summary>Output file (.gz compresses), or a folder (an existing one, or a path ending in '/') to get one file per structure in subfolders by config_type.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Output file or folder, taken literally (no wildcards: '[' and ']' are part of the name).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = "";

    /// <summary>Format; Auto decides from the extension.</summary>
    [Parameter]
    public StructureFormat Format { get; set; } = StructureFormat.Auto;

    /// <summary>Append to an existing file instead of replacing it.</summary>
    [Parameter]
    public SwitchParameter Append { get; set; }

    /// <summary>Refuse to overwrite an existing file (error FileExists).</summary>
    [Parameter]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>Also emit each structure written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        string given = ParameterSetName == LiteralPathSet ? LiteralPath : Path;
        string file = "";
        try
        {
            file = PathResolver.ResolveOutput(this, given, ParameterSetName == LiteralPathSet);
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "AmbiguousPath", ErrorCategory.InvalidArgument, given));
        }
        bool folder = Directory.Exists(file) || given.EndsWith('/') || given.EndsWith(System.IO.Path.DirectorySeparatorChar);
        if (!folder && !Append && PathResolver.Clobbers(file, NoClobber) is { } exists) ThrowTerminatingError(exists);
        if (!ShouldProcess(file, folder ? "Write one file per structure below this folder" : Append ? "Append structures" : "Write structures")) return;
        try
        {
            if (folder) _folder = StructureFolderWriter.Open(file, Format, NoClobber);
            else _writer = StructureFileWriter.Open(file, Format, Append, NoClobber);
            _file = file;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException or NotSupportedException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "CannotOpenOutput", ErrorCategory.WriteError, file));
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (_writer is null && _folder is null) return;
        try
        {
            if (_folder is not null) WriteVerbose($"{InputObject.Id} → {_folder.Write(InputObject)}");
            else _writer!.Write(InputObject);
        }
        catch (IOException e) when (_folder is not null)
        {
            WriteError(new ErrorRecord(e, "CannotWriteStructure", ErrorCategory.WriteError, InputObject));
            return;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            WriteError(new ErrorRecord(e, "CannotWriteStructure", ErrorCategory.InvalidData, InputObject));
            return;
        }
        if (PassThru) WriteObject(InputObject);
    }

    /// <summary>The pipeline completed: the written file replaces the target.</summary>
    protected override void EndProcessing()
    {
        if (_writer is null) return;
        var writer = _writer;
        _writer = null;
        if (writer.Count == 0 && !Append)
        {
            // Nothing arrived (a wildcard that matched nothing, an empty filter): no empty file that looks like a result.
            writer.Dispose();
            WriteWarning("Export-Structure received no structures; no file was written.");
            return;
        }
        try
        {
            writer.Complete();
            WriteVerbose($"Wrote {writer.Count} structures to {_file}.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "CannotReplaceOutput", ErrorCategory.WriteError, writer));
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
