using System.Globalization;
using AtomCuration.IO;
using AtomCuration.Structures;
using ScottPlot;

namespace AtomCuration.Bench;

/// <summary>
/// The large-pool figures (bench/large-pool/run.sh drives it): <c>large-pool generate N FILE</c> writes N structures
/// made by perturbing the bundled Cu cells (examples/data/Cu_SNAP_sample.extxyz.gz, 108 atoms each) — cell i is
/// bundled cell i mod 59, strained isotropically by a factor uniform in [0.98, 1.02] and every atom displaced by a
/// Gaussian of σ = 0.05 Å per axis (seed = i, so any N is a prefix of a larger pool); energies and forces are
/// dropped (they belong to the unperturbed cells), config_type is kept. <c>large-pool plot CSV PNG</c> draws the
/// CPU time (user + sys: the figure that survives a shared machine's load) per stage and the peak RSS against N on
/// log–log axes from run.sh's table.
/// </summary>
public sealed class LargePoolBench : IBenchmark
{
    public string Name => "large-pool";
    public string Description => "generate N perturbed Cu cells (large-pool generate N FILE) or plot run.sh's table (large-pool plot CSV PNG)";

    public int Run(string[] args)
    {
        if (args.Length == 3 && args[0] == "generate") return Generate(long.Parse(args[1], CultureInfo.InvariantCulture), args[2]);
        if (args.Length == 3 && args[0] == "plot") return Plot(args[1], args[2]);
        Console.Error.WriteLine("usage: large-pool generate N FILE | large-pool plot CSV PNG");
        return 2;
    }

    private static int Generate(long n, string file)
    {
        string sample = Path.Combine(BenchPaths.RepoRoot(), "examples", "data", "Cu_SNAP_sample.extxyz.gz");
        var cells = StructureIO.Read(sample).Select(r => r.Structure!).ToList();
        var writer = new ExtXyzWriter();
        using var text = new StreamWriter(file, false, new System.Text.UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        for (long i = 0; i < n; i++)
        {
            var c = cells[(int)(i % cells.Count)];
            var rng = new Random(unchecked((int)i));
            double scale = 0.98 + 0.04 * rng.NextDouble();
            var positions = c.Positions.Select(p => scale * p + 0.05 * new Vec3(Gauss(rng), Gauss(rng), Gauss(rng))).ToArray();
            var cell = new Cell(scale * c.Cell[0], scale * c.Cell[1], scale * c.Cell[2]);
            var info = c.GetInfo("config_type") is { } type ? new Dictionary<string, object> { ["config_type"] = type } : new Dictionary<string, object>();
            writer.Write(text, new Structure(c.AtomicNumbers, [.. positions], cell, c.Pbc) { Info = info });
        }
        return 0;
    }

    private static double Gauss(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>Columns of run.sh's table: n,stage,seconds,cpu_seconds,peak_rss_mb.</summary>
    private static int Plot(string csv, string png)
    {
        var rows = File.ReadLines(csv).Skip(1).Select(l => l.Split(',')).Select(f => (N: double.Parse(f[0], CultureInfo.InvariantCulture), Stage: f[1],
            Seconds: double.Parse(f[3], CultureInfo.InvariantCulture), Rss: double.Parse(f[4], CultureInfo.InvariantCulture))).ToList();
        var multi = new Multiplot();
        multi.AddPlots(2);
        var (time, rss) = (multi.GetPlot(0), multi.GetPlot(1));
        foreach (var stage in rows.GroupBy(r => r.Stage))
        {
            var ordered = stage.OrderBy(r => r.N).ToArray();
            var xs = ordered.Select(r => Math.Log10(r.N)).ToArray();
            var t = time.Add.Scatter(xs, ordered.Select(r => Math.Log10(r.Seconds)).ToArray());
            t.LegendText = stage.Key;
            var m = rss.Add.Scatter(xs, ordered.Select(r => Math.Log10(r.Rss)).ToArray());
            m.LegendText = stage.Key;
        }
        Decades(time, rows.Select(r => r.N), rows.Select(r => r.Seconds), "CPU time, user + sys (s)");
        Decades(rss, rows.Select(r => r.N), rows.Select(r => r.Rss), "peak RSS (MB)");
        var limit = rss.Add.HorizontalLine(Math.Log10(2048));
        limit.LegendText = "2 GB goal";
        limit.LinePattern = LinePattern.Dashed;
        time.ShowLegend(Alignment.UpperLeft);
        rss.ShowLegend(Alignment.UpperLeft);
        multi.SavePng(png, 1200, 500);
        return 0;
    }

    /// <summary>Log–log axes drawn from log10 values, labelled at whole decades.</summary>
    private static void Decades(Plot plot, IEnumerable<double> xs, IEnumerable<double> ys, string yLabel)
    {
        static (double[], string[]) Ticks(IEnumerable<double> v)
        {
            var logs = v.Select(Math.Log10).ToArray();
            var at = Enumerable.Range((int)Math.Floor(logs.Min()), (int)Math.Ceiling(logs.Max()) - (int)Math.Floor(logs.Min()) + 1).Select(e => (double)e).ToArray();
            return (at, at.Select(e => e >= 0 && e <= 6 ? Math.Pow(10, e).ToString("N0", CultureInfo.InvariantCulture) : $"1e{e}").ToArray());
        }
        var (xt, xl) = Ticks(xs);
        var (yt, yl) = Ticks(ys);
        plot.Axes.Bottom.SetTicks(xt, xl);
        plot.Axes.Left.SetTicks(yt, yl);
        plot.XLabel("structures in the pool");
        plot.YLabel(yLabel);
    }
}
