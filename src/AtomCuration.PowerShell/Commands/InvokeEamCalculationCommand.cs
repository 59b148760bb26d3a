using System.Management.Automation;
using AtomCuration.PowerShell.Mapping;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Labels structures with an EAM potential's energy, forces and stress (labels they had are kept as reference_*).</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "EamCalculation")]
[OutputType(typeof(Structure))]
public sealed class InvokeEamCalculationCommand : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Structure> _batch = [];
    private int _evaluated, _failed;
    private EamPotential _potential = null!;
    private string _calculator = "";

    /// <summary>Structures to evaluate (labelled or not).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public Structure InputObject { get; set; } = null!;

    /// <summary>The potential: an EamPotential, an EamFitResult, or a setfl/funcfl/eam.fs file (path or FileInfo).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public object Potential { get; set; } = null!;

    /// <summary>Threads evaluating the potential (default: all cores); never changes the result.</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        object value = Potential is PSObject o ? o.BaseObject : Potential;
        try
        {
            _potential = PotentialResolver.Resolve(value, p => SessionState.Path.GetUnresolvedProviderPathFromPSPath(p));
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "NotAPotential", ErrorCategory.InvalidArgument, Potential));
        }
        _calculator = value switch
        {
            string path => System.IO.Path.GetFileName(path),
            FileInfo file => file.Name,
            EamFitResult fit => $"EamFitResult ({fit.Form}, {fit.Structures} structures)",
            _ => _potential.ToString(),
        };
        WriteVerbose($"Evaluating with {_calculator}: {_potential}.");
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        // Batches keep the output streaming while the evaluation runs in parallel.
        _batch.Add(InputObject);
        if (_batch.Count >= 8 * ThrottleLimit) Flush();
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        Flush();
        WriteVerbose($"Evaluated {_evaluated} structure(s), {_failed} could not be evaluated.");
    }

    private void Flush()
    {
        foreach (var outcome in EamEvaluation.Each(_potential, _batch, ThrottleLimit, _stop.Token))
        {
            if (outcome.Result is { } result)
            {
                WriteObject(EamLabelling.Label(outcome.Structure, result, _calculator));
                _evaluated++;
            }
            else
            {
                _failed++;
                WriteError(new ErrorRecord(new ArgumentException(outcome.Problem), "StructureNotEvaluated", ErrorCategory.InvalidData, outcome.Structure));
            }
        }
        _batch.Clear();
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _stop.Dispose();
}
