using System.Collections;
using System.Globalization;
using AtomCuration.Potentials.Eam;

namespace AtomCuration.PowerShell.Mapping;

/// <summary>Turns Invoke-EamFit's <c>-SearchSpace @{ Cutoff = 4.5, 6; PairKnots = 8, 14 }</c> into Core's <see cref="EamSearchSpace"/>.</summary>
public static class SearchSpaceMapper
{
    /// <summary>The space; each value is a two-element array (min, max). Throws <see cref="ArgumentException"/> naming a bad key or value.</summary>
    public static EamSearchSpace Map(IDictionary table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var ranges = new Dictionary<string, (double, double)>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in table)
        {
            string key = entry.Key?.ToString() ?? "";
            object? value = entry.Value is System.Management.Automation.PSObject p ? p.BaseObject : entry.Value;
            var items = value is IEnumerable e and not string ? e.Cast<object?>().ToList() : [];
            if (items.Count != 2) throw new ArgumentException($"-SearchSpace {key} must be a range of two numbers (min, max), e.g. {key} = 4.5, 6.");
            try
            {
                ranges[key] = (ToDouble(items[0]), ToDouble(items[1]));
            }
            catch (Exception ex) when (ex is FormatException or InvalidCastException)
            {
                throw new ArgumentException($"-SearchSpace {key}: '{items[0]}', '{items[1]}' are not numbers.", ex);
            }
        }
        return EamSearchSpace.From(ranges);
    }

    private static double ToDouble(object? v) =>
        Convert.ToDouble(v is System.Management.Automation.PSObject p ? p.BaseObject : v, CultureInfo.InvariantCulture);
}
