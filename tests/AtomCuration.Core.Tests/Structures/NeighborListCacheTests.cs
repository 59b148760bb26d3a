using System.Collections.Immutable;
using AtomCuration.Structures;

namespace AtomCuration.Tests.Structures;

public class NeighborListCacheTests
{
    private static Structure Make(int seed, double a = 8.0, int atoms = 40)
    {
        var rng = new Random(seed);
        var cell = AtomCuration.Structures.Cell.FromParameters(a, a, a, 90, 90, 90);
        var pos = Enumerable.Range(0, atoms).Select(_ => cell.ToCartesian(new Vec3(rng.NextDouble(), rng.NextDouble(), rng.NextDouble()))).ToImmutableArray();
        return new Structure(Enumerable.Repeat(29, pos.Length).ToImmutableArray(), pos, cell, Pbc.All);
    }

    [Fact]
    public void AStructureAndItsCopiesShareOneListPerCutoff()
    {
        var s = Make(1);
        var first = NeighborListCache.Get(s, 4.0, half: true);
        Assert.Same(first, NeighborListCache.Get(s, 4.0, half: true));
        Assert.Same(first, NeighborListCache.Get(new Structure(s) { Energy = -1.0, Id = "copy" }, 4.0, half: true));
        Assert.NotSame(first, NeighborListCache.Get(s, 4.5, half: true));
        Assert.NotSame(first, NeighborListCache.Get(s, 4.0, half: false));
        Assert.Equal(NeighborList.Build(s, 4.0, half: true).PairCount, first.PairCount);
    }

    [Fact]
    public void ANewCellUnderTheSamePositionsGetsAFreshList()
    {
        var s = Make(2);
        var before = NeighborListCache.Get(s, 4.0, half: true);
        var strained = new Structure(s.AtomicNumbers, s.Positions, AtomCuration.Structures.Cell.FromParameters(7, 7, 7, 90, 90, 90), Pbc.All);
        var after = NeighborListCache.Get(strained, 4.0, half: true);
        Assert.NotSame(before, after);
        Assert.Equal(NeighborList.Build(strained, 4.0, half: true).PairCount, after.PairCount);
    }

    [Fact]
    public void CachedListsStayWithinTheBudget()
    {
        long saved = NeighborListCache.BudgetBytes;
        try
        {
            long one = NeighborList.BuildWithoutShifts(Make(3), 5.0, half: true).Bytes;
            NeighborListCache.BudgetBytes = 5 * one;
            for (int k = 0; k < 40; k++)
            {
                NeighborListCache.Get(Make(100 + k), 5.0, half: true);
                Assert.True(NeighborListCache.Bytes <= NeighborListCache.BudgetBytes, $"{NeighborListCache.Bytes} bytes held, budget {NeighborListCache.BudgetBytes}");
            }
        }
        finally
        {
            NeighborListCache.BudgetBytes = saved;
        }
    }
    [Fact]
    public void ABorrowedListIsTheCachedOneOrAPooledCopyOfTheSameEntries()
    {
        var s = Make(4);
        using (var lease = NeighborListCache.Borrow(s, 4.0, half: true))
            Assert.Same(NeighborListCache.Get(s, 4.0, half: true), lease.List);
        long saved = NeighborListCache.BudgetBytes;
        try
        {
            NeighborListCache.BudgetBytes = 0; // nothing is kept: every borrow builds over pooled buffers
            var large = Make(5, a: 20.0, atoms: 2000); // ~226,000 half-list entries: past the size a build owns its buffers
            var expected = NeighborList.BuildWithoutShifts(large, 6.0, half: true);
            for (int round = 0; round < 3; round++) // the second and third rounds reuse the buffers handed back
            {
                using var lease = NeighborListCache.Borrow(large, 6.0, half: true);
                Assert.Equal(expected.Offsets.ToArray(), lease.List.Offsets.ToArray());
                Assert.Equal(expected.Indices.ToArray(), lease.List.Indices.ToArray());
                Assert.Equal(expected.Vectors.ToArray(), lease.List.Vectors.ToArray());
                Assert.Equal(expected.Distances.ToArray(), lease.List.Distances.ToArray());
            }
        }
        finally
        {
            NeighborListCache.BudgetBytes = saved;
        }
    }
}
