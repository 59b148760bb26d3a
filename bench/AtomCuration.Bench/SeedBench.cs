using AtomCuration.Options;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using AtomCuration.Common;
using AtomCuration.Descriptors;
using AtomCuration.Descriptors.Seed;
using AtomCuration.Geometry;
using AtomCuration.Structures;

namespace AtomCuration.Bench;

/// <summary>
/// The seed fingerprint on the study's kind of data: 36-site hcp Ti supercells (3×3×2) with
/// random displacements of up to 0.1, 0.2 and 0.5 Å, with and without one vacancy.
/// (1) CrystalNN per site, ours against pymatgen's <c>CrystalNN.get_nn_data</c> on the same
/// structures in the same run (tests/oracles/pymatgen_seed.py timing), plus each block alone;
/// (2) the full 352-value fingerprint of 1,800 such cells on 2 threads. Times are wall clock
/// and CPU (process time), since the machine may be shared: CPU time is what a quiet machine's
/// wall time would be, per thread.
/// Usage: <c>seed [cells=1800] [threads=2] [pymatgenCells=10]</c>.
/// </summary>
public sealed class SeedBench : IBenchmark
{
    public string Name => "seed";
    public string Description => "seed fingerprint: per-site CrystalNN vs pymatgen, 352 values for 1,800 36-atom Ti cells";

