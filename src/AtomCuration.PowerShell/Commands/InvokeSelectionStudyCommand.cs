using System.Collections;
using System.Collections.Concurrent;
using System.Management.Automation;
using AtomCuration.Jobs;
using AtomCuration.PowerShell.Mapping;
using AtomCuration.Selection;
using AtomCuration.Structures;
using AtomCuration.Studies;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Runs repeated select → fit → measure trials on the pool piped in and emits one record per trial.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "SelectionStudy")]
[OutputType(typeof(StudyTrial))]
public sealed class InvokeSelectionStudyCommand : PSCmdlet
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Structure> _pool = [];
    private StudyOptions _options = null!;

    /// <summary>The labelled pool (with the descriptors the methods need); normally from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public Structure InputObject { get; set; } = null!;

    /// <summary>Selection methods to compare; Random is added as the baseline when not named.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public SelectionMethod[] Method { get; set; } = [];

    /// <summary>Training-set sizes.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int[] Count { get; set; } = [];

    /// <summary>Training-set sizes as shares of the candidates.</summary>
    [Parameter]
    public double[] Fraction { get; set; } = [];

    /// <summary>Labelling budgets: every method selects as many structures as fit in each, so methods are compared at equal cost.</summary>
    [Parameter]
    [ValidateRange(double.Epsilon, double.MaxValue)]
    public double[] Budget { get; set; } = [];

    /// <summary>A structure's labelling cost: N_atoms to this power (default 3, DFT-like).</summary>
    [Parameter]
    [ValidateRange(0.0, 10.0)]
    public double CostExponent { get; set; } = 3;

    /// <summary>Info key holding each structure's labelling cost (instead of N_atoms^CostExponent).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CostKey { get; set; }

    /// <summary>Environment-bank thresholds (paper 001's error-vs-threshold scan); LocalEnvironmentBank runs each, shuffled per trial.</summary>
    [Parameter]
    [ValidateRange(double.Epsilon, double.MaxValue)]
    public double[] Threshold { get; set; } = [];

    /// <summary>Trials per method and size (default 20).</summary>
    [Parameter]
    [ValidateRange(1, 100_000)]
    public int Trials { get; set; } = 20;

    /// <summary>Study seed.</summary>
    [Parameter]
    public int Seed { get; set; }

    /// <summary>Standardise descriptor columns before descriptor-space methods.</summary>
    [Parameter]
    public SwitchParameter Standardize { get; set; }

    /// <summary>Project descriptors onto the principal components explaining this share of the variance.</summary>
    [Parameter]
    public double ExplainedVariance { get; set; }

    /// <summary>Select-Configuration -Options keys, for every method or keyed by method name (Tab completes both).</summary>
    [Parameter]
    public Mapping.StudyKnobs? Options { get; set; }

    /// <summary>Invoke-EamFit parameters as a hashtable, e.g. @{ Cutoff = 5.0; MaxIterations = 50 } (Tab completes the keys).</summary>
    [Parameter]
    public Mapping.FitParameters? Fit { get; set; }

    /// <summary>Test set: Pool (default), HeldOut, KFold or Group.</summary>
    [Parameter]
    public StudyTestMode TestSet { get; set; }

    /// <summary>Held-out share for -TestSet HeldOut (default 0.2).</summary>
    [Parameter]
    public double TestFraction { get; set; }

    /// <summary>Folds for -TestSet KFold (default 5).</summary>
    [Parameter]
    public int Folds { get; set; }

    /// <summary>One Info key and value whose structures are never selected and form the test set, e.g. @{ config_type = 'vacancy' }.</summary>
    [Parameter]
    public Hashtable? TestGroup { get; set; }

    /// <summary>Info key splitting the test errors into groups.</summary>
    [Parameter]
    public string? GroupBy { get; set; }

    /// <summary>Weight each selected structure by the pool share it stands for (PoolShare) or not (None, default).</summary>
    [Parameter]
    public StudyWeighting Weighting { get; set; }

    /// <summary>Skip the all-data reference fit.</summary>
    [Parameter]
    public SwitchParameter NoReference { get; set; }

    /// <summary>JSON-lines file of finished trials; a rerun resumes from it.</summary>
    [Parameter]
    public string? CheckpointPath { get; set; }

    /// <summary>Run only the trials of shard k/n of the study's table (e.g. one task of Submit-CurationArrayJob); with -CheckpointPath per shard, Import-SelectionStudy merges the files into the single-run table.</summary>
    [Parameter]
    public ShardSpec Shard { get; set; } = ShardSpec.All;

    /// <summary>Trials run at once (default: all processors). Never changes the result.</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        try
        {
            _options = new StudyOptions
            {
                Methods = StudyOptionsMapper.MapMethods(Method, Options?.ToHashtable(), MyInvocation.BoundParameters.ContainsKey(nameof(Standardize)) ? Standardize.IsPresent : null,
                    MyInvocation.BoundParameters.ContainsKey(nameof(ExplainedVariance)) ? ExplainedVariance : null, Seed),
                Counts = Count,
                Fractions = Fraction,
                Budgets = Budget,
                Thresholds = Threshold,
                CostExponent = CostExponent,
                CostKey = CostKey,
                Trials = Trials,
                Seed = Seed,
                Fit = StudyOptionsMapper.MapFit(Fit?.ToDictionary()),
                TestSet = StudyOptionsMapper.MapTestSet(MyInvocation.BoundParameters.ContainsKey(nameof(TestSet)) ? TestSet : null, MyInvocation.BoundParameters.ContainsKey(nameof(TestFraction)) ? TestFraction : null,
                    MyInvocation.BoundParameters.ContainsKey(nameof(Folds)) ? Folds : null, TestGroup),
                Weighting = Weighting,
                GroupBy = GroupBy,
                Reference = !NoReference,
                ThrottleLimit = ThrottleLimit,
                CheckpointPath = CheckpointPath is null ? null : GetUnresolvedProviderPathFromPSPath(CheckpointPath),
                Shard = Shard,
                Cancellation = _stop.Token,
            };
            _options.Validate();
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "InvalidStudyParameter", ErrorCategory.InvalidArgument, null));
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord() => _pool.Add(InputObject);

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_pool.Count == 0) return;
        var missing = _pool.FirstOrDefault(s => s.Energy is null);
        if (missing is not null)
            ThrowTerminatingError(new ErrorRecord(new ArgumentException($"{missing.Id} has no energy: every pool structure must be labelled."),
                "UnlabelledStructure", ErrorCategory.InvalidData, missing));
        foreach (var m in _options.Methods)
            for (int i = 0; i < _pool.Count; i++)
                if (DescriptorRequirement.Missing(_pool[i], i, m.Options) is { } why)
                    ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(why), "DescriptorMissing", ErrorCategory.InvalidData, _pool[i]));

        // The study runs on worker threads; records and progress come back here, to the pipeline thread.
        using var queue = new BlockingCollection<object>();
        var options = _options with { Progress = new Relay(p => queue.Add(p)) };
        Exception? failure = null;
        var worker = Task.Run(() =>
        {
            try
            {
                foreach (var t in SelectionStudy.Run(_pool, options)) queue.Add(t);
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                queue.CompleteAdding();
            }
        });
        var record = new ProgressRecord(4, "Invoke-SelectionStudy", $"{_pool.Count} structures: preparing neighbour data");
        WriteProgress(record);
        var lastShown = DateTime.MinValue;
        try
        {
            Drain(queue, record, ref lastShown);
        }
        finally
        {
            // Ctrl+C while writing: the study stops between trials; wait for it before the queue goes.
            if (!worker.IsCompleted) _stop.Cancel();
            worker.Wait();
        }
        record.RecordType = ProgressRecordType.Completed;
        WriteProgress(record);
        switch (failure)
        {
            case null:
                return;
            case OperationCanceledException when Stopping:
                return;
            case ArgumentException or InvalidOperationException:
                ThrowTerminatingError(new ErrorRecord(failure, "StudyFailed", ErrorCategory.InvalidData, null));
                return;
            default:
                throw failure;
        }
    }

    private void Drain(BlockingCollection<object> queue, ProgressRecord record, ref DateTime lastShown)
    {
        foreach (var item in queue.GetConsumingEnumerable())
        {
            if (item is StudyTrial trial)
            {
                WriteVerbose($"{trial.Method} ×{trial.Count}, trial {trial.Trial} (seed {trial.Seed}): test energy RMSE {trial.TestEnergyRmse:F3} meV/atom, "
                    + $"force RMSE {trial.TestForceRmse:F1} meV/Å; fit {trial.Iterations} iterations ({trial.StopReason}).");
                WriteObject(trial);
                continue;
            }
            var p = (StudyProgress)item;
            if (p.Done < p.Total && DateTime.UtcNow - lastShown < ProgressRelay.Interval) continue;
            lastShown = DateTime.UtcNow;
            record.StatusDescription = $"{p.Done}/{p.Total} trials" + (p.Last is { } l ? $" (last: {l.Method} ×{l.Count}, trial {l.Trial})" : "");
            record.PercentComplete = (int)(100L * p.Done / Math.Max(1, p.Total));
            record.SecondsRemaining = p.Remaining is { } r ? (int)Math.Ceiling(r.TotalSeconds) : -1;
            WriteProgress(record);
        }
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stop.Cancel();

    private sealed class Relay(Action<StudyProgress> report) : IProgress<StudyProgress>
    {
        public void Report(StudyProgress value) => report(value);
    }
}
