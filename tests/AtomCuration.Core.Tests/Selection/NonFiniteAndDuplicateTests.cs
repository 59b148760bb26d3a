using System.Collections.Immutable;
using AtomCuration.Embedding;
using AtomCuration.Selection;
using AtomCuration.Structures;

namespace AtomCuration.Tests.Selection;

/// <summary>
/// Issue 18: NaN descriptors crashed or poisoned every method; pools with copies made FPS repeat
/// an index and other methods return fewer structures than asked without a word.
/// </summary>
public class NonFiniteAndDuplicateTests
{
    private static List<Structure> Pool(int n, int seed, Func<int, double[]>? row = null)
    {
        var x = SelectionData.Correlated(n, 6, seed);
        return SelectionData.AtomPool(n, 4, seed).Select((s, i) => new Structure(s)
        {
            Descriptor = (row?.Invoke(i) ?? x.Row(i).ToArray()).ToImmutableArray(),
            DescriptorLabels = ["c0", "c1", "c2", "c3", "c4", "c5"],
        }).ToList();
    }

    private static SelectionOptions Options(SelectionMethod method, int count)
    {
        var options = Selector.DefaultOptions(method) with { Count = count, Seed = 1 };
        return options is SpectralOptions so ? so with { Clusters = 3, Fraction = 0.1 } : options;
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void EveryMethodRefusesANonFiniteDescriptorNamingStructureAndColumn(double bad)
    {
        var pool = Pool(30, 71);
        pool[7] = new Structure(pool[7]) { Descriptor = pool[7].Descriptor!.Value.SetItem(3, bad) };
        var atoms = pool[11].AtomDescriptors!;
        var broken = atoms.Values.ToArray();
        broken[5] = bad;
        pool[11] = new Structure(pool[11]) { AtomDescriptors = new FeatureMatrix(atoms.Rows, atoms.Labels, broken) };
        foreach (var method in Enum.GetValues<SelectionMethod>())
        {
            if (method == SelectionMethod.Random) continue; // reads no descriptor
            var e = Assert.Throws<InvalidOperationException>(() => Selector.Select(pool, Options(method, 1)));
            bool perAtom = DescriptorRequirement.NeedsAtomDescriptors(Options(method, 1)) && !DescriptorRequirement.NeedsStructureDescriptor(Options(method, 1));
            Assert.Contains(perAtom ? "'s11' (index 11), atom 1" : "'s7' (index 7)", e.Message);
            Assert.Contains(perAtom ? "column 1" : "column 3 'c3'", e.Message);
        }
        foreach (var map in Enum.GetValues<MapMethod>())
        {
            var e = Assert.Throws<InvalidOperationException>(() => ConfigurationMap.Compute(pool, new MapOptions { Method = map }));
            Assert.Contains("'s7' (index 7)", e.Message);
        }
        var d = Assert.Throws<InvalidOperationException>(() => DiversityMeasurement.Measure(pool, null, new EntropyOptions(), EnvironmentScaling.MinMax));
        Assert.Contains("'s11' (index 11), atom 1", d.Message);
    }

    [Fact]
    public void FpsNeverPicksAnIndexTwiceAndSaysWhenCopiesRunOut()
    {
        // Ten copies of one row: one pick, and a warning.
        var copies = Pool(10, 72, _ => [1, 2, 3, 4, 5, 6]);
        var r = Selector.Select(copies, new FpsOptions { Count = 3 });
        Assert.Equal([0], r.SelectedIndices);
        Assert.Contains("selected 1 of the 3", Assert.Single(r.Warnings));

        // Three distinct rows among twelve: three picks, all different, then it stops.
        var few = Pool(12, 73, i => [i % 3, 0, 0, 0, 0, 1]);
        var f = Selector.Select(few, new FpsOptions { Count = 5, Start = 0 });
        Assert.Equal(3, f.SelectedIndices.Count);
        Assert.Equal(3, f.SelectedIndices.Distinct().Count());
        Assert.Equal(3, f.SelectedIndices.Select(i => i % 3).Distinct().Count());
        Assert.Contains("holds 3 distinct", Assert.Single(f.Warnings));
        Assert.Equal(12, SelectionOutput.Attach(few, f, includeRejected: true).Count());
    }

    [Fact]
    public void EveryMethodPicksDistinctIndicesAndWarnsWhenThePoolHasFewerDistinctRowsThanAsked()
    {
        var pool = Pool(12, 74, i => [i % 4, (i % 4) * 0.5, 1, 0, 0, 2]);
        foreach (var method in Enum.GetValues<SelectionMethod>())
        {
            if (method == SelectionMethod.MaxVol)
            {
                // Four distinct rows cannot have full column rank in six columns: refused with that reason.
                Assert.Contains("rank-deficient", Assert.Throws<ArgumentException>(() => Selector.Select(pool, Options(method, 6))).Message);
                continue;
            }
            var r = Selector.Select(pool, Options(method, 6));
            Assert.Equal(r.SelectedIndices.Count, r.SelectedIndices.Distinct().Count());
            if (method is SelectionMethod.LocalEnvironmentBank or SelectionMethod.Entropy) continue; // per-atom rows differ
            Assert.True(r.Warnings.Count == 1, $"{method}: {string.Join(" | ", r.Warnings)}");
            Assert.Contains("4 distinct", r.Warnings[0]);
        }
    }

    [Fact]
    public void AMethodThatReturnsFewerThanAskedFromDistinctRowsSaysSo()
    {
        var pool = Pool(12, 75);
        foreach (var method in Enum.GetValues<SelectionMethod>())
        {
            var r = Selector.Select(pool, Options(method, 12));
            Assert.Equal(r.SelectedIndices.Count, r.SelectedIndices.Distinct().Count());
            if (r.SelectedIndices.Count < 12) Assert.Contains($"selected {r.SelectedIndices.Count} of the 12", Assert.Single(r.Warnings));
            else Assert.Empty(r.Warnings);
        }
    }
}
