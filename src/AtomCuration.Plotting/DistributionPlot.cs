using ScottPlot;

namespace AtomCuration.Plotting;

/// <summary>The values of one set for a distribution plot.</summary>
/// <param name="Name">Set name (legend).</param>
/// <param name="Values">Values in the plotted unit.</param>
public sealed record ValueSet(string Name, IReadOnlyList<double> Values);

/// <summary>How a distribution plot draws each set.</summary>
public enum DistributionStyle
{
    /// <summary>Probability-density histograms on shared bins (<see cref="DistributionPlot"/>).</summary>
    Histogram,
    /// <summary>Kernel-density violins with median and IQR, Silverman bandwidth (<see cref="ViolinPlot"/>).</summary>
    Violin,
}

/// <summary>
/// Histograms of one quantity for several sets side by side: shared bin edges, each set normalised to a
/// probability density (∫ = 1) so sets of different size compare, drawn as outlined steps with a light fill.
/// </summary>
public static class DistributionPlot
{
    /// <summary>Builds the figure; <paramref name="valueLabel"/> names the quantity with its unit.</summary>
    public static Figure Create(IReadOnlyList<ValueSet> sets, string valueLabel, int bins = 40, string? title = null, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var finite = sets.Select(s => new ValueSet(s.Name, s.Values.Where(double.IsFinite).ToArray())).Where(s => s.Values.Count > 0).ToList();
        if (finite.Count == 0) throw new ArgumentException("A distribution needs at least one finite value.");
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), "At least one bin.");
        double lo = finite.Min(s => s.Values.Min()), hi = finite.Max(s => s.Values.Max());
        if (hi <= lo) { lo -= 0.5; hi += 0.5; }
        double width = (hi - lo) / bins;
        string densityUnit = unit is null ? "" : $" (1/{unit})";
        var plot = PlotStyle.NewPlot(valueLabel, "Probability density" + (unit is null ? " (1/unit)" : densityUnit), title);
        for (int k = 0; k < finite.Count; k++)
        {
            var counts = new double[bins];
            foreach (double v in finite[k].Values) counts[Math.Min(bins - 1, (int)((v - lo) / width))]++;
            double norm = 1.0 / (finite[k].Values.Count * width);
            // Step outline: x at the bin edges, the last edge repeats the last height.
            var xs = new double[bins + 1];
            var ys = new double[bins + 1];
            for (int b = 0; b <= bins; b++)
            {
                xs[b] = lo + b * width;
                ys[b] = counts[Math.Min(b, bins - 1)] * norm;
            }
            var color = Palette.ColorOf(k);
            var s = plot.Add.Scatter(xs, ys, color);
            s.ConnectStyle = ConnectStyle.StepHorizontal;
            s.LineWidth = 2.5f;
            s.MarkerSize = 0;
            s.FillY = true;
            s.FillYColor = color.WithAlpha(0.15);
            s.FillYValue = 0;
            s.LegendText = $"{finite[k].Name} (n = {finite[k].Values.Count})";
        }
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, plot.Axes.GetLimits().Top);
        plot.ShowLegend(Alignment.UpperRight);
        return new Figure(plot);
    }
}
