using AtomCuration.Embedding;
using AtomCuration.PowerShell.Mapping;
using AtomCuration.Selection;

namespace AtomCuration.Tests.PowerShell;

public class MapAndDiversityMapperTests
{
    [Fact]
    public void MapsTsneAndSmacofSettings()
    {
        var t = MapOptionsMapper.Map(MapMethod.Tsne, 12, 3, 500, true, 0.9, null, null, null, 2);
        Assert.Equal((12.0, 3, 500, 2), (t.Tsne.Perplexity, t.Tsne.Seed, t.Tsne.Iterations, t.Tsne.Threads));
        Assert.True(t.Preprocess.Standardize);
        Assert.Equal(0.9, t.Preprocess.ExplainedVariance);
        var s = MapOptionsMapper.Map(MapMethod.Smacof, null, null, 50, false, null, 4, KernelKind.Rbf, 0.2, 1);
        Assert.Equal((50, (int?)null), (s.Smacof.MaxIterations, s.Smacof.Seed));
        Assert.Equal(new Kernel(KernelKind.Rbf, 0.2), s.Kernel);
        Assert.Equal(4, s.Preprocess.Components);
        Assert.Equal(7, MapOptionsMapper.Map(MapMethod.Smacof, null, 7, null, false, null, null, null, null, 1).Smacof.Seed);
        var pca = MapOptionsMapper.Map(MapMethod.Pca, null, null, null, false, null, null, null, null, 1);
        Assert.Equal((MapMethod.Pca, (Kernel?)null), (pca.Method, pca.Kernel));
        Assert.Equal(new TsneOptions().Perplexity, pca.Tsne.Perplexity);
    }

    [Theory]
    [InlineData(MapMethod.Pca, 30.0, null, null, null, "-Perplexity")]
    [InlineData(MapMethod.Tsne, 0.5, null, null, null, "-Perplexity")]
    [InlineData(MapMethod.ClassicalMds, null, 10, null, null, "-Iterations")]
    [InlineData(MapMethod.Tsne, null, null, KernelKind.Rbf, null, "-Kernel")]
    [InlineData(MapMethod.Smacof, null, null, null, 0.5, "-Gamma")]
    [InlineData(MapMethod.Smacof, null, null, KernelKind.Rbf, -1.0, "-Gamma")]
    public void RejectsSettingsTheMethodDoesNotTakeOrOutOfRange(MapMethod method, double? perplexity, int? iterations,
        KernelKind? kernel, double? gamma, string named)
    {
        var e = Assert.Throws<ArgumentException>(() => MapOptionsMapper.Map(method, perplexity, null, iterations, false, null, null, kernel, gamma, 1));
        Assert.StartsWith(named, e.Message);
    }

    [Fact]
    public void RejectsBadPreprocessing()
    {
        Assert.Throws<ArgumentException>(() => MapOptionsMapper.Map(MapMethod.Pca, null, null, null, false, 0.9, 3, null, null, 1));
        Assert.StartsWith("-Components", Assert.Throws<ArgumentException>(() => MapOptionsMapper.Map(MapMethod.Pca, null, null, null, false, null, 1, null, null, 1)).Message);
    }

    [Fact]
    public void MapsDiversitySettings()
    {
        var o = DiversityOptionsMapper.Map(3, 1e-6, 2);
        Assert.Equal((3, 1e-6, 2), (o.Neighbours, o.Bandwidth, o.Threads));
        var d = DiversityOptionsMapper.Map(null, null, 1);
        Assert.Equal((new EntropyOptions().Neighbours, new EntropyOptions().Bandwidth), (d.Neighbours, d.Bandwidth));
        Assert.StartsWith("-Neighbours", Assert.Throws<ArgumentException>(() => DiversityOptionsMapper.Map(0, null, 1)).Message);
        Assert.StartsWith("-Bandwidth", Assert.Throws<ArgumentException>(() => DiversityOptionsMapper.Map(null, 0, 1)).Message);
    }
}
