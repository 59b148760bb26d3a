using System.Globalization;
using ScottPlot;

namespace AtomCuration.Plotting;

/// <summary>One point of an environment-bank scan.</summary>
/// <param name="Threshold">Distance threshold (in the bank's scaled descriptor units).</param>
/// <param name="Environments">Environments in the bank after visiting the pool.</param>
/// <param name="Structures">Structures selected (that added at least one environment); null when unknown.</param>
public sealed record BankScanPoint(double Threshold, int Environments, int? Structures);

/// <summary>One point of a δ scan (Select-Configuration -ScanDelta).</summary>
/// <param name="Delta">Hybrid weight δ.</param>
/// <param name="Clusters">Cluster count chosen for δ.</param>
/// <param name="MeanEnergyStd">Mean within-cluster energy standard deviation (eV/atom).</param>
public sealed record DeltaPoint(double Delta, int Clusters, double MeanEnergyStd);

/// <summary>
/// The scan plots: PCA cumulative explained variance (paper 000), environment-bank size against the
/// threshold (paper 001), cluster count and ⟨σ⟩_E against δ (paper 003), and a fit's loss history.
/// Lines are solid: Skia's SVG backend drops dash patterns, so series differ by colour and marker shape.
/// </summary>
public static class ScanPlots
{
    /// <summary>Scan curves with more points than this are drawn as lines only.</summary>
    public const int MarkersUpTo = 200;

