using System.Collections.Immutable;
using AtomCuration.Selection;
using AtomCuration.Statistics;
using AtomCuration.Structures;
using AtomCuration.Studies;

namespace AtomCuration.Tests.Studies;

public sealed class AnalysisTests
{
    private static readonly Lazy<List<Structure>> Pool = new(() => StudyTestData.Pool());

    [Fact]
    public void CorrelationUsesEveryPairWhenFewAndMatchesTheStatisticsClasses()
    {
        var pool = Pool.Value.Take(12).ToList();
        var rows = DescriptorLabelCorrelation.Measure(pool, new DescriptorCorrelationOptions { GroupBy = "config_type" });
        var all = rows.First(r => r.Group == "(all)" && r.Label == "EnergyPerAtom");
        Assert.Equal(66, all.Pairs);
        // Recompute by hand from all 66 pairs.
        var d = new List<double>();
        var de = new List<double>();
        for (int i = 0; i < 12; i++)
            for (int j = i + 1; j < 12; j++)
            {
                d.Add(Silhouette.Distance(pool[i].Descriptor!.Value.ToArray(), pool[j].Descriptor!.Value.ToArray()));
                de.Add(Math.Abs(1000 * pool[i].Energy!.Value / pool[i].AtomCount - 1000 * pool[j].Energy!.Value / pool[j].AtomCount));
            }
        var s = SpearmanCorrelation.Compute(d.ToArray(), de.ToArray());
        var k = KendallTau.Compute(d.ToArray(), de.ToArray());
        Assert.Equal(s.Coefficient, all.Spearman, 14);
        Assert.Equal(k.PValue, all.KendallPValue, 14);
        Assert.Contains(rows, r => r.Label == "RmsForce");
        Assert.Contains(rows, r => r.Group == "bulk" || r.Group == "vacancy");
        // Sampling: exactly the requested number of distinct pairs, the same for the same seed.
        var sampled = DescriptorLabelCorrelation.Measure(Pool.Value, new DescriptorCorrelationOptions { Pairs = 100, Seed = 3 });
        Assert.All(sampled, r => Assert.Equal(100, r.Pairs));
        Assert.Equal(sampled, DescriptorLabelCorrelation.Measure(Pool.Value, new DescriptorCorrelationOptions { Pairs = 100, Seed = 3 }));
    }

    [Theory]
    [InlineData(AtomKernelKind.Rematch)]
    [InlineData(AtomKernelKind.Average)]
    public void CorrelationOnAnAtomKernelUsesItsKernelDistance(AtomKernelKind kind)
    {
        // Per-atom environments of three columns, seeded; the structure descriptors are dropped, so nothing else can be used.
        var rng = new Random(8);
        var pool = Pool.Value.Take(10).Select(st => new Structure(st.AtomicNumbers, st.Positions, st.Cell, st.Pbc)
        {
            Id = st.Id,
            Energy = st.Energy,
            Forces = st.Forces,
            AtomDescriptors = Matrices.FromRows(Enumerable.Range(0, st.AtomCount).Select(_ => new[] { 1 + rng.NextDouble(), rng.NextDouble(), 0.5 * rng.NextDouble() }).ToArray()),
        }).ToList();
        var options = new DescriptorCorrelationOptions { AtomKernel = kind, RematchAlpha = 0.3 };
        var rows = DescriptorLabelCorrelation.Measure(pool, options);
        var all = rows.Single(r => r.Label == "EnergyPerAtom");
        Assert.Equal(45, all.Pairs);
        // Explicitly: the full normalised kernel matrix, its distance √(2 − 2K) over all 45 pairs.
        var kernel = Spectral.AtomKernelMatrix(pool, new SpectralOptions { AtomKernel = kind, RematchAlpha = 0.3 });
        var d = new List<double>();
        var de = new List<double>();
        for (int i = 0; i < 10; i++)
            for (int j = i + 1; j < 10; j++)
            {
                d.Add(Math.Sqrt(Math.Max(0, 2 - 2 * kernel[i * 10 + j])));
                de.Add(Math.Abs(1000 * pool[i].Energy!.Value / pool[i].AtomCount - 1000 * pool[j].Energy!.Value / pool[j].AtomCount));
            }
        var s = SpearmanCorrelation.Compute(d.ToArray(), de.ToArray());
        var k = KendallTau.Compute(d.ToArray(), de.ToArray());
        Assert.Equal(s.Coefficient, all.Spearman, 12);
        Assert.Equal(k.Coefficient, all.Kendall, 12);
        Assert.Throws<ArgumentException>(() => DescriptorLabelCorrelation.Measure(pool, options with { Standardize = true }));
        Assert.Throws<ArgumentException>(() => DescriptorLabelCorrelation.Measure(pool, options with { AtomKernel = null })); // no structure descriptors
    }

    [Fact]
    public void ClusterQualityOfTwoWellSeparatedClusters()
    {
        var structures = Enumerable.Range(0, 10).Select(i => new Structure([29], [Vec3.Zero], Cell.Empty, Pbc.None)
        {
            Id = "s" + i,
            Energy = i < 5 ? -3.0 - 0.001 * i : -2.0 - 0.002 * i,
            Descriptor = ImmutableArray.Create(i < 5 ? 0.0 + 0.1 * i : 10.0 + 0.1 * i, 0.0),
            ClusterId = i < 5 ? 0 : 1,
        }).ToList();
        var r = ClusterQualityReport.Measure(structures);
        Assert.Equal(2, r.Clusters);
        Assert.True(r.MeanIntraDistance < 0.5 && r.MeanInterDistance > 9);
        Assert.True(r.Silhouette > 0.9);
        // σ_E of {−3.000 … −3.004} is √2 meV.
        Assert.Equal(Math.Sqrt(2), r.PerCluster[0].EnergySpread, 9);
        Assert.Equal((Math.Sqrt(2) + 2 * Math.Sqrt(2)) / 2, r.MeanEnergySpread, 9);
        Assert.Throws<ArgumentException>(() => ClusterQualityReport.Measure([new Structure(structures[0]) { ClusterId = null }, structures[1]]));
    }

    [Fact]
    public void LabelCoverageOfTheWholePoolIsComplete()
    {
        var pool = Pool.Value;
        var self = LabelCoverage.Measure(pool, pool);
        Assert.All(self, c => { Assert.Equal(1, c.RangeCovered); Assert.Equal(0, c.KsDistance); Assert.Equal(1, c.KsPValue); });
        var low = pool.OrderBy(s => s.Energy!.Value / s.AtomCount).Take(5).ToList();
        var e = LabelCoverage.Measure(low, pool)[0];
        Assert.Equal("EnergyPerAtom", e.Quantity);
        Assert.True(e.RangeCovered < 0.5);
        Assert.Equal(KolmogorovSmirnov.TwoSample(low.Select(s => s.Energy!.Value / s.AtomCount).ToArray(), pool.Select(s => s.Energy!.Value / s.AtomCount).ToArray()).PValue, e.KsPValue, 15);
    }
}
