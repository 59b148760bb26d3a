using AtomCuration.Options;
using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics;
using AtomCuration.Descriptors;
using AtomCuration.Structures;

namespace AtomCuration.Bench;

/// <summary>
/// Descriptor cost per atom on one core and throughput on two, for bulk hcp Ti 36-atom cells and
/// a 10,976-atom fcc Cu cell: <c>descriptors [acsf|soap-gto|soap-poly|soap-gto-pow|soap-gto-mu2] [ti|cu]</c> (default: all).
/// Settings are the ones the DScribe figures in issue 3 were measured with.
/// </summary>
public sealed class DescriptorBench : IBenchmark
{
    public string Name => "descriptors";
    public string Description => "ACSF (24 G2 + 16 G4, Rc 6) and SOAP (nmax 8, lmax 6, rcut 5, σ 0.5; GTO, polynomial) per atom, hcp Ti 36 and fcc Cu 10,976";

    private static readonly Dictionary<string, (DescriptorKind Kind, Hashtable Parameters)> Configs = new()
    {
        ["acsf"] = (DescriptorKind.Acsf, new Hashtable { ["cutoff"] = 6.0 }),
        ["soap-gto"] = (DescriptorKind.Soap, new Hashtable { ["rcut"] = 5.0, ["nmax"] = 8, ["lmax"] = 6, ["sigma"] = 0.5 }),
        ["soap-poly"] = (DescriptorKind.Soap, new Hashtable { ["rcut"] = 5.0, ["nmax"] = 8, ["lmax"] = 6, ["sigma"] = 0.5, ["rbf"] = "polynomial" }),
        // DScribe's weighting and compression options, at the same settings: what they cost over soap-gto.
        ["soap-gto-pow"] = (DescriptorKind.Soap, new Hashtable
        {
            ["rcut"] = 5.0, ["nmax"] = 8, ["lmax"] = 6, ["sigma"] = 0.5,
            ["weighting"] = new Hashtable { ["function"] = "Pow", ["r0"] = 2.0, ["c"] = 1.0, ["d"] = 1.0, ["m"] = 4.0, ["w0"] = 1.0 },
        }),
        ["soap-gto-mu2"] = (DescriptorKind.Soap, new Hashtable { ["rcut"] = 5.0, ["nmax"] = 8, ["lmax"] = 6, ["sigma"] = 0.5, ["compression"] = "Mu2" }),
    };

    public int Run(string[] args)
    {
        var kinds = args.Length > 0 ? [args[0]] : Configs.Keys.ToArray();
        var systems = args.Length > 1 ? [args[1]] : new[] { "ti", "cu" };
        foreach (var k in kinds)
        foreach (var s in systems)
            Measure(k, s);
        return 0;
    }

    private static void Measure(string config, string system)
    {
        var (kind, parameters) = Configs[config];
        var options = DescriptorOptions.Create([kind], parameters, perAtom: true);
        var pool = system == "ti"
            ? Enumerable.Range(0, 100).Select(HcpTi36).ToList()
            : [FccCu(1), FccCu(2)];
        var composite = DescriptorCalculator.Bind(options, SpeciesSet.FromStructure(pool[0]));
        composite.Compute(pool[0]); // JIT warm-up
        int atoms = pool.Sum(p => p.AtomCount);
        var (oneWall, oneCpu) = Best(3, () => { foreach (var p in pool) composite.Compute(p); });
        var (twoWall, twoCpu) = Best(3, () => DescriptorCalculator.Attach(pool, options, new RunContext { ThrottleLimit = 2 }).ToList());
        Console.WriteLine($"{config,-10} {system}: {composite.AtomLabels.Count} features, {atoms} atoms, load {LoadAverage()}");
        Console.WriteLine($"   1 core : {oneCpu / atoms * 1e6,7:F1} µs/atom CPU time ({oneWall / atoms * 1e6:F1} wall)");
        Console.WriteLine($"   2 cores: {atoms / twoWall,7:N0} atoms/s wall ({twoCpu / atoms * 1e6:F1} µs/atom CPU time)");
    }

    /// <summary>Best wall time and best process CPU time of <paramref name="reps"/> runs (CPU time is robust when other jobs share the cores).</summary>
    private static (double Wall, double Cpu) Best(int reps, Action work)
    {
        double wall = double.MaxValue, cpu = double.MaxValue;
        var process = Process.GetCurrentProcess();
        for (int r = 0; r < reps; r++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            work();
            wall = Math.Min(wall, sw.Elapsed.TotalSeconds);
            process.Refresh();
            cpu = Math.Min(cpu, (process.TotalProcessorTime - cpu0).TotalSeconds);
        }
        return (wall, cpu);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static Structure HcpTi36(int seed)
    {
        double a = 2.95, c = 4.68;
        var cell = Cell.FromParameters(a, a, c, 90, 90, 120);
        Vec3[] basis = [new(1 / 3.0, 2 / 3.0, 0.25), new(2 / 3.0, 1 / 3.0, 0.75)];
        return Crystal(22, cell, basis, 3, 3, 2, seed);
    }

    private static Structure FccCu(int seed)
    {
        var cell = Cell.FromParameters(3.615, 3.615, 3.615, 90, 90, 90);
        Vec3[] basis = [new(0, 0, 0), new(0.5, 0.5, 0), new(0.5, 0, 0.5), new(0, 0.5, 0.5)];
        return Crystal(29, cell, basis, 14, 14, 14, seed);
    }

    private static Structure Crystal(int z, Cell cell, Vec3[] basis, int na, int nb, int nc, int seed)
    {
        var rng = new Random(seed);
        var pos = new List<Vec3>();
        for (int i = 0; i < na; i++)
        for (int j = 0; j < nb; j++)
        for (int k = 0; k < nc; k++)
            foreach (var b in basis)
                pos.Add(cell.ToCartesian(new Vec3(i + b.X, j + b.Y, k + b.Z)) +
                        0.1 * new Vec3(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5, rng.NextDouble() - 0.5));
        var super = new Cell(na * cell.A, nb * cell.B, nc * cell.C);
        return new Structure(Enumerable.Repeat(z, pos.Count).ToImmutableArray(), pos.ToImmutableArray(), super, Pbc.All);
    }
}
