using System.Diagnostics;
using System.Globalization;
using AtomCuration.IO;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;

namespace AtomCuration.Bench;

/// <summary>
/// EAM energy + forces + stress against serial LAMMPS on the same input: a 32,000-atom jiggled fcc Cu cell with
/// Cu_mishin1.eam.alloy, and 1,800 36-atom hcp Ti cells with Ti_Zhou04.eam.alloy. <c>write DIR</c> writes the
/// LAMMPS data files and input scripts (bench/README.md times them with hyperfine and /usr/bin/time -v);
/// <c>cu K</c> and <c>ti K</c> evaluate K times in this process and print the energies to compare with LAMMPS's.
/// </summary>
public sealed class EamLammpsBench : IBenchmark
{
    private const string CuPotential = "/usr/share/lammps/potentials/Cu_mishin1.eam.alloy";
    private static readonly string TiPotential = BenchPaths.TiZhou04();

    public string Name => "eam-lammps";
    public string Description => "EAM E+F+stress vs LAMMPS: 'write DIR' (data + inputs), 'cu K [cached] [lists]' (32,000-atom Cu, K evaluations), 'ti K [cached] [lists]' (1,800 Ti cells, K passes), 'measure K' (fit errors on the Ti pool K times)";

    public int Run(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        string mode = args.Length > 0 ? args[0] : "cu";
        switch (mode)
        {
            case "write":
                Write(args.Length > 1 ? args[1] : "/tmp/eam-lammps");
                return 0;
            case "cu":
            case "ti":
            {
                int k = args.Length > 1 ? int.Parse(args[1], inv) : 5;
                bool cached = args.Contains("cached");
                var potential = EamFileReader.Read(mode == "cu" ? CuPotential : TiPotential);
                var cells = mode == "cu" ? [BenchStructures.JiggledFccCu(20)] : TiCells();
                long atoms = cells.Sum(s => (long)s.AtomCount);
                NeighborListCache.Clear(); // the Ti cells were labelled with this potential: start from an empty cache
                if (!cached) NeighborListCache.BudgetBytes = 0; // every evaluation builds its neighbour list
                var times = new List<double>();
                double energy = 0;
                for (int pass = 0; pass < k; pass++)
                {
                    var cpu = CpuClock.Now;
                    energy = 0;
                    foreach (var s in cells) energy += EamEvaluator.Evaluate(potential, s).Energy;
                    times.Add(CpuClock.Now - cpu);
                }
                times.Sort();
                // 'lists' also times the half neighbour list alone (left out otherwise, so that the whole-process
                // CPU time of K evaluations holds nothing else).
                var listTimes = new List<double>();
                for (int pass = 0; pass < (args.Contains("lists") ? k : 0); pass++)
                {
                    var cpu = CpuClock.Now;
                    foreach (var s in cells) NeighborList.BuildWithoutShifts(s, potential.Cutoff, half: true);
                    listTimes.Add(CpuClock.Now - cpu);
                }
                listTimes.Sort();
                if (listTimes.Count > 0)
                    Console.WriteLine(string.Create(inv, $"of which the half neighbour list at {potential.Cutoff:F3} Å: CPU median {listTimes[k / 2] * 1e3:F1} ms"));
                Console.WriteLine(string.Create(inv, $"{mode}: {cells.Count} cell(s), {atoms} atoms, total energy {energy:R} eV ({energy / atoms:F12} eV/atom)"));
                Console.WriteLine(string.Create(inv,
                    $"CPU per pass ({k} passes, {(cached ? "neighbour lists cached" : "neighbour lists built every time")}): min {times[0] * 1e3:F1} / median {times[k / 2] * 1e3:F1} / max {times[^1] * 1e3:F1} ms = {times[k / 2] / atoms * 1e6:F3} µs/atom (median); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
                return 0;
            }
            case "measure":
            {
                // Measure-FitError's work (FitErrorAnalysis.Analyze) called K times on the same 1,800-cell pool, 2 threads.
                int k = args.Length > 1 ? int.Parse(args[1], inv) : 20;
                var potential = EamFileReader.Read(TiPotential);
                var pool = TiCells();
                NeighborListCache.Clear(); // labelling the cells filled it
                var times = new List<double>();
                for (int call = 0; call < k; call++)
                {
                    var clock = Stopwatch.StartNew();
                    double cpu = CpuClock.Now;
                    var report = AtomCuration.Fitting.FitErrorAnalysis.Analyze(pool, potential, degree: 2);
                    times.Add(CpuClock.Now - cpu);
                    if (call == 0 || call == k - 1)
                        Console.WriteLine(string.Create(inv, $"call {call + 1}: {clock.Elapsed.TotalMilliseconds:F0} ms wall, {times[^1] * 1e3:F0} ms CPU; energy RMSE {report.Overall.EnergyRmse} (teacher = potential)"));
                }
                var later = times.Skip(1).Order().ToList();
                Console.WriteLine(string.Create(inv,
                    $"{k} calls: first {times[0] * 1e3:F0} ms CPU (neighbour lists built), later min {later[0] * 1e3:F0} / median {later[later.Count / 2] * 1e3:F0} / max {later[^1] * 1e3:F0} ms CPU; cache {NeighborListCache.Bytes / 1e6:F1} MB; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
                return 0;
            }
            default:
                Console.Error.WriteLine("usage: eam-lammps write DIR | cu K [cached] [lists] | ti K [cached] [lists] | measure K");
                return 2;
        }
    }

    /// <summary>The 1,800 Ti cells of the eam-speed bench (unlabelled: only the geometry matters here).</summary>
    private static List<Structure> TiCells()
    {
        var teacher = EamFileReader.Read(TiPotential);
        return EamBenchData.LabelledHcp(teacher, "Ti", 2.95, 4.68, 1800, seed: 2, displacement: 0.15, strain: 0.04);
    }

    private static void Write(string dir)
    {
        Directory.CreateDirectory(dir);
        var writer = new LammpsDataWriter();
        using (var text = File.CreateText(Path.Combine(dir, "cu32000.data"))) writer.Write(text, BenchStructures.JiggledFccCu(20));
        // K evaluations from scratch (neighbour list and forces, stress via the pressure) at LAMMPS's default
        // neighbour settings for metal units (skin 2 Å, binned); -var skin 0 for a list exactly at the cutoff.
        File.WriteAllText(Path.Combine(dir, "in.cu"), $$"""
            units metal
            atom_style atomic
            read_data {{dir}}/cu32000.data
            pair_style eam/alloy
            pair_coeff * * {{CuPotential}} Cu
            if "$(is_defined(variable,skin))" then "neighbor ${skin} bin"
            thermo_style custom step pe press pxx pyy pzz
            thermo_modify format float %.15g
            variable i loop ${K}
            label again
            run 0
            next i
            jump SELF again

            """);
        var cells = TiCells();
        Directory.CreateDirectory(Path.Combine(dir, "ti"));
        for (int c = 0; c < cells.Count; c++)
            using (var text = File.CreateText(Path.Combine(dir, "ti", $"{c:D4}.data"))) writer.Write(text, cells[c]);
        // Cell by cell in one LAMMPS process: clear, read the cell and the potential, run 0. -var run 0 skips the
        // evaluation, so the difference of the two is what the evaluations cost.
        File.WriteAllText(Path.Combine(dir, "in.ti"), $$"""
            variable c loop {{cells.Count}} pad
            label again
            clear
            units metal
            atom_style atomic
            read_data {{dir}}/ti/$(v_c-1:%04.0f).data
            pair_style eam/alloy
            pair_coeff * * {{TiPotential}} Ti
            thermo_style custom step pe
            thermo_modify format float %.15g
            if "$(is_defined(variable,run))" then "jump SELF skip"
            run 0
            label skip
            next c
            jump SELF again

            """);
        Console.WriteLine($"wrote {dir}/cu32000.data, {dir}/in.cu, {cells.Count} cells in {dir}/ti, {dir}/in.ti");
    }
}
