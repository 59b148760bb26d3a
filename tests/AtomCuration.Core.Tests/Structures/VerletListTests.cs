using System.Collections.Immutable;
using AtomCuration.Structures;
using static AtomCuration.Tests.Descriptors.TestStructures;

namespace AtomCuration.Tests.Structures;

public class VerletListTests
{
    private static string[] Entries(NeighborPairs pairs)
    {
        var list = new List<string>();
        for (int i = 0; i < pairs.AtomCount; i++)
            for (int p = pairs.Offsets[i]; p < pairs.Offsets[i + 1]; p++)
            {
                var d = pairs.Vectors[p];
                Assert.Equal(d.Length, pairs.Distances[p], 12);
                list.Add(FormattableString.Invariant($"{i} {pairs.Indices[p]} {d.X:F8} {d.Y:F8} {d.Z:F8}"));
            }
        list.Sort(StringComparer.Ordinal);
        return list.ToArray();
    }

    [Fact]
    public void PairsEqualAFreshNeighbourListWhetherOrNotItSearchedAgain()
    {
        var s = Rattle(Supercell(Bcc(74, 3.16), 2, 2, 3), 4, 0.3);
        var cell = new Cell(s.Cell.A, s.Cell.B + 0.4 * s.Cell.A, s.Cell.C); // triclinic
        var pbc = new Pbc(true, true, true);
        var list = new VerletList(s.AtomicNumbers, cell, pbc, 4.2, 0.6);
        var x = s.Positions.ToArray();
        var rng = new Random(1);
        void Check()
        {
            var fresh = NeighborList.Build(new Structure(s.AtomicNumbers, x.ToImmutableArray(), cell, pbc), 4.2);
            Assert.Equal(Entries(fresh.Pairs), Entries(list.Pairs));
        }
        list.Update(x);
        Check();
        Assert.Equal(1, list.Builds);
        for (int step = 0; step < 5; step++)
        {
            // Every atom moves less than skin/2 in all: the candidates stay valid, pairs enter and leave the cutoff.
            for (int i = 0; i < x.Length; i++) x[i] += 0.05 * new Vec3(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5, rng.NextDouble() - 0.5);
            list.Update(x);
            Check();
        }
        Assert.Equal(1, list.Builds);
        x[3] += new Vec3(0.5, -0.3, 0.2);
        list.Update(x);
        Assert.Equal(2, list.Builds);
        Check();
        foreach (var p in x) // wrapped into the cell at the search
        {
            var f = cell.ToFractional(p);
            Assert.All(new[] { f.X, f.Y, f.Z }, c => Assert.InRange(c, -1e-9, 1 + 1e-9));
        }
    }
}
