using System.Collections.Immutable;
using System.Diagnostics;
using AtomCuration.Fitting;
using AtomCuration.Potentials.Eam;
using AtomCuration.Selection;
using AtomCuration.Structures;
using AtomCuration.Studies;

namespace AtomCuration.Bench;

/// <summary>
/// Selection-study cost on a Ti-like pool: 36-atom hcp Ti cells, randomly strained and displaced, labelled by
/// Zhou et al.'s Ti EAM (../shared/data/eam/Ti_Zhou04.eam.alloy, read here only). Measures (1) one trial as
/// separate steps — Invoke-EamFit's EamFitter.Fit on the selection, then Measure-FitError's
/// FitErrorAnalysis.Analyze on the pool — against (2) one trial inside SelectionStudy (pool prepared once),
/// both on one thread, and (3) the wall time of the study: Random and KMeans × 5 sizes × 20 trials.
/// Args: [cells=1800] [trials=20] [threads=0] [maxIterations=100].
/// </summary>
public sealed class SelectionStudyBench : IBenchmark
{
    public string Name => "selection-study";
    public string Description => "per-trial cost: separate fit + pool errors vs SelectionStudy; wall time of a 200-fit study on ~1,800 Ti cells";

    public int Run(string[] args)
    {
        int cells = args.Length > 0 ? int.Parse(args[0]) : 1800;
        int trials = args.Length > 1 ? int.Parse(args[1]) : 20;
        int threads = args.Length > 2 ? int.Parse(args[2]) : 0;
        int maxIterations = args.Length > 3 ? int.Parse(args[3]) : 100;
        var teacher = Teacher();
        var clock = Stopwatch.StartNew();
        var pool = Pool(teacher, cells);
        Console.WriteLine($"pool: {pool.Count} cells × {pool[0].AtomCount} atoms, labelled in {clock.Elapsed.TotalSeconds:F1} s; {Environment.ProcessorCount} cores");
        var fit = new EamFitOptions { Cutoff = 5.5, MaxIterations = maxIterations };
        int count = 30, repeat = 4;

        // (1) Separate steps, as a user's loop over Invoke-EamFit and Measure-FitError does.
        static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        double cpu0 = Cpu();
        var separate = new List<double>();
        var separateE = new List<double>();
        for (int t = 0; t < repeat; t++)
        {
            var sel = RandomSelector.Select(pool.Count, new RandomOptions { Count = count, Seed = 100 + t });
            var training = sel.SelectedIndices.Select(i => pool[i]).ToList();
            clock.Restart();
            var result = EamFitter.Fit(training, fit);
            var report = FitErrorAnalysis.Analyze(pool, result.Potential, degree: 1);
            separate.Add(clock.Elapsed.TotalSeconds);
            separateE.Add(report.Overall.EnergyRmse);
        }
        double separateCpu = (Cpu() - cpu0) / repeat;
        // (2) The same trials' cost inside a study on one thread (the pool's pairs prepared once, timed apart).
        cpu0 = Cpu();
        clock.Restart();
        var one = SelectionStudy.Run(pool, new StudyOptions
        {
            Methods = [new StudyMethod("Random", new RandomOptions())],
            Counts = [count],
            Trials = repeat,
            Seed = 1,
            Fit = fit,
            Reference = false,
            ThrottleLimit = 1,
        }).ToList();
        double studySeconds = clock.Elapsed.TotalSeconds;
        double studyCpu = Cpu() - cpu0;
        double perTrial = one.Average(t => t.SelectSeconds + t.FitSeconds + t.TestSeconds);
        double prep = studySeconds - one.Sum(t => t.SelectSeconds + t.FitSeconds + t.TestSeconds);
        Console.WriteLine($"one trial (count {count}, 1 thread), mean of {repeat}:");
        Console.WriteLine($"  separate fit + pool errors : {separate.Average():F3} s  (fit+test; median test E {separateE.Order().ElementAt(repeat / 2):F2} meV/atom)");
        Console.WriteLine($"  inside SelectionStudy      : {perTrial:F3} s  ({one.Average(t => t.Iterations):F0} LM iterations; select {one.Average(t => t.SelectSeconds):F3}, fit {one.Average(t => t.FitSeconds):F3}, test {one.Average(t => t.TestSeconds):F3}); pool prepared once in {prep:F2} s");
        Console.WriteLine($"  ratio                      : {perTrial / separate.Average():F2} wall; CPU per trial {separateCpu:F2} s separate vs {studyCpu / repeat:F2} s in the study, its one-time preparation included ({studyCpu / repeat / separateCpu:F2})");

        // (3) The study: Random and KMeans × 10, 20, 30, 50, 100 × trials, tested on the whole pool.
        if (trials == 0) return 0;
        cpu0 = Cpu();
        clock.Restart();
        var study = SelectionStudy.Run(pool, new StudyOptions
        {
            Methods = [new StudyMethod("KMeans", new KMeansOptions { Restarts = 3, Preprocess = new PreprocessOptions { Standardize = true } })],
            Counts = [10, 20, 30, 50, 100],
            Trials = trials,
            Seed = 1,
            Fit = fit,
            ThrottleLimit = threads,
        }).ToList();
        double wall = clock.Elapsed.TotalSeconds, cpu = Cpu() - cpu0;
        Console.WriteLine($"study: {study.Count - 1} fits + the all-data fit in {wall:F1} s wall ({(threads == 0 ? Environment.ProcessorCount : threads)} threads); " +
            $"{cpu:F1} s CPU; mean {study.Skip(1).Average(t => t.Iterations):F0} LM iterations; fit {study.Sum(t => t.FitSeconds):F1} s, test {study.Sum(t => t.TestSeconds):F1} s, select {study.Sum(t => t.SelectSeconds):F1} s summed over trials");
        foreach (var row in StudySummary.Summarize(study))
            Console.WriteLine($"  {row.Method,-8} {row.Count,4}  median E {row.MedianEnergyRmse,7:F2} IQR {row.EnergyIqr,6:F2}  median F {row.MedianForceRmse,6:F1}  p_E {row.EnergyPValue,8:G3} (Holm {row.EnergyPValueHolm:G3})  p_F {row.ForcePValue:G3}");
        var reference = study[0];
        Console.WriteLine($"  all-data fit ({reference.Count}): E {reference.TestEnergyRmse:F2} meV/atom, F {reference.TestForceRmse:F1} meV/Å, fit {reference.FitSeconds:F1} s");
        return 0;
    }

    /// <summary>hcp Ti cells (a = 2.951 Å, c = 4.684 Å) with strains up to 4 % and displacements up to 0.15 Å, and a geometric descriptor:
    /// volume per atom, the three cell lengths and the shortest interatomic distance (no labels in it).</summary>
    internal static List<Structure> Pool(EamPotential teacher, int count) =>
        EamBenchData.LabelledHcp(teacher, "Ti", 2.951, 4.684, count, seed: 7, displacement: 0.15, strain: 0.04).Select(s =>
        {
            var list = NeighborList.Build(s, 3.5, half: true);
            double shortest = list.Distances.Length > 0 ? list.Distances.ToArray().Min() : 3.5;
            return new Structure(s)
            {
                Descriptor = ImmutableArray.Create(s.Cell.Volume / s.AtomCount, s.Cell.A.Length, s.Cell.B.Length, s.Cell.C.Length, shortest),
            };
        }).ToList();

    /// <summary>Zhou et al.'s Ti EAM from the shared data beside the repository.</summary>
    internal static EamPotential Teacher() => EamFileReader.Read(BenchPaths.TiZhou04());
}
