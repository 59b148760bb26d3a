using System.Diagnostics;
using System.Globalization;
using AtomCuration.Generation;
using AtomCuration.Structures;

namespace AtomCuration.Bench;

/// <summary>
/// Entropy-maximising generator (paper 004) at its W defaults: <c>entropy [count] [threads] [steps]</c> generates the
/// biased set (K → 1000 eV, 10,000 K → 0) and two unbiased ones (K = 0 with the same ramp; K = 0 at a constant
/// 10,000 K, the paper's reference) and prints each set's mean entropy, smallest interatomic distance and speed.
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
        Report("biased (K 0→1000 eV, T 10000→0 K)", biased, count, threads);
        Report("unbiased (K = 0, T 10000→0 K)", biased with { EntropyWeight = 0 }, count, threads);
        Report("unbiased (K = 0, T = 10000 K)", biased with { EntropyWeight = 0, FinalTemperature = 10_000 }, count, threads);
        return 0;
    }

    private static void Report(string label, EntropyGenerationOptions o, int count, int threads)
    {
        var sw = Stopwatch.StartNew();
        var set = EntropyGenerator.Generate(o, count, seed: 1, threads).ToList();
        double seconds = sw.Elapsed.TotalSeconds;
        var s = set.Select(c => (double)c.Info["entropy"]).ToArray();
        double minDistance = set.Min(MinDistance);
        Console.WriteLine($"{label}: {count} configurations, mean S {s.Average():F3} (sd {Sd(s):F3}), smallest distance {minDistance:F3} Å, " +
                          $"{count / seconds * 60:F1} configurations/min, {count * (double)o.Steps / seconds:F0} steps/s ({threads} threads, load {Load()})");
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
