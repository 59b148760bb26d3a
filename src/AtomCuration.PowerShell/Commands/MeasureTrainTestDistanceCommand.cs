using System.Management.Automation;
using AtomCuration.Structures;
using AtomCuration.Studies;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Tabulates the distance from testing points to their nearest training point for every train/test combination of named sets (paper 004's error surrogate, Tables I and II).</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "TrainTestDistance")]
[OutputType(typeof(TrainTestDistance))]
public sealed class MeasureTrainTestDistanceCommand : PSCmdlet, IDisposable
{
    private readonly List<Structure> _structures = [];
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Structures of every set, with per-atom descriptors (or structure descriptors with -Level Structure); normally from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public Structure InputObject { get; set; } = null!;

    /// <summary>Info key (or structure property) whose value names each structure's set, e.g. 'set' or ConfigType.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string GroupBy { get; set; } = "";

    /// <summary>Points drawn from each set for training per repeat (default: two thirds of the smallest set).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int TrainSize { get; set; }

    /// <summary>Points drawn from each set for testing per repeat, disjoint from its training points (default: the rest of the smallest set).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int TestSize { get; set; }

    /// <summary>Random train/test decompositions averaged over (default 10; the paper uses 1000).</summary>
    [Parameter]
    [ValidateRange(1, 1_000_000)]
    public int Repeats { get; set; } = 10;

    /// <summary>Seed of the decompositions.</summary>
    [Parameter]
    public int Seed { get; set; }

    /// <summary>Set whose means and standard deviations z-score every descriptor column first (paper 004: the unbiased set).</summary>
    [Parameter]
    public string? ScaleBy { get; set; }

    /// <summary>Atom (per-atom environments, default) or Structure (structure descriptors).</summary>
    [Parameter]
    public DistanceLevel Level { get; set; }

    /// <summary>Threads for the nearest-point searches (default: all processors). Never changes the result.</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <inheritdoc />
    protected override void ProcessRecord() => _structures.Add(InputObject);

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_structures.Count == 0) return;
        var key = GroupKey.Parse(GroupBy);
        if (key.Unmatched(_structures) is { } warning) WriteWarning(warning);
        var bound = MyInvocation.BoundParameters;
        var options = new TrainTestDistanceOptions
        {
            TrainSize = bound.ContainsKey(nameof(TrainSize)) ? TrainSize : null,
            TestSize = bound.ContainsKey(nameof(TestSize)) ? TestSize : null,
            Repeats = Repeats,
            Seed = Seed,
            ScaleBy = ScaleBy,
            Level = Level,
            Threads = ThrottleLimit,
            Cancellation = _stop.Token,
        };
        try
        {
            var rows = TrainTestDistances.Measure(_structures, key.GroupOf, options);
            WriteVerbose($"Distances between the sets named by '{GroupBy}' over {_structures.Count} structures, {Repeats} repeat(s) (seed {Seed}).");
            WriteObject(rows, enumerateCollection: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "TrainTestDistanceFailed", ErrorCategory.InvalidData, null));
        }
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _stop.Dispose();
}
