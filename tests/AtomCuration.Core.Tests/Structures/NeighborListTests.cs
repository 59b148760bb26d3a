using System.Collections.Immutable;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Structures;

public class NeighborListTests
{
    private sealed record Case(string Name, Structure Structure, double Cutoff);

    private static Structure Make(Cell cell, Pbc pbc, IEnumerable<Vec3> positions)
    {
        var pos = positions.ToImmutableArray();
        return new Structure(Enumerable.Repeat(22, pos.Length).ToImmutableArray(), pos, cell, pbc);
    }

    private static IEnumerable<Vec3> RandomPositions(Random rng, Cell cell, int n, double spill = 0.0) =>
        Enumerable.Range(0, n).Select(_ => cell.ToCartesian(new Vec3(
            rng.NextDouble() * (1 + 2 * spill) - spill,
            rng.NextDouble() * (1 + 2 * spill) - spill,
            rng.NextDouble() * (1 + 2 * spill) - spill)));

    private static List<Case> Cases()
    {
        var rng = new Random(20261122);
        var cases = new List<Case>();
        var one = Cell.FromParameters(2.9, 2.9, 2.9, 90, 90, 90);
        cases.Add(new("1-atom cubic, 8 Å", Make(one, Pbc.All, [new Vec3(0.1, 0.2, 0.3)]), 8.0));
        var hcp = Cell.FromParameters(2.95, 2.95, 4.68, 90, 90, 120);
        cases.Add(new("2-atom hcp, 6 Å", Make(hcp, Pbc.All,
            [hcp.ToCartesian(new Vec3(1 / 3.0, 2 / 3.0, 0.25)), hcp.ToCartesian(new Vec3(2 / 3.0, 1 / 3.0, 0.75))]), 6.0));
        for (int k = 0; k < 6; k++)
        {
            var tri = Cell.FromParameters(3 + 5 * rng.NextDouble(), 3 + 5 * rng.NextDouble(), 3 + 5 * rng.NextDouble(),
                60 + 60 * rng.NextDouble(), 60 + 60 * rng.NextDouble(), 60 + 60 * rng.NextDouble());
            cases.Add(new($"random triclinic {k}", Make(tri, Pbc.All, RandomPositions(rng, tri, 1 + rng.Next(12), 0.3)), 2 + 5 * rng.NextDouble()));
        }
        var skew = new Cell(new Vec3(4, 0, 0), new Vec3(3.7, 1.2, 0), new Vec3(-3.5, 0.6, 1.5));
        cases.Add(new("strongly skewed", Make(skew, Pbc.All, RandomPositions(rng, skew, 5)), 5.5));
        var slab = Cell.FromParameters(6, 6, 25, 90, 90, 90);
        cases.Add(new("slab T T F", Make(slab, new Pbc(true, true, false),
            RandomPositions(rng, Cell.FromParameters(6, 6, 8, 90, 90, 90), 20, 0.2)), 4.5));
        cases.Add(new("wire F F T", Make(slab, new Pbc(false, false, true), RandomPositions(rng, slab, 15)), 6.0));
        cases.Add(new("molecule, no cell", Make(Cell.Empty, Pbc.None,
            RandomPositions(rng, Cell.FromParameters(7, 7, 7, 90, 90, 90), 12)), 3.5));
        var big = Cell.FromParameters(18, 17, 19, 84, 95, 101);
        cases.Add(new("large triclinic, 600 atoms", Make(big, Pbc.All, RandomPositions(rng, big, 600)), 5.0));
        // Past 65,536 estimated entries the builder hands its own buffers over instead of copying rented ones.
        var bigger = Cell.FromParameters(21, 20, 22, 86, 93, 98);
        cases.Add(new("large triclinic, 1,000 atoms, 6 Å (~100k entries)", Make(bigger, Pbc.All, RandomPositions(rng, bigger, 1000)), 6.0));
        // Orthogonal cells prune the stencil's far corners; a 3-bin-wide cell puts ghosts of ghosts' neighbours in play.
        var box = Cell.FromParameters(14, 15, 16, 90, 90, 90);
        cases.Add(new("orthogonal box, 400 atoms, 5 Å", Make(box, Pbc.All, RandomPositions(rng, box, 400, 0.1)), 5.0));
        var thin = Cell.FromParameters(7.5, 12, 13, 90, 90, 90);
        cases.Add(new("orthogonal, cutoff past the short side, 120 atoms", Make(thin, Pbc.All, RandomPositions(rng, thin, 120)), 8.0));
        return cases;
    }

