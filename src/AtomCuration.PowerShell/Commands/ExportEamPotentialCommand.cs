using System.Management.Automation;
using AtomCuration.PowerShell.Mapping;
using AtomCuration.Potentials.Eam;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Writes an EAM potential (or the potential of a fit) as a setfl, funcfl or eam/fs table that LAMMPS reads.</para>
/// </summary>
[Cmdlet(VerbsData.Export, "EamPotential", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
[OutputType(typeof(FileInfo))]
public sealed class ExportEamPotentialCommand : PSCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private string? _written;

    /// <summary>The potential: an EamPotential, an EamFitResult, or a potential file to convert.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public object InputObject { get; set; } = null!;

    /// <summary>Output file.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Output file, taken literally (no wildcards: '[' and ']' are part of the name).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = "";

    /// <summary>File format; by default from the name (.eam.fs → FinnisSinclair, .eam → Funcfl, otherwise Setfl).</summary>
    [Parameter]
    public EamFileFormat? Format { get; set; }

    /// <summary>Distance grid points (default 10000).</summary>
    [Parameter]
    [ValidateRange(5, 10_000_000)]
    public int RCount { get; set; } = 10_000;

    /// <summary>Density grid points (default 10000).</summary>
    [Parameter]
    [ValidateRange(5, 10_000_000)]
    public int RhoCount { get; set; } = 10_000;

    /// <summary>A comment for the file's header lines.</summary>
    [Parameter]
    public string? Comment { get; set; }

    /// <summary>Refuse to overwrite an existing file (error FileExists).</summary>
    [Parameter]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>Emit the file written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        EamPotential potential;
        try
        {
            potential = PotentialResolver.Resolve(InputObject is PSObject o ? o.BaseObject : InputObject,
                p => PathResolver.ResolveOutput(this, p));
        }
        catch (ArgumentException e)
        {
            WriteError(new ErrorRecord(e, "NotAPotential", ErrorCategory.InvalidArgument, InputObject));
            return;
        }
        string file;
        try
        {
            file = PathResolver.ResolveOutput(this, ParameterSetName == LiteralPathSet ? LiteralPath : Path, ParameterSetName == LiteralPathSet);
        }
        catch (ArgumentException e)
        {
            WriteError(new ErrorRecord(e, "AmbiguousPath", ErrorCategory.InvalidArgument, Path));
            return;
        }
        if (_written is not null)
        {
            // One -Path per call: a second potential would silently replace the first.
            WriteError(new ErrorRecord(new InvalidOperationException(
                    $"A second potential arrived for {file}; give each potential its own -Path (… | ForEach-Object {{ $_ | Export-EamPotential -Path … }})."),
                "SecondPotentialForPath", ErrorCategory.InvalidOperation, InputObject));
            return;
        }
        if (PathResolver.Clobbers(file, NoClobber) is { } exists)
        {
            WriteError(exists);
            return;
        }
        if (!ShouldProcess(file, "Write EAM potential")) return;
        try
        {
            EamFileWriter.Write(potential, file, EamTableResolution.Suggest(potential, RCount, RhoCount), Format, Comment, NoClobber);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException or NotSupportedException)
        {
            WriteError(new ErrorRecord(e, "CannotWritePotential", ErrorCategory.WriteError, file));
            return;
        }
        _written = file;
        WriteVerbose($"Wrote the {string.Join(" ", potential.Elements.Select(e => e.Symbol))} potential to {file}.");
        if (PassThru) WriteObject(new FileInfo(file));
    }
}
