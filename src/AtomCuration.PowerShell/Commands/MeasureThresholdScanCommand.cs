using System.Management.Automation;
using AtomCuration.Selection;
using AtomCuration.Structures;
using AtomCuration.Studies;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Runs the local-environment bank at several thresholds over shuffled orders of the pool and reports the mean and spread of the structures, atoms and environments it keeps (paper 001, Fig. 2).</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "ThresholdScan")]
[OutputType(typeof(ThresholdScanPoint))]
public sealed class MeasureThresholdScanCommand : PSCmdlet, IDisposable
{
    private readonly List<Structure> _pool = [];
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Structures carrying per-atom descriptors (Get-Descriptor -PerAtom); normally from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public Structure InputObject { get; set; } = null!;

    /// <summary>Thresholds to screen at (scaled descriptor distance, as Select-Configuration LocalEnvironmentBank -Threshold).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ValidateRange(double.Epsilon, double.MaxValue)]
    public double[] Threshold { get; set; } = [];

    /// <summary>Screenings per threshold, each in a random order of the pool (default 50, as the paper).</summary>
    [Parameter]
    [ValidateRange(1, 100_000)]
    public int Shuffles { get; set; } = 50;

    /// <summary>Seed of the shuffled orders (the same orders at every threshold).</summary>
    [Parameter]
    public int Seed { get; set; }

    /// <summary>Environment scaling: MinMax over the pool (default, what published thresholds assume) or None.</summary>
    [Parameter]
    public EnvironmentScaling Scaling { get; set; } = EnvironmentScaling.MinMax;

    /// <summary>Screenings run at once (default: all processors). Never changes the result.</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (DescriptorRequirement.Missing(InputObject, _pool.Count, structureDescriptor: false, atomDescriptors: true, "Measure-ThresholdScan") is { } missing)
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(missing), "DescriptorMissing", ErrorCategory.InvalidData, InputObject));
        _pool.Add(InputObject);
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_pool.Count == 0) return;
        var progress = new ProgressRecord(6, "Measure-ThresholdScan", $"{Threshold.Length} threshold(s) × {Shuffles} shuffles of {_pool.Count} structures");
        WriteProgress(progress);
        IReadOnlyList<ThresholdScanPoint> points;
        try
        {
            points = ProgressRelay.Run(p => ThresholdScan.Run(_pool, Threshold, Shuffles, Seed, new LocalEnvironmentBankOptions { Scaling = Scaling },
                ThrottleLimit, _stop.Token, p), ProgressRelay.Showing(this, progress));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "ThresholdScanFailed", ErrorCategory.InvalidData, null));
            return;
        }
        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
        WriteVerbose($"Screened {_pool.Count} structures at {Threshold.Length} threshold(s), {Shuffles} shuffled order(s) each (seed {Seed}).");
        WriteObject(points, enumerateCollection: true);
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _stop.Dispose();
}
