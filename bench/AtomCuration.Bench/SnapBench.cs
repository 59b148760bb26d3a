using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AtomCuration.Descriptors;
using AtomCuration.Descriptors.Bispectrum;
using AtomCuration.Structures;

namespace AtomCuration.Bench;

/// <summary>
/// SNAP bispectrum per atom, ours against LAMMPS ML-SNAP side by side: <c>snap [twojmax] [reps]</c> on a rattled
/// 4×4×4 bcc Ta cell (128 atoms, Ta06A's rcutfac 4.67637, R 0.5, so r_c = 4.67637 Å, ~26 neighbours).
/// Ours: B only (compute sna/atom's work) and B with ∂B/∂D for every neighbour (compute snad/atom's), one thread,
/// CPU time. LAMMPS: the same structure and computes, reduced each step of a static <c>run</c>, with the lmp named
/// by the LMP_SNAP environment variable (an lmp built with ML-SNAP; skipped when unset): its loop time per step times the CPU share it reports.
/// </summary>
public sealed class SnapBench : IBenchmark
{
    public string Name => "snap";
    public string Description => "SNAP bispectrum B and dB/dr per atom (twojmax 6 and 8), ours vs LAMMPS compute sna/atom, snad/atom (LMP_SNAP)";

    public int Run(string[] args)
    {
        var twojmaxes = args.Length > 0 ? [int.Parse(args[0], CultureInfo.InvariantCulture)] : new[] { 6, 8 };
        int reps = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var s = Structure();
        foreach (int twojmax in twojmaxes)
        {
            var settings = new BispectrumSettings
            {
                TwoJMax = twojmax, RCutFac = 4.67637, RFac0 = 0.99363, BZeroFlag = false,
                Radius = new Dictionary<string, double> { ["Ta"] = 0.5 }, Weight = new Dictionary<string, double> { ["Ta"] = 1.0 },
            };
            var calc = new BispectrumCalculator(settings, SpeciesSet.FromSymbols(["Ta"]));
            var rows = new double[s.AtomCount * calc.ColumnCount];
            calc.Compute(s, rows);
            calc.ComputeWithGradients(s);
            double b = Cpu(() => { for (int r = 0; r < reps; r++) calc.Compute(s, rows); }) / (reps * s.AtomCount) * 1e6;
            double g = Cpu(() => { for (int r = 0; r < reps; r++) calc.ComputeWithGradients(s); }) / (reps * s.AtomCount) * 1e6;
            var nl = NeighborList.Build(s, 4.67637);
            Console.WriteLine($"twojmax {twojmax}: {calc.ColumnCount} columns, {s.AtomCount} atoms, {nl.PairCount / (double)s.AtomCount:F1} neighbours/atom, load {Load()}");
            Console.WriteLine($"   ours  : B {b,8:F1} µs/atom   B + dB/dD {g,8:F1} µs/atom (CPU, 1 thread)");
            var lmp = Environment.GetEnvironmentVariable("LMP_SNAP");
            if (string.IsNullOrEmpty(lmp)) { Console.WriteLine("   LAMMPS: set LMP_SNAP to an lmp with ML-SNAP"); continue; }
            double lb = Lammps(lmp, s, twojmax, "sna/atom", reps), lg = Lammps(lmp, s, twojmax, "snad/atom", reps);
            Console.WriteLine($"   LAMMPS: B {lb,8:F1} µs/atom   B + dB/dr {lg,8:F1} µs/atom (CPU share of the loop time, 1 process)");
        }
        return 0;
    }

    private static Structure Structure()
    {
        const double a = 3.316;
        var rng = new Random(1);
        var pos = new List<Vec3>();
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) for (int k = 0; k < 4; k++)
        foreach (var f in new[] { 0.0, 0.5 })
        {
            var p = new Vec3((i + f) * a, (j + f) * a, (k + f) * a);
            pos.Add(p + 0.1 * new Vec3(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5, rng.NextDouble() - 0.5));
        }
        double l = 4 * a;
        return new Structure(Enumerable.Repeat("Ta", pos.Count), pos, new Cell(new Vec3(l, 0, 0), new Vec3(0, l, 0), new Vec3(0, 0, l)), new Pbc(true, true, true));
    }

    /// <summary>µs per atom of one LAMMPS compute, from the loop time of a static run that reduces it every step.</summary>
    private static double Lammps(string lmp, Structure s, int twojmax, string compute, int steps)
    {
        var dir = Directory.CreateTempSubdirectory("snapbench");
        try
        {
            var data = new List<string> { "bench", "", $"{s.AtomCount} atoms", "1 atom types", "" };
            double l = s.Cell.A.X;
            data.Add($"0 {l:R} xlo xhi"); data.Add($"0 {l:R} ylo yhi"); data.Add($"0 {l:R} zlo zhi");
            data.Add(""); data.Add("Masses"); data.Add(""); data.Add("1 180.88"); data.Add(""); data.Add("Atoms # atomic"); data.Add("");
            for (int i = 0; i < s.AtomCount; i++)
            {
                var p = s.Positions[i];
                data.Add(FormattableString.Invariant($"{i + 1} 1 {((p.X % l) + l) % l:R} {((p.Y % l) + l) % l:R} {((p.Z % l) + l) % l:R}"));
            }
            File.WriteAllLines(Path.Combine(dir.FullName, "data.bench"), data);
            File.WriteAllText(Path.Combine(dir.FullName, "in.bench"), string.Join('\n',
                "units metal", "atom_style atomic", "read_data data.bench", "pair_style zero 5.5", "pair_coeff * *",
                $"compute b all {compute} 4.67637 0.99363 {twojmax} 0.5 1.0 bzeroflag 0",
                "compute r all reduce sum c_b[1]", "thermo_style custom step c_r", "thermo 1", $"run {steps}", ""));
            var psi = new ProcessStartInfo(lmp, "-in in.bench -screen none -log log.bench") { WorkingDirectory = dir.FullName };
            using (var p = Process.Start(psi)!) p.WaitForExit();
            var log = File.ReadAllText(Path.Combine(dir.FullName, "log.bench"));
            var m = Regex.Match(log, @"Loop time of (\S+) on 1 procs for (\d+) steps");
            double loop = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            // LAMMPS reports the CPU share of the loop ("97.3% CPU use"): loop × share is its CPU time, comparable to ours under load.
            var cpu = Regex.Match(log, @"([\d.]+)% CPU use");
            double share = cpu.Success ? double.Parse(cpu.Groups[1].Value, CultureInfo.InvariantCulture) / 100 : 1;
            // run N evaluates the compute at steps 0 … N (thermo every step).
            return loop * share / ((steps + 1) * s.AtomCount) * 1e6;
        }
        finally
        {
            dir.Delete(true);
        }
    }

    private static double Cpu(Action work)
    {
        var process = Process.GetCurrentProcess();
        double best = double.MaxValue;
        for (int r = 0; r < 3; r++)
        {
            process.Refresh();
            var c0 = process.TotalProcessorTime;
            work();
            process.Refresh();
            best = Math.Min(best, (process.TotalProcessorTime - c0).TotalSeconds);
        }
        return best;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
