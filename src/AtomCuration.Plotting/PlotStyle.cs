using ScottPlot;

namespace AtomCuration.Plotting;

/// <summary>Shared look: fonts large enough to read at the default 800 × 600 size, one font family, light grid.</summary>
public static class PlotStyle
{
    static PlotStyle() => NativeAssets.Register();

    /// <summary>Default figure width in pixels.</summary>
    public const int DefaultWidth = 800;

    /// <summary>Default figure height in pixels.</summary>
    public const int DefaultHeight = 600;

    /// <summary>The font every label uses (DejaVu Sans ships with Debian's fonts-dejavu-core; Skia falls back otherwise).</summary>
    public const string FontName = "DejaVu Sans";

    /// <summary>A new plot with the house style, axis labels (with units) and an optional title.</summary>
    public static Plot NewPlot(string xLabel, string yLabel, string? title = null)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.XLabel(xLabel, 16);
        plot.YLabel(yLabel, 16);
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left, plot.Axes.Right })
        {
            axis.TickLabelStyle.FontSize = 13;
            axis.Label.FontName = FontName;
            axis.TickLabelStyle.FontName = FontName;
        }
        plot.Legend.FontSize = 13;
        plot.Legend.FontName = FontName;
        if (!string.IsNullOrEmpty(title)) plot.Title(title, 17);
        return plot;
    }

    /// <summary>Labels a plot's right axis (for a second quantity), same style as the others.</summary>
    public static void RightLabel(Plot plot, string label)
    {
        plot.Axes.Right.Label.Text = label;
        plot.Axes.Right.Label.FontSize = 16;
        plot.Axes.Right.Label.FontName = FontName;
    }

    /// <summary>
    /// Turns an axis into a log10 axis for data already transformed by log10: major ticks at 1, 2, 5 × 10^k
    /// labelled with the untransformed values, minor ticks in between.
    /// </summary>
    public static void Log10Axis(IAxis axis, double minLog, double maxLog, IReadOnlyList<double>? at = null)
    {
        var ticks = new List<double>();
        var labels = new List<string>();
        if (at is { Count: > 1 and <= 12 } && at.All(v => v > 0))
        {
            foreach (double v in at.Distinct().Order())
            {
                ticks.Add(Math.Log10(v));
                labels.Add(FormatPlain(v));
            }
            axis.SetTicks(ticks.ToArray(), labels.ToArray());
            return;
        }
        int lo = (int)Math.Floor(minLog) - 1, hi = (int)Math.Ceiling(maxLog) + 1;
        bool sparse = maxLog - minLog > 3;
        for (int k = lo; k <= hi; k++)
            foreach (double m in sparse ? new[] { 1.0 } : maxLog - minLog < 1 ? new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0 } : new[] { 1.0, 2.0, 5.0 })
            {
                double v = m * Math.Pow(10, k), lv = Math.Log10(v);
                if (lv < minLog - 1e-9 || lv > maxLog + 1e-9) continue;
                ticks.Add(lv);
                labels.Add(FormatPlain(v));
            }
        if (ticks.Count < 2)
        {
            ticks.Clear(); labels.Clear();
            foreach (double lv in new[] { minLog, (minLog + maxLog) / 2, maxLog })
            {
                ticks.Add(lv);
                labels.Add(FormatPlain(Math.Pow(10, lv)));
            }
        }
        axis.SetTicks(ticks.ToArray(), labels.ToArray());
    }

    /// <summary>A number without exponent when it is between 1e-3 and 1e6, else in e-notation (invariant culture).</summary>
    public static string FormatPlain(double v) =>
        Math.Abs(v) >= 1e-3 && Math.Abs(v) < 1e6 ? v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)
            : v.ToString("0.#e0", System.Globalization.CultureInfo.InvariantCulture);
}
