using System.Collections;
using System.Management.Automation;
using AtomCuration.ActiveLearning;
using AtomCuration.Options;
using AtomCuration.PowerShell.Mapping;
using AtomCuration.Selection;
using AtomCuration.Structures;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Builds a training set by active learning (paper 003): partitions the pool, takes a fraction of every cluster, fits, measures a held-out split and grows the set until the test error reaches a target.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "ActiveLearning")]
[OutputType(typeof(ActiveLearningIteration), typeof(ActiveLearningResult))]
[OptionsRecord(typeof(ActiveLearningOptions), typeof(RunContext))]
public sealed class InvokeActiveLearningCommand : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Structure> _pool = [];
    private ActiveLearningOptions _options = null!;

    /// <summary>The labelled pool; descriptors the partition reads are computed when the structures carry none.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public Structure InputObject { get; set; } = null!;

    /// <summary>Stop when the test energy RMSE is at most this (meV/atom).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateRange(double.Epsilon, double.MaxValue)]
    public double TargetEnergyRmse { get; set; }

    /// <summary>Also require the test force RMSE to be at most this (meV/Å).</summary>
    [Parameter]
    [ValidateRange(double.Epsilon, double.MaxValue)]
    public double TargetForceRmse { get; set; }

    /// <summary>Share of every cluster added per iteration (default 0.1; at least one per cluster).</summary>
    [Parameter]
    [ValidateRange(double.Epsilon, 1.0)]
    public double Fraction { get; set; }

    /// <summary>Share of the accumulated set held out for testing (default 0.3: a 70/30 split).</summary>
    [Parameter]
    [ValidateRange(double.Epsilon, 0.9999999999999999)]
    public double TestFraction { get; set; }

    /// <summary>How the set grows after the first iteration: Cluster (paper 003, default), WorstError or Novelty.</summary>
    [Parameter]
    public ActiveLearningGrowth Growth { get; set; }

    /// <summary>Clustering of the pool: Spectral (paper 003's hybrid kernel, default), KMeans or Agglomerative.</summary>
    [Parameter]
    public SelectionMethod Partition { get; set; }

    /// <summary>Number of clusters (default: automatic for Spectral, 10 otherwise).</summary>
    [Parameter]
    [ValidateRange(1, 100_000)]
    public int Clusters { get; set; }

    /// <summary>Select-Configuration -Options keys of the partition's method, e.g. @{ delta = 0.5 } (Tab completes them).</summary>
    [Parameter]
    public Mapping.SelectionKnobs? PartitionOptions { get; set; }

    /// <summary>Hybrid weights δ scanned when the Spectral partition is given no delta (default 0, 0.1, …, 1).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public double[] ScanDelta { get; set; } = [];

    /// <summary>Most iterations (fits); default: until the target is reached or the pool is used up.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int MaxIterations { get; set; }

    /// <summary>Invoke-EamFit parameters as a hashtable, e.g. @{ Cutoff = 5.0; MaxIterations = 50 }; with Optimize = $true (and Budget, SearchSpace, SearchMethod) every iteration searches its fit settings (Tab completes the keys).</summary>
    [Parameter]
    public Mapping.SearchedFitParameters? Fit { get; set; }

    /// <summary>Seed of the partition, the draws and the splits.</summary>
    [Parameter(Mandatory = true)]
    public int Seed { get; set; }

    /// <summary>State file written after every iteration; a run given the same file and settings resumes from it.</summary>
    [Parameter]
    public string? StatePath { get; set; }

    /// <summary>Threads for descriptors, clustering and fits (default: all processors). Never changes the result.</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        try
        {
            var (fit, search) = FitSearchMapper.Map(Fit?.ToDictionary(), "Invoke-ActiveLearning -Fit");
            var bound = BoundOptions.Of(this, nameof(InputObject), nameof(Fit), nameof(StatePath), nameof(ThrottleLimit));
            _options = OptionsBinder.Bind(bound, new ActiveLearningOptions { Fit = fit, Search = search }, "Invoke-ActiveLearning", KeyStyle.Parameter) with
            {
                StatePath = StatePath is null ? null : GetUnresolvedProviderPathFromPSPath(StatePath),
            };
            _options.Validate();
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "InvalidActiveLearningParameter", ErrorCategory.InvalidArgument, Fit));
        }
    }

    /// <summary>Collects the pool; an unlabelled structure is a terminating error naming it.</summary>
    protected override void ProcessRecord()
    {
        if (InputObject.Energy is null)
            ThrowTerminatingError(new ErrorRecord(new ArgumentException($"{InputObject.Id} has no energy: every pool structure must be labelled."),
                "UnlabelledStructure", ErrorCategory.InvalidData, InputObject));
        _pool.Add(InputObject);
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_pool.Count == 0) return;
        var record = new ProgressRecord(5, "Invoke-ActiveLearning", $"{_pool.Count} structures");
        int pipelineThread = Environment.CurrentManagedThreadId;
        // Core runs on this thread; reports from its parallel inner loops (clustering) are dropped, not marshalled.
        var progress = new Reporter(p =>
        {
            if (Environment.CurrentManagedThreadId != pipelineThread) return;
            record.StatusDescription = p.Status;
            record.PercentComplete = (int)Math.Clamp(100 * p.Fraction, 0, 100);
            WriteProgress(record);
        });
        ActiveLearningResult result;
        try
        {
            result = ActiveLearner.Run(_pool, _options, BoundOptions.Context(_stop.Token, ThrottleLimit, progress), o =>
            {
                if (o is ActiveLearningIteration it)
                    WriteVerbose($"Iteration {it.Iteration}: {it.TrainingCount} training, {it.TestCount} test structures ({it.PoolFraction:P1} of the pool), "
                        + $"test energy RMSE {it.TestEnergyRmse:F3} meV/atom, force RMSE {it.TestForceRmse:F1} meV/Å; added {it.Added} by {it.Growth}; {it.Elapsed.TotalSeconds:F1} s.");
                WriteObject(o);
            });
        }
        catch (OperationCanceledException) when (Stopping)
        {
            return;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "ActiveLearningFailed", ErrorCategory.InvalidData, null));
            return;
        }
        record.RecordType = ProgressRecordType.Completed;
        WriteProgress(record);
        WriteVerbose($"Stopped: {result.Message}");
        WriteObject(result);
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _stop.Dispose();

    private sealed class Reporter(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
