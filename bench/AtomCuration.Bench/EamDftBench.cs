using AtomCuration.Options;
using System.IO.Compression;
using AtomCuration.Fitting;
using AtomCuration.IO;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;

namespace AtomCuration.Bench;

/// <summary>
/// Real DFT: a spline EAM fit on each elemental dataset in ../shared/data (seeded 80/20 split),
/// with train and test errors per dataset. Needs an extended-XYZ <see cref="IStructureReader"/>
/// in Core (found by reflection); without one it says so and stops.
/// </summary>
public sealed class EamDftBench : IBenchmark
{
    public string Name => "eam-dft";
    public string Description => "spline EAM fits on the shared elemental DFT datasets (80/20 split); args: [data dir] [cutoff] [file filter]";

    public int Run(string[] args)
    {
        string dir = args.Length > 0 ? args[0] : "/work/shared/data";
        double cutoff = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5.5;
        string filter = args.Length > 2 ? args[2] : "";
        var files = Directory.GetFiles(dir, "*.extxyz.gz").Where(f => Path.GetFileName(f).Contains(filter, StringComparison.OrdinalIgnoreCase)).Order().ToArray();
        var reader = typeof(Structure).Assembly.GetTypes()
            .Where(t => typeof(IStructureReader).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IStructureReader)Activator.CreateInstance(t)!)
            .OrderByDescending(r => r.Sniff("x.extxyz", ""))
            .FirstOrDefault(r => r.Sniff("x.extxyz", "") > 0);
        if (reader is null)
        {
            Console.WriteLine("No extended-XYZ reader in this build of AtomCuration.Core; skipped.");
            return 0;
        }
        foreach (var file in files)
        {
            using var stream = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var text = new StreamReader(stream);
            var all = reader.Read(text, file, new ReadOptions(), RunContext.Default).Where(r => r.Structure is not null).Select(r => r.Structure!).ToList();
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
