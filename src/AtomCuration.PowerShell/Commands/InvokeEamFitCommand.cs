using System.Management.Automation;
using AtomCuration.PowerShell.Mapping;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Fits an EAM potential to the energies, forces (and optionally stresses) of the structures piped in.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "EamFit")]
[OutputType(typeof(EamFitResult))]
public sealed class InvokeEamFitCommand : PSCmdlet
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
    public double Cutoff { get; set; }

    /// <summary>Knot intervals of the pair functions φ (Spline form).</summary>
    [Parameter]
    public int PairKnots { get; set; }

    /// <summary>Knot intervals of the density functions ρ (Spline form).</summary>
    [Parameter]
    public int DensityKnots { get; set; }

    /// <summary>Knot intervals of the embedding functions F (Spline form).</summary>
    [Parameter]
    public int EmbeddingKnots { get; set; }

    /// <summary>Inner end of the spline range (Å); below it the pair term joins a repulsive core.</summary>
    [Parameter]
    public double InnerRadius { get; set; }

    /// <summary>Weight of per-atom energy residuals (eV/atom).</summary>
    [Parameter]
    public double EnergyWeight { get; set; }

    /// <summary>Weight of force-component residuals (eV/Å).</summary>
    [Parameter]
    public double ForceWeight { get; set; }

    /// <summary>Weight of stress-component residuals (eV/Å³); 0 ignores stresses.</summary>
    [Parameter]
    public double StressWeight { get; set; }

    /// <summary>Smoothness regularisation of spline coefficients.</summary>
    [Parameter]
    public double Smoothness { get; set; }

    /// <summary>Info key holding a per-structure weight (default "weight").</summary>
    [Parameter]
    public string? WeightKey { get; set; }

    /// <summary>Levenberg–Marquardt iterations per start.</summary>
    [Parameter]
    public int MaxIterations { get; set; }

    /// <summary>Extra starts from seeded perturbations of the best parameters.</summary>
    [Parameter]
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
    public int ThrottleLimit { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        try
        {
            _options = EamFitOptionsMapper.Map(new EamFitParameters
            {
                Form = this.IfBound(nameof(Form), Form),
                Cutoff = this.IfBound(nameof(Cutoff), Cutoff),
                PairKnots = this.IfBound(nameof(PairKnots), PairKnots),
                DensityKnots = this.IfBound(nameof(DensityKnots), DensityKnots),
                EmbeddingKnots = this.IfBound(nameof(EmbeddingKnots), EmbeddingKnots),
                InnerRadius = this.IfBound(nameof(InnerRadius), InnerRadius),
                EnergyWeight = this.IfBound(nameof(EnergyWeight), EnergyWeight),
                ForceWeight = this.IfBound(nameof(ForceWeight), ForceWeight),
                StressWeight = this.IfBound(nameof(StressWeight), StressWeight),
                Smoothness = this.IfBound(nameof(Smoothness), Smoothness),
                WeightKey = WeightKey,
                MaxIterations = this.IfBound(nameof(MaxIterations), MaxIterations),
                Restarts = this.IfBound(nameof(Restarts), Restarts),
                Seed = this.IfBound(nameof(Seed), Seed),
                ThrottleLimit = this.IfBound(nameof(ThrottleLimit), ThrottleLimit),
            });
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
                Budget = this.IfBound(nameof(Budget), Budget) ?? d.Budget,
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

    /// <inheritdoc />
    protected override void ProcessRecord() => _training.Add(InputObject);

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var record = new ProgressRecord(1, "Invoke-EamFit", $"{_training.Count} structures");
        // The fitter reports from this (the pipeline) thread, after every accepted step.
        var progress = new Reporter(p =>
        {
            record.StatusDescription = $"start {p.Start + 1}/{p.Starts}, iteration {p.Iteration}: loss {p.Loss:G5} (best {p.BestLoss:G5})";
            record.PercentComplete = p.PercentComplete;
            WriteProgress(record);
        });
        // Ctrl+C stops the pipeline, and PowerShell then discards output; -TimeLimit is the way to get the best-so-far potential.
        if (TimeLimit is { } limit) _stop.CancelAfter(limit);
        EamFitResult result;
        try
        {
            result = _search is null
                ? EamFitter.Fit(_training, _options, progress, _stop.Token)
                : SearchAndFit(record);
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "CannotFit", ErrorCategory.InvalidData, null));
            return;
        }
        catch (OperationCanceledException e) when (!Stopping)
        {
            ThrowTerminatingError(new ErrorRecord(new TimeoutException($"-TimeLimit {TimeLimit} ran out while the training set was being prepared.", e),
                "TimeLimitBeforeFit", ErrorCategory.OperationTimeout, null));
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

    private sealed class Reporter(Action<EamFitProgress> report) : IProgress<EamFitProgress>
    {
        public void Report(EamFitProgress value) => report(value);
    }
}
