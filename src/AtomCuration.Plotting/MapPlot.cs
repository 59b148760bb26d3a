using System.Globalization;
using ScottPlot;

namespace AtomCuration.Plotting;

/// <summary>What colours the points of a map.</summary>
public enum MapColoring
{
    /// <summary>Selection cluster (Select-Configuration's ClusterId).</summary>
    Cluster,
    /// <summary>A group label (e.g. config_type).</summary>
    Group,
    /// <summary>Energy per atom (viridis, binned).</summary>
    Energy,
    /// <summary>Selected structures against the grey pool.</summary>
    Selected,
}

/// <summary>One structure on a map.</summary>
/// <param name="X">First map coordinate.</param>
/// <param name="Y">Second map coordinate.</param>
/// <param name="Group">Group label, or null.</param>
/// <param name="Cluster">Cluster id, or null.</param>
/// <param name="EnergyPerAtom">Energy per atom (eV/atom), or null.</param>
/// <param name="Selected">Whether the structure was selected.</param>
public readonly record struct MapPoint(double X, double Y, string? Group, int? Cluster, double? EnergyPerAtom, bool Selected);

/// <summary>
/// A 2-D map of the pool (PCA, t-SNE, MDS coordinates), coloured by cluster, group, energy per atom
/// or selection, with the selected structures drawn on top as larger outlined markers.
/// </summary>
public static class MapPlot
{
    /// <summary>Energy colouring uses this many equal-width bins of the energy range (one legend entry each).</summary>
    public const int EnergyBins = 8;

    /// <summary>Builds the figure; <paramref name="axisUnit"/> names the coordinates' unit.</summary>
    public static Figure Create(IReadOnlyList<MapPoint> points, MapColoring coloring, string axisUnit = "arb. units", string? title = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0) throw new ArgumentException("A map needs at least one point.");
        var plot = PlotStyle.NewPlot($"Map coordinate 1 ({axisUnit})", $"Map coordinate 2 ({axisUnit})", title);
        float size = points.Count > 20_000 ? 2 : points.Count > 2_000 ? 4 : 7;
        double alpha = points.Count > 2_000 ? 0.6 : 0.85;
        foreach (var (label, color, shape, members) in Layers(points, coloring))
        {
            var s = plot.Add.ScatterPoints(members.Select(p => p.X).ToArray(), members.Select(p => p.Y).ToArray(), color.WithAlpha(alpha));
            s.MarkerSize = size;
            s.MarkerShape = shape;
            s.LegendText = $"{label} ({members.Count})";
        }
        var selected = points.Where(p => p.Selected).ToArray();
        if (selected.Length > 0)
        {
            var top = plot.Add.ScatterPoints(selected.Select(p => p.X).ToArray(), selected.Select(p => p.Y).ToArray(), Colors.Black);
            top.MarkerShape = MarkerShape.OpenCircle;
            top.MarkerSize = size * 1.6f + 3;
            top.MarkerLineWidth = 1.5f;
            top.LegendText = $"selected ({selected.Length})";
        }
        plot.ShowLegend(Edge.Right);
        return new Figure(plot);
    }

    private static IEnumerable<(string Label, Color Color, MarkerShape Shape, List<MapPoint> Members)> Layers(
        IReadOnlyList<MapPoint> points, MapColoring coloring)
    {
        switch (coloring)
        {
            case MapColoring.Selected:
                var pool = points.Where(p => !p.Selected).ToList();
                if (pool.Count > 0) yield return ("not selected", Palette.Context, MarkerShape.FilledCircle, pool);
                var sel = points.Where(p => p.Selected).ToList();
                if (sel.Count > 0) yield return ("selected", Palette.ColorOf(1), MarkerShape.FilledCircle, sel);
                yield break;
            case MapColoring.Energy:
                var known = points.Where(p => p.EnergyPerAtom is { } e && double.IsFinite(e)).ToList();
                if (known.Count == 0) throw new ArgumentException("No point has an energy per atom to colour by.");
                double lo = known.Min(p => p.EnergyPerAtom!.Value), hi = known.Max(p => p.EnergyPerAtom!.Value);
                double width = (hi - lo) / EnergyBins;
                var bins = known.GroupBy(p => width > 0 ? Math.Min(EnergyBins - 1, (int)((p.EnergyPerAtom!.Value - lo) / width)) : 0)
                    .OrderBy(g => g.Key);
                foreach (var b in bins)
                    yield return (string.Create(CultureInfo.InvariantCulture, $"{lo + b.Key * width:0.000} – {lo + (b.Key + 1) * width:0.000} eV/atom"),
                        Palette.Sequential(EnergyBins == 1 ? 0 : b.Key / (double)(EnergyBins - 1)), MarkerShape.FilledCircle, b.ToList());
                var unknown = points.Where(p => p.EnergyPerAtom is not { } e || !double.IsFinite(e)).ToList();
                if (unknown.Count > 0) yield return ("no energy", Palette.Context, MarkerShape.FilledCircle, unknown);
                yield break;
            default:
                var groups = points.GroupBy(p => coloring == MapColoring.Cluster ? p.Cluster?.ToString(CultureInfo.InvariantCulture) : p.Group)
                    .OrderBy(g => g.Key is null ? 1 : 0)
                    .ThenBy(g => int.TryParse(g.Key, NumberStyles.Integer, CultureInfo.InvariantCulture, out int k) ? k : int.MaxValue)
                    .ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
                int i = 0;
                foreach (var g in groups)
                {
                    string name = g.Key is null ? (coloring == MapColoring.Cluster ? "no cluster" : "no group")
                        : coloring == MapColoring.Cluster ? $"cluster {g.Key}" : g.Key;
                    yield return (name, g.Key is null ? Palette.Context : Palette.ColorOf(i), g.Key is null ? MarkerShape.FilledCircle : Palette.ShapeOf(i), g.ToList());
                    if (g.Key is not null) i++;
                }
                yield break;
        }
    }
}
