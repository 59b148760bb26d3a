using System.Collections.Immutable;
using AtomCuration.Structures;

namespace AtomCuration.Tests.Potentials;

/// <summary>Crystal cells for EAM tests: strained, displaced, vacancy, tiny and triclinic.</summary>
internal static class EamTestStructures
{
    public static Structure Fcc(string[] species, double a, int reps, Random rng, double displacement = 0.0,
        double strain = 0.0, bool vacancy = false)
    {
        var basis = new[] { new Vec3(0, 0, 0), new Vec3(0.5, 0.5, 0), new Vec3(0.5, 0, 0.5), new Vec3(0, 0.5, 0.5) };
        return Lattice(species, Cell.FromParameters(a, a, a, 90, 90, 90), basis, reps, rng, displacement, strain, vacancy);
    }

    public static Structure Hcp(string[] species, double a, double c, int reps, Random rng, double displacement = 0.0,
        double strain = 0.0, bool vacancy = false)
    {
        var basis = new[] { new Vec3(1 / 3.0, 2 / 3.0, 0.25), new Vec3(2 / 3.0, 1 / 3.0, 0.75) };
        return Lattice(species, Cell.FromParameters(a, a, c, 90, 90, 120), basis, reps, rng, displacement, strain, vacancy);
    }

    /// <summary>Lattice with a random symmetric strain (|ε| ≤ strain), random displacements and optionally one atom removed.</summary>
    public static Structure Lattice(string[] species, Cell unit, Vec3[] basis, int reps, Random rng, double displacement,
        double strain, bool vacancy)
    {
        var e = new double[3, 3];
        for (int i = 0; i < 3; i++)
            for (int j = i; j < 3; j++)
                e[i, j] = e[j, i] = strain * (2 * rng.NextDouble() - 1) * (i == j ? 1.0 : 0.5);
        Vec3 Deform(Vec3 v) => new(
            v.X + e[0, 0] * v.X + e[0, 1] * v.Y + e[0, 2] * v.Z,
            v.Y + e[1, 0] * v.X + e[1, 1] * v.Y + e[1, 2] * v.Z,
            v.Z + e[2, 0] * v.X + e[2, 1] * v.Y + e[2, 2] * v.Z);
        var cell = new Cell(Deform(reps * unit.A), Deform(reps * unit.B), Deform(reps * unit.C));
        var pos = new List<Vec3>();
        var sym = new List<string>();
        for (int x = 0; x < reps; x++)
            for (int y = 0; y < reps; y++)
                for (int z = 0; z < reps; z++)
                    foreach (var b in basis)
                    {
                        var f = (new Vec3(x, y, z) + b) / reps;
                        pos.Add(cell.ToCartesian(f) + displacement * RandomUnitBall(rng));
                        sym.Add(species[rng.Next(species.Length)]);
                    }
        if (vacancy)
        {
            int k = rng.Next(pos.Count);
            pos.RemoveAt(k);
            sym.RemoveAt(k);
        }
        return new Structure(sym, pos, cell, Pbc.All);
    }

    public static Vec3 RandomUnitBall(Random rng)
    {
        while (true)
        {
            var v = new Vec3(2 * rng.NextDouble() - 1, 2 * rng.NextDouble() - 1, 2 * rng.NextDouble() - 1);
            if (v.LengthSquared <= 1) return v;
        }
    }

    /// <summary>Shortest distance between p and the images of q (self-images included when p = q), over the 27 nearest cells.</summary>
    private static double MinimumImageDistance(Cell cell, Vec3 p, Vec3 q)
    {
        double best = double.MaxValue;
        for (int a = -1; a <= 1; a++)
            for (int b = -1; b <= 1; b++)
                for (int c = -1; c <= 1; c++)
                {
                    if (p == q && a == 0 && b == 0 && c == 0) continue;
                    best = Math.Min(best, (q + a * cell.A + b * cell.B + c * cell.C - p).Length);
                }
        return best;
    }

    /// <summary>A random triclinic cell with <paramref name="count"/> atoms at a density near <paramref name="volumePerAtom"/>.</summary>
    public static Structure Triclinic(string[] species, int count, double volumePerAtom, Random rng, double minDistance)
    {
        while (true)
        {
            double alpha = 70 + 40 * rng.NextDouble(), beta = 70 + 40 * rng.NextDouble(), gamma = 70 + 40 * rng.NextDouble();
            var shape = Cell.FromParameters(1 + 0.3 * rng.NextDouble(), 1 + 0.3 * rng.NextDouble(), 1 + 0.3 * rng.NextDouble(), alpha, beta, gamma);
            double scale = Math.Cbrt(count * volumePerAtom / shape.Volume);
            var cell = new Cell(scale * shape.A, scale * shape.B, scale * shape.C);
            var pos = new List<Vec3>();
            int attempts = 0;
            while (pos.Count < count && attempts++ < 2000)
            {
                var p = cell.ToCartesian(new Vec3(rng.NextDouble(), rng.NextDouble(), rng.NextDouble()));
                if (pos.Append(p).All(q => MinimumImageDistance(cell, p, q) >= minDistance)) pos.Add(p);
            }
            if (pos.Count == count)
                return new Structure(pos.Select(_ => species[rng.Next(species.Length)]), pos, cell, Pbc.All);
        }
    }
}
