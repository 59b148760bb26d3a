using System.Collections;
using AtomCuration.Embedding;
using AtomCuration.Options;
using AtomCuration.Selection;

namespace AtomCuration.Tests.PowerShell;

/// <summary>Get-ConfigurationMap's and Measure-Diversity's parameters as the binder applies them.</summary>
public class MapAndDiversityBindingTests
{
    private static MapOptions Map(Hashtable values) => OptionsBinder.Bind<MapSettings>(values, context: "Get-ConfigurationMap").ToOptions();

    [Fact]
    public void MapsTsneAndSmacofSettings()
    {
        var t = Map(new Hashtable { ["Method"] = MapMethod.Tsne, ["Perplexity"] = 12, ["Seed"] = 3, ["Iterations"] = 500, ["Standardize"] = true, ["ExplainedVariance"] = 0.9 });
        Assert.Equal((12.0, 3, 500), (t.Tsne.Perplexity, t.Tsne.Seed, t.Tsne.Iterations));
        Assert.True(t.Preprocess.Standardize);
        Assert.Equal(0.9, t.Preprocess.ExplainedVariance);
        var s = Map(new Hashtable { ["Method"] = "smacof", ["Iterations"] = 50, ["Components"] = 4, ["Kernel"] = "Rbf", ["Gamma"] = 0.2 });
        Assert.Equal((50, (int?)null), (s.Smacof.MaxIterations, s.Smacof.Seed));
        Assert.Equal(new Kernel(KernelKind.Rbf, 0.2), s.Kernel);
        Assert.Equal(4, s.Preprocess.Components);
        Assert.Equal(7, Map(new Hashtable { ["Method"] = MapMethod.Smacof, ["Seed"] = 7 }).Smacof.Seed);
        var pca = Map(new Hashtable());
        Assert.Equal((MapMethod.Pca, (Kernel?)null), (pca.Method, pca.Kernel));
        Assert.Equal(new TsneOptions().Perplexity, pca.Tsne.Perplexity);
    }

    [Theory]
    [InlineData(MapMethod.Pca, 30.0, null, null, null, "Perplexity")]
    [InlineData(MapMethod.Tsne, 0.5, null, null, null, "Perplexity")]
    [InlineData(MapMethod.ClassicalMds, null, 10, null, null, "Iterations")]
    [InlineData(MapMethod.Tsne, null, null, KernelKind.Rbf, null, "Kernel")]
    [InlineData(MapMethod.Smacof, null, null, null, 0.5, "Gamma")]
    [InlineData(MapMethod.Smacof, null, null, KernelKind.Rbf, -1.0, "Gamma")]
    public void RejectsSettingsTheMethodDoesNotTakeOrOutOfRange(MapMethod method, double? perplexity, int? iterations,
        KernelKind? kernel, double? gamma, string named)
    {
        var values = new Hashtable { ["Method"] = method };
        if (perplexity is not null) values["Perplexity"] = perplexity;
        if (iterations is not null) values["Iterations"] = iterations;
        if (kernel is not null) values["Kernel"] = kernel;
        if (gamma is not null) values["Gamma"] = gamma;
        var e = Assert.ThrowsAny<ArgumentException>(() => Map(values));
        Assert.StartsWith($"Get-ConfigurationMap.{OptionsBinder.KeyName(named)}: {named} ", e.Message);
    }

    [Fact]
    public void RejectsBadPreprocessing()
    {
        Assert.ThrowsAny<ArgumentException>(() => Map(new Hashtable { ["ExplainedVariance"] = 0.9, ["Components"] = 3 }));
        Assert.Contains("Components must be in [2, ∞)", Assert.ThrowsAny<ArgumentException>(() => Map(new Hashtable { ["Components"] = 1 })).Message);
    }

    [Fact]
    public void MapsDiversitySettings()
    {
        var o = OptionsBinder.Bind<EntropyOptions>(new Hashtable { ["Neighbours"] = 3, ["Bandwidth"] = 1e-6 });
        Assert.Equal((3, 1e-6), (o.Neighbours, o.Bandwidth));
        var d = OptionsBinder.Bind<EntropyOptions>(new Hashtable());
        Assert.Equal((new EntropyOptions().Neighbours, new EntropyOptions().Bandwidth), (d.Neighbours, d.Bandwidth));
        Assert.Contains("Neighbours must be in [1, 1000]", Assert.ThrowsAny<ArgumentException>(() => OptionsBinder.Bind<EntropyOptions>(new Hashtable { ["Neighbours"] = 0 })).Message);
        Assert.Contains("Bandwidth must be in (0, ∞)", Assert.ThrowsAny<ArgumentException>(() => OptionsBinder.Bind<EntropyOptions>(new Hashtable { ["Bandwidth"] = 0 })).Message);
    }

    [Fact]
    public void RunControlIsNotAnOption()
    {
        // Threads, cancellation and progress travel in the RunContext, never in an options record.
        foreach (var type in new[] { typeof(EntropyOptions), typeof(KMeansOptions), typeof(TsneOptions), typeof(SmacofOptions), typeof(Potentials.Eam.EamFitOptions) })
        {
            var keys = OptionsBinder.Bindable(type).Select(p => p.Name).ToList();
            Assert.DoesNotContain("Cancellation", keys);
            Assert.DoesNotContain("Progress", keys);
            Assert.DoesNotContain("Threads", keys);
            Assert.DoesNotContain("ThrottleLimit", keys);
        }
    }
}
