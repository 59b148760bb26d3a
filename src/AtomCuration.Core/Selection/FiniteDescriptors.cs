using System.Globalization;
using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>
/// The one finiteness check every selector, map and diversity measure goes through (via
/// <see cref="DescriptorPool"/> and <see cref="Selector.SelectFromMatrix"/>): a NaN or infinite
/// descriptor value is refused with the structure, the row and the column named, instead of
/// surfacing later as an index error, a NaN score or a pick repeated forever.
/// </summary>
public static class FiniteDescriptors
{
    private const string Advice = "remove or recompute that structure before selecting, mapping or measuring diversity.";

    /// <summary>Throws when a value of <paramref name="x"/> is NaN or infinite.</summary>
    /// <param name="x">The matrix.</param>
    /// <param name="what">Names a row for the message, e.g. <c>i =&gt; $"Structure 'a#3' (index {i})"</c>.</param>
    /// <exception cref="InvalidOperationException">A value is not finite.</exception>
    public static void Require(FeatureMatrix x, Func<int, string> what)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(what);
        var values = x.Values;
        int d = x.Columns;
        if (d == 0) return;
        for (int k = 0; k < values.Length; k++)
        {
            if (double.IsFinite(values[k])) continue;
            int row = k / d, column = k % d;
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{what(row)} has a non-finite descriptor value ({values[k]}) in column {column} '{x.Labels[column]}': {Advice}"));
        }
    }

    /// <summary>
    /// True when every value <paramref name="structure"/> carries in the descriptors a stage reads — the structure
    /// descriptor and/or the per-atom matrix — is finite (missing descriptors count as finite: that is another error).
    /// </summary>
    public static bool IsFinite(Structure structure, bool structureDescriptor, bool atomDescriptors)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (structureDescriptor && structure.Descriptor is { } v && !AllFinite(v.AsSpan())) return false;
        return !atomDescriptors || structure.AtomDescriptors is not { } m || AllFinite(m.Values);
    }

    /// <summary>
    /// The opt-in alternative to refusing (-SkipNonFinite): <paramref name="pool"/> without the structures whose read
    /// descriptors hold a NaN or infinite value, and the ids of those left out, in input order.
    /// </summary>
    public static (IReadOnlyList<Structure> Kept, IReadOnlyList<string> Skipped) Exclude(IEnumerable<Structure> pool,
        bool structureDescriptor, bool atomDescriptors)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var kept = new List<Structure>();
        var skipped = new List<string>();
        foreach (var s in pool)
        {
            if (IsFinite(s, structureDescriptor, atomDescriptors)) kept.Add(s);
            else skipped.Add(s.Id);
        }
        return (kept, skipped);
    }

    /// <summary>The one warning listing the structures <see cref="Exclude"/> left out, or null when none were.</summary>
    public static string? SkippedWarning(IReadOnlyCollection<string> skipped)
    {
        ArgumentNullException.ThrowIfNull(skipped);
        return skipped.Count == 0 ? null
            : $"Left out {skipped.Count} structure(s) with non-finite descriptor values (-SkipNonFinite): {string.Join(", ", skipped)}.";
    }

    internal static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
            if (!double.IsFinite(v)) return false;
        return true;
    }

    /// <summary>Throws when a value of the row vector <paramref name="descriptor"/> of <paramref name="structure"/> is not finite.</summary>
    internal static void Require(Structure structure, int index, ReadOnlySpan<double> descriptor)
    {
        for (int c = 0; c < descriptor.Length; c++)
        {
            if (double.IsFinite(descriptor[c])) continue;
            string label = structure.DescriptorLabels is { } l && c < l.Count ? l[c] : $"#{c}";
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Structure '{structure.Id}' (index {index}) has a non-finite descriptor value ({descriptor[c]}) in column {c} '{label}': {Advice}"));
        }
    }
}
