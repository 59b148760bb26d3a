using System.Globalization;
using System.Management.Automation;
using AtomCuration.Fitting;
using AtomCuration.Plotting;
using AtomCuration.Structures;

namespace AtomCuration.PowerShell.Mapping;

/// <summary>
/// Reads plot inputs from whatever the pipeline carries, by property name (duck typing): typed records
/// from this module, rows from other cmdlets, PSCustomObjects, Import-Csv rows. A Structure's Info keys
/// count as properties too (e.g. -GroupBy config_type).
/// </summary>
public static class PlotInput
{
    /// <summary>The value of property <paramref name="name"/> (case-insensitive), else the Info entry of a Structure, else null.</summary>
    public static object? Property(PSObject item, string name)
    {
        ArgumentNullException.ThrowIfNull(item);
        var p = item.Properties[name];
        object? value = null;
        if (p is not null)
        {
            try { value = p.Value; }
            catch (GetValueException) { value = null; }
        }
        if (value is null && item.BaseObject is Structure s) value = s.GetInfo(name) ?? InfoIgnoringCase(s, name);
        return value is PSObject o ? o.BaseObject : value;
    }

    private static object? InfoIgnoringCase(Structure s, string name) =>
        s.Info.FirstOrDefault(kv => string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Whether the item has a (non-null) value for <paramref name="name"/>.</summary>
    public static bool Has(PSObject item, string name) => Property(item, name) is not null;

    /// <summary>The property as a number, or null when absent or not numeric.</summary>
    public static double? Number(PSObject item, string name) => Property(item, name) switch
    {
        null => null,
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        decimal m => (double)m,
        bool => null,
        string str => double.TryParse(str, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null,
        IConvertible c => TryConvert(c),
        _ => null,
    };

    private static double? TryConvert(IConvertible c)
    {
        try { return c.ToDouble(CultureInfo.InvariantCulture); }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException) { return null; }
    }

    /// <summary>The property as text (invariant culture), or null.</summary>
    public static string? Text(PSObject item, string name) => Property(item, name) switch
    {
        null => null,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var o => o.ToString(),
    };

    /// <summary>Whether the item is a per-atom force row (Measure-FitError -PerAtom, or a CSV of one).</summary>
    public static bool IsAtomForceRow(PSObject item) =>
        Has(item, nameof(AtomForceError.ReferenceFxEvPerAngstrom)) && Has(item, nameof(AtomForceError.PredictedFxEvPerAngstrom));

    /// <summary>
    /// Reference against predicted force components (eV/Å) from per-atom rows with ReferenceFxEvPerAngstrom…Fz and
    /// PredictedFxEvPerAngstrom…Fz (Measure-FitError -PerAtom): three points per row, labelled by <paramref name="group"/>.
    /// </summary>
    public static IReadOnlyList<ParityPoint> ForceParity(IEnumerable<PSObject> rows, Func<PSObject, string?> group)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(group);
        var points = new List<ParityPoint>();
        foreach (var row in rows)
        {
            string? g = group(row);
            foreach (char axis in "xyz")
            {
                string referenceName = $"ReferenceF{axis}EvPerAngstrom", predictedName = $"PredictedF{axis}EvPerAngstrom";
                double reference = Number(row, referenceName) ?? throw new ArgumentException(
                    $"Force rows need ReferenceFxEvPerAngstrom, …Fy…, …Fz… and PredictedFxEvPerAngstrom, …Fy…, …Fz… (Measure-FitError -PerAtom); {referenceName} is missing.");
                double predicted = Number(row, predictedName) ?? throw new ArgumentException(
                    $"Force rows need {predictedName} (Measure-FitError -PerAtom).");
                points.Add(new ParityPoint(reference, predicted, g));
            }
        }
        return points;
    }

    /// <summary>The first of <paramref name="names"/> the items have (all of them), or null.</summary>
    public static string? FirstPresent(IReadOnlyList<PSObject> items, params string[] names) =>
        names.FirstOrDefault(n => items.Count > 0 && items.All(i => Has(i, n)));

    /// <summary>
    /// The interquartile bounds of a summary row for <paramref name="quantity"/> (Energy or Force): the first
    /// property whose name contains the quantity and marks the lower quartile (Q1, P25, Lower, Low), and the
    /// same for the upper (Q3, P75, Upper, High).
    /// </summary>
    public static (string? Lower, string? Upper) QuartileColumns(PSObject item, string quantity)
    {
        string? Find(string[] marks) => item.Properties
            .Select(p => p.Name)
            .FirstOrDefault(n => n.Contains(quantity, StringComparison.OrdinalIgnoreCase)
                && !n.StartsWith("Median", StringComparison.OrdinalIgnoreCase)
                && marks.Any(m => n.Contains(m, StringComparison.OrdinalIgnoreCase)));
        return (Find(["Q1", "P25", "Lower", "Low", "25"]), Find(["Q3", "P75", "Upper", "High", "75"]));
    }

    /// <summary>
    /// Learning-curve points from trial records (Method, Count, Test…Rmse) or summary rows (Method, Count, Median…Rmse and quartile
    /// columns), and what their x values are: the Budget of rows from a -Budget study, the Threshold of rows from a -Threshold study
    /// (the all-data reference rows, which have neither, are left out: -Reference draws that line), else the Count.
    /// </summary>
    /// <exception cref="ArgumentException">No rows, rows without the error columns, or rows that mix budgets, thresholds and counts.</exception>
    public static (IReadOnlyList<CurvePoint> Points, CurveAxis Axis) LearningCurve(IReadOnlyList<PSObject> items, string quantity)
    {
        string trial = $"Test{quantity}Rmse", median = $"Median{quantity}Rmse";
        if (items.Count == 0) throw new ArgumentException("No study rows arrived.");
        var axis = items.Any(i => Number(i, "Budget") is not null) ? CurveAxis.Budget
            : items.Any(i => Number(i, "Threshold") is not null) ? CurveAxis.Threshold : CurveAxis.Count;
        string xName = axis.ToString();
        if (axis != CurveAxis.Count)
        {
            items = items.Where(i => !string.Equals(Text(i, "Method"), "AllData", StringComparison.Ordinal)).ToList();
            if (items.Any(i => Number(i, xName) is null))
                throw new ArgumentException($"Some rows have a {xName} and others not: plot the {xName.ToLowerInvariant()} rows and the count rows separately " +
                    $"(e.g. Where-Object {{ $null -ne $_.{xName} }}).");
        }
        double X(PSObject i) => Number(i, xName) ?? double.NaN;
        if (items.All(i => Has(i, trial)))
            return (LearningCurvePlot.Summarise(items.Select(i => new TrialValue(Text(i, "Method") ?? "", X(i), Number(i, trial) ?? double.NaN))), axis);
        if (items.All(i => Has(i, median)))
            return (items.Select(i =>
            {
                var (lo, hi) = QuartileColumns(i, quantity);
                double m = Number(i, median) ?? double.NaN;
                return new CurvePoint(Text(i, "Method") ?? "", X(i), m,
                    lo is null ? double.NaN : Number(i, lo) ?? double.NaN, hi is null ? double.NaN : Number(i, hi) ?? double.NaN);
            }).OrderBy(p => p.Method, StringComparer.Ordinal).ThenBy(p => p.Count).ToList(), axis);
        throw new ArgumentException(
            $"Learning-curve rows need Method, Count and either {trial} (trial records, Invoke-SelectionStudy) or {median} (summaries, Measure-SelectionStudy).");
    }
}
