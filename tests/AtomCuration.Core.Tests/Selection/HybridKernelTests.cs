using System.Collections.Immutable;
using AtomCuration.Selection;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Selection;

/// <summary>The hybrid kernel of paper 003 (Eq. 11) against NumPy, the δ scan, and the entropy estimator with k = 2.</summary>
public class HybridKernelTests
{
    /// <summary>Three groups that differ in the structure descriptor and the energy, not in the per-atom descriptors.</summary>
    private static List<Structure> GroupedPool(int count, int seed)
    {
        var rng = new Random(seed);
        return SelectionData.AtomPool(count, 4, seed).Select((s, i) =>
        {
            int g = i % 3;
            var desc = Enumerable.Range(0, 5).Select(c => (c == g ? 4.0 : 0.0) + 0.3 * SelectionData.Gauss(rng)).ToImmutableArray();
            return new Structure(s) { Descriptor = desc, Energy = s.AtomCount * (-3.0 + 0.5 * g + 0.01 * SelectionData.Gauss(rng)) };
        }).ToList();
    }

    [Fact]
    public void HybridAffinityMatchesEquation11() => Oracle.Frozen(HybridAffinityMatchesEquation11Check);

    [SkippableFact]
    [Trait("Oracle", "numpy")]
    public void HybridAffinityMatchesEquation11_Live() => Oracle.Live("", HybridAffinityMatchesEquation11Check);

    private void HybridAffinityMatchesEquation11Check()
    {
        var pool = GroupedPool(12, 51);
        var o = new SpectralOptions { Delta = 0.3, Kernel = new Kernel(KernelKind.Laplacian, 0.2) };
        var k = Spectral.Affinity(pool, o);
        using var doc = PythonOracle.Run("selection_reference.py", new object[]
        {
            new
            {
                method = "hybrid", delta = 0.3, gamma = 0.2,
                structures = pool.Select(s => SelectionData.Rows(s.AtomDescriptors!)).ToArray(),
                X = pool.Select(s => s.Descriptor!.Value.ToArray()).ToArray(),
            },
        });
        var expected = doc.RootElement[0].GetProperty("K").EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => v.GetDouble())).ToArray();
        Assert.Equal(expected.Length, k.Length);
        for (int i = 0; i < k.Length; i++) Assert.Equal(expected[i], k[i], 12);
    }

    [Fact]
    public void DeltaScanPrefersTheKernelThatSeparatesEnergies()
    {
        var pool = GroupedPool(45, 52);
        var scan = Spectral.ScanDelta(pool, new SpectralOptions { Kernel = new Kernel(KernelKind.Laplacian, 0.3), MaxClusters = 6 }, [0.0, 1.0]);
        Assert.Equal(2, scan.Count);
        Assert.True(scan[1].MeanEnergyStd < 0.5 * scan[0].MeanEnergyStd, $"δ=0: {scan[0].MeanEnergyStd}, δ=1: {scan[1].MeanEnergyStd}");
    }

    [Fact]
    public void DeltaScanClustersTheAffinityOfEachDelta()
    {
        // The scan mixes K₁ and K₂ computed once; each point must be what clustering that δ's own affinity gives.
        var pool = GroupedPool(30, 54);
        var options = new SpectralOptions { Kernel = new Kernel(KernelKind.Laplacian, 0.3), MaxClusters = 6 };
        double[] deltas = [0.0, 0.25, 0.6, 1.0];
        var scan = Spectral.ScanDelta(pool, options, deltas);
        for (int d = 0; d < deltas.Length; d++)
        {
            var o = options with { Delta = deltas[d] };
            var labels = Spectral.Cluster(Spectral.Affinity(pool, o), pool.Count, o, out int clusters);
            Assert.Equal(clusters, scan[d].Clusters);
            var spreads = Enumerable.Range(0, clusters).Select(c =>
            {
                var e = pool.Where((_, i) => labels[i] == c).Select(s => s.Energy!.Value / s.AtomCount).ToArray();
                double m = e.Average();
                return Math.Sqrt(e.Sum(v => (v - m) * (v - m)) / e.Length);
            });
            Assert.Equal(spreads.Average(), scan[d].MeanEnergyStd, 12);
        }
    }

    [Fact]
    public void EntropySelectionWithSecondNeighbourMatchesDefinition() => Oracle.Frozen(EntropySelectionWithSecondNeighbourMatchesDefinitionCheck);

    [SkippableFact]
    [Trait("Oracle", "numpy")]
    public void EntropySelectionWithSecondNeighbourMatchesDefinition_Live() => Oracle.Live("", EntropySelectionWithSecondNeighbourMatchesDefinitionCheck);

    private void EntropySelectionWithSecondNeighbourMatchesDefinitionCheck()
    {
        var pool = SelectionData.AtomPool(12, 3, 53, 3, 5);
        using var doc = PythonOracle.Run("selection_reference.py", new object[]
        {
            new { method = "entropy", structures = pool.Select(s => SelectionData.Rows(s.AtomDescriptors!)).ToArray(), k = 4, neighbours = 2 },
        });
        var ours = EntropySelector.Select(pool, new EntropyOptions { Count = 4, Neighbours = 2 });
        Assert.Equal(doc.RootElement[0].GetProperty("selected").EnumerateArray().Select(e => e.GetInt32()), ours.SelectedIndices);
    }
}
