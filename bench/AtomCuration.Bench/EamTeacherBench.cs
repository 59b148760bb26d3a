using System.Collections.Immutable;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;

namespace AtomCuration.Bench;

/// <summary>Teacher recovery: label 600 displaced/strained Cu cells with Cu_mishin1, fit a spline EAM on 50, test on 550.</summary>
public sealed class EamTeacherBench : IBenchmark
{
    public string Name => "eam-teacher";
    public string Description => "spline EAM fit on 50 Cu cells labelled by Cu_mishin1.eam.alloy, errors on the other 550";

    public int Run(string[] args)
    {
        int train = args.Length > 0 ? int.Parse(args[0]) : 50;
        int total = args.Length > 1 ? int.Parse(args[1]) : 600;
        string path = args.Length > 2 ? args[2] : "/usr/share/lammps/potentials/Cu_mishin1.eam.alloy";
        var teacher = EamFileReader.Read(path);
        var cells = EamBenchData.LabelledFcc(teacher, "Cu", 3.615, total, seed: 1, displacement: 0.1, strain: 0.03);
        var options = new EamFitOptions { Cutoff = teacher.Cutoff, Seed = 1 };
        var result = EamFitter.Fit(cells.Take(train).ToList(), options);
        Console.WriteLine(result);
        var summary = EamBenchData.Errors(result.Potential, cells.Skip(train).ToList());
        Console.WriteLine($"test on {total - train}: energy RMSE {summary.E:F3} meV/atom, force RMSE {summary.F:F1} meV/Å");
        Console.WriteLine($"loss history: {string.Join(" ", result.LossHistory.Select(l => l.ToString("G3")))}");
        return 0;
    }
}

/// <summary>Shared generators for the EAM benchmarks.</summary>
internal static class EamBenchData
{
    public static List<Structure> LabelledFcc(EamPotential teacher, string symbol, double a, int count, int seed, double displacement, double strain)
    {
        var basis = new[] { new Vec3(0, 0, 0), new Vec3(0.5, 0.5, 0), new Vec3(0.5, 0, 0.5), new Vec3(0, 0.5, 0.5) };
        return Lattice(teacher, symbol, Cell.FromParameters(a, a, a, 90, 90, 90), basis, 2, count, seed, displacement, strain);
    }

    public static List<Structure> LabelledHcp(EamPotential teacher, string symbol, double a, double c, int count, int seed, double displacement, double strain)
    {
        var basis = new[] { new Vec3(1 / 3.0, 2 / 3.0, 0.25), new Vec3(2 / 3.0, 1 / 3.0, 0.75) };
        // 3×3×2 hcp cells: 36 atoms.
        return Lattice(teacher, symbol, Cell.FromParameters(3 * a, 3 * a, 2 * c, 90, 90, 120),
            basis.SelectMany(b => Enumerable.Range(0, 18).Select(k => new Vec3((b.X + k % 3) / 3, (b.Y + k / 3 % 3) / 3, (b.Z + k / 9) / 2))).ToArray(),
            1, count, seed, displacement, strain);
    }

    private static List<Structure> Lattice(EamPotential teacher, string symbol, Cell unit, Vec3[] basis, int reps, int count, int seed, double displacement, double strain)
    {
        var rng = new Random(seed);
        var cells = new List<Structure>();
        for (int k = 0; k < count; k++)
        {
            double e(double scale) => scale * (2 * rng.NextDouble() - 1);
            double s0 = e(strain), s1 = e(strain), s2 = e(strain), s3 = e(strain / 2), s4 = e(strain / 2), s5 = e(strain / 2);
            Vec3 Deform(Vec3 v) => new(v.X * (1 + s0) + s5 * v.Y + s4 * v.Z, s5 * v.X + v.Y * (1 + s1) + s3 * v.Z, s4 * v.X + s3 * v.Y + v.Z * (1 + s2));
            var cell = new Cell(Deform(reps * unit.A), Deform(reps * unit.B), Deform(reps * unit.C));
            double d = displacement * rng.NextDouble();
            var pos = new List<Vec3>();
            for (int x = 0; x < reps; x++)
                for (int y = 0; y < reps; y++)
                    for (int z = 0; z < reps; z++)
                        foreach (var b in basis)
                        {
                            var v = new Vec3(2 * rng.NextDouble() - 1, 2 * rng.NextDouble() - 1, 2 * rng.NextDouble() - 1);
                            pos.Add(cell.ToCartesian((new Vec3(x, y, z) + b) / reps) + d * v / Math.Sqrt(3));
                        }
            var s = new Structure(Enumerable.Repeat(Elements.FromSymbol(symbol).Z, pos.Count).ToImmutableArray(), pos.ToImmutableArray(), cell, Pbc.All) { Id = $"{symbol}{k}" };
            var r = EamEvaluator.Evaluate(teacher, s);
            cells.Add(new Structure(s) { Energy = r.Energy, Forces = [.. r.Forces], Stress = r.Stress });
        }
        return cells;
    }

    public static (double E, double F) Errors(EamPotential potential, List<Structure> test)
    {
        double e2 = 0, f2 = 0;
        long nf = 0;
        foreach (var (s, r) in test.Zip(EamEvaluator.EvaluateMany(potential, test)))
        {
            double de = (r.Energy - s.Energy!.Value) / s.AtomCount;
            e2 += de * de;
            for (int i = 0; i < s.AtomCount; i++) { f2 += (r.Forces[i] - s.Forces!.Value[i]).LengthSquared; nf += 3; }
        }
        return (1000 * Math.Sqrt(e2 / test.Count), 1000 * Math.Sqrt(f2 / nf));
    }
}
