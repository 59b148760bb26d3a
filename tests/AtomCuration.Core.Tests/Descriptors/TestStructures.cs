using System.Collections.Immutable;
using AtomCuration.Structures;

namespace AtomCuration.Tests.Descriptors;

/// <summary>Structures built in code for descriptor tests (crystals, clusters, and their rotated / permuted / supercell copies).</summary>
internal static class TestStructures
{
    public static Structure Molecule(int[] z, params Vec3[] positions) =>
        new(z.ToImmutableArray(), positions.ToImmutableArray(), Cell.Empty, Pbc.None);

    public static Structure Dimer(int z, double d) => Molecule([z, z], Vec3.Zero, new Vec3(d, 0, 0));

    public static Structure Fcc(int z, double a, int reps = 1) =>
        Cubic(z, a, reps, [new(0, 0, 0), new(0.5, 0.5, 0), new(0.5, 0, 0.5), new(0, 0.5, 0.5)]);

    public static Structure Bcc(int z, double a, int reps = 1) => Cubic(z, a, reps, [new(0, 0, 0), new(0.5, 0.5, 0.5)]);

    private static Structure Cubic(int z, double a, int reps, Vec3[] basis)
    {
        var cell = Cell.FromParameters(a, a, a, 90, 90, 90);
        var s = new Structure(Enumerable.Repeat(z, basis.Length).ToImmutableArray(),
            basis.Select(b => a * b).ToImmutableArray(), cell, Pbc.All);
        return reps == 1 ? s : Supercell(s, reps, reps, reps);
    }

    /// <summary>Ideal hcp (two atoms), a = 2.95 Å, c = 4.68 Å by default (Ti).</summary>
    public static Structure Hcp(int z = 22, double a = 2.95, double c = 4.68)
    {
        var cell = Cell.FromParameters(a, a, c, 90, 90, 120);
        return new Structure(ImmutableArray.Create(z, z),
            ImmutableArray.Create(cell.ToCartesian(new Vec3(1 / 3.0, 2 / 3.0, 0.25)), cell.ToCartesian(new Vec3(2 / 3.0, 1 / 3.0, 0.75))),
            cell, Pbc.All);
    }

    /// <summary>A 36-atom hcp Ti cell (3×3×2 of the 2-atom cell) with small random displacements.</summary>
    public static Structure HcpTi36(int seed, double rattle = 0.1)
    {
        var s = Supercell(Hcp(), 3, 3, 2);
        return Rattle(s, seed, rattle);
    }

    public static Structure Rattle(Structure s, int seed, double amplitude)
    {
        var rng = new Random(seed);
        return s.WithPositions(s.Positions.Select(p => p + amplitude * new Vec3(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5, rng.NextDouble() - 0.5)).ToImmutableArray());
    }

    /// <summary>The na × nb × nc supercell; atom k of the original is atom k + n·(cell index) of the copy.</summary>
    public static Structure Supercell(Structure s, int na, int nb, int nc)
    {
        var z = new List<int>();
        var pos = new List<Vec3>();
        for (int i = 0; i < na; i++)
        for (int j = 0; j < nb; j++)
        for (int k = 0; k < nc; k++)
        {
            var shift = i * s.Cell.A + j * s.Cell.B + k * s.Cell.C;
            z.AddRange(s.AtomicNumbers);
            pos.AddRange(s.Positions.Select(p => p + shift));
        }
        var cell = new Cell(na * s.Cell.A, nb * s.Cell.B, nc * s.Cell.C);
        return new Structure(z.ToImmutableArray(), pos.ToImmutableArray(), cell, s.Pbc);
    }

    /// <summary>A proper rotation about a random axis, applied to positions and cell, then a translation.</summary>
    public static Structure RotateTranslate(Structure s, int seed, Vec3 translation)
    {
        var rng = new Random(seed);
        var axis = new Vec3(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5, rng.NextDouble() - 0.5);
        axis /= axis.Length;
        double angle = 2 * Math.PI * rng.NextDouble(), c = Math.Cos(angle), sn = Math.Sin(angle);
        Vec3 Rot(Vec3 v) => c * v + sn * Vec3.Cross(axis, v) + (1 - c) * Vec3.Dot(axis, v) * axis;
        var cell = s.Pbc.Any ? new Cell(Rot(s.Cell.A), Rot(s.Cell.B), Rot(s.Cell.C)) : s.Cell;
        return new Structure(s.AtomicNumbers, s.Positions.Select(p => Rot(p) + translation).ToImmutableArray(), cell, s.Pbc);
    }

    /// <summary>The same structure with atoms in the order <paramref name="order"/> (new atom k = old atom order[k]).</summary>
    public static Structure Permute(Structure s, int[] order) =>
        new(order.Select(k => s.AtomicNumbers[k]).ToImmutableArray(), order.Select(k => s.Positions[k]).ToImmutableArray(), s.Cell, s.Pbc);

    public static int[] Shuffled(int n, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }

    /// <summary>Replaces the atomic numbers (e.g. to make a binary compound from an elemental lattice).</summary>
    public static Structure WithSpecies(Structure s, Func<int, int> zOfAtom) =>
        new(Enumerable.Range(0, s.AtomCount).Select(zOfAtom).ToImmutableArray(), s.Positions, s.Cell, s.Pbc);

    public static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double tolerance, string what = "")
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
        {
            double scale = Math.Max(1, Math.Abs(expected[k]));
            Assert.True(Math.Abs(expected[k] - actual[k]) <= tolerance * scale,
                $"{what}[{k}]: expected {expected[k]:R}, got {actual[k]:R} (diff {expected[k] - actual[k]:E2})");
        }
    }
}
