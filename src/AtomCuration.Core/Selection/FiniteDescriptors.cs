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
