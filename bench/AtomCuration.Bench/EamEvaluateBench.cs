using System.Collections.Immutable;
using System.Diagnostics;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;

namespace AtomCuration.Bench;

/// <summary>Evaluator throughput: energy, forces and stress of a 10,976-atom fcc Cu cell with Cu_mishin1 (tabulated, LAMMPS interpolation).</summary>
public sealed class EamEvaluateBench : IBenchmark
{
    public string Name => "eam-evaluate";
    public string Description => "EAM energy+forces+stress on a 10,976-atom Cu cell (Cu_mishin1.eam.alloy), 1 thread";

    public int Run(string[] args)
    {
        var potential = EamFileReader.Read("/usr/share/lammps/potentials/Cu_mishin1.eam.alloy");
        var s = BenchStructures.JiggledFccCu();
        EamEvaluator.Evaluate(potential, s);
        var times = new List<double>();
        EamResult? r = null;
        for (int k = 0; k < 5; k++)
        {
            var clock = Stopwatch.StartNew();
            r = EamEvaluator.Evaluate(potential, s);
            times.Add(clock.Elapsed.TotalSeconds);
        }
        double best = times.Min();
        var nl = new List<double>();
        for (int k = 0; k < 5; k++)
        {
            var clock = Stopwatch.StartNew();
            NeighborList.Build(s, potential.Cutoff, half: true);
            nl.Add(clock.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"of which the half neighbour list at {potential.Cutoff:F3} Å: best {nl.Min() * 1e3:F1} ms; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine($"{s.AtomCount} atoms, E/atom {r!.EnergyPerAtom:F6} eV; best of 5: {best * 1e3:F1} ms → {s.AtomCount / best / 1e6:F2} M atom-steps/s (neighbour list included)");
        return 0;
    }
}
