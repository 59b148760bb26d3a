using System.Management.Automation;
using AtomCuration.Studies;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Summarises selection-study trials per method and size and tests each method against the Random baseline.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "SelectionStudy")]
[OutputType(typeof(StudySummaryRow))]
public sealed class MeasureSelectionStudyCommand : PSCmdlet
{
    private readonly List<StudyTrial> _trials = [];
    private StudySummaryOptions _options = null!;

    /// <summary>Trial records from Invoke-SelectionStudy (or re-imported ones).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public StudyTrial InputObject { get; set; } = null!;

    /// <summary>Method every other is tested against (default Random).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Baseline { get; set; } = SelectionStudy.BaselineName;

    /// <summary>Auto (default: Wilcoxon when trials are paired by trial number, else Mann–Whitney), MannWhitney or Wilcoxon.</summary>
    [Parameter]
    public StudyComparison Comparison { get; set; }

    /// <summary>A size is sufficient when its median energy RMSE is at most this factor times the all-data fit's (default 1.2).</summary>
    [Parameter]
    public double Factor { get; set; } = 1.2;

    /// <summary>Seed of the bootstrap intervals.</summary>
    [Parameter]
    public int Seed { get; set; }

    /// <summary>Bootstrap resamples (default 2000).</summary>
    [Parameter]
    [ValidateRange(1, 1_000_000)]
    public int Resamples { get; set; } = 2000;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _options = new StudySummaryOptions { Baseline = Baseline, Comparison = Comparison, Factor = Factor, Seed = Seed, Resamples = Resamples };
        try
        {
            _options.Validate();
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "InvalidSummaryParameter", ErrorCategory.InvalidArgument, null));
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord() => _trials.Add(InputObject);

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_trials.Count == 0) return;
        if (!_trials.Any(t => t.Method.Equals(_options.Baseline, StringComparison.OrdinalIgnoreCase)))
            WriteWarning($"No trials of the baseline '{_options.Baseline}': p-values are NaN.");
        WriteVerbose($"Summarising {_trials.Count} trial record(s) of {_trials.Select(t => t.Method).Distinct(StringComparer.OrdinalIgnoreCase).Count()} method(s) against the baseline '{_options.Baseline}'.");
        foreach (var row in StudySummary.Summarize(_trials, _options)) WriteObject(row);
    }
}
