using AtomCuration.Fitting;
using AtomCuration.IO;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;

namespace AtomCuration.Bench;

/// <summary>
/// Real DFT: a spline EAM fit on each elemental dataset in the shared data beside the repository
/// (seeded 80/20 split), with train and test errors per dataset.
/// </summary>
public sealed class EamDftBench : IBenchmark
{
    public string Name => "eam-dft";
    public string Description => "spline EAM fits on the shared elemental DFT datasets (80/20 split); args: [data dir] [cutoff] [file filter]";

    public int Run(string[] args)
    {
        string dir = args.Length > 0 ? args[0] : BenchPaths.SharedData();
        double cutoff = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5.5;
        string filter = args.Length > 2 ? args[2] : "";
        var files = Directory.GetFiles(dir, "*.extxyz.gz").Where(f => Path.GetFileName(f).Contains(filter, StringComparison.OrdinalIgnoreCase)).Order().ToArray();
        foreach (var file in files)
        {
            var all = StructureIO.Read(file).Where(r => r.Structure is not null).Select(r => r.Structure!).ToList();
            var rng = new Random(1);
            var order = all.Select(s => (s, key: rng.NextDouble())).OrderBy(t => t.key).Select(t => t.s).ToList();
            int nTrain = (int)(0.8 * order.Count);
            var train = order.Take(nTrain).ToList();
            var test = order.Skip(nTrain).ToList();
            var fit = EamFitter.Fit(train, new EamFitOptions { Cutoff = cutoff, Seed = 1 });
            var testErrors = FitErrorAnalysis.Analyze(test, fit.Potential);
            Console.WriteLine($"{Path.GetFileName(file)}: {all.Count} structures; {fit}");
            Console.WriteLine($"  test ({test.Count}): energy RMSE {testErrors.Overall.EnergyRmse:F1} meV/atom, force RMSE {testErrors.Overall.ForceRmse:F0} meV/Å");
        }
        return 0;
    }
}
