using System.Collections;
using System.Management.Automation;
using AtomCuration.Descriptors;
using AtomCuration.Generation;
using AtomCuration.Structures;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Generates diverse unlabelled configurations by entropy maximisation (paper 004), ready for DFT.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "EntropyConfiguration")]
[OutputType(typeof(Structure))]
public sealed class NewEntropyConfigurationCommand : PSCmdlet
{
    private readonly CancellationTokenSource _stop = new();
    private EntropyGenerationOptions _options = null!;
    private int _done;

    /// <summary>How many configurations (one annealing cycle each).</summary>
    [Parameter(Position = 0)]
    [ValidateRange(1, 10_000_000)]
    public int Count { get; set; } = 1;

    /// <summary>Seed of the stream: configuration k depends only on (Seed, k), whatever the thread count.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int Seed { get; set; }

    /// <summary>Final entropy weight K (eV) reached at the end of each cycle; 0 gives the unbiased set.</summary>
    [Parameter]
    [ValidateRange(0.0, 1e6)]
    public double EntropyWeight { get; set; } = 1000;

    /// <summary>Element of every atom.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Element { get; set; } = "W";

    /// <summary>Atoms per configuration.</summary>
    [Parameter]
    [ValidateRange(2, 10_000)]
    public int AtomCount { get; set; } = 39;

    /// <summary>Edge lengths a, b, c (Å) of the orthorhombic periodic cell.</summary>
    [Parameter]
    [ValidateCount(3, 3)]
    public double[] CellLength { get; set; } = [9.54, 9.54, 14.31];

    /// <summary>The descriptor whose entropy is maximised: Bispectrum (default, SNAP, the paper's) or Acsf; both have analytic position gradients.</summary>
    [Parameter]
    [ValidateSet(nameof(DescriptorKind.Bispectrum), nameof(DescriptorKind.Acsf))]
    public DescriptorKind Descriptor { get; set; } = DescriptorKind.Bispectrum;

    /// <summary>Leading descriptor components (column order; LAMMPS order for the bispectrum) entering the entropy.</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int Components { get; set; } = 6;

    /// <summary>Descriptor keys as Get-Descriptor takes them (Tab completes them): for the bispectrum they override the W SNAP defaults; for ACSF they are its parameters.</summary>
    [Parameter]
    public Mapping.Descriptor.EntropyDescriptorParameters? DescriptorParameters { get; set; }

    /// <summary>Molecular-dynamics steps per cycle.</summary>
    [Parameter]
    [ValidateRange(1, 100_000_000)]
    public int Steps { get; set; } = 2000;

    /// <summary>Time step (ps).</summary>
    [Parameter]
    [ValidateRange(1e-6, 0.01)]
    public double TimeStep { get; set; } = 0.001;

    /// <summary>Temperature at the start of each cycle (K).</summary>
    [Parameter]
    [ValidateRange(0.0, 1e6)]
    public double StartTemperature { get; set; } = 10_000;

    /// <summary>Temperature at the end of each cycle (K).</summary>
    [Parameter]
    [ValidateRange(0.0, 1e6)]
    public double FinalTemperature { get; set; }

    /// <summary>Langevin (default), Berendsen or None.</summary>
    [Parameter]
    public Thermostat Thermostat { get; set; } = Thermostat.Langevin;

    /// <summary>Langevin friction γ or Berendsen 1/τ (1/ps).</summary>
    [Parameter]
    [ValidateRange(0.0, 1e4)]
    public double Friction { get; set; } = 10;

    /// <summary>Threads running cycles (default: all cores). Never changes the result.</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        try
        {
            var defaults = new EntropyGenerationOptions();
            var parameters = new Hashtable(StringComparer.OrdinalIgnoreCase);
            if (Descriptor == DescriptorKind.Bispectrum)
            {
                var snap = (BispectrumSettings)defaults.Descriptor;
                parameters["twojmax"] = snap.TwoJMax;
                parameters["rcutfac"] = snap.RCutFac;
                parameters["rfac0"] = snap.RFac0;
                parameters["rmin0"] = snap.RMin0;
                parameters["bzeroflag"] = snap.BZeroFlag;
                parameters["radius"] = new Hashtable { [Element] = 0.5 };
                parameters["weight"] = new Hashtable { [Element] = 1.0 };
            }
            if (DescriptorParameters?.ToDictionary() is { } given)
                foreach (DictionaryEntry e in given) parameters[e.Key] = e.Value is PSObject o ? o.BaseObject : e.Value;
            _options = defaults with
            {
                Element = Element, AtomCount = AtomCount,
                Cell = new Cell(new Vec3(CellLength[0], 0, 0), new Vec3(0, CellLength[1], 0), new Vec3(0, 0, CellLength[2])),
                Descriptor = DescriptorSettings.Parse(Descriptor, parameters),
                Components = Components, EntropyWeight = EntropyWeight, Steps = Steps, TimeStep = TimeStep,
                StartTemperature = StartTemperature, FinalTemperature = FinalTemperature, Thermostat = Thermostat, Friction = Friction,
            };
            _options.Validate();
            new EntropyAnnealer(_options); // binds the descriptor to the element (radius and weight must name it)
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "InvalidGenerationSetting", ErrorCategory.InvalidArgument, null));
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        _done = 0;
        var progress = new ProgressRecord(4, "New-EntropyConfiguration", $"Seed {Seed}: 0 of {Count} configurations");
        WriteProgress(progress);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            foreach (var s in EntropyGenerator.Generate(_options, Count, Seed, ThrottleLimit, cancellation: _stop.Token))
            {
                WriteObject(s);
                _done++;
                WriteVerbose($"Configuration {_done} of {Count} ({s.Id}): descriptor entropy {s.GetInfo("entropy"):F3}, repulsive energy {s.GetInfo("repulsive_energy"):F3} eV, {clock.Elapsed.TotalSeconds:F1} s so far.");
                progress.StatusDescription = $"Seed {Seed}: {_done} of {Count} configurations";
                ProgressRelay.Estimate(progress, _done / (double)Count, clock.Elapsed);
                WriteProgress(progress);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Ctrl+C: the finished configurations are already on the pipeline.
        }
        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stop.Cancel();
}
