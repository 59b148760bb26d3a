using AtomCuration.IO;

namespace AtomCuration.Bench;

/// <summary>
/// Writes the 1,800-cell Ti-like pool of <c>selection-study</c> (36-atom hcp Ti cells, strains up to 4 %, displacements
/// up to 0.15 Å, energies and forces from Zhou et al.'s Ti EAM) as extended XYZ, for timing the seed recipe in a fresh
/// pwsh (bench/seed-recipe.ps1). Args: <c>PATH [cells=1800]</c>.
/// </summary>
public sealed class TiPoolBench : IBenchmark
{
    public string Name => "ti-pool";
    public string Description => "write the selection-study Ti pool (1,800 labelled 36-atom hcp cells) as extxyz for bench/seed-recipe.ps1";

    public int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: ti-pool PATH [cells=1800]");
            return 2;
        }
        int cells = args.Length > 1 ? int.Parse(args[1]) : 1800;
        var pool = EamBenchData.LabelledHcp(SelectionStudyBench.Teacher(), "Ti", 2.951, 4.684, cells, seed: 7, displacement: 0.15, strain: 0.04);
        var writer = new ExtXyzWriter();
        using (var text = File.CreateText(args[0]))
            foreach (var s in pool) writer.Write(text, s);
        Console.WriteLine($"{pool.Count} cells × {pool[0].AtomCount} atoms → {args[0]} ({new FileInfo(args[0]).Length / 1e6:F1} MB)");
        return 0;
    }
}
