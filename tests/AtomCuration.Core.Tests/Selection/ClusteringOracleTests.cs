using AtomCuration.Selection;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Selection;

/// <summary>Agglomerative (scikit-learn labels, same partition) and spectral clustering (adjusted Rand vs scikit-learn).</summary>
public class ClusteringOracleTests
{
    private static bool SamePartition(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        var map = new Dictionary<int, int>();
        var back = new Dictionary<int, int>();
        for (int i = 0; i < a.Count; i++)
        {
            if (map.TryGetValue(a[i], out int m) && m != b[i]) return false;
            if (back.TryGetValue(b[i], out int r) && r != a[i]) return false;
            map[a[i]] = b[i];
            back[b[i]] = a[i];
        }
        return true;
    }

    [Fact]
    public void AgglomerativeMatchesScikitLearn() => Oracle.Frozen(AgglomerativeMatchesScikitLearnCheck);

    [SkippableFact]
    [Trait("Oracle", "sklearn")]
    public void AgglomerativeMatchesScikitLearn_Live() => Oracle.Live("", AgglomerativeMatchesScikitLearnCheck);

    private void AgglomerativeMatchesScikitLearnCheck()
    {
        var x = SelectionData.Correlated(150, 5, 31);
        var rows = SelectionData.Rows(x);
        using var doc = PythonOracle.Run("selection_reference.py", new object[]
        {
            new { method = "agglomerative", X = rows, k = 7, linkage = "ward" },
            new { method = "agglomerative", X = rows, k = 5, linkage = "average" },
        });
        var r = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToList();
        var ward = Agglomerative.Select(x, new AgglomerativeOptions { Count = 7 });
        var avg = Agglomerative.Select(x, new AgglomerativeOptions { Count = 5, Linkage = Linkage.Average });
        Assert.True(SamePartition(r[0], ward.Labels!), "ward partition differs");
        Assert.True(SamePartition(r[1], avg.Labels!), "average partition differs");
        Assert.Equal(7, ward.SelectedIndices.Distinct().Count());
        for (int c = 0; c < 7; c++) Assert.Equal(c, ward.Labels![ward.SelectedIndices[c]]);
    }

    [Fact]
    public void SpectralAgreesWithScikitLearnOnBlobs() => Oracle.Frozen(SpectralAgreesWithScikitLearnOnBlobsCheck);

    [SkippableFact]
    [Trait("Oracle", "sklearn")]
    public void SpectralAgreesWithScikitLearnOnBlobs_Live() => Oracle.Live("", SpectralAgreesWithScikitLearnOnBlobsCheck);

    private void SpectralAgreesWithScikitLearnOnBlobsCheck()
    {
        var (x, truth) = SelectionData.Blobs(240, 4, 4, 1.0, 32);
        var kernel = new Kernel(KernelKind.Rbf, 0.05);
        var k = kernel.Matrix(x);
        var labels = Spectral.Cluster(k, x.Rows, new SpectralOptions { Clusters = 4 }, out _);
        int n = x.Rows;
        var kRows = Enumerable.Range(0, n).Select(i => k.AsSpan(i * n, n).ToArray()).ToArray();
        using var doc = PythonOracle.Run("selection_reference.py", new object[] { new { method = "spectral", K = kRows, k = 4, ours = labels } });
        Assert.True(doc.RootElement[0].GetProperty("ari").GetDouble() >= 0.9);
        var fixedCount = Spectral.Select(x, new SpectralOptions { Kernel = kernel, Fraction = 0.1, Clusters = 4 });
        Assert.Equal(24, fixedCount.SelectedIndices.Count);
        Assert.True(SamePartition(truth, fixedCount.Labels!));
        // With a count instead of a fraction: exactly that many, spread over clusters by size.
        foreach (int count in new[] { 3, 5, 7, 13 })
        {
            var byCount = Spectral.Select(x, new SpectralOptions { Kernel = kernel, Count = count, Clusters = 4 });
            Assert.Equal(count, byCount.SelectedIndices.Distinct().Count());
            var perCluster = byCount.SelectedIndices.GroupBy(i => byCount.Labels![i]).Select(g => g.Count()).ToList();
            Assert.True(perCluster.Max() - perCluster.Min() <= 1 || count < 4, $"count {count}: {string.Join(",", perCluster)}");
        }
        // The automatic count stops at the first N_c whose ⟨d⟩ (Eqs. 13–14) moved by less than d_tol.
        var wide = new Kernel(KernelKind.Rbf, 0.002);
        var kw = wide.Matrix(x);
        var o = new SpectralOptions { Kernel = wide, DistanceTolerance = 2e-3, MaxClusters = 8 };
        Spectral.Cluster(kw, n, o, out int chosen);
        double previous = double.NaN;
        int expected = o.MaxClusters;
        for (int nc = 2; nc <= o.MaxClusters; nc++)
        {
            double mean = Spectral.MeanInterClusterDistance(kw, Spectral.Cluster(kw, n, o with { Clusters = nc }, out _), n, nc);
            if (!double.IsNaN(previous) && Math.Abs(mean - previous) < o.DistanceTolerance) { expected = nc; break; }
            previous = mean;
        }
        Assert.Equal(expected, chosen);
    }
}
