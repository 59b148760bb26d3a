using System.Collections.Immutable;
using AtomCuration.Structures;

namespace AtomCuration.Tests.Geometry;

/// <summary>
/// The structures issue 5 names for the seed-fingerprint cross-checks (ideal fcc Cu, bcc Mo,
/// hcp Ti ideal and strained, a 36-site hcp Ti supercell with a vacancy, hcp supercells with
/// random displacements, a 2-atom cell, a triclinic cell) plus a 1-atom cell, an A15 cell, and their JSON
/// form for the pymatgen oracle.
/// </summary>
public static class SeedCases
{
    public sealed record Case(string Name, Structure Structure);

    private static Structure Make(Cell cell, IEnumerable<int> z, IEnumerable<Vec3> fractional, string name) =>
        new(z.ToImmutableArray(), fractional.Select(cell.ToCartesian).ToImmutableArray(), cell, Pbc.All) { Id = name };

    public static Structure Hcp(double a, double covera, int nx, int ny, int nz, string name)
    {
        var unit = Cell.FromParameters(a, a, covera * a, 90, 90, 120);
        var basis = new[] { new Vec3(1 / 3.0, 2 / 3.0, 0.25), new Vec3(2 / 3.0, 1 / 3.0, 0.75) };
        var cell = new Cell(nx * unit.A, ny * unit.B, nz * unit.C);
        var frac = new List<Vec3>();
        for (int x = 0; x < nx; x++)
        for (int y = 0; y < ny; y++)
        for (int zz = 0; zz < nz; zz++)
            foreach (var b in basis)
                frac.Add(new Vec3((x + b.X) / nx, (y + b.Y) / ny, (zz + b.Z) / nz));
        return Make(cell, Enumerable.Repeat(22, frac.Count), frac, name);
    }

    /// <summary>Moves every atom by a random vector of length uniform in [0, δ] and uniform direction.</summary>
    public static Structure Displace(Structure s, double delta, int seed, string name)
    {
        var rng = new Random(seed);
        var pos = s.Positions.Select(p =>
        {
            double u = 2 * rng.NextDouble() - 1, phi = 2 * Math.PI * rng.NextDouble(), r = delta * rng.NextDouble();
            double sxy = Math.Sqrt(1 - u * u);
            return p + r * new Vec3(sxy * Math.Cos(phi), sxy * Math.Sin(phi), u);
        }).ToImmutableArray();
        return new Structure(s.AtomicNumbers, pos, s.Cell, s.Pbc) { Id = name };
    }

    public static Structure WithoutAtom(Structure s, int index, string name) =>
        new(s.AtomicNumbers.RemoveAt(index), s.Positions.RemoveAt(index), s.Cell, s.Pbc) { Id = name };

    public static List<Case> All()
    {
        var cases = new List<Case>();
        void Add(Structure s) => cases.Add(new Case(s.Id, s));
        var cubic = Cell.FromParameters(3.615, 3.615, 3.615, 90, 90, 90);
        Add(Make(cubic, Enumerable.Repeat(29, 4), [new(0, 0, 0), new(0.5, 0.5, 0), new(0.5, 0, 0.5), new(0, 0.5, 0.5)], "fcc Cu"));
        var prim = new Cell(new Vec3(0, 1.8075, 1.8075), new Vec3(1.8075, 0, 1.8075), new Vec3(1.8075, 1.8075, 0));
        Add(Make(prim, [29], [new(0.1, 0.2, 0.3)], "fcc Cu 1-atom"));
        var bcc = Cell.FromParameters(3.147, 3.147, 3.147, 90, 90, 90);
        Add(Make(bcc, [42, 42], [new(0, 0, 0), new(0.5, 0.5, 0.5)], "bcc Mo"));
        Add(Hcp(2.95, Math.Sqrt(8.0 / 3.0), 1, 1, 1, "hcp Ti ideal"));
        Add(Hcp(2.95, 1.587, 1, 1, 1, "hcp Ti c/a 1.587"));
        Add(Hcp(2.95, 1.75, 1, 1, 1, "hcp Ti c/a 1.75"));
        var super = Hcp(2.95, 1.587, 3, 3, 2, "hcp Ti 36");
        Add(WithoutAtom(super, 7, "hcp Ti 36 vacancy"));
        Add(Displace(super, 0.1, 11, "hcp Ti 36 ±0.1"));
        Add(Displace(super, 0.2, 12, "hcp Ti 36 ±0.2"));
        Add(Displace(super, 0.5, 13, "hcp Ti 36 ±0.5"));
        var b2 = Cell.FromParameters(3.26, 3.26, 3.26, 90, 90, 90);
        Add(Make(b2, [29, 40], [new(0, 0, 0), new(0.5, 0.5, 0.5)], "B2 CuZr 2-atom"));
        var tri = Cell.FromParameters(4.1, 4.6, 5.3, 78, 99, 107);
        Add(Make(tri, [22, 22, 13, 22, 13], [new(0.05, 0.1, 0.02), new(0.52, 0.47, 0.11), new(0.31, 0.83, 0.55),
            new(0.77, 0.21, 0.61), new(0.12, 0.58, 0.86)], "triclinic TiAl"));
        // A15 with a = 4 Å has a shell at exactly 10 Å, the GRDF cutoff (and CN 12 + CN 14 sites).
        var a15 = Cell.FromParameters(4, 4, 4, 90, 90, 90);
        Add(Make(a15, Enumerable.Repeat(73, 8), [new(0, 0, 0), new(0.5, 0.5, 0.5), new(0.25, 0.5, 0), new(0.75, 0.5, 0),
            new(0, 0.25, 0.5), new(0, 0.75, 0.5), new(0.5, 0, 0.25), new(0.5, 0, 0.75)], "A15 Ta a=4"));
        return cases;
    }

    /// <summary>The oracle's JSON form of a structure (masses from our element table).</summary>
    public static object ToOracle(Structure s) => new
    {
        cell = s.Cell.ToRows(),
        positions = s.Positions.Select(p => new[] { p.X, p.Y, p.Z }).ToArray(),
        numbers = s.AtomicNumbers.ToArray(),
        masses = s.AtomicNumbers.Distinct().ToDictionary(z => Elements.FromZ(z).Symbol, z => Elements.FromZ(z).Mass),
    };
}
