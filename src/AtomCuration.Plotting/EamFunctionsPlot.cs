using System.Globalization;
using AtomCuration.Potentials.Eam;
using ScottPlot;

namespace AtomCuration.Plotting;

/// <summary>Where the training data sits for an EAM potential: its pair distances and host densities.</summary>
/// <param name="PairDistances">Every pair distance within the cutoff (Å), each pair once.</param>
/// <param name="Densities">Host density ρ̄_i of every atom, by element symbol.</param>
public sealed record EamDataCoverage(IReadOnlyList<double> PairDistances, IReadOnlyDictionary<string, double[]> Densities);

/// <summary>
/// The fitted EAM functions — pair term φ(r), density ρ(r), embedding F(ρ̄) — in three columns, each above a
/// histogram of where the training data lies (pair distances under φ and ρ, host densities under F), so one
/// sees where the potential interpolates and where it extrapolates.
/// </summary>
public static class EamFunctionsPlot
{
    /// <summary>Builds the figure (2 rows × 3 columns); <paramref name="coverage"/> may be null (no histograms, one row).</summary>
    public static Figure Create(EamPotential potential, EamDataCoverage? coverage, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(potential);
        int n = potential.ElementCount;
        double rMin = coverage is { PairDistances.Count: > 0 } ? Math.Max(0.5, coverage.PairDistances.Min() * 0.85) : 0.3 * potential.Cutoff;
        double rMax = potential.Cutoff;
        const int samples = 400;
        double[] r = Enumerable.Range(0, samples).Select(k => rMin + (rMax - rMin) * k / (samples - 1)).ToArray();

        var phi = PlotStyle.NewPlot("Distance r (Å)", "Pair term φ(r) (eV)", title is null ? "Pair term φ" : $"{title}: φ");
        var rho = PlotStyle.NewPlot("Distance r (Å)", "Density ρ(r) (arb. units)", "Density function ρ");
        double maxDensity = coverage is null ? 0 : coverage.Densities.Values.SelectMany(v => v).DefaultIfEmpty(0).Max();
        if (!(maxDensity > 0))
            maxDensity = Enumerable.Range(0, n).Max(a => 12 * Math.Abs(potential.Density(a, a).Value(rMin)));
        double rhoTop = maxDensity * 1.3;
        double[] rhoGrid = Enumerable.Range(0, samples).Select(k => rhoTop * k / (samples - 1)).ToArray();
        var emb = PlotStyle.NewPlot("Host density ρ̄ (arb. units)", "Embedding F(ρ̄) (eV)", "Embedding function F");

        int series = 0;
        double phiLow = double.PositiveInfinity, phiHigh = double.NegativeInfinity;
        for (int a = 0; a < n; a++)
            for (int b = 0; b <= a; b++)
            {
                var f = potential.Pair(a, b);
                double[] y = r.Select(f.Value).ToArray();
                var s = phi.Add.ScatterLine(r, y, Palette.ColorOf(series++));
                s.LineWidth = 2.5f;
                s.LegendText = $"φ {potential.Elements[b].Symbol}–{potential.Elements[a].Symbol}";
                foreach (double v in y.Where(double.IsFinite)) { phiLow = Math.Min(phiLow, v); phiHigh = Math.Max(phiHigh, v); }
            }
        for (int a = 0; a < n; a++)
        {
            var d = rho.Add.ScatterLine(r, r.Select(potential.Density(a, a).Value).ToArray(), Palette.ColorOf(a));
            d.LineWidth = 2.5f;
            d.LegendText = $"ρ {potential.Elements[a].Symbol}";
            var e = emb.Add.ScatterLine(rhoGrid, rhoGrid.Select(potential.Embedding(a).Value).ToArray(), Palette.ColorOf(a));
            e.LineWidth = 2.5f;
            e.LegendText = $"F {potential.Elements[a].Symbol}";
        }
        // φ rises steeply at short range: show from its minimum to a few times its depth so the well stays visible.
        double depth = Math.Max(Math.Abs(phiLow), 0.05);
        phi.Axes.SetLimits(rMin, rMax, Math.Min(phiLow, 0) - 0.2 * depth, Math.Min(phiHigh, 4 * depth) + 0.1 * depth);
        rho.Axes.AutoScale();
        rho.Axes.SetLimitsX(rMin, rMax);
        emb.Axes.AutoScale();
        emb.Axes.SetLimitsX(0, rhoTop);
        foreach (var p in new[] { phi, rho, emb }) p.ShowLegend(Alignment.UpperRight);

        var multi = new Multiplot(phi);
        multi.Subplots.Add(rho);
        multi.Subplots.Add(emb);
        if (coverage is null)
        {
            multi.Layout = new GridLayout(3, 1);
            return new Figure(multi);
        }
        var hr1 = Histogram(coverage.PairDistances, rMin, rMax, "Distance r (Å)", "Pairs in training data (count)", Palette.ColorOf(0), "pair distances");
        var hr2 = Histogram(coverage.PairDistances, rMin, rMax, "Distance r (Å)", "Pairs in training data (count)", Palette.ColorOf(0), "pair distances");
        var hd = PlotStyle.NewPlot("Host density ρ̄ (arb. units)", "Atoms in training data (count)");
        int k2 = 0;
        foreach (var (symbol, values) in coverage.Densities.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            AddBars(hd, values, 0, rhoTop, Palette.ColorOf(k2++), string.Create(CultureInfo.InvariantCulture, $"ρ̄ {symbol} ({values.Length} atoms)"));
        hd.Axes.SetLimits(0, rhoTop, 0, 1.1 * Math.Max(1, coverage.Densities.Values.Max(v => MaxCount(v, 0, rhoTop))));
        hd.ShowLegend(Alignment.UpperRight);
        multi.Subplots.Add(hr1);
        multi.Subplots.Add(hr2);
        multi.Subplots.Add(hd);
        multi.Layout = new GridLayout(3, 3, 2);
        return new Figure(multi);
    }

    private static Plot Histogram(IReadOnlyList<double> values, double lo, double hi, string x, string y, Color color, string legend)
    {
        var p = PlotStyle.NewPlot(x, y);
        AddBars(p, values, lo, hi, color, string.Create(CultureInfo.InvariantCulture, $"{legend} ({values.Count})"));
        p.Axes.SetLimits(lo, hi, 0, 1.1 * Math.Max(1, MaxCount(values, lo, hi)));
        p.ShowLegend(Alignment.UpperRight);
        return p;
    }

    private const int Bins = 60;

    private static double MaxCount(IReadOnlyList<double> values, double lo, double hi) => Counts(values, lo, hi).Max();

    private static double[] Counts(IReadOnlyList<double> values, double lo, double hi)
    {
        double width = (hi - lo) / Bins;
        var counts = new double[Bins];
        foreach (double v in values)
            if (v >= lo && v <= hi) counts[Math.Min(Bins - 1, (int)((v - lo) / width))]++;
        return counts;
    }

    private static void AddBars(Plot p, IReadOnlyList<double> values, double lo, double hi, Color color, string legend)
    {
        const int bins = Bins;
        double width = (hi - lo) / bins;
        var counts = Counts(values, lo, hi);
        var xs = new double[bins + 1];
        var ys = new double[bins + 1];
        for (int b = 0; b <= bins; b++) { xs[b] = lo + b * width; ys[b] = counts[Math.Min(b, bins - 1)]; }
        var s = p.Add.Scatter(xs, ys, color);
        s.ConnectStyle = ConnectStyle.StepHorizontal;
        s.LineWidth = 1.5f;
        s.MarkerSize = 0;
        s.FillY = true;
        s.FillYColor = color.WithAlpha(0.3);
        s.FillYValue = 0;
        s.LegendText = legend;
    }
}
