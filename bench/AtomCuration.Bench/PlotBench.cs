using System.Diagnostics;
using AtomCuration.Plotting;
using AtomCuration.Plotting.Report;
using AtomCuration.Potentials.Eam;

namespace AtomCuration.Bench;

/// <summary>
/// Time to draw every Export-CurationPlot kind (PNG and SVG, 800 × 600; EamFunctions 1500 × 900) and to write the
/// HTML report, for N points of synthetic data (default 1,800 and 100,000); with Debian's chromium installed, also
/// the time headless Chromium takes to load the report until every plot has rendered.
/// <c>plots [N…] [--out DIR]</c>.
/// </summary>
public sealed class PlotBench : IBenchmark
{
    public string Name => "plots";
    public string Description => "draw each plot kind and the HTML report for 1,800 and 100,000 points";

    public int Run(string[] args)
    {
        var sizes = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(int.Parse).ToList();
        if (sizes.Count == 0) sizes = [1_800, 100_000];
        int outAt = Array.IndexOf(args, "--out");
        string dir = outAt >= 0 ? args[outAt + 1] : Path.Combine(Path.GetTempPath(), "atomcuration-plot-bench");
        Directory.CreateDirectory(dir);
        Draw(Kinds(200)[0].Make, dir, "warmup", 0); // JIT, fonts
        Console.WriteLine($"{"kind",-14} {"N",8} {"PNG ms",8} {"SVG ms",8} {"SVG MB",7}");
        foreach (int n in sizes)
        {
            foreach (var (kind, make) in Kinds(n))
            {
                var (png, svg, bytes) = Draw(make, dir, kind, n);
                Console.WriteLine($"{kind,-14} {n,8:N0} {png,8:F0} {svg,8:F0} {bytes / 1e6,7:F2}");
            }
            Report(n, dir);
        }
        return 0;
    }

    private static (double Png, double Svg, long SvgBytes) Draw(Func<(Figure, int, int)> make, string dir, string kind, int n)
    {
        var sw = Stopwatch.StartNew();
        var (figure, w, h) = make();
        FigureFile.Save(figure, Path.Combine(dir, $"{kind}-{n}.png"), w, h);
        double png = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        (figure, w, h) = make();
        string svgPath = Path.Combine(dir, $"{kind}-{n}.svg");
        FigureFile.Save(figure, svgPath, w, h);
        return (png, sw.Elapsed.TotalMilliseconds, new FileInfo(svgPath).Length);
    }

