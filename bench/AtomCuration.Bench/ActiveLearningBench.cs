using System.Diagnostics;
using System.Globalization;
using AtomCuration.ActiveLearning;
using AtomCuration.Fitting;
using AtomCuration.Options;
using AtomCuration.Plotting;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;

namespace AtomCuration.Bench;

/// <summary>
/// Growth rules of the active-learning loop compared on the selection-study bench's Ti-like pool (1,800 36-atom
/// hcp Ti cells labelled by Ti_Zhou04, <see cref="SelectionStudyBench.Pool"/>) without its geometric descriptor,
/// so the default partition computes per-atom average SOAP and sorted Coulomb matrices and scans δ. The target is
/// 1.2 × the training energy RMSE of one fit to every cell; per rule and seed the run reports the share of the pool
/// it used (training + test) when the target was reached. One partition (seed 1) is shared by every run; the seed
/// varies the draws and splits. Because the stopping test split is small (30 % of the accumulated set) and, for
/// WorstError and Novelty, made of the structures those rules chose, each run's final potential is also measured on
/// the whole pool. Writes a learning-curve figure (test-split energy RMSE against training-split size,
/// median and IQR over seeds, the all-data fit's RMSE as the reference line) to the given folder.
/// A run that has not reached the target after maxIterations iterations reports the share it had used then.
/// Args: [cells=1800] [seeds=3] [fraction=0.005] [outDir=bench/results] [threads=0] [deltas=0,0.5,1] [maxIterations=40]
/// [rules=Cluster,WorstError,Novelty].
/// </summary>
public sealed class ActiveLearningBench : IBenchmark
{
    public string Name => "active-learning";
    public string Description => "growth rules (Cluster, WorstError, Novelty): share of the Ti-like pool needed to reach 1.2 × the all-data fit's energy RMSE";

    public int Run(string[] args)
    {
        int cells = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1800;
        int seeds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        double fraction = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 0.005;
        string outDir = args.Length > 3 ? args[3] : Path.Combine(BenchPaths.RepoRoot(), "bench", "results");
        int threads = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
        double[] deltas = args.Length > 5 ? args[5].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray() : [0, 0.5, 1];
        int maxIterations = args.Length > 6 ? int.Parse(args[6], CultureInfo.InvariantCulture) : 40;
        var rules = args.Length > 7 ? args[7].Split(',').Select(Enum.Parse<ActiveLearningGrowth>).ToArray() : Enum.GetValues<ActiveLearningGrowth>();
        var context = new RunContext { ThrottleLimit = threads };
        static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

        var clock = Stopwatch.StartNew();
        var pool = SelectionStudyBench.Pool(SelectionStudyBench.Teacher(), cells).Select(s => new Structure(s) { Descriptor = null, DescriptorLabels = null }).ToList();
        var fit = new EamFitOptions { Cutoff = 5.5, MaxIterations = 100 };
        Console.WriteLine($"pool: {pool.Count} cells × {pool[0].AtomCount} atoms, labelled in {clock.Elapsed.TotalSeconds:F1} s; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

        double cpu0 = Cpu();
        clock.Restart();
        var all = EamFitter.Fit(pool, fit, context);
        double target = 1.2 * all.EnergyRmse;
        Console.WriteLine($"all-data fit: E {all.EnergyRmse:F4} meV/atom, F {all.ForceRmse:F2} meV/Å ({clock.Elapsed.TotalSeconds:F0} s wall, {Cpu() - cpu0:F0} s CPU) → target {target:F4} meV/atom");

        var baseOptions = new ActiveLearningOptions { TargetEnergyRmse = target, Fraction = fraction, Fit = fit, Seed = 1, ScanDelta = deltas, MaxIterations = maxIterations };
        cpu0 = Cpu();
        clock.Restart();
        var partition = ActiveLearningPartition.Create(pool, baseOptions, context);
        Console.WriteLine($"partition: δ = {partition.Delta} ({string.Join(", ", partition.Scan.Select(p => FormattableString.Invariant($"δ {p.Delta}: {p.Clusters} clusters, spread {1000 * p.MeanEnergyStd:F3} meV/atom")))}), " +
            $"{partition.Clusters} clusters, {clock.Elapsed.TotalSeconds:F0} s wall, {Cpu() - cpu0:F0} s CPU");

        var curve = new List<TrialValue>();
        var summary = new List<(ActiveLearningGrowth Rule, int Seed, double Share, int Iterations, ActiveLearningStopReason Stop, double PoolRmse)>();
        foreach (var rule in rules)
            for (int seed = 1; seed <= seeds; seed++)
            {
                cpu0 = Cpu();
                clock.Restart();
                var result = ActiveLearner.Run(pool, baseOptions with { Growth = rule, Seed = seed }, context,
                    r => curve.Add(new TrialValue(rule.ToString(), r.TrainingCount, r.TestEnergyRmse)), partition);
                double poolRmse = FitErrorAnalysis.Analyze(pool, result.Potential, degree: threads).Overall.EnergyRmse;
                summary.Add((rule, seed, result.PoolFraction, result.Iterations.Count, result.StopReason, poolRmse));
                var last = result.Iterations[^1];
                Console.WriteLine($"  {rule,-10} seed {seed}: {result.StopReason} after {result.Iterations.Count} iterations, {last.TrainingCount}+{last.TestCount} structures = " +
                    $"{100 * result.PoolFraction:F2} % of the pool, test E {last.TestEnergyRmse:F4}, whole-pool E {poolRmse:F4} meV/atom ({clock.Elapsed.TotalSeconds:F0} s wall, {Cpu() - cpu0:F0} s CPU)");
            }
        Console.WriteLine("rule        pool share needed (median [min, max] over seeds)");
        foreach (var g in summary.GroupBy(s => s.Rule))
        {
            var shares = g.Select(s => 100 * s.Share).Order().ToArray();
            double median = 0.5 * (shares[(shares.Length - 1) / 2] + shares[shares.Length / 2]);
            Console.WriteLine($"  {g.Key,-10} {median,6:F2} % [{shares[0]:F2}, {shares[^1]:F2}]  reached {g.Count(s => s.Stop == ActiveLearningStopReason.TargetReached)}/{g.Count()}, " +
                $"whole-pool E RMSE of the final potentials {string.Join(", ", g.Select(s => s.PoolRmse.ToString("F4", CultureInfo.InvariantCulture)))} meV/atom");
        }
        foreach (var (rule, seed, share, iterations, stop, poolRmse) in summary)
            Console.WriteLine(FormattableString.Invariant($"csv,{rule},{seed},{share:R},{iterations},{stop},{poolRmse:R}"));
        foreach (var t in curve)
            Console.WriteLine(FormattableString.Invariant($"curve,{t.Method},{t.Count},{t.Value:R}"));
        Directory.CreateDirectory(outDir);
        string png = Path.Combine(outDir, $"active-learning-{string.Join("-", rules).ToLowerInvariant()}.png");
        NativeAssets.Register();
        FigureFile.Save(LearningCurvePlot.Create(LearningCurvePlot.Summarise(curve), "Test-split energy RMSE (meV/atom)", all.EnergyRmse,
            FormattableString.Invariant($"Active learning on {pool.Count} Ti-like cells: growth rules, target {target:F3} = 1.2 × all-data")), png, 900, 600);
        Console.WriteLine($"figure: {png}");
        return 0;
    }
}
