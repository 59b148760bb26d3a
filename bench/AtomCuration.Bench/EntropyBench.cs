using System.Diagnostics;
using System.Globalization;
using AtomCuration.Descriptors;
using AtomCuration.Descriptors.Bispectrum;
using AtomCuration.Generation;
using AtomCuration.Selection;
using AtomCuration.Structures;

namespace AtomCuration.Bench;

/// <summary>
/// Entropy-maximising generator (paper 004) at its W defaults: <c>entropy [count] [threads] [steps]</c> generates the
/// biased set (K → 1000 eV, 10,000 K → 0) and two unbiased ones (K = 0 with the same ramp; K = 0 at a constant
/// 10,000 K, the paper's reference) and prints each set's mean entropy, the spread of the first bispectrum component,
/// smallest interatomic distance and speed (wall and CPU), then paper 004's nearest-training-point table (Table I): the
/// mean distance from each test environment to the nearest training environment, the 6 components z-scored with the
/// unbiased set's mean and standard deviation, each set split in halves (train/test).
/// </summary>
public sealed class EntropyBench : IBenchmark
{
    public string Name => "entropy";
    public string Description => "paper 004 generator: biased vs unbiased mean entropy (paper: 4.4 vs 3.2), configurations/minute";

    public int Run(string[] args)
    {
        int count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        int threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        int steps = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : new EntropyGenerationOptions().Steps;
        var biased = new EntropyGenerationOptions { Steps = steps };
        var b = Report("biased (K 0→1000 eV, T 10000→0 K)", biased, count, threads);
        Report("unbiased (K = 0, T 10000→0 K)", biased with { EntropyWeight = 0 }, count, threads);
        var u = Report("unbiased (K = 0, T = 10000 K)", biased with { EntropyWeight = 0, FinalTemperature = 10_000 }, count, threads);
        Table(biased, b, u);
        return 0;
    }

    private static List<Structure> Report(string label, EntropyGenerationOptions o, int count, int threads)
    {
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var set = EntropyGenerator.Generate(o, count, seed: 1, threads).ToList();
        double seconds = sw.Elapsed.TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        var s = set.Select(c => (double)c.Info["entropy"]).ToArray();
        double minDistance = set.Min(MinDistance);
        var b0 = Describe(o, set).SelectMany(c => Column0(c.AtomDescriptors!)).ToArray();
        Console.WriteLine($"{label}: {count} configurations, mean S {s.Average():F3} (sd {Sd(s):F3}), B[0,0,0] sd {Sd(b0):F3} (range {b0.Min():F2}–{b0.Max():F2}), " +
                          $"smallest distance {minDistance:F3} Å, {count / seconds * 60:F1} configurations/min wall, {count / cpu * 60:F1} per CPU-minute, " +
                          $"{count * (double)o.Steps / seconds:F0} steps/s ({threads} threads, load {Load()})");
        return set;
    }

    /// <summary>The generator's descriptor (first Components columns) attached per atom.</summary>
    private static List<Structure> Describe(EntropyGenerationOptions o, List<Structure> set)
    {
        var calc = new BispectrumCalculator((BispectrumSettings)o.Descriptor, SpeciesSet.FromSymbols([o.Element]), o.Components);
        var labels = calc.Triples.Select(t => $"B[{t.J1},{t.J2},{t.J}]").ToArray();
        return set.Select(s =>
        {
            var rows = new double[s.AtomCount * calc.ColumnCount];
            calc.Compute(s, rows);
            return new Structure(s) { AtomDescriptors = new FeatureMatrix(s.AtomCount, labels, rows) };
        }).ToList();
    }

    private static IEnumerable<double> Column0(FeatureMatrix m)
    {
        for (int i = 0; i < m.Rows; i++) yield return m.Values[i * m.Columns];
    }

    private static void Table(EntropyGenerationOptions o, List<Structure> biased, List<Structure> unbiased)
    {
        var b = Describe(o, biased);
        var u = Describe(o, unbiased);
        int m = o.Components;
        var all = u.SelectMany(s => Enumerable.Range(0, s.AtomCount).Select(i => s.AtomDescriptors!.Values.Slice(i * m, m).ToArray())).ToList();
        var mean = Enumerable.Range(0, m).Select(c => all.Average(r => r[c])).ToArray();
        var factor = Enumerable.Range(0, m).Select(c => 1 / Sd(all.Select(r => r[c]).ToArray())).ToArray();
        var z = new ColumnScaling(mean, factor);
        int half = b.Count / 2;
        var sets = new Dictionary<string, (List<Structure> Train, List<Structure> Test)>
        {
            ["unbiased"] = (u.Take(half).ToList(), u.Skip(half).ToList()),
            ["biased"] = (b.Take(half).ToList(), b.Skip(half).ToList()),
        };
        Console.WriteLine("nearest-training-point mean distance (z-scored by the unbiased set; paper 004 Table I: train unbiased→test biased 4.69, biased→unbiased 0.905):");
        foreach (var train in new[] { "unbiased", "biased" })
        foreach (var test in new[] { "unbiased", "biased" })
        {
            var r = Diversity.Measure(sets[train].Train, sets[test].Test, scaling: z);
            Console.WriteLine($"   train {train,-8} test {test,-8}: {r.MeanDistance:F3}");
        }
    }

    private static double MinDistance(Structure s)
    {
        var nl = NeighborList.Build(s, 3.0);
        return nl.PairCount == 0 ? 3.0 : nl.Distances.ToArray().Min();
    }

    private static double Sd(double[] x)
    {
        double m = x.Average();
        return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / Math.Max(1, x.Length - 1));
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
