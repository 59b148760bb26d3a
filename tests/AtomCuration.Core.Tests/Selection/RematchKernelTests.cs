using System.Text.Json;
using AtomCuration.Selection;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Selection;

/// <summary>
/// The REMatch kernel against tests/oracles/rematch_reference.py (NumPy/SciPy; DScribe is not packaged): DScribe's
/// Sinkhorn at the default threshold, and the exact entropic transport plan from a root finder — frozen, and live
/// where /usr/bin/python3 has NumPy and SciPy.
/// </summary>
public sealed class RematchKernelTests
{
    private static JsonDocument Fixture() =>
        JsonDocument.Parse(File.ReadAllText(PythonOracle.OraclePath(Path.Combine("fixtures", "rematch_reference.json"))));

    [Fact]
    public void FixtureMatches() => CheckAll(Fixture());

    [SkippableFact]
    [Trait("Oracle", "scipy")]
    public void LiveNumpyScipyMatches() => Oracle.Live("numpy, scipy", () => CheckAll(PythonOracle.Run("rematch_reference.py")));

    private static void CheckAll(JsonDocument doc)
    {
        var root = doc.RootElement;
        var structures = root.GetProperty("structures").EnumerateArray().Select(Matrix).ToArray();
        int cases = 0;
        foreach (var c in root.GetProperty("cases").EnumerateArray())
        {
            var metric = c.GetProperty("metric").GetString() == "rbf" ? LocalSimilarity.Rbf : LocalSimilarity.Linear;
            var envs = c.GetProperty("unit_rows").GetBoolean() ? structures.Select(RematchKernel.UnitRows).ToArray() : structures;
            var options = new RematchOptions
            {
                Alpha = c.GetProperty("alpha").GetDouble(),
                Metric = metric,
                Gamma = c.GetProperty("gamma").ValueKind == JsonValueKind.Null ? null : c.GetProperty("gamma").GetDouble(),
                Normalize = false,
            };
            // DScribe's stopping rule at its default threshold gives DScribe's numbers to rounding.
            Same(c.GetProperty("sinkhorn"), RematchKernel.Matrix(envs, options), 1e-12, c);
            Same(c.GetProperty("sinkhorn_normalised"), RematchKernel.Matrix(envs, options with { Normalize = true }), 1e-12, c);
            // Converged, it is the exact optimum of the regularised transport problem.
            var tight = options with { Threshold = 1e-28 };
            Same(c.GetProperty("exact"), RematchKernel.Matrix(envs, tight), 1e-10, c);
            Same(c.GetProperty("exact_normalised"), RematchKernel.Matrix(envs, tight with { Normalize = true }), 1e-10, c);
            cases++;
        }
        Assert.Equal(5, cases);
    }

    [Fact]
    public void LargeAlphaApproachesTheAverageKernelAndSmallAlphaTheBestMatch()
    {
        var a = Matrices.FromRows([[1.0, 0], [0, 1.0]]);
        var b = Matrices.FromRows([[0, 1.0], [0.6, 0.8]]);
        // C = [[0, 0.6], [1, 0.8]]: the average is 0.6; the best one-to-one match pairs (0→1, 1→0) for (0.6 + 1)/2 = 0.8.
        double average = RematchKernel.Similarity(a, b, new RematchOptions { Alpha = 1e4 });
        double best = RematchKernel.Similarity(a, b, new RematchOptions { Alpha = 0.05, Threshold = 1e-12 });
        Assert.Equal(0.6, average, 1e-4);
        Assert.Equal(0.8, best, 1e-3); // entropic bias ~ exp(−0.8/α) of the other matching, Sinkhorn needs ~5,600 sweeps here
        var converged = new RematchOptions { Threshold = 1e-28 };
        Assert.Equal(RematchKernel.Similarity(b, a, converged), RematchKernel.Similarity(a, b, converged), 1e-12);
    }

