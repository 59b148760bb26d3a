using System.Collections.Immutable;
using AtomCuration.Selection;
using AtomCuration.Structures;

namespace AtomCuration.Tests.Selection;

/// <summary>Near-duplicate groups against a brute-force search, selection that keeps one per group, and selection at a labelling budget.</summary>
public sealed class NearDuplicateAndBudgetTests
{
    /// <summary>Structures of 4…9 atoms with 3-column descriptors; every third one is a near-copy (offset 1e-4) of its predecessor.</summary>
    private static List<Structure> Pool(int count, int seed)
    {
        var rng = new Random(seed);
        var pool = SelectionData.AtomPool(count, 2, seed);
        var desc = new double[count][];
        for (int i = 0; i < count; i++)
            desc[i] = i % 3 == 2 ? desc[i - 1].Select(v => v + 1e-4).ToArray() : [10 * rng.NextDouble(), 10 * rng.NextDouble(), 10 * rng.NextDouble()];
        return pool.Select((s, i) => new Structure(s) { Descriptor = desc[i].ToImmutableArray() }).ToList();
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-3)]
    [InlineData(1.5)]
    [InlineData(4.0)]
    public void GroupsAreTheConnectedComponentsOfTheToleranceGraph(double tolerance)
    {
        var pool = Pool(60, 5);
        var x = DescriptorPool.FromStructures(pool);
        var rep = NearDuplicates.Representatives(x, tolerance, threads: 2);
        // Brute force: label propagation over every pair until nothing changes.
        var label = Enumerable.Range(0, x.Rows).ToArray();
        for (bool changed = true; changed;)
        {
            changed = false;
            for (int i = 0; i < x.Rows; i++)
                for (int j = 0; j < x.Rows; j++)
                    if (VectorMath.SquaredDistance(x.Row(i), x.Row(j)) <= tolerance * tolerance && label[j] < label[i])
                    {
                        label[i] = label[j];
                        changed = true;
                    }
        }
        Assert.Equal(label, rep);
        var groups = NearDuplicates.Find(pool, tolerance);
        Assert.Equal(label.Distinct().Count(l => label.Count(v => v == l) > 1), groups.Count);
        Assert.All(groups, g => Assert.Equal(g.Members.Min(), g.Members[0]));
        if (tolerance == 1e-3)
        {
            Assert.Equal(20, groups.Count); // the 20 planted pairs, nothing else
            Assert.All(groups, g => Assert.True(g.Count == 2 && g.MaxDistance is > 1e-4 and < 2e-4));
        }
    }

    [Theory]
    [InlineData(SelectionMethod.Fps)]
    [InlineData(SelectionMethod.KMeans)]
    [InlineData(SelectionMethod.Random)]
    public void ExcludingNearDuplicatesNeverReturnsTwoMembersOfAGroup(SelectionMethod method)
    {
        var pool = Pool(60, 6);
        var options = Selector.DefaultOptions(method) with { Count = 35, Seed = 2, DuplicateTolerance = 1e-3 };
        var result = Selector.Select(pool, options);
        var rep = NearDuplicates.Representatives(DescriptorPool.FromStructures(pool), 1e-3);
        Assert.Equal(35, result.SelectedIndices.Count);
        Assert.Equal(result.SelectedIndices.Count, result.SelectedIndices.Select(i => rep[i]).Distinct().Count());
        Assert.Contains(result.Warnings, w => w.Contains("20 near-duplicate structure(s) were set aside"));
        if (result.Labels is { } labels)
        {
            Assert.Equal(pool.Count, labels.Count);
            for (int i = 0; i < pool.Count; i++) Assert.Equal(labels[rep[i]], labels[i]);
        }
        // The matrix entry point (what studies use) gives the same selection.
        var fromMatrix = Selector.SelectFromMatrix(DescriptorPool.FromStructures(pool), options);
        if (method != SelectionMethod.Random) Assert.Equal(result.SelectedIndices, fromMatrix.SelectedIndices);
        // Without exclusion, a random 35 of 60 holds both members of some pairs (the check above would be empty otherwise).
        var plain = Selector.Select(pool, new RandomOptions { Count = 35, Seed = 2 });
        Assert.True(plain.SelectedIndices.Select(i => rep[i]).Distinct().Count() < 35);
    }

    [Fact]
    public void CostsAreAtomsCubedOrTheInfoKey()
    {
        var pool = Pool(4, 7);
        Assert.Equal(pool.Select(s => Math.Pow(s.AtomCount, 3)).ToArray(), LabellingBudget.Costs(pool, 3, null));
        Assert.Equal(pool.Select(s => (double)s.AtomCount).ToArray(), LabellingBudget.Costs(pool, 1, null));
        var priced = pool.Select((s, i) => new Structure(s) { Info = new Dictionary<string, object> { ["core_hours"] = i == 0 ? "2.5" : i + 1.0 } }).ToList();
        Assert.Equal([2.5, 2, 3, 4], LabellingBudget.Costs(priced, 3, "core_hours"));
        var e = Assert.Throws<InvalidOperationException>(() => LabellingBudget.Costs(pool, 3, "core_hours"));
        Assert.Contains("s0", e.Message);
    }

    [Theory]
    [InlineData(SelectionMethod.Fps)]
    [InlineData(SelectionMethod.Random)]
    public void BudgetSelectionFitsAndTheNextOrderedPickWouldNot(SelectionMethod method)
    {
        var pool = Pool(80, 8);
        var cost = LabellingBudget.Costs(pool, 3, null);
        double budget = 8000;
        var options = Selector.DefaultOptions(method) with { Seed = 4, Budget = budget };
        var result = Selector.Select(pool, options);
        double spent = result.SelectedIndices.Sum(i => cost[i]);
        Assert.InRange(spent, 1, budget);
        Assert.Equal(spent, result.Info["Cost"]);
        Assert.Equal(result.SelectedIndices.Count, (int)result.Info["Count"]);
        // The picks grow with the count for these methods: one more would break the budget.
        var more = Selector.Select(pool, options with { Budget = null, Count = result.SelectedIndices.Count + 1 });
        Assert.True(more.SelectedIndices.Sum(i => cost[i]) > budget);
        // At equal cost, small cells buy more picks than an equal-count selection would suggest.
        Assert.True(result.SelectedIndices.Count > budget / cost.Max());
    }

    [Fact]
    public void ABudgetBelowTheCheapestStructureSelectsNothingAndSaysSo()
    {
        var pool = Pool(10, 9);
        var result = Selector.Select(pool, new KMeansOptions { Budget = 1, Seed = 1 });
        Assert.Empty(result.SelectedIndices);
        Assert.Contains("No structure fits the budget", Assert.Single(result.Warnings));
        Assert.Throws<ArgumentException>(() => Selector.SelectFromMatrix(DescriptorPool.FromStructures(pool), new KMeansOptions { Budget = 100 }));
    }
}
