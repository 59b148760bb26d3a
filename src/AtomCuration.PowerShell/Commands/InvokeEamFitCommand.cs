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
[OptionsRecord(typeof(EamFitOptions), typeof(RunContext), typeof(EamSearchOptions))]
public sealed class InvokeEamFitCommand : PSCmdlet, IDisposable
{
    /// <summary>
    /// The global variable that keeps the best fit reached when the fit is stopped (Ctrl+C): PowerShell discards what a
    /// stopped pipeline writes, so the fit cannot be emitted then, and is kept here instead of being lost.
    /// </summary>
    public const string InterruptedVariable = "EamFitInterrupted";

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

    /// <summary>Fit Finnis–Sinclair densities ρ_ab (density at an atom of species a due to a neighbour of species b; written as eam/fs).</summary>
    [Parameter]
    public SwitchParameter FinnisSinclair { get; set; }

    /// <summary>Alloy cross pairs φ_ab: Fitted (default) or derived by the ZhouJohnsonWadley rule (with -Form ZhouJohnsonWadley).</summary>
    [Parameter]
    public EamCrossPair CrossPair { get; set; }

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

    /// <summary>Stop after this long and return the best potential reached (StopReason TimeLimit), e.g. '00:05:00'.</summary>
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
    public Mapping.SearchSpaceParameters? SearchSpace { get; set; }

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
            var bound = MyInvocation.BoundParameters;
            _search = FitSearchMapper.Search(bound.TryGetValue(nameof(Budget), out var budget) ? budget : null,
                bound.TryGetValue(nameof(SearchMethod), out var method) ? method : null, SearchSpace?.ToDictionary(), "-");
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
        WriteVerbose($"Fitting a {_options.Form} EAM potential (cutoff {_options.Cutoff} Å) to {_training.Count} structures, " +
                     $"{_training.Sum(s => s.AtomCount)} atoms, elements {string.Join(" ", _training.SelectMany(s => s.Species).Distinct().Order().Select(z => Elements.FromZ(z).Symbol))}.");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // The fitter reports from this (the pipeline) thread, after every accepted step. Once Ctrl+C has stopped the
        // pipeline, writing throws; the report is dropped so that the fitter can return the best fit so far.
        var progress = new Reporter(p =>
        {
            if (Stopping) return;
            record.StatusDescription = p.Status;
            ProgressRelay.Estimate(record, p.Fraction, clock.Elapsed);
            try
            {
                WriteVerbose(p.Status);
                WriteProgress(record);
            }
            catch (PipelineStoppedException)
            {
            }
        });
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
        if (Stopping)
        {
            KeepInterrupted(result);
            return;
        }
        record.RecordType = ProgressRecordType.Completed;
        WriteProgress(record);
        WriteVerbose($"Stopped ({result.StopReason}) after {result.Iterations} iterations, {result.Elapsed.TotalSeconds:F1} s: " +
                     $"energy RMSE {result.EnergyRmse:F2} meV/atom, force RMSE {result.ForceRmse:F1} meV/Å.");
        if (result.StopReason == Fitting.LeastSquaresStopReason.TimeLimit)
            WriteWarning($"-TimeLimit {_options.TimeLimit} ran out: the best fit reached is returned (StopReason TimeLimit).");
        WriteObject(result);
    }

    /// <summary>
    /// Ctrl+C stopped the fit: the best fit reached (StopReason Cancelled) goes into $global:EamFitInterrupted, with a
    /// warning saying so on the host (the pipeline's own streams are closed once it is stopping).
    /// </summary>
    private void KeepInterrupted(EamFitResult result)
    {
        SessionState.PSVariable.Set("global:" + InterruptedVariable, result);
        string message = $"Invoke-EamFit was stopped: the best fit so far (StopReason {result.StopReason}, energy RMSE {result.EnergyRmse:F2} meV/atom) " +
                         $"is in ${InterruptedVariable}.";
        try
        {
            Host?.UI?.WriteWarningLine(message);
        }
        catch (Exception e) when (e is PipelineStoppedException or NotImplementedException or System.Management.Automation.Host.HostException)
        {
            // A host without a UI: the variable is still set.
        }
    }

    /// <summary>Runs the settings search, reporting each trial as progress from the pipeline thread.</summary>
    private EamFitResult SearchAndFit(ProgressRecord record)
    {
        var search = _search!;
        var clock = System.Diagnostics.Stopwatch.StartNew();
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
            ProgressRelay.Estimate(record, Math.Min(0.99, t.Evaluation / (double)search.Budget), clock.Elapsed);
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