    [Fact]
    public void MatchesAseNeighborListExactly() => Oracle.Frozen(MatchesAseNeighborListExactlyCheck);

    [SkippableFact]
    [Trait("Oracle", "ase")]
    public void MatchesAseNeighborListExactly_Live() => Oracle.Live("", MatchesAseNeighborListExactlyCheck);

    private void MatchesAseNeighborListExactlyCheck()
    {
        var cases = Cases();
        var input = cases.Select(c => new
        {
            cell = c.Structure.Cell.ToRows(),
            pbc = new[] { c.Structure.Pbc.A, c.Structure.Pbc.B, c.Structure.Pbc.C },
            positions = c.Structure.Positions.Select(p => new[] { p.X, p.Y, p.Z }).ToArray(),
            numbers = c.Structure.AtomicNumbers.ToArray(),
            cutoff = c.Cutoff,
            pairs_only = c.Structure.AtomCount > 100,
        }).ToList();
        using var doc = PythonOracle.Run("ase_neighbor_list.py", input);
        var results = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(cases.Count, results.Count);
        for (int k = 0; k < cases.Count; k++)
        {
            var c = cases[k];
            var r = results[k];
            var ase = new Dictionary<(int, int, int, int, int), (double d, Vec3 D)>();
            var ai = r.GetProperty("i").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var aj = r.GetProperty("j").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var aS = r.GetProperty("S").EnumerateArray().Select(e => e.EnumerateArray().Select(x => x.GetInt32()).ToArray()).ToArray();
            // Large cases carry only ASE's pairs: their vectors are r_j − r_i + S·cell, computed here.
            bool pairsOnly = !r.TryGetProperty("d", out var dElement);
            var pos = c.Structure.Positions;
            var cell = c.Structure.Cell;
            for (int p = 0; p < ai.Length; p++)
            {
                Vec3 D;
                double d;
                if (pairsOnly)
                {
                    D = pos[aj[p]] - pos[ai[p]] + cell.ToCartesian(new Vec3(aS[p][0], aS[p][1], aS[p][2]));
                    d = D.Length;
                }
                else
                {
                    var row = r.GetProperty("D")[p];
                    D = new Vec3(row[0].GetDouble(), row[1].GetDouble(), row[2].GetDouble());
                    d = dElement[p].GetDouble();
                }
                ase[(ai[p], aj[p], aS[p][0], aS[p][1], aS[p][2])] = (d, D);
            }

            var nl = NeighborList.Build(c.Structure, c.Cutoff);
            Assert.True(ai.Length == nl.PairCount, $"{c.Name}: ASE has {ai.Length} pairs, we have {nl.PairCount}");
            var first = nl.FirstIndices();
            for (int p = 0; p < nl.PairCount; p++)
            {
                var s = nl.Shifts[p];
                var key = (first[p], nl.Indices[p], s.A, s.B, s.C);
                Assert.True(ase.TryGetValue(key, out var want), $"{c.Name}: pair {key} not in ASE's list");
                Assert.True(Math.Abs(want.d - nl.Distances[p]) < 1e-10, $"{c.Name}: distance of {key}");
                Assert.True((want.D - nl.Vectors[p]).Length < 1e-10, $"{c.Name}: vector of {key}");
            }
        }
    }

    [Fact]
    public void HalfListHoldsEachPairOnce()
    {
        foreach (var c in Cases())
        {
            var full = NeighborList.Build(c.Structure, c.Cutoff);
            var half = NeighborList.Build(c.Structure, c.Cutoff, half: true);
            Assert.Equal(full.PairCount, 2 * half.PairCount);
            var fullFirst = full.FirstIndices();
            var fullSet = new HashSet<(int, int, ImageShift)>();
            for (int p = 0; p < full.PairCount; p++) fullSet.Add((fullFirst[p], full.Indices[p], full.Shifts[p]));
            var halfFirst = half.FirstIndices();
            var unordered = new HashSet<(int, int, ImageShift)>();
            for (int p = 0; p < half.PairCount; p++)
            {
                var key = (halfFirst[p], half.Indices[p], half.Shifts[p]);
                var flipped = (half.Indices[p], halfFirst[p], -half.Shifts[p]);
                Assert.True(unordered.Add(key) && unordered.Add(flipped) || key == flipped, $"{c.Name}: pair {key} twice in the half list");
                Assert.Contains((halfFirst[p], half.Indices[p], half.Shifts[p]), fullSet);
                Assert.Contains((half.Indices[p], halfFirst[p], -half.Shifts[p]), fullSet);
            }
        }
    }