    [Fact]
    public void RefusesStructuresWithoutEnvironmentsAndBadOptions()
    {
        var a = Matrices.FromRows([[1.0, 0]]);
        Assert.Throws<ArgumentException>(() => RematchKernel.Similarity(a, Matrices.Create(0, 2, []), new RematchOptions()));
        Assert.ThrowsAny<ArgumentException>(() => RematchKernel.Similarity(a, a, new RematchOptions { Alpha = 0 }));
        Assert.Throws<ArgumentException>(() => RematchKernel.Similarity(a, Matrices.FromRows([[1.0, 0, 0]]), new RematchOptions()));
    }

    [Fact]
    public void SpectralWithRematchSeparatesStructuresTheAverageKernelConfuses()
    {
        // Mixed cells (one atom of each pure environment) and cells of the in-between environment have the same mean
        // environment direction, so the average kernel calls them identical; REMatch matches atom to atom and does not.
        double h = Math.Sqrt(0.5);
        var pool = Enumerable.Range(0, 8).Select(i =>
        {
            double[][] rows = i % 2 == 0 ? [[1, 0.01 * i], [0.01 * i, 1]] : [[h, h + 0.01 * i], [h + 0.01 * i, h]];
            return new Structure([29, 29], [new Vec3(0, 0, 0), new Vec3(2, 0, 0)], Cell.Empty, Pbc.None)
            {
                Id = "s" + i,
                AtomDescriptors = Matrices.FromRows(rows),
            };
        }).ToList();
        var average = Spectral.AtomKernelMatrix(pool, new SpectralOptions { Delta = 0 });
        var rematch = Spectral.AtomKernelMatrix(pool, new SpectralOptions { Delta = 0, AtomKernel = AtomKernelKind.Rematch });
        Assert.True(average[0 * 8 + 1] > 0.999, $"average kernel of a mixed and an in-between cell: {average[1]}");
        Assert.True(rematch[0 * 8 + 1] < 0.75, $"REMatch of a mixed and an in-between cell: {rematch[1]}");
        Assert.Equal(1.0, rematch[3 * 8 + 3], 12);
        var result = Selector.Select(pool, new SpectralOptions { Delta = 0, AtomKernel = AtomKernelKind.Rematch, Clusters = 2, Count = 2, Seed = 3 });
        var labels = result.Labels!;
        for (int i = 2; i < 8; i++) Assert.Equal(labels[i % 2], labels[i]);
        Assert.NotEqual(labels[0], labels[1]);
        // FPS on the REMatch distance takes one cell of each kind first; on the average kernel every cell looks alike.
        var fps = Selector.Select(pool, new FpsOptions { AtomKernel = AtomKernelKind.Rematch, Count = 2, Start = 0 });
        Assert.Equal(1, fps.SelectedIndices[1] % 2);
        Assert.Throws<ArgumentException>(() => Selector.SelectFromMatrix(Matrices.FromRows([[1.0], [2.0]]), new FpsOptions { AtomKernel = AtomKernelKind.Rematch }));
    }

    [Fact]
    public void FpsOnALinearGramMatrixIsEuclideanFps()
    {
        var x = SelectionData.Correlated(60, 5, 17);
        var gram = new Kernel(KernelKind.Linear).Matrix(x);
        var fromKernel = FarthestPointSampling.SelectFromKernel(gram, x.Rows, new FpsOptions { Count = 12 });
        var euclidean = FarthestPointSampling.Select(x, new FpsOptions { Count = 12 });
        Assert.Equal(euclidean.SelectedIndices, fromKernel.SelectedIndices);
        for (int i = 0; i < 12; i++) Assert.Equal(euclidean.Scores[i], fromKernel.Scores[i], 1e-9);
    }

