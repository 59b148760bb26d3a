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
            record.StatusDescription = $"start {p.Start + 1}/{p.Starts}, iteration {p.Iteration}: loss {p.Loss:G5} (best {p.BestLoss:G5})";
            record.PercentComplete = p.PercentComplete;
            WriteProgress(record);
        });
        // Ctrl+C stops the pipeline, and PowerShell then discards output; -TimeLimit is the way to get the best-so-far potential.
        if (TimeLimit is { } limit) _stop.CancelAfter(limit);
        EamFitResult result;
        try
        {
            result = EamFitter.Fit(_training, _options, progress, _stop.Token);
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

    /// <inheritdoc />
    protected override void StopProcessing() => _stop.Cancel();

    private sealed class Reporter(Action<EamFitProgress> report) : IProgress<EamFitProgress>
    {
        public void Report(EamFitProgress value) => report(value);
    }
}
