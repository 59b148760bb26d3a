using ScottPlot;

namespace AtomCuration.Plotting;

/// <summary>
/// One violin per set side by side: the set's Gaussian kernel density (<see cref="KernelDensity"/>, Silverman bandwidth),
/// mirrored about the set's position and drawn over the set's own range, with the median as a white dot and the
/// interquartile range as a thick bar. Every violin has the same maximum width, so shapes (not areas) compare.
/// </summary>
public static class ViolinPlot
{
    private const int GridPoints = 200;
    private const double HalfWidth = 0.4;

    /// <summary>Builds the figure; <paramref name="valueLabel"/> names the quantity with its unit (vertical axis).</summary>
    public static Figure Create(IReadOnlyList<ValueSet> sets, string valueLabel, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var finite = sets.Select(s => new ValueSet(s.Name, s.Values.Where(double.IsFinite).ToArray())).Where(s => s.Values.Count > 0).ToList();
        if (finite.Count == 0) throw new ArgumentException("A distribution needs at least one finite value.");
        var plot = PlotStyle.NewPlot("Set (Gaussian KDE, Silverman bandwidth)", valueLabel, title);
        var ticks = new List<Tick>();
        for (int k = 0; k < finite.Count; k++)
        {
            var values = finite[k].Values;
            double lo = values.Min(), hi = values.Max();
            var color = Palette.ColorOf(k);
            if (hi > lo)
            {
                double h = KernelDensity.SilvermanBandwidth(values);
                var at = new double[GridPoints];
                for (int i = 0; i < GridPoints; i++) at[i] = lo + (hi - lo) * i / (GridPoints - 1);
                double[] density = KernelDensity.Evaluate(values, h, at);
                double scale = HalfWidth / density.Max();
                // Outline: up the right side, down the left side.
                var outline = new Coordinates[2 * GridPoints];
                for (int i = 0; i < GridPoints; i++)
                {
                    outline[i] = new Coordinates(k + density[i] * scale, at[i]);
                    outline[2 * GridPoints - 1 - i] = new Coordinates(k - density[i] * scale, at[i]);
                }
                var violin = plot.Add.Polygon(outline);
                violin.FillColor = color.WithAlpha(0.35);
                violin.LineColor = color;
                violin.LineWidth = 2;
            }
            double q1 = Quantiles.Of(values, 0.25), median = Quantiles.Of(values, 0.5), q3 = Quantiles.Of(values, 0.75);
            var box = plot.Add.Line(k, q1, k, q3);
            box.LineColor = Colors.Black.WithAlpha(0.75);
            box.LineWidth = 5;
            box.MarkerSize = 0;
            var mid = plot.Add.Marker(k, median, MarkerShape.FilledCircle, 8, Colors.White);
            mid.MarkerLineColor = Colors.Black;
            mid.MarkerLineWidth = 1;
            ticks.Add(new Tick(k, $"{finite[k].Name} (n = {values.Count})"));
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsX(-0.6, finite.Count - 0.4);
        plot.Grid.XAxisStyle.IsVisible = false;
        return new Figure(plot);
    }
}
