using AtomCuration.Options;
using AtomCuration.Selection;
using AtomCuration.Structures;

namespace AtomCuration.Storage;

/// <summary>
/// <see cref="DiversityMeasurement"/> against a reference read from a per-atom descriptor store (e.g. the whole
/// pool) instead of held in memory: the store's environments are searched block by block, so memory holds the set,
/// one block and the distances' summary (<see cref="DistanceSummary"/>) whatever the pool size. The report equals
/// the in-memory one on the same descriptors; min–max scaling costs one more pass over the store.
/// </summary>
public static class StoreDiversity
{
    /// <summary>Reference rows gathered before a block is searched (enough to keep every thread busy).</summary>
    private const int BlockRows = 8192;

    /// <summary>
    /// Measures <paramref name="set"/> against the environments of <paramref name="reference"/> after
    /// <paramref name="scaling"/> (min–max over the set and the store together). With <paramref name="skipped"/>, the
    /// store's structures holding a NaN or infinite descriptor value are left out (their ids added to it), as
    /// -SkipNonFinite leaves them out of an in-memory reference; without it they are measured.
    /// </summary>
    public static DiversityReport Measure(IReadOnlyList<Structure> set, DescriptorStore reference, EntropyOptions options,
        EnvironmentScaling scaling, RunContext? context = null, ICollection<string>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(options);
        StoreStructures.RequireAtoms(reference, "Measure-Diversity");
        options.Validate();
        options = (EntropyOptions)options.WithRun(context, "measure");
        var mine = set.Select((s, i) => DescriptorPool.AtomDescriptorsOf(s, i)).ToArray();
        IEnumerable<FeatureMatrix> Pool(bool report) => Structures(reference, skipped, report, options.Cancellation);
        var columns = scaling == EnvironmentScaling.MinMax && (set.Count > 0 || reference.Rows > 0)
            ? ColumnScaling.MinMax(mine.Concat(Pool(report: false)))
            : null;
        return Diversity.MeasureBlocks(Diversity.Stack(mine, columns), Blocks(Pool(report: true), columns), reference.Rows, options);
    }

    /// <summary>The store's structures' environments, without the non-finite ones when <paramref name="skipped"/> is given (reported once).</summary>
    private static IEnumerable<FeatureMatrix> Structures(DescriptorStore store, ICollection<string>? skipped, bool report, CancellationToken cancellation)
    {
        foreach (var s in StoreStructures.Read(store, metadata: skipped is not null, cancellation))
        {
            if (skipped is not null && !FiniteDescriptors.AllFinite(s.Environments.Values))
            {
                if (report) skipped.Add(s.Row!.Id);
                continue;
            }
            yield return s.Environments;
        }
    }

    /// <summary>The environments in blocks of about <see cref="BlockRows"/> rows, scaled.</summary>
    private static IEnumerable<FeatureMatrix> Blocks(IEnumerable<FeatureMatrix> structures, ColumnScaling? scaling)
    {
        var block = new List<FeatureMatrix>();
        int rows = 0;
        foreach (var g in structures)
        {
            block.Add(g);
            rows += g.Rows;
            if (rows < BlockRows) continue;
            yield return Diversity.Stack(block, scaling);
            block.Clear();
            rows = 0;
        }
        if (block.Count > 0) yield return Diversity.Stack(block, scaling);
    }
}
