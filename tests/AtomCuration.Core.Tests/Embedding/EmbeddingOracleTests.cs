using AtomCuration.Embedding;
using AtomCuration.Selection;
using AtomCuration.Structures;
using AtomCuration.Tests.Selection;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Embedding;

/// <summary>t-SNE trustworthiness, classical MDS and SMACOF stress against scikit-learn / the NumPy eigen-solution.</summary>
public class EmbeddingOracleTests
{
    private static double[][] Pairs(double[] xy) => Enumerable.Range(0, xy.Length / 2).Select(i => new[] { xy[2 * i], xy[2 * i + 1] }).ToArray();

    private static (FeatureMatrix X, System.Text.Json.JsonElement Fixture) Fixture()
    {
        var path = PythonOracle.OraclePath(Path.Combine("fixtures", "tsne_blobs.json"));
        var root = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        var rows = root.GetProperty("X").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToList();
        return (Matrices.FromRows(rows), root);
    }

    private static double Trust(FeatureMatrix x, double[] embedding)
    {
        using var doc = PythonOracle.Run("embedding_reference.py", new { X = SelectionData.Rows(x), tsne = Pairs(embedding) });
        return doc.RootElement.GetProperty("trust_ours").GetDouble();
    }

    [Fact]
    public void ExactTsneTrustworthinessMatchesScikitLearn() => Oracle.Frozen(ExactTsneTrustworthinessMatchesScikitLearnCheck);

    [SkippableFact]
    [Trait("Oracle", "sklearn")]
    public void ExactTsneTrustworthinessMatchesScikitLearn_Live() => Oracle.Live("", ExactTsneTrustworthinessMatchesScikitLearnCheck);

    private void ExactTsneTrustworthinessMatchesScikitLearnCheck()
    {
        var (all, fx) = Fixture();
        int n = fx.GetProperty("exact_n").GetInt32();
        var x = Matrices.Create(n, all.Columns, all.Values[..(n * all.Columns)].ToArray());
        var ours = Tsne.Embed(x, new TsneOptions { Perplexity = fx.GetProperty("exact_perplexity").GetDouble() });
        double mine = Trust(x, ours), theirs = fx.GetProperty("exact_trust").GetDouble();
        Assert.True(mine >= theirs - 0.02, $"ours {mine}, sklearn {theirs}");
    }

    [Fact]
    public void BarnesHutTsneTrustworthinessMatchesScikitLearn() => Oracle.Frozen(BarnesHutTsneTrustworthinessMatchesScikitLearnCheck);

    [SkippableFact]
    [Trait("Oracle", "sklearn")]
    public void BarnesHutTsneTrustworthinessMatchesScikitLearn_Live() => Oracle.Live("", BarnesHutTsneTrustworthinessMatchesScikitLearnCheck);

    private void BarnesHutTsneTrustworthinessMatchesScikitLearnCheck()
    {
        var (x, fx) = Fixture();
        var ours = Tsne.Embed(x, new TsneOptions { Perplexity = fx.GetProperty("bh_perplexity").GetDouble(), ExactLimit = 0 });
        double mine = Trust(x, ours), theirs = fx.GetProperty("bh_trust").GetDouble();
        Assert.True(mine >= theirs - 0.02, $"ours {mine}, sklearn {theirs}");
    }

    [Fact]
    public void ClassicalMdsIsTheEigenSolutionAndSmacofStressMatchesScikitLearn() => Oracle.Frozen(ClassicalMdsIsTheEigenSolutionAndSmacofStressMatchesScikitLearnCheck);

    [SkippableFact]
    [Trait("Oracle", "sklearn")]
    public void ClassicalMdsIsTheEigenSolutionAndSmacofStressMatchesScikitLearn_Live() => Oracle.Live("", ClassicalMdsIsTheEigenSolutionAndSmacofStressMatchesScikitLearnCheck);

    private void ClassicalMdsIsTheEigenSolutionAndSmacofStressMatchesScikitLearnCheck()
    {
        var x = SelectionData.Correlated(80, 6, 43);
        int n = x.Rows;
        var d = ClassicalMds.Distances(x);
        var mds = ClassicalMds.FromDistances(d, n);
        var (_, stress) = Smacof.FromDistances(d, n);
        using var doc = PythonOracle.Run("embedding_reference.py", new { X = SelectionData.Rows(x), mds = true, smacof = true });
        var eig = doc.RootElement.GetProperty("mds").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        for (int c = 0; c < 2; c++)
        {
            double sign = Math.Sign(Enumerable.Range(0, n).Sum(i => eig[i][c] * mds[2 * i + c]));
            for (int i = 0; i < n; i++) Assert.Equal(eig[i][c], sign * mds[2 * i + c], 8);
        }
        double theirs = doc.RootElement.GetProperty("stress_theirs").GetDouble();
        Assert.True(stress <= theirs * 1.02, $"ours {stress}, sklearn {theirs}");
    }

    [Fact]
    public void ConfigurationMapGivesCoordinatesForEveryRow()
    {
        var x = SelectionData.Correlated(60, 5, 44);
        foreach (var m in Enum.GetValues<MapMethod>())
        {
            var r = ConfigurationMap.Compute(x, new MapOptions { Method = m, Tsne = new TsneOptions { Perplexity = 10, Iterations = 300 } });
            Assert.Equal(60, r.X.Length);
            Assert.True(r.X.Concat(r.Y).All(double.IsFinite));
        }
        var a = Tsne.Embed(x, new TsneOptions { Perplexity = 10, Iterations = 200, PcaStart = false, Seed = 3, Threads = 1 });
        var b = Tsne.Embed(x, new TsneOptions { Perplexity = 10, Iterations = 200, PcaStart = false, Seed = 3, Threads = 4 });
        var c = Tsne.Embed(x, new TsneOptions { Perplexity = 10, Iterations = 200, PcaStart = false, Seed = 4 });
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }
}