    public int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "parts") return Parts(args.Length > 1 ? int.Parse(args[1]) : 30);
        if (args.Length > 0 && args[0] == "profile") return Profile(args.Length > 1 ? int.Parse(args[1]) : 30, args.Length > 2 ? double.Parse(args[2]) : 20);
        int cells = args.Length > 0 ? int.Parse(args[0]) : 1800;
        int threads = args.Length > 1 ? int.Parse(args[1]) : 2;
        int pyCells = args.Length > 2 ? int.Parse(args[2]) : 10;
        var pool = Enumerable.Range(0, cells).Select(Cell36).ToList();
        int sites = pool.Sum(s => s.AtomCount);
        var sample = pool.Take(pyCells).ToList();
        int sampleSites = sample.Sum(s => s.AtomCount);

        var (wall, cpu) = PerSite(sample, s => { foreach (var c in VoronoiTessellation.Compute(s)) CrystalNN.Evaluate(c); });
        var py = PymatgenCrystalNN(sample);
        Console.WriteLine($"CrystalNN weights per site ({sampleSites} sites, {sample.Count} cells, 1 thread), wall / CPU:");
        Console.WriteLine($"  AtomCuration {wall * 1e6,9:F1} / {cpu * 1e6,9:F1} µs");
        Console.WriteLine($"  pymatgen     {py.Wall * 1e6,9:F1} / {py.Cpu * 1e6,9:F1} µs  (CrystalNN.get_nn_data, python3-pymatgen 2022.11.7)");
        Console.WriteLine($"  speed-up     {py.Wall / wall,9:F0} / {py.Cpu / cpu,9:F0} ×  (target ≥ 50×)");
        var (vw, vc) = PerSite(sample, s => VoronoiTessellation.Compute(s));
        Console.WriteLine($"  of which the Voronoi cells {vw * 1e6:F1} / {vc * 1e6:F1} µs");
        foreach (var block in new[] { SeedBlocks.CrystalNN, SeedBlocks.BondLength, SeedBlocks.Grdf, SeedBlocks.All })
        {
            var (bw, bc) = PerSite(sample, s => SeedFingerprint.Compute(s, block));
            Console.WriteLine($"  block {block,-10} {bw * 1e6,8:F1} / {bc * 1e6,8:F1} µs/site (Voronoi included where used)");
        }

        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        int warnings = 0;
        double check = 0;
        foreach (var r in OrderedParallel.Map(pool, s => SeedFingerprint.Compute(s), threads))
        {
            warnings += r.Warnings.Count;
            check += r.Values.Sum();
        }
        double total = sw.Elapsed.TotalSeconds;
        process.Refresh();
        double totalCpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        Console.WriteLine($"352-value fingerprint of {cells} cells ({sites} sites), {threads} threads: wall {total:F2} s, " +
            $"CPU {totalCpu:F2} s (CPU/threads {totalCpu / threads:F2} s; target < 30 s); warnings {warnings}, checksum {check:F6}");

        // The same through the descriptor framework (-Preset SeedFingerprint), as Get-Descriptor runs it.
        var options = DescriptorOptions.Create(preset: "SeedFingerprint");
        process.Refresh();
        cpu0 = process.TotalProcessorTime;
        sw.Restart();
        double framework = DescriptorCalculator.Attach(pool, options, new RunContext { ThrottleLimit = threads }).Sum(s => s.Descriptor!.Value.Sum());
        total = sw.Elapsed.TotalSeconds;
        process.Refresh();
        totalCpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        Console.WriteLine($"  -Preset SeedFingerprint via DescriptorCalculator: wall {total:F2} s, CPU {totalCpu:F2} s, checksum {framework:F6}");
        return 0;
    }

    /// <summary>
    /// <c>seed parts [cells]</c>: CPU per site of each stage of the fingerprint on its own, 1 thread, each stage
    /// timed on inputs prepared beforehand (Voronoi cells, CrystalNN results), min of five 1-s rounds, and the bytes
    /// it allocates per site (one pass over the cells, after the rounds).
    /// </summary>
    private static int Parts(int cells)
    {
        var sample = Enumerable.Range(0, cells).Select(Cell36).ToList();
        var voronoi = sample.Select(VoronoiTessellation.Compute).ToList();
        int m = CrystalNNFingerprint.Length;
        var site = new double[m];
        var grdf = new double[GaussianRdf.Default.Bins];
        var stages = new (string Name, Action<int> Work)[]
        {
            ("Voronoi cells", i => VoronoiTessellation.Compute(sample[i])),
            ("CrystalNN weights (cells given)", i => { foreach (var c in voronoi[i]) CrystalNN.Evaluate(c); }),
            ("62 CrystalNN values incl. weights, order parameters (cells given)", i => { foreach (var c in voronoi[i]) CrystalNNFingerprint.Evaluate(sample[i], c, site); }),
            ("bond lengths (cells given)", i => { foreach (var c in voronoi[i]) AverageBondLength.Of(c); }),
            ("GRDF incl. its neighbour list", i => GaussianRdf.Default.SiteAverage(sample[i], grdf)),
            ("whole fingerprint", i => SeedFingerprint.Compute(sample[i])),
        };
        foreach (var (name, work) in stages)
        {
            double best = double.PositiveInfinity;
            for (int round = 0; round < 6; round++)
            {
                var (_, cpu) = PerSite(sample, s => work(sample.IndexOf(s)), warmSeconds: round == 0 ? 1.0 : 0);
                if (round > 0) best = Math.Min(best, cpu);
            }
            long bytes0 = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < sample.Count; i++) work(i);
            double bytes = (GC.GetAllocatedBytesForCurrentThread() - bytes0) / (double)sample.Sum(s => s.AtomCount);
            Console.WriteLine($"  {name,-68} {best * 1e6,7:F1} µs/site CPU (min of 5), {bytes,7:F0} B/site allocated");
        }
        return 0;
    }

    /// <summary>
    /// <c>seed profile [cells] [seconds]</c>: the whole fingerprint alone, 1 thread, for a profiler to sample
    /// (<c>perf record … seed profile 30 20</c>); prints CPU and bytes allocated per site.
    /// </summary>
    private static int Profile(int cells, double seconds)
    {
        var sample = Enumerable.Range(0, cells).Select(Cell36).ToList();
        int sites = sample.Sum(s => s.AtomCount), reps = 0;
        double cpu0 = CpuClock.Now;
        long bytes0 = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        do
        {
            foreach (var s in sample) SeedFingerprint.Compute(s);
            reps++;
        } while (sw.Elapsed.TotalSeconds < seconds);
        double bytes = (GC.GetAllocatedBytesForCurrentThread() - bytes0) / (double)(reps * sites);
        Console.WriteLine($"whole fingerprint, {reps} passes over {sites} sites: {(CpuClock.Now - cpu0) / (reps * sites) * 1e6:F1} µs/site CPU (JIT warm-up included), {bytes:F0} B/site allocated");
        return 0;
    }

    /// <summary>Wall and CPU seconds per site of <paramref name="work"/> over the sample, after a 1.5 s warm-up (tiered JIT), repeated for ≥ 1 s.</summary>
    private static (double Wall, double Cpu) PerSite(List<Structure> sample, Action<Structure> work, double warmSeconds = 1.5)
    {
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < warmSeconds)
            foreach (var s in sample) work(s);
        int n = sample.Sum(s => s.AtomCount), reps = 0;
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        do
        {
            foreach (var s in sample) work(s);
            reps++;
        } while (sw.Elapsed.TotalSeconds < 1);
        process.Refresh();
        return (sw.Elapsed.TotalSeconds / (reps * n), (process.TotalProcessorTime - cpu0).TotalSeconds / (reps * n));
    }

    /// <summary>Cell k of the pool: six groups (δ = 0.1, 0.2, 0.5 Å; without and with a vacancy), seeded by k.</summary>
    internal static Structure Cell36(int k)
    {
        double[] deltas = [0.1, 0.2, 0.5];
        double delta = deltas[k % 3];
        bool vacancy = k % 6 >= 3;
        var rng = new Random(1000 + k);
        var unit = Cell.FromParameters(2.95, 2.95, 4.68, 90, 90, 120);
        var cell = new Cell(3 * unit.A, 3 * unit.B, 2 * unit.C);
        var pos = new List<Vec3>();
        for (int x = 0; x < 3; x++)
        for (int y = 0; y < 3; y++)
        for (int z = 0; z < 2; z++)
        foreach (var b in new[] { new Vec3(1 / 3.0, 2 / 3.0, 0.25), new Vec3(2 / 3.0, 1 / 3.0, 0.75) })
        {
            var p = cell.ToCartesian(new Vec3((x + b.X) / 3, (y + b.Y) / 3, (z + b.Z) / 2));
            double u = 2 * rng.NextDouble() - 1, phi = 2 * Math.PI * rng.NextDouble(), r = delta * rng.NextDouble();
            double sxy = Math.Sqrt(1 - u * u);
            pos.Add(p + r * new Vec3(sxy * Math.Cos(phi), sxy * Math.Sin(phi), u));
        }
        if (vacancy) pos.RemoveAt(rng.Next(pos.Count));
        return new Structure(Enumerable.Repeat(22, pos.Count).ToImmutableArray(), pos.ToImmutableArray(), cell, Pbc.All)
        {
            Id = $"Ti36 #{k} δ={delta}{(vacancy ? " vacancy" : "")}",
        };
    }

    private static (double Wall, double Cpu) PymatgenCrystalNN(IEnumerable<Structure> structures)
    {
        string script = Path.Combine(BenchPaths.RepoRoot(), "tests", "oracles", "pymatgen_seed.py");
        var input = structures.Select(s => new
        {
            cell = s.Cell.ToRows(),
            positions = s.Positions.Select(p => new[] { p.X, p.Y, p.Z }).ToArray(),
            numbers = s.AtomicNumbers.ToArray(),
            masses = new Dictionary<string, double>(),
        }).ToList();
        var psi = new ProcessStartInfo("/usr/bin/python3", [script, "timing"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("python3 did not start");
        p.StandardInput.Write(JsonSerializer.Serialize(input));
        p.StandardInput.Close();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("pymatgen timing failed");
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        int sites = root.GetProperty("sites").GetInt32();
        return (root.GetProperty("seconds").GetDouble() / sites, root.GetProperty("cpu_seconds").GetDouble() / sites);
    }
}
