using System.Text.Json;
using AtomCuration.Embedding;
using AtomCuration.Selection;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Selection;

/// <summary>PCA and k-means against scikit-learn; FPS, CUR, MaxVol and greedy DPP against NumPy implementations of the definitions.</summary>
public class LinearSelectorsOracleTests
{
    private static List<JsonElement> Reference(params object[] cases)
    {
        using var doc = PythonOracle.Run("selection_reference.py", cases);
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static int[] Ints(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetInt32()).ToArray();

    [Fact]
    public void PcaMatchesScikitLearn() => Oracle.Frozen(PcaMatchesScikitLearnCheck);

    [SkippableFact]
    [Trait("Oracle", "sklearn")]
    public void PcaMatchesScikitLearn_Live() => Oracle.Live("", PcaMatchesScikitLearnCheck);

    private void PcaMatchesScikitLearnCheck()
    {
        var x = SelectionData.Correlated(200, 30, 1);
        var r = Reference(new { method = "pca", X = SelectionData.Rows(x) }, new { method = "pca", X = SelectionData.Rows(x), n_components = 0.98 });
        var all = Pca.Fit(x);
        var theirs = r[0].GetProperty("ratio").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(theirs.Length, all.ExplainedVarianceRatio.Length);
        for (int i = 0; i < theirs.Length; i++) Assert.True(Math.Abs(theirs[i] - all.ExplainedVarianceRatio[i]) < 1e-8, $"ratio {i}");
        var kept = Pca.Fit(x, new PcaOptions { ExplainedVariance = 0.98 });
        Assert.Equal(r[1].GetProperty("n").GetInt32(), kept.Components);
        Assert.True(kept.Components is > 1 and < 30);
    }

    [Fact]
    public void KMeansInertiaWithinTenthOfAPercentOfScikitLearn() => Oracle.Frozen(KMeansInertiaWithinTenthOfAPercentOfScikitLearnCheck);

    [SkippableFact]
    [Trait("Oracle", "sklearn")]
    public void KMeansInertiaWithinTenthOfAPercentOfScikitLearn_Live() => Oracle.Live("", KMeansInertiaWithinTenthOfAPercentOfScikitLearnCheck);

    private void KMeansInertiaWithinTenthOfAPercentOfScikitLearnCheck()
    {
        var (x, _) = SelectionData.Blobs(600, 10, 12, 4.0, 2);
        var (y, _) = SelectionData.Blobs(800, 6, 6, 2.5, 3);
        var r = Reference(new { method = "kmeans", X = SelectionData.Rows(x), k = 8, n_init = 10 },
            new { method = "kmeans", X = SelectionData.Rows(y), k = 6, n_init = 3 });
        var ours = KMeans.Fit(x, new KMeansOptions { Count = 8, Restarts = 10, Seed = 3 });
        double theirs = r[0].GetProperty("inertia").GetDouble();
        Assert.True(ours.Inertia <= theirs * 1.001, $"ours {ours.Inertia}, sklearn {theirs}");
        var ours2 = KMeans.Fit(y, new KMeansOptions { Count = 6, Restarts = 3, Seed = 1 });
        double theirs2 = r[1].GetProperty("inertia").GetDouble();
        Assert.True(ours2.Inertia <= theirs2 * 1.001, $"ours {ours2.Inertia}, sklearn {theirs2}");
    }

    [Fact]
    public void FpsMatchesDefinition() => Oracle.Frozen(FpsMatchesDefinitionCheck);

    [SkippableFact]
    [Trait("Oracle", "sklearn")]
    public void FpsMatchesDefinition_Live() => Oracle.Live("", FpsMatchesDefinitionCheck);

    private void FpsMatchesDefinitionCheck()
    {
        var x = SelectionData.Correlated(300, 8, 4);
        var r = Reference(new { method = "fps", X = SelectionData.Rows(x), k = 20 }, new { method = "fps", X = SelectionData.Rows(x), k = 15, start = 7 });
        var a = FarthestPointSampling.Select(x, new FpsOptions { Count = 20 });
        var b = FarthestPointSampling.Select(x, new FpsOptions { Count = 15, Start = 7 });
        Assert.Equal(Ints(r[0], "selected"), a.SelectedIndices);
        Assert.Equal(Ints(r[1], "selected"), b.SelectedIndices);
        var radii = r[0].GetProperty("radii").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        for (int i = 0; i < radii.Length; i++) Assert.Equal(radii[i], a.Scores[i], 9);
    }

    [Fact]
    public void CurMatchesDefinition() => Oracle.Frozen(CurMatchesDefinitionCheck);

    [SkippableFact]
    [Trait("Oracle", "sklearn")]
    public void CurMatchesDefinition_Live() => Oracle.Live("", CurMatchesDefinitionCheck);

    private void CurMatchesDefinitionCheck()
    {
        var x = SelectionData.Correlated(80, 12, 5);
        var r = Reference(new { method = "cur", X = SelectionData.Rows(x), k = 10, r = 1 }, new { method = "cur", X = SelectionData.Rows(x), k = 10, r = 3 });
        Assert.Equal(Ints(r[0], "selected"), Cur.Select(x, new CurOptions { Count = 10 }).SelectedIndices);
        Assert.Equal(Ints(r[1], "selected"), Cur.Select(x, new CurOptions { Count = 10, Components = 3 }).SelectedIndices);
    }

    [Fact]
    public void MaxVolMatchesDefinition() => Oracle.Frozen(MaxVolMatchesDefinitionCheck);

    [SkippableFact]
    [Trait("Oracle", "sklearn")]
    public void MaxVolMatchesDefinition_Live() => Oracle.Live("", MaxVolMatchesDefinitionCheck);

    private void MaxVolMatchesDefinitionCheck()
    {
        var x = SelectionData.Correlated(100, 6, 6);
        var rows = SelectionData.Rows(x);
        var r = Reference(new { method = "maxvol", X = rows, k = 6 }, new { method = "maxvol", X = rows, k = 11 }, new { method = "maxvol", X = rows, k = 4 });
        Assert.Equal(Ints(r[0], "selected"), MaxVol.Select(x, new MaxVolOptions { Count = 6 }).SelectedIndices);
        Assert.Equal(Ints(r[1], "selected"), MaxVol.Select(x, new MaxVolOptions { Count = 11 }).SelectedIndices);
        Assert.Equal(Ints(r[2], "selected"), MaxVol.Select(x, new MaxVolOptions { Count = 4 }).SelectedIndices);
    }

    [Fact]
    public void GreedyDppMatchesBruteForceDeterminants() => Oracle.Frozen(GreedyDppMatchesBruteForceDeterminantsCheck);

    [SkippableFact]
    [Trait("Oracle", "sklearn")]
    public void GreedyDppMatchesBruteForceDeterminants_Live() => Oracle.Live("", GreedyDppMatchesBruteForceDeterminantsCheck);

    private void GreedyDppMatchesBruteForceDeterminantsCheck()
    {
        var x = SelectionData.Correlated(40, 6, 7);
        var rows = SelectionData.Rows(x);
        var r = Reference(
            new { method = "dpp_greedy", X = rows, k = 5, kernel = "Linear" },
            new { method = "dpp_greedy", X = rows, k = 6, kernel = "Cosine" },
            new { method = "dpp_greedy", X = rows, k = 8, kernel = "Rbf", gamma = 0.05 });
        Assert.Equal(Ints(r[0], "selected"), Dpp.Select(x, new DppOptions { Count = 5, Kernel = new(KernelKind.Linear) }).SelectedIndices);
        Assert.Equal(Ints(r[1], "selected"), Dpp.Select(x, new DppOptions { Count = 6, Kernel = new(KernelKind.Cosine) }).SelectedIndices);
        Assert.Equal(Ints(r[2], "selected"), Dpp.Select(x, new DppOptions { Count = 8, Kernel = new(KernelKind.Rbf, 0.05) }).SelectedIndices);
    }
}