    [Theory]
    [InlineData(Linkage.Ward)]
    [InlineData(Linkage.Average)]
    public void AgglomerativeOnALinearGramMatrixIsEuclideanAgglomerative(Linkage linkage)
    {
        // The feature space of the linear kernel is the descriptor space itself: the same clusters and representatives.
        var x = SelectionData.Correlated(60, 5, 19);
        var gram = new Kernel(KernelKind.Linear).Matrix(x);
        var options = new AgglomerativeOptions { Count = 7, Linkage = linkage };
        var fromKernel = Agglomerative.SelectFromKernel(gram, x.Rows, options);
        var euclidean = Agglomerative.Select(x, options);
        Assert.Equal(euclidean.SelectedIndices, fromKernel.SelectedIndices);
        Assert.Equal(euclidean.Labels, fromKernel.Labels);
        Assert.Equal(euclidean.Scores, fromKernel.Scores);
    }

    [Theory]
    [InlineData(Linkage.Ward)]
    [InlineData(Linkage.Average)]
    public void AgglomerativeWithRematchClustersTheExplicitRematchMatrix(Linkage linkage)
    {
        var pool = MixedAndInBetweenCells();
        // The REMatch matrix written out pair by pair from the similarity of unit-length environments, normalised.
        var unit = pool.Select(s => RematchKernel.UnitRows(s.AtomDescriptors!)).ToArray();
        int n = pool.Count;
        var raw = new double[n * n];
        for (int a = 0; a < n; a++)
            for (int b = a; b < n; b++) raw[a * n + b] = raw[b * n + a] = RematchKernel.Similarity(unit[a], unit[b], new RematchOptions { Alpha = 0.2 });
        var explicitKernel = new double[n * n];
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++) explicitKernel[a * n + b] = raw[a * n + b] / Math.Sqrt(raw[a * n + a] * raw[b * n + b]);
        var options = new AgglomerativeOptions { Count = 2, Linkage = linkage, AtomKernel = AtomKernelKind.Rematch, RematchAlpha = 0.2 };
        var result = Selector.Select(pool, options);
        var expected = Agglomerative.SelectFromKernel(explicitKernel, n, options);
        Assert.Equal(expected.SelectedIndices, result.SelectedIndices);
        Assert.Equal(expected.Labels, result.Labels);
        // REMatch tells the mixed cells from the in-between ones.
        for (int i = 2; i < n; i++) Assert.Equal(result.Labels![i % 2], result.Labels[i]);
        Assert.NotEqual(result.Labels![0], result.Labels[1]);
        Assert.False(DescriptorRequirement.NeedsStructureDescriptor(options));
        Assert.True(DescriptorRequirement.NeedsAtomDescriptors(options));
        Assert.Throws<ArgumentException>(() => Selector.SelectFromMatrix(Matrices.FromRows([[1.0], [2.0]]), options));
    }

    /// <summary>Two-atom cells: even ones hold one atom of each pure environment, odd ones two atoms of the in-between environment.</summary>
    private static List<Structure> MixedAndInBetweenCells()
    {
        double h = Math.Sqrt(0.5);
        return Enumerable.Range(0, 8).Select(i =>
        {
            double[][] rows = i % 2 == 0 ? [[1, 0.01 * i], [0.01 * i, 1]] : [[h, h + 0.01 * i], [h + 0.01 * i, h]];
            return new Structure([29, 29], [new Vec3(0, 0, 0), new Vec3(2, 0, 0)], Cell.Empty, Pbc.None)
            {
                Id = "s" + i,
                AtomDescriptors = Matrices.FromRows(rows),
            };
        }).ToList();
    }

    private static FeatureMatrix Matrix(JsonElement rows) =>
        Matrices.FromRows(rows.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray());

    private static void Same(JsonElement expected, double[] actual, double relative, JsonElement context)
    {
        var e = expected.EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => v.GetDouble())).ToArray();
        Assert.Equal(e.Length, actual.Length);
        for (int i = 0; i < e.Length; i++)
            Assert.True(Math.Abs(e[i] - actual[i]) <= relative * Math.Abs(e[i]),
                $"{context.GetProperty("metric")} α={context.GetProperty("alpha")}: entry {i} expected {e[i]:R}, got {actual[i]:R}");
    }
}
