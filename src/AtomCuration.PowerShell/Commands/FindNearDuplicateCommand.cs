using System.Management.Automation;
using AtomCuration.Selection;
using AtomCuration.Structures;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Reports groups of structures whose descriptors lie within a distance of one another (near-duplicates).</para>
/// </summary>
[Cmdlet(VerbsCommon.Find, "NearDuplicate")]
[OutputType(typeof(NearDuplicateGroup))]
public sealed class FindNearDuplicateCommand : PSCmdlet, IDisposable
{
    private readonly List<Structure> _pool = [];
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Structures carrying a structure descriptor (Get-Descriptor); normally from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public Structure InputObject { get; set; } = null!;

    /// <summary>Euclidean descriptor distance at or below which two structures count as near-duplicates (0 = identical descriptors).</summary>
    [Parameter(Position = 0)]
    [ValidateRange(0.0, double.MaxValue)]
    public double Tolerance { get; set; }

    /// <summary>Threads for the distance search (default: all processors). Never changes the result.</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (DescriptorRequirement.Missing(InputObject, _pool.Count, structureDescriptor: true, atomDescriptors: false, "Find-NearDuplicate") is { } missing)
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(missing), "DescriptorMissing", ErrorCategory.InvalidData, InputObject));
        _pool.Add(InputObject);
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_pool.Count == 0) return;
        IReadOnlyList<NearDuplicateGroup> groups;
        try
        {
            groups = NearDuplicates.Find(_pool, Tolerance, ThrottleLimit, _stop.Token);
        }
        catch (InvalidOperationException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "NearDuplicateSearchFailed", ErrorCategory.InvalidData, null));
            return;
        }
        WriteVerbose($"Searched {_pool.Count} structures at tolerance {Tolerance:G4}: {groups.Count} group(s) holding {groups.Sum(g => g.Count)} structures.");
        WriteObject(groups, enumerateCollection: true);
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _stop.Dispose();
}
