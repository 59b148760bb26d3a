using AtomCuration.IO;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;

namespace AtomCuration.Bench;

/// <summary>
/// Bayesian optimisation vs random search of the EAM fit settings at the same budget: median
/// (over seeds) of the best validation energy RMSE after k evaluations, on the bundled Cu SNAP
/// sample and on a Ti-like pool (hcp cells labelled by Ti_Zhou04.eam.alloy from the shared data beside the repository).
/// </summary>
public sealed class EamSearchBench : IBenchmark
{
    public string Name => "eam-search";
    public string Description => "Bayesian vs random search of fit settings (median best validation RMSE vs evaluations) on Cu and Ti-like data";

    public int Run(string[] args)
    {
        int budget = args.Length > 0 ? int.Parse(args[0]) : 16;
        int seeds = args.Length > 1 ? int.Parse(args[1]) : 3;
        var sets = new List<(string Name, List<Structure> Data)> { ("Cu SNAP sample", StructureIO.Read(Path.Combine(BenchPaths.RepoRoot(), "examples", "data", "Cu_SNAP_sample.extxyz.gz")).Where(r => r.Structure is not null).Select(r => r.Structure!).ToList()) };
        if (budget < 1) throw new ArgumentOutOfRangeException(nameof(args), "the budget (first argument) must be at least 1 fit.");
        sets.Add(("Ti-like (Ti_Zhou04 teacher, 80 hcp cells)", EamBenchData.LabelledHcp(EamFileReader.Read(BenchPaths.TiZhou04()), "Ti", 2.95, 4.68, 80, seed: 1, displacement: 0.15, strain: 0.04)));
        // Checkpoints never past the budget: a budget below 4 reports what it has.
        var checkpoints = new[] { Math.Min(4, budget), Math.Max(1, budget / 2), budget }.Distinct().Order().ToArray();
        foreach (var (name, data) in sets)
        {
            Console.WriteLine($"{name}: {data.Count} structures, budget {budget}, {seeds} seeds; median best validation E RMSE (meV/atom) after k fits");
            foreach (var method in new[] { EamSearchMethod.Bayesian, EamSearchMethod.Random })
            {
                var curves = new List<IReadOnlyList<double>>();
                var clock = System.Diagnostics.Stopwatch.StartNew();
                for (int seed = 1; seed <= seeds; seed++)
                {
                    var fit = EamSettingsSearch.Fit(data, new EamFitOptions { MaxIterations = 30, Seed = seed }, new EamSearchOptions { Budget = budget, Method = method });
                    curves.Add(fit.Search!.History.Select(t => t.BestSoFar).ToList());
                }
                string cells = string.Join("  ", checkpoints.Select(k => $"k={k}: {Median(curves.Select(c => c[k - 1])):F3}"));
                Console.WriteLine($"  {method,-8} {cells}   ({clock.Elapsed.TotalSeconds:F0} s)");
            }
        }
        return 0;
    }

    private static double Median(IEnumerable<double> v)
    {
        var s = v.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }
}
