using AtomCuration.Options;
using System.Management.Automation;
using AtomCuration.Descriptors;
using AtomCuration.PowerShell.Completion;
using AtomCuration.PowerShell.Mapping.Descriptor;
using AtomCuration.Structures;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Attaches a descriptor (ACSF, SOAP, RDF, Coulomb/sine matrix, or a named preset) to every structure.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "Descriptor")]
[OutputType(typeof(Structure))]
[OptionsRecord(typeof(DescriptorChoice), typeof(RunContext))]
public sealed class GetDescriptorCommand : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Structure> _pool = [];
    private DescriptorOptions _options = null!;
    private DescriptorStream? _stream;
    private RunContext _context = RunContext.Default;
    private int _done;

    /// <summary>Structures to describe.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public Structure InputObject { get; set; } = null!;

    /// <summary>Descriptor kinds, concatenated in this order (Tab completes).</summary>
    [Parameter(Position = 0)]
    public DescriptorKind[]? Kind { get; set; }

    /// <summary>
    /// Parameters: a hashtable (<c>@{ Soap = @{ rcut = 5; nmax = 8 } }</c>) or the path of a YAML file of the same shape;
    /// Tab completes the keys (the type's properties).
    /// </summary>
    [Parameter]
    public DescriptorParameters? Parameters { get; set; }

    /// <summary>A named preset (Tab completes); -Parameters overrides it key by key.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(PresetCompleter))]
    public string? Preset { get; set; }

    /// <summary>Also attach the per-atom matrix (atoms × features).</summary>
    [Parameter]
    public SwitchParameter PerAtom { get; set; }

    /// <summary>How per-atom rows become the structure vector: Mean, Stats, Sum or None.</summary>
    [Parameter]
    public Aggregation Aggregate { get; set; } = Aggregation.Mean;

    /// <summary>
    /// Elements resolving the descriptor columns, e.g. -Species Cu, Ta. Given, structures are described as they stream;
    /// left out, the pool is collected and the species are those of every structure (a mixed pool gets one layout).
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Species { get; set; }

    /// <summary>Threads computing descriptors (default: all cores).</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        try
        {
            // The parameters given, bound onto the record a recipe's descriptor section binds to; a YAML path is
            // resolved against PowerShell's location first.
            var values = BoundOptions.Of(this, nameof(InputObject), nameof(ThrottleLimit));
            if (values.TryGetValue(nameof(Parameters), out var p) && p is string path)
                values[nameof(Parameters)] = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            _options = OptionsBinder.Bind<DescriptorChoice>(values, context: MyInvocation.MyCommand.Name, style: KeyStyle.Parameter).ToOptions();
        }
        catch (Exception e) when (e is ArgumentException or IOException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "InvalidDescriptorParameter", ErrorCategory.InvalidArgument, Parameters?.ToBindable()));
        }
        _context = BoundOptions.Context(_stop.Token, ThrottleLimit);
        // Batches keep every core busy while the pipeline streams. Where the columns depend on species not given, or
        // matrix kinds pad to the largest structure, the whole pool decides the columns: it is collected first.
        bool streams = !DescriptorCalculator.NeedsWholePool(_options);
        _stream = streams ? new DescriptorStream(_options, _context) : null;
        if (!streams) WriteVerbose("Get-Descriptor collects the pool before describing it" +
                                   (DescriptorCalculator.NeedsSpecies(_options)
                                       ? ": the species are those of every structure. Give -Species to stream."
                                       : " (matrix kinds are padded to its largest structure)."));
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (_stream is null) _pool.Add(InputObject);
        else Write(() => _stream.Push(InputObject));
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_stream is not null) Write(_stream.Complete);
        else
        {
            var completed = DescriptorCalculator.ForPool(_pool, _options);
            if (DescriptorCalculator.NeedsSpecies(_options) && _pool.Count > 0)
                WriteVerbose($"Species inferred from the {_pool.Count} structures: {string.Join(", ", completed.Species!)}.");
            Write(() => DescriptorCalculator.TryAttach(_pool, completed, _context));
        }
        WriteProgress(new ProgressRecord(2, "Get-Descriptor", "Done") { RecordType = ProgressRecordType.Completed });
    }

    private void Write(Func<IEnumerable<DescriptorOutcome>> describe)
    {
        int before = _done;
        try
        {
            foreach (var outcome in describe())
            {
                foreach (var warning in outcome.Warnings) WriteWarning(warning);
                if (outcome.Output is { } s) WriteObject(s);
                else WriteError(new ErrorRecord(outcome.Error!, "DescriptorFailed", ErrorCategory.InvalidData, outcome.Input));
                _done++;
            }
        }
        catch (DescriptorParameterException e)
        {
            // Settings that only fail once bound to the species (e.g. -PerAtom without a per-atom kind).
            ThrowTerminatingError(new ErrorRecord(e, "InvalidDescriptorParameter", ErrorCategory.InvalidArgument, Parameters?.ToBindable()));
        }
        if (_done > before) WriteProgress(new ProgressRecord(2, "Get-Descriptor", $"{_done} structures described"));
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _stop.Dispose();
}
