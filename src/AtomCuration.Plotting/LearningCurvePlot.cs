using System.Globalization;
using ScottPlot;

namespace AtomCuration.Plotting;

/// <summary>What the x axis of a learning curve measures.</summary>
public enum CurveAxis
{
    /// <summary>Training-set size (structures): studies run at counts or fractions.</summary>
    Count,
    /// <summary>Labelling budget (the study's cost units, default Σ N_atoms³): studies run with -Budget, whose trials reach different counts.</summary>
    Budget,
    /// <summary>Environment-bank threshold: studies run with -Threshold (paper 001's error against threshold).</summary>
    Threshold,
}

/// <summary>One point of a learning curve: a method's median test error at a training-set size (or budget, or threshold), with its interquartile range.</summary>
/// <param name="Method">Selection method.</param>
/// <param name="Count">The x value: training-set size (structures), or the budget or threshold the trials were run at (<see cref="CurveAxis"/>).</param>
/// <param name="Median">Median test error over trials.</param>
/// <param name="Lower">First quartile (25th percentile).</param>
/// <param name="Upper">Third quartile (75th percentile).</param>
public sealed record CurvePoint(string Method, double Count, double Median, double Lower, double Upper);

/// <summary>One trial: a method, a training-set size and the test error it reached.</summary>
/// <param name="Method">Selection method.</param>
/// <param name="Count">The x value: training-set size (structures), budget or threshold (<see cref="CurveAxis"/>).</param>
/// <param name="Value">Test error of the trial.</param>
public readonly record struct TrialValue(string Method, double Count, double Value);

/// <summary>
/// Test error against training-set size, one line per method: the median over trials with the
/// interquartile band (25th–75th percentile) shaded, log-scaled size axis, and optionally the error of
/// the fit to all the data as a horizontal reference line (paper 002's learning curves). Studies at a
/// labelling budget or at bank thresholds are drawn against the budget or the threshold instead
/// (<see cref="CurveAxis"/>): their trials reach different counts, so the count would scatter them.
/// </summary>
public static class LearningCurvePlot
{
    /// <summary>Median and quartiles (<see cref="Quantiles"/>) of the trials of every (method, size).</summary>
    public static IReadOnlyList<CurvePoint> Summarise(IEnumerable<TrialValue> trials) =>
        trials.Where(t => double.IsFinite(t.Value))
            .GroupBy(t => (t.Method, t.Count))
            .Select(g =>
            {
                var v = g.Select(t => t.Value).ToArray();
                return new CurvePoint(g.Key.Method, g.Key.Count, Quantiles.Of(v, 0.5), Quantiles.Of(v, 0.25), Quantiles.Of(v, 0.75));
            })
            .OrderBy(p => p.Method, StringComparer.Ordinal).ThenBy(p => p.Count)
            .ToList();

    /// <summary>Builds the figure; <paramref name="errorLabel"/> names the error with its unit, e.g. "Test energy RMSE (meV/atom)";
    /// <paramref name="axis"/> says what the points' x values are.</summary>
    public static Figure Create(IReadOnlyList<CurvePoint> points, string errorLabel, double? reference = null, string? title = null, CurveAxis axis = CurveAxis.Count)
    {
        ArgumentNullException.ThrowIfNull(points);
        var valid = points.Where(p => p.Count > 0 && double.IsFinite(p.Median)).ToList();
        if (valid.Count == 0) throw new ArgumentException($"A learning curve needs at least one point with a positive {AxisNoun(axis)} and a finite error.");
        var plot = PlotStyle.NewPlot(AxisLabel(axis), errorLabel, title);
        var methods = valid.GroupBy(p => p.Method).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        for (int i = 0; i < methods.Count; i++)
        {
            var m = methods[i].OrderBy(p => p.Count).ToArray();
            double[] x = m.Select(p => Math.Log10(p.Count)).ToArray();
            var color = Palette.ColorOf(i);
            if (m.Any(p => double.IsFinite(p.Lower) && double.IsFinite(p.Upper) && p.Upper > p.Lower))
            {
                var band = plot.Add.FillY(x, m.Select(p => double.IsFinite(p.Lower) ? p.Lower : p.Median).ToArray(),
                    m.Select(p => double.IsFinite(p.Upper) ? p.Upper : p.Median).ToArray());
                band.FillColor = color.WithAlpha(0.2);
                band.LineWidth = 0;
                band.MarkerSize = 0;
            }
            var line = plot.Add.Scatter(x, m.Select(p => p.Median).ToArray(), color);
            line.LineWidth = 2.5f;
            line.MarkerSize = 8;
            line.MarkerShape = Palette.ShapeOf(i);
            line.LegendText = $"{methods[i].Key} (median, IQR band)";
        }
        if (reference is { } r && double.IsFinite(r))
        {
            var h = plot.Add.HorizontalLine(r, 2, Colors.Black, LinePattern.Solid);
            h.LegendText = string.Create(CultureInfo.InvariantCulture, $"all data: {r:0.##}");
        }
        double minX = valid.Min(p => Math.Log10(p.Count)), maxX = valid.Max(p => Math.Log10(p.Count));
        double padX = Math.Max(0.05, (maxX - minX) * 0.05);
        PlotStyle.Log10Axis(plot.Axes.Bottom, minX - padX, maxX + padX, valid.Select(p => p.Count).Distinct().ToList());
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsX(minX - padX, maxX + padX);
        double maxY = valid.Max(p => double.IsFinite(p.Upper) ? Math.Max(p.Upper, p.Median) : p.Median);
        if (reference is { } rr && double.IsFinite(rr)) maxY = Math.Max(maxY, rr);
        plot.Axes.SetLimitsY(0, maxY * 1.1 + 1e-12);
        plot.ShowLegend(Edge.Right);
        return new Figure(plot);
    }

    /// <summary>The x-axis label of <paramref name="axis"/>.</summary>
    public static string AxisLabel(CurveAxis axis) => axis switch
    {
        CurveAxis.Budget => "Labelling budget (cost, log scale)",
        CurveAxis.Threshold => "Environment-bank threshold (log scale)",
        _ => "Training-set size (structures, log scale)",
    };

    private static string AxisNoun(CurveAxis axis) => axis switch
    {
        CurveAxis.Budget => "budget",
        CurveAxis.Threshold => "threshold",
        _ => "size",
    };
}