    private static List<(string Kind, Func<(Figure, int, int)> Make)> Kinds(int n)
    {
        var rng = new Random(1);
        double Gauss() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        string[] groups = ["AIMD", "Elastic", "Surface", "Vacancy"];
        var parity = Enumerable.Range(0, n).Select(i =>
        {
            double r = -4 + 0.3 * Gauss();
            return new ParityPoint(r, r + 0.005 * Gauss(), groups[i % 4]);
        }).ToList();
        var map = Enumerable.Range(0, n).Select(i =>
        {
            int c = i % 8;
            return new MapPoint(3 * Math.Cos(c) + Gauss(), 3 * Math.Sin(c) + Gauss(), groups[i % 4], c, -4 + 0.2 * Gauss(), i % 10 == 0);
        }).ToList();
        var sets = new List<ValueSet>
        {
            new("selected", Enumerable.Range(0, n / 10).Select(_ => 2.5 + 0.1 * Gauss()).ToArray()),
            new("pool", Enumerable.Range(0, n).Select(_ => 2.5 + 0.12 * Gauss()).ToArray()),
        };
        string[] methods = ["Random", "Fps", "KMeans"];
        var trials = Enumerable.Range(0, n).Select(i =>
        {
            double count = Math.Round(10 * Math.Pow(2, i / 3 % 10));
            return new TrialValue(methods[i % 3], count, 50 / Math.Sqrt(count) * (1 + 0.2 * Gauss()));
        }).ToList();
        var ratios = Enumerable.Range(0, n).Select(k => Math.Exp(-k / (0.01 * n + 1))).ToArray();
        double total = ratios.Sum();
        // A δ scan is a step function of δ (cluster count) and a smooth spread; a 100,000-point zigzag instead
        // (cluster count jumping every point) costs about a minute as PNG: Skia strokes 100k overlapping segments.
        var delta = Enumerable.Range(0, n).Select(k =>
        {
            double d = k / (double)Math.Max(1, n - 1);
            return new DeltaPoint(d, 2 + (int)(12 * (1 - d)), 0.01 + 0.005 * Math.Sin(6 * d));
        }).ToList();
        var bank = Enumerable.Range(0, n).Select(k => new BankScanPoint(0.01 + k * 0.5 / n, (int)(5000 * Math.Exp(-k * 5.0 / n)), (int)(300 * Math.Exp(-k * 3.0 / n)))).ToList();
        var losses = Enumerable.Range(0, n).Select(k => 10 * Math.Exp(-k * 10.0 / n) + 1e-3).ToArray();
        var cu = ZhouJohnsonWadley.Published("Cu");
        var coverage = new EamDataCoverage(Enumerable.Range(0, n).Select(_ => 2.5 + 0.8 * Math.Abs(Gauss())).ToArray(),
            new Dictionary<string, double[]> { ["Cu"] = Enumerable.Range(0, n).Select(_ => 20 + 2 * Gauss()).ToArray() });
        return
        [
            ("Parity", () => (ParityPlot.Create(parity, ParityQuantity.Energy), 800, 600)),
            ("LearningCurve", () => (LearningCurvePlot.Create(LearningCurvePlot.Summarise(trials), "Test energy RMSE (meV/atom)", 2.0), 800, 600)),
            ("Map", () => (MapPlot.Create(map, MapColoring.Cluster), 800, 600)),
            ("Distribution", () => (DistributionPlot.Create(sets, "Nearest-neighbour distance (Å)", 40, null, "Å"), 800, 600)),
            ("Variance", () => (ScanPlots.Variance(ratios.Select(r => r / total).ToArray()), 800, 600)),
            ("BankScan", () => (ScanPlots.BankScan(bank), 800, 600)),
            ("DeltaScan", () => (ScanPlots.DeltaScan(delta), 800, 600)),
            ("EamFunctions", () => (EamFunctionsPlot.Create(cu, coverage), 1500, 900)),
            ("LossHistory", () => (ScanPlots.LossHistory(losses), 800, 600)),
        ];
    }

    private static void Report(int n, string dir)
    {
        var rng = new Random(2);
        double Gauss() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        string[] groups = ["AIMD", "Elastic", "Surface", "Vacancy"];
        var structures = Enumerable.Range(0, n).Select(i =>
        {
            int c = i % 8;
            double e = -4 + 0.2 * Gauss();
            return new ReportStructure($"pool.extxyz#{i}", groups[i % 4], "Cu32", 32, e, 3 * Math.Cos(c) + Gauss(), 3 * Math.Sin(c) + Gauss(),
                c, i % 50 == 0, e + 0.003 * Gauss(), 40 + 5 * Gauss());
        }).ToList();
        var sw = Stopwatch.StartNew();
        string path = Path.Combine(dir, $"report-{n}.html");
        CurationReport.Write(new ReportContent { Structures = structures }, path);
        double write = sw.Elapsed.TotalMilliseconds;
        Console.WriteLine($"{"Report",-14} {n,8:N0} written in {write:F0} ms, {new FileInfo(path).Length / 1e6:F1} MB");
        string? chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        if (chromium is null) { Console.WriteLine("  (chromium not installed: browser load time not measured)"); return; }
        foreach (string mode in new[] { "density (default above 20,000)", "points" })
        {
            if (mode == "points" && n <= 20_000) continue;
            string page = path;
            if (mode == "points")
            {
                page = Path.Combine(dir, $"report-{n}-points.html");
                CurationReport.Write(new ReportContent { Structures = structures, DensityAbove = int.MaxValue }, page);
            }
            string profile = Path.Combine(dir, "chromium-profile-" + Guid.NewGuid());
            var psi = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--no-first-run", "--enable-unsafe-swiftshader", $"--user-data-dir={profile}", "--virtual-time-budget=60000",
                         "--dump-dom", new Uri(page).AbsoluteUri })
                psi.ArgumentList.Add(a);
            sw.Restart();
            using var p = Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEndAsync();
            string dom = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            _ = stderr.Result;
            double ms = sw.Elapsed.TotalMilliseconds;
            var status = System.Text.RegularExpressions.Regex.Match(dom, "<div id=\"status\"[^>]*>").Value;
            Console.WriteLine($"  chromium, map in {mode}: {ms:F0} ms to load and render (incl. browser start-up); {status}");
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }
}