    /// <summary>Cumulative explained variance (%) against the number of principal components, with 90 %, 95 % and 99 % guides.</summary>
    public static Figure Variance(IReadOnlyList<double> explainedVarianceRatio, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(explainedVarianceRatio);
        if (explainedVarianceRatio.Count == 0) throw new ArgumentException("No explained-variance ratios.");
        var plot = PlotStyle.NewPlot("Principal components (count)", "Cumulative explained variance (%)", title);
        var x = new double[explainedVarianceRatio.Count];
        var y = new double[x.Length];
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += explainedVarianceRatio[i];
            x[i] = i + 1;
            y[i] = 100 * sum;
        }
        double[] guides = [90, 95, 99];
        for (int g = 0; g < guides.Length; g++)
        {
            int needed = Array.FindIndex(y, v => v >= guides[g] - 1e-9) + 1;
            var h = plot.Add.HorizontalLine(guides[g], 1.5f, Palette.ColorOf(g + 1), LinePattern.Solid);
            h.LegendText = needed > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{guides[g]:0} %: {needed} components")
                : string.Create(CultureInfo.InvariantCulture, $"{guides[g]:0} %: not reached");
        }
        var s = plot.Add.Scatter(x, y, Palette.ColorOf(0));
        s.LineWidth = 2.5f;
        s.MarkerSize = x.Length > 60 ? 0 : 6;
        s.LegendText = "cumulative explained variance";
        plot.Axes.SetLimits(0, x.Length + 1, 0, 102);
        plot.ShowLegend(Alignment.LowerRight);
        return new Figure(plot);
    }

    /// <summary>Bank size (environments, left axis) and selected structures (right axis) against the threshold.</summary>
    public static Figure BankScan(IReadOnlyList<BankScanPoint> points, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0) throw new ArgumentException("No bank-scan points.");
        var p = points.OrderBy(q => q.Threshold).ToArray();
        var plot = PlotStyle.NewPlot("Threshold (scaled descriptor distance, dimensionless)", "Environments in the bank (count)", title);
        var env = plot.Add.Scatter(p.Select(q => q.Threshold).ToArray(), p.Select(q => (double)q.Environments).ToArray(), Palette.ColorOf(0));
        env.LineWidth = 2.5f;
        env.MarkerSize = p.Length > MarkersUpTo ? 0 : 8;
        env.LegendText = "environments (left axis)";
        if (p.All(q => q.Structures is not null))
        {
            var st = plot.Add.Scatter(p.Select(q => q.Threshold).ToArray(), p.Select(q => (double)q.Structures!.Value).ToArray(), Palette.ColorOf(1));
            st.LineWidth = 2.5f;
            st.MarkerSize = p.Length > MarkersUpTo ? 0 : 8;
            st.MarkerShape = MarkerShape.FilledSquare;
            st.Axes.YAxis = plot.Axes.Right;
            st.LegendText = "selected structures (right axis)";
            PlotStyle.RightLabel(plot, "Selected structures (count)");
        }
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, plot.Axes.GetLimits(plot.Axes.Bottom, plot.Axes.Left).Top * 1.05, plot.Axes.Left);
        if (p.All(q => q.Structures is not null))
            plot.Axes.SetLimitsY(0, p.Max(q => q.Structures!.Value) * 1.1 + 1, plot.Axes.Right);
        plot.ShowLegend(Alignment.UpperRight);
        return new Figure(plot);
    }

    /// <summary>Cluster count (left axis) and mean within-cluster energy spread ⟨σ⟩_E in meV/atom (right axis) against δ.</summary>
    public static Figure DeltaScan(IReadOnlyList<DeltaPoint> points, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0) throw new ArgumentException("No δ-scan points.");
        var p = points.OrderBy(q => q.Delta).ToArray();
        double[] x = p.Select(q => q.Delta).ToArray();
        var plot = PlotStyle.NewPlot("δ (hybrid kernel weight, dimensionless)", "Clusters (count)", title);
        var c = plot.Add.Scatter(x, p.Select(q => (double)q.Clusters).ToArray(), Palette.ColorOf(0));
        c.LineWidth = 2.5f;
        c.MarkerSize = p.Length > MarkersUpTo ? 0 : 8;
        c.LegendText = "clusters (left axis)";
        var s = plot.Add.Scatter(x, p.Select(q => q.MeanEnergyStd * 1000).ToArray(), Palette.ColorOf(1));
        s.LineWidth = 2.5f;
        s.MarkerShape = MarkerShape.FilledSquare;
        s.MarkerSize = p.Length > MarkersUpTo ? 0 : 8;
        s.Axes.YAxis = plot.Axes.Right;
        s.LegendText = "⟨σ⟩_E (right axis)";
        PlotStyle.RightLabel(plot, "⟨σ⟩_E within clusters (meV/atom)");
        int best = Array.IndexOf(p, p.MinBy(q => q.MeanEnergyStd)!);
        var v = plot.Add.VerticalLine(x[best], 1.5f, Colors.Gray, LinePattern.Solid);
        v.LegendText = string.Create(CultureInfo.InvariantCulture, $"lowest ⟨σ⟩_E at δ = {x[best]:0.###}");
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, p.Max(q => q.Clusters) * 1.15 + 0.5, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, p.Max(q => q.MeanEnergyStd) * 1000 * 1.15 + 1e-9, plot.Axes.Right);
        plot.ShowLegend(Alignment.UpperRight);
        return new Figure(plot);
    }

    /// <summary>Loss against accepted optimiser steps, log-scaled loss axis.</summary>
    public static Figure LossHistory(IReadOnlyList<double> losses, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(losses);
        var valid = losses.Select((l, i) => (Step: (double)i, Loss: l)).Where(t => t.Loss > 0 && double.IsFinite(t.Loss)).ToArray();
        if (valid.Length == 0) throw new ArgumentException("No positive, finite loss values.");
        var plot = PlotStyle.NewPlot("Accepted Levenberg–Marquardt steps (count)", "Loss (weighted sum of squares, log scale)", title);
        double[] y = valid.Select(t => Math.Log10(t.Loss)).ToArray();
        var s = plot.Add.Scatter(valid.Select(t => t.Step).ToArray(), y, Palette.ColorOf(0));
        s.LineWidth = 2.5f;
        s.MarkerSize = valid.Length > 100 ? 0 : 5;
        s.LegendText = string.Create(CultureInfo.InvariantCulture, $"loss: {valid[0].Loss:0.###e0} → {valid[^1].Loss:0.###e0}");
        double lo = y.Min(), hi = y.Max();
        double pad = Math.Max(0.05, (hi - lo) * 0.05);
        PlotStyle.Log10Axis(plot.Axes.Left, lo - pad, hi + pad);
        plot.Axes.SetLimits(-0.5, Math.Max(1, valid[^1].Step) + 0.5, lo - pad, hi + pad);
        plot.ShowLegend(Alignment.UpperRight);
        return new Figure(plot);
    }
}
