using System.Management.Automation;
using AtomCuration.Potentials.Eam;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Reads an EAM potential from a DYNAMO setfl (eam/alloy), funcfl (eam) or eam/fs file.</para>
/// </summary>
[Cmdlet(VerbsData.Import, "EamPotential", DefaultParameterSetName = PathSet)]
[OutputType(typeof(EamPotential))]
public sealed class ImportEamPotentialCommand : PSCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    /// <summary>Potential files; wildcards allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>Potential files, taken literally; binds FileInfo from Get-ChildItem.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>File format; by default from the name (.eam.fs → FinnisSinclair, .eam → Funcfl, otherwise Setfl).</summary>
    [Parameter]
    public EamFileFormat? Format { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        bool literal = ParameterSetName == LiteralPathSet;
        foreach (var file in PathResolver.Resolve(this, literal ? LiteralPath : Path, literal))
        {
            try
            {
                var potential = EamFileReader.Read(file, Format);
                WriteVerbose($"Read {file}: {potential}.");
                WriteObject(potential);
            }
            catch (Exception e) when (e is EamFileException or IOException)
            {
                WriteError(new ErrorRecord(e, "EamFileUnreadable", ErrorCategory.InvalidData, file));
            }
        }
    }
}
