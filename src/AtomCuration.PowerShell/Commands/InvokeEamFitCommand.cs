using AtomCuration.PowerShell.Mapping;
using System.Management.Automation;
using AtomCuration.Options;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Fits an EAM potential to the energies, forces (and optionally stresses) of the structures piped in.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "EamFit")]
[OutputType(typeof(EamFitResult))]
[OptionsRecord(typeof(EamFitOptions), typeof(RunContext))]
public sealed class InvokeEamFitCommand : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Structure> _training = [];
    private EamFitOptions _options = null!;
    private EamSearchOptions? _search;

    /// <summary>Training structures with energies (forces and stresses are used where present).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public Structure InputObject { get; set; } = null!;

    /// <summary>Functional form: Spline (default) or ZhouJohnsonWadley.</summary>
    [Parameter]
    public EamFitForm Form { get; set; }

    /// <summary>Cutoff radius (Å, default 5.5).</summary>
    [Parameter]
    [ValidateRange(double.Epsilon, double.MaxValue)]
    public double Cutoff { get; set; }

    /// <summary>Knot intervals of the pair functions φ (Spline form).</summary>
    [Parameter]
    [ValidateRange(2, int.MaxValue)]
    public int PairKnots { get; set; }

    /// <summary>Knot intervals of the density functions ρ (Spline form).</summary>
    [Parameter]
    [ValidateRange(2, int.MaxValue)]
    public int DensityKnots { get; set; }

    /// <summary>Knot intervals of the embedding functions F (Spline form).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int EmbeddingKnots { get; set; }

    /// <summary>Inner end of the spline range (Å); below it the pair term joins a repulsive core.</summary>
    [Parameter]
    [ValidateRange(double.Epsilon, double.MaxValue)]
    public double InnerRadius { get; set; }

    /// <summary>Weight of per-atom energy residuals (eV/atom).</summary>
    [Parameter]
    [ValidateRange(0.0, double.MaxValue)]
    public double EnergyWeight { get; set; }

    /// <summary>Weight of force-component residuals (eV/Å).</summary>
    [Parameter]
    [ValidateRange(0.0, double.MaxValue)]
    public double ForceWeight { get; set; }

    /// <summary>Weight of stress-component residuals (eV/Å³); 0 ignores stresses.</summary>
    [Parameter]
    [ValidateRange(0.0, double.MaxValue)]
    public double StressWeight { get; set; }

    /// <summary>Smoothness regularisation of spline coefficients.</summary>
    [Parameter]
    [ValidateRange(0.0, double.MaxValue)]
    public double Smoothness { get; set; }

    /// <summary>Info key holding a per-structure weight (default "weight").</summary>
    [Parameter]
    public string? WeightKey { get; set; }

    /// <summary>Levenberg–Marquardt iterations per start.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int MaxIterations { get; set; }

    /// <summary>Extra starts from seeded perturbations of the best parameters.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int Restarts { get; set; }

    /// <summary>Seed of the restart perturbations.</summary>
    [Parameter]
    public int Seed { get; set; }

    /// <summary>Stop after this long and return the best potential reached (StopReason Cancelled), e.g. '00:05:00'.</summary>
    [Parameter]
    public TimeSpan? TimeLimit { get; set; }

    /// <summary>Choose cutoff, knot counts, smoothness and force weight automatically (a search minimising the validation energy RMSE on a seeded held-out quarter), then fit on all structures.</summary>
    [Parameter]
    public SwitchParameter Optimize { get; set; }

    /// <summary>Fits the search may evaluate (with -Optimize; default 20).</summary>
    [Parameter]
    [ValidateRange(1, 10000)]
    public int Budget { get; set; }

    /// <summary>Ranges to search, e.g. @{ Cutoff = 4.5, 6; PairKnots = 8, 14 } (with -Optimize; default: all six settings).</summary>
    [Parameter]
    public System.Collections.Hashtable? SearchSpace { get; set; }

    /// <summary>Bayesian (default) or Random search (with -Optimize).</summary>
    [Parameter]
    public EamSearchMethod SearchMethod { get; set; }

    /// <summary>Threads evaluating the objective (default: all cores).</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        try
        {
            _options = BoundOptions.Bind<EamFitOptions>(this, nameof(InputObject), nameof(ThrottleLimit), nameof(Optimize), nameof(Budget),
                nameof(SearchSpace), nameof(SearchMethod));
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "InvalidFitParameter", ErrorCategory.InvalidArgument, null));
        }
        bool searchBound = MyInvocation.BoundParameters.ContainsKey(nameof(Budget)) || SearchSpace is not null
            || MyInvocation.BoundParameters.ContainsKey(nameof(SearchMethod));
        if (searchBound && !Optimize)
            ThrowTerminatingError(new ErrorRecord(new ArgumentException("-Budget, -SearchSpace and -SearchMethod need -Optimize."),
                "SearchWithoutOptimize", ErrorCategory.InvalidArgument, null));
        if (!Optimize) return;
        try
        {
            var d = new EamSearchOptions();
            _search = new EamSearchOptions
            {
                Budget = MyInvocation.BoundParameters.ContainsKey(nameof(Budget)) ? Budget : d.Budget,
                Method = SearchMethod,
                Space = SearchSpace is null ? null : SearchSpaceMapper.Map(SearchSpace),
            };
            _search.Validate();
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "InvalidSearchSpace", ErrorCategory.InvalidArgument, SearchSpace));
        }
    }

    /// <summary>Collects the training set; a structure with overlapping atoms is reported by id and left out.</summary>
    protected override void ProcessRecord()
    {
        if (OverlappingAtoms.Problem(InputObject) is { } problem)
            WriteError(new ErrorRecord(new ArgumentException(problem), "OverlappingAtoms", ErrorCategory.InvalidData, InputObject));
        else _training.Add(InputObject);
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var record = new ProgressRecord(1, "Invoke-EamFit", $"{_training.Count} structures");
        // The fitter reports from this (the pipeline) thread, after every accepted step.
        var progress = new Reporter(p =>
        {
            record.StatusDescription = p.Status;
            record.PercentComplete = (int)(100 * p.Fraction);
            WriteProgress(record);
        });
        // Ctrl+C stops the pipeline, and PowerShell then discards output; -TimeLimit is the way to get the best-so-far potential.
        EamFitResult result;
        try
        {
            result = _search is null
                ? EamFitter.Fit(_training, _options, BoundOptions.Context(_stop.Token, ThrottleLimit, progress))
                : SearchAndFit(record);
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "CannotFit", ErrorCategory.InvalidData, null));
            return;
        }
        catch (TimeoutException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "TimeLimitBeforeFit", ErrorCategory.OperationTimeout, null));
            return;
        }
        record.RecordType = ProgressRecordType.Completed;
        WriteProgress(record);
        WriteObject(result);
    }

    /// <summary>Runs the settings search, reporting each trial as progress from the pipeline thread.</summary>
    private EamFitResult SearchAndFit(ProgressRecord record)
    {
        var search = _search!;
        var trials = new System.Collections.Concurrent.BlockingCollection<EamSearchTrial>();
        var task = Task.Run(() =>
        {
            try
            {
                return EamSettingsSearch.Fit(_training, _options, search, trials.Add, _stop.Token);
            }
            finally
            {
                trials.CompleteAdding();
            }
        });
        foreach (var t in trials.GetConsumingEnumerable())
        {
            record.StatusDescription = $"{search.Method} search, fit {t.Evaluation}/{search.Budget}: validation {t.ValidationEnergyRmse:F2} meV/atom (best {t.BestSoFar:F2})";
            record.PercentComplete = Math.Min(99, 100 * t.Evaluation / search.Budget);
            WriteProgress(record);
            WriteVerbose($"trial {t.Evaluation} ({t.Source}): {string.Join(", ", t.Settings.Select(kv => $"{kv.Key} {kv.Value:G4}"))} → {t.ValidationEnergyRmse:F3} meV/atom");
        }
        return task.GetAwaiter().GetResult();
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
