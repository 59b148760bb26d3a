using System.Collections;
using System.Management.Automation;
using AtomCuration.IO;
using AtomCuration.Jobs;
using AtomCuration.Options;
using AtomCuration.Structures;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Reads atomic structures (extxyz, POSCAR, OUTCAR, vasprun.xml, LAMMPS, pymatgen JSON, n2p2) and streams them.</para>
/// </summary>
[Cmdlet(VerbsData.Import, "Structure", DefaultParameterSetName = PathSet)]
[OutputType(typeof(Structure))]
[OptionsRecord(typeof(ReadOptions))]
public sealed class ImportStructureCommand : PSCmdlet, IDisposable
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private ReadOptions _options = new();
    private RunContext _context = RunContext.Default;
    private long _poolIndex;

    /// <summary>Files to read; wildcards allowed. Gzip is read transparently.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>Files to read, taken literally (no wildcards); binds FileInfo from Get-ChildItem.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>Format; Auto decides from the name, then the content.</summary>
    [Parameter]
    public StructureFormat Format { get; set; } = StructureFormat.Auto;

    /// <summary>Frames to keep: 5, -1, :, 0:100:10, ::-1 (Python/ASE slice syntax), or several (2,49): every frame any of them names, in file order.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Index { get; set; }

    /// <summary>Element of each LAMMPS atom type, e.g. @{1='Cu'; 2='Ni'}.</summary>
    [Parameter]
    public Hashtable? TypeMap { get; set; }

    /// <summary>Species in POSCAR order for VASP 4 files without a species line.</summary>
    [Parameter]
    public string[]? Species { get; set; }

    /// <summary>Which OUTCAR/vasprun energy to use (default FreeEnergy, consistent with the forces).</summary>
    [Parameter]
    public OutcarEnergy OutcarEnergy { get; set; } = OutcarEnergy.FreeEnergy;

    /// <summary>Units of n2p2 input.data files: Atomic (Bohr, Hartree; default) or Metal (Å, eV).</summary>
    [Parameter]
    public N2p2Units N2p2Units { get; set; } = N2p2Units.Atomic;

    /// <summary>
    /// Read only shard k of n, written k/n: the frames whose position in the whole pool (all files, in order) is ≡ k−1 mod n.
    /// Each shard still scans every file; the n shards together emit every frame exactly once.
    /// </summary>
    [Parameter]
    public ShardSpec Shard { get; set; } = ShardSpec.All;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        try
        {
            _options = BoundOptions.Bind<ReadOptions>(this, nameof(Path), nameof(LiteralPath), nameof(Shard));
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "InvalidImportParameter", ErrorCategory.InvalidArgument, null));
        }
        // Readers run on the pipeline thread, so their warnings can be written as they come; each is said once.
        _context = new RunContext { Cancellation = _stop.Token, Warning = message =>
        {
            if (_warned.Add(message)) WriteWarning(message);
        } };
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var file in PathResolver.Resolve(this, ParameterSetName == LiteralPathSet ? LiteralPath : Path,
                     literal: ParameterSetName == LiteralPathSet))
            ReadFile(file);
    }

    private void ReadFile(string file)
    {
        int read = 0, skipped = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var progress = new ProgressRecord(1, "Import-Structure", file);
        foreach (var result in StructureIO.Read(file, _options with { SourceName = NameInIds(file) }, _context))
        {
            if (!result.IsFatal && !Shard.Contains(_poolIndex++)) continue;
            if (result.Structure is { } s)
            {
                WriteObject(new Structure(s) { PoolIndex = _poolIndex - 1 });
                if (++read % 500 == 0)
                {
                    progress.StatusDescription = $"{file}: {read} structures";
                    WriteProgress(progress);
                }
            }
            else if (result.Error is { } error)
            {
                // A file-level failure (truncated or damaged gzip, unknown format) is its own error, not a bad frame.
                if (!result.IsFatal) skipped++;
                WriteError(new ErrorRecord(error, result.IsFatal ? "StructureFileUnreadable" : "StructureFrameSkipped",
                    ErrorCategory.InvalidData, file));
            }
        }
        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
        if (skipped > 0) WriteWarning($"{file}: {read} structures read, {skipped} bad frame(s) skipped.");
        WriteVerbose(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Read {file} ({new FileInfo(file).Length / 1e6:0.###} MB): {read} structures, {skipped} bad frame(s) skipped, {clock.Elapsed.TotalSeconds:F2} s."));
    }

    /// <summary>The file as ids name it: relative to the current location when below it (unique, short), else the full path.</summary>
    private string NameInIds(string file)
    {
        string here = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
        string relative = System.IO.Path.GetRelativePath(here, file);
        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative)
            ? file : relative.Replace('\\', '/');
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _stop.Dispose();
}