    [Fact]
    public void OneAtomCubicCellSeesEveryImageWithinTheCutoff()
    {
        // Simple cubic a = 2.9 Å, 8 Å: count lattice points 0 < |n a| < 8 directly.
        int expected = 0;
        for (int x = -3; x <= 3; x++)
        for (int y = -3; y <= 3; y++)
        for (int z = -3; z <= 3; z++)
        {
            double r = 2.9 * Math.Sqrt(x * x + y * y + z * z);
            if (r > 0 && r < 8) expected++;
        }
        var s = Make(Cell.FromParameters(2.9, 2.9, 2.9, 90, 90, 90), Pbc.All, [new Vec3(5, -7, 1)]);
        Assert.Equal(expected, NeighborList.Build(s, 8.0).PairCount);
    }

    [Fact]
    public void RefusesANearlyFlatCellInsteadOfVisitingMillionsOfImages()
    {
        // 10⁻⁵ Å thick along c: a 6 Å cutoff would reach 600,001 images along c alone, times 7 × 7 along a and b.
        var flat = new Cell(new Vec3(3, 0, 0), new Vec3(0, 3, 0), new Vec3(0, 0, 1e-5));
        // Such a cell never reaches the search: the structure model refuses it (the search's own bound is the second line).
        var e = Assert.Throws<ArgumentException>(() => Make(flat, Pbc.All, [Vec3.Zero, new Vec3(1.5, 1.5, 0)]));
        Assert.Contains("degenerate", e.Message);
        // The same cell periodic only along a and b is an ordinary slab.
        var slab = Make(flat, new Pbc(true, true, false), [Vec3.Zero, new Vec3(1.5, 1.5, 0)]);
        Assert.True(NeighborList.Build(slab, 6.0).PairCount > 0);
    }

    [Fact]
    public void AListBuiltWithoutShiftsSaysSo()
    {
        var s = Make(Cell.FromParameters(3, 3, 3, 90, 90, 90), Pbc.All, [Vec3.Zero]);
        var list = NeighborList.BuildWithoutShifts(s, 4.0, half: true);
        Assert.False(list.HasShifts);
        Assert.Equal(NeighborList.Build(s, 4.0, half: true).PairCount, list.PairCount);
        Assert.Throws<InvalidOperationException>(() => list.Shifts.Length);
    }

    [Fact]
    public void APooledListHoldsTheSameEntriesUntilReleased()
    {
        foreach (var c in Cases())
        foreach (bool half in new[] { false, true })
        {
            var copy = NeighborList.Build(c.Structure, c.Cutoff, half);
            var pooled = NeighborList.BuildPooled(c.Structure, c.Cutoff, half, shifts: true);
            Assert.True(copy.Offsets.SequenceEqual(pooled.Offsets), c.Name);
            Assert.True(copy.Indices.SequenceEqual(pooled.Indices), c.Name);
            Assert.True(copy.Vectors.SequenceEqual(pooled.Vectors), c.Name);
            Assert.True(copy.Distances.SequenceEqual(pooled.Distances), c.Name);
            Assert.True(copy.Shifts.SequenceEqual(pooled.Shifts), c.Name);
            pooled.Release();
            pooled.Release(); // a second release is a no-op
            copy.Release();   // a list that owns its arrays has nothing to give back
            Assert.Equal(c.Structure.AtomCount, copy.AtomCount);
        }
    }

    [Fact]
    public void RejectsNonPositiveCutoff()
    {
        var s = Make(Cell.FromParameters(3, 3, 3, 90, 90, 90), Pbc.All, [Vec3.Zero]);
        Assert.Throws<ArgumentOutOfRangeException>(() => NeighborList.Build(s, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => NeighborList.Build(s, double.NaN));
    }
}
