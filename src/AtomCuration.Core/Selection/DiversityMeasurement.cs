using AtomCuration.Options;
using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>
/// <see cref="Diversity.Measure"/> with the environment scaling named rather than built: min–max scaling
/// is fitted over the set and the reference together, so both are measured in the same [0, 1] units.
/// </summary>
public static class DiversityMeasurement
{
    /// <summary>Measures <paramref name="set"/> (and against <paramref name="reference"/>, when given) after <paramref name="scaling"/>; <paramref name="context"/> supplies threads, cancellation and progress.</summary>
    public static DiversityReport Measure(IReadOnlyList<Structure> set, IReadOnlyList<Structure>? reference,
        EntropyOptions options, EnvironmentScaling scaling, RunContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        options = (EntropyOptions)options.WithRun(context, "measure");
        ArgumentNullException.ThrowIfNull(set);
        var all = reference is null ? set : set.Concat(reference).ToList();
        var columns = scaling == EnvironmentScaling.MinMax && all.Count > 0
            ? ColumnScaling.MinMax(all.Select((s, i) => DescriptorPool.AtomDescriptorsOf(s, i)))
            : null;
        return Diversity.Measure(set, reference, options, columns);
    }
}
