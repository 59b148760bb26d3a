using System.Globalization;
using ScottPlot;

namespace AtomCuration.Plotting;

/// <summary>What a parity plot compares.</summary>
public enum ParityQuantity
{
    /// <summary>Energy per atom (eV/atom; RMSE in meV/atom).</summary>
    Energy,
    /// <summary>Force components (eV/Å; RMSE in meV/Å).</summary>
    Force,
    /// <summary>Stress components (GPa).</summary>
    Stress,
}

/// <summary>One compared value: reference label, prediction, and the group it belongs to (null: ungrouped).</summary>
/// <param name="Reference">Reference (DFT) value in the quantity's plotting unit.</param>
/// <param name="Predicted">Predicted value, same unit.</param>
/// <param name="Group">Group name for the colour, or null.</param>
public readonly record struct ParityPoint(double Reference, double Predicted, string? Group);

/// <summary>
/// Predicted against reference values with the y = x line, one colour per group, and each group's RMSE
/// (√(Σ(pred − ref)²/n)) in the legend, in meV/atom, meV/Å or GPa.
/// </summary>
public static class ParityPlot
{
    /// <summary>Axis unit and RMSE unit/scale of a quantity.</summary>
    public static (string Name, string Unit, string RmseUnit, double RmseScale) Units(ParityQuantity quantity) => quantity switch
    {
        ParityQuantity.Energy => ("energy per atom", "eV/atom", "meV/atom", 1000),
        ParityQuantity.Force => ("force component", "eV/Å", "meV/Å", 1000),
        ParityQuantity.Stress => ("stress component", "GPa", "GPa", 1),
        _ => throw new ArgumentOutOfRangeException(nameof(quantity)),
    };

    /// <summary>Builds the figure.</summary>
    public static Figure Create(IReadOnlyList<ParityPoint> points, ParityQuantity quantity, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0) throw new ArgumentException("A parity plot needs at least one point.");
        var (name, unit, rmseUnit, scale) = Units(quantity);
        var plot = PlotStyle.NewPlot($"Reference {name} ({unit})", $"Predicted {name} ({unit})", title);
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var p in points)
        {
            lo = Math.Min(lo, Math.Min(p.Reference, p.Predicted));
            hi = Math.Max(hi, Math.Max(p.Reference, p.Predicted));
        }
        double pad = (hi - lo) * 0.05 + 1e-12;
        var diagonal = plot.Add.Line(lo - pad, lo - pad, hi + pad, hi + pad);
        diagonal.LineColor = Colors.Black.WithAlpha(0.6);
        diagonal.LinePattern = LinePattern.Solid;
        diagonal.LineWidth = 1.5f;
        diagonal.MarkerSize = 0;
        diagonal.LegendText = "y = x";

        var groups = points.GroupBy(p => p.Group ?? "").OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        float size = points.Count > 20_000 ? 2 : points.Count > 2_000 ? 3.5f : 6;
        for (int i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            double[] x = g.Select(p => p.Reference).ToArray(), y = g.Select(p => p.Predicted).ToArray();
            double rmse = Quantiles.Rms(g.Select(p => p.Predicted - p.Reference)) * scale;
            var s = plot.Add.ScatterPoints(x, y, Palette.ColorOf(i).WithAlpha(points.Count > 2_000 ? 0.6 : 0.85));
            s.MarkerShape = Palette.ShapeOf(i);
            s.MarkerSize = size;
            string label = g.Key.Length == 0 ? "all" : g.Key;
            s.LegendText = string.Create(CultureInfo.InvariantCulture, $"{label}: RMSE {rmse:0.##} {rmseUnit} (n = {x.Length})");
        }
        plot.Axes.SetLimits(lo - pad, hi + pad, lo - pad, hi + pad);
        plot.ShowLegend(Alignment.UpperLeft);
        return new Figure(plot);
    }
}
