using System.Collections;
using AtomCuration.Options;
using AtomCuration.Selection;

namespace AtomCuration.Tests.PowerShell;

public class SelectionSettingsBindingTests
{
    private static SelectionPlan Map(SelectionMethod? method, int? count = 5, double? fraction = null, double? threshold = null,
        IDictionary? options = null, string? preset = null, bool? standardize = null, double? ev = null, int? components = null,
        IDictionary? blocks = null)
    {
        // What Select-Configuration binds: only the parameters given.
        var bound = new Hashtable { ["Seed"] = 7 };
        void Add(string key, object? value)
        {
            if (value is not null) bound[key] = value;
        }
        Add("Method", method);
        Add("Count", count);
        Add("Fraction", fraction);
        Add("Threshold", threshold);
        Add("Options", options);
        Add("Preset", preset);
        Add("Standardize", standardize);
        Add("ExplainedVariance", ev);
        Add("Components", components);
        Add("BlockWeights", blocks);
        return SelectionOptionsMapper.Map(OptionsBinder.Bind<SelectionSettings>(bound, context: "Select-Configuration"));
    }

    [Fact]
    public void EveryMethodGetsItsOwnRecordWithTheSharedSettings()
    {
        foreach (var m in Enum.GetValues<SelectionMethod>())
        {
            var o = Map(m).Options;
            Assert.Equal(m, Selector.MethodOf(o));
            Assert.Equal((5, 7), (o.Count, o.Seed));

        }
    }

    [Fact]
    public void TheHelpPageListsEveryKnobOfEveryMethod()
    {
        var page = File.ReadAllText(Support.RepoPaths.Combine("docs", "cmdlets", "Select-Configuration.md"));
        var section = page[page.IndexOf("### -Options", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("### -IncludeRejected", StringComparison.Ordinal)];
        Assert.Empty(SelectionOptionsMapper.OptionKeys(SelectionMethod.Random));
        Assert.Equal(["restarts", "tolerance", "maxIterations"], SelectionOptionsMapper.OptionKeys(SelectionMethod.KMeans));
        Assert.Equal("elementThresholds", SelectionOptionsMapper.OptionKeys(SelectionMethod.LocalEnvironmentBank)[0]);
        foreach (var m in Enum.GetValues<SelectionMethod>())
        {
            var row = section.Split('\n').Single(l => l.StartsWith($"| `{m}` |", StringComparison.Ordinal));
            foreach (var key in SelectionOptionsMapper.OptionKeys(m))
                Assert.True(row.Contains($"`{key}`", StringComparison.Ordinal), $"{m}: {key} is not in the -Options table");
        }
    }

    [Fact]
    public void MapsTheKnobsOfEachMethod()
    {
        var k = (KMeansOptions)Map(SelectionMethod.KMeans, options: new Hashtable { ["Restarts"] = 3, ["tolerance"] = "1e-6", ["maxIterations"] = 50 }).Options;
        Assert.Equal((3, 1e-6, 50), (k.Restarts, k.Tolerance, k.MaxIterations));
        var f = (FpsOptions)Map(SelectionMethod.Fps, options: new Hashtable { ["start"] = 4, ["kernel"] = "rbf", ["gamma"] = 0.5 }).Options;
        Assert.Equal(4, f.Start);
        Assert.Equal(new Kernel(KernelKind.Rbf, 0.5), f.Kernel);
        Assert.Null(((FpsOptions)Map(SelectionMethod.Fps).Options).Start);
        Assert.Null(((FpsOptions)Map(SelectionMethod.Fps).Options).Kernel);
        var d = (DppOptions)Map(SelectionMethod.Dpp, options: new Hashtable { ["mode"] = "Sample" }).Options;
        Assert.Equal((DppMode.Sample, KernelKind.Cosine), (d.Mode, d.Kernel.Kind));
        var v = (MaxVolOptions)Map(SelectionMethod.MaxVol, options: new Hashtable { ["tolerance"] = 1.05, ["maxSwaps"] = 9 }).Options;
        Assert.Equal((1.05, 9), (v.Tolerance, v.MaxSwaps));
        Assert.Equal(3, ((CurOptions)Map(SelectionMethod.Cur, options: new Hashtable { ["components"] = 3 }).Options).Components);
        var a = (AgglomerativeOptions)Map(SelectionMethod.Agglomerative, options: new Hashtable { ["linkage"] = "average", ["kernel"] = "Laplacian" }).Options;
        Assert.Equal((Linkage.Average, KernelKind.Laplacian, 1.0), (a.Linkage, a.Kernel!.Kind, a.Kernel.Gamma));
        var s = (SpectralOptions)Map(SelectionMethod.Spectral, options: new Hashtable { ["delta"] = 0.3, ["clusters"] = 4, ["distanceTolerance"] = 0.01, ["maxClusters"] = 9 }).Options;
        Assert.Equal((0.3, 4, 0.01, 9), (s.Delta, s.Clusters, s.DistanceTolerance, s.MaxClusters));
        Assert.Null(((SpectralOptions)Map(SelectionMethod.Spectral).Options).Clusters);
        var e = (EntropyOptions)Map(SelectionMethod.Entropy, options: new Hashtable { ["neighbours"] = 2, ["bandwidth"] = 1e-3 }).Options;
        Assert.Equal((2, 1e-3), (e.Neighbours, e.Bandwidth));
    }

    [Fact]
    public void LocalEnvironmentBankTakesAThresholdPerElementThresholdsOrACount()
    {
        var fixedT = (LocalEnvironmentBankOptions)Map(SelectionMethod.LocalEnvironmentBank, count: null, threshold: 0.275,
            options: new Hashtable { ["elementThresholds"] = new Hashtable { ["H"] = 0.3, ["pd"] = 0.2 }, ["scaling"] = "None", ["shuffle"] = true }).Options;
        Assert.Equal(0.275, fixedT.Threshold);
        Assert.False(fixedT.FitCount);
        Assert.Equal(0.3, fixedT.ElementThresholds![1]);
        Assert.Equal(0.2, fixedT.ElementThresholds![46]);
        Assert.Equal((EnvironmentScaling.None, true), (fixedT.Scaling, fixedT.Shuffle));
        var counted = (LocalEnvironmentBankOptions)Map(SelectionMethod.LocalEnvironmentBank, count: 12).Options;
        Assert.True(counted.FitCount);
        Assert.Null(counted.Threshold);
        var bad = Assert.ThrowsAny<ArgumentException>(() => Map(SelectionMethod.LocalEnvironmentBank, count: null, threshold: 0.2,
            options: new Hashtable { ["elementThresholds"] = new Hashtable { ["Xx"] = 0.3 } }));
        Assert.Contains("'Xx'", bad.Message);
        var negative = Assert.ThrowsAny<ArgumentException>(() => Map(SelectionMethod.LocalEnvironmentBank, count: null, threshold: 0.2,
            options: new Hashtable { ["elementThresholds"] = new Hashtable { ["H"] = -1 } }));
        Assert.Contains("(0, ∞)", negative.Message);
    }

    [Fact]
    public void FractionBecomesACountOnceThePoolIsKnown()
    {
        var plan = Map(SelectionMethod.Fps, count: null, fraction: 0.25);
        Assert.Equal(25, plan.For(100).Count);
        Assert.Equal(1, plan.For(2).Count);
        Assert.Equal(3, Map(SelectionMethod.Random, count: 10).For(3).Count);
        var spectral = Map(SelectionMethod.Spectral, count: null, fraction: 0.1);
        Assert.Equal(0.1, ((SpectralOptions)spectral.For(100)).Fraction);
    }

    [Fact]
    public void TheStudyPresetIsPaper000sKMeansAndExplicitPreprocessingOverridesIt()
    {
        var plan = Map(null, count: 30, preset: "KMeansStudy");
        var k = (KMeansOptions)plan.Options;
        var study = KMeansOptions.Study(30, 7);
        Assert.Equal((study.Count, study.Seed, study.Restarts, study.Tolerance, study.MaxIterations), (k.Count, k.Seed, k.Restarts, k.Tolerance, k.MaxIterations));
        Assert.Equal((true, 0.98, (int?)null), (k.Preprocess.Standardize, k.Preprocess.ExplainedVariance, k.Preprocess.Components));
        Assert.Equal(study.Preprocess.LabelBlockWeights, k.Preprocess.LabelBlockWeights);
        Assert.Equal(4, k.Preprocess.LabelBlockWeights.Count);
        Assert.Equal(KMeansOptions.Study(12).Restarts, ((KMeansOptions)Map(null, count: null, fraction: 0.12, preset: "KMeansStudy").For(100)).Restarts);
        Assert.Equal(3, ((KMeansOptions)Map(null, preset: "KMeansStudy", options: new Hashtable { ["restarts"] = 3 }).For(100)).Restarts);
        var mine = (KMeansOptions)Map(SelectionMethod.KMeans, preset: "kmeansstudy", standardize: false, components: 5).Options;
        Assert.False(mine.Preprocess.Standardize);
        Assert.Equal(5, mine.Preprocess.Components);
        Assert.Null(mine.Preprocess.ExplainedVariance);
        Assert.Equal(4, mine.Preprocess.LabelBlockWeights.Count);
        Assert.ThrowsAny<ArgumentException>(() => Map(SelectionMethod.Fps, preset: "KMeansStudy"));
        Assert.ThrowsAny<ArgumentException>(() => Map(null, preset: "Other"));
        Assert.ThrowsAny<ArgumentException>(() => Map(null));
    }

    [Fact]
    public void MapsPreprocessingAndBlockWeights()
    {
        var p = Map(SelectionMethod.KMeans, standardize: true, ev: 0.98, blocks: new Hashtable { ["244-247"] = 4, ["0 - 243"] = 1, ["300"] = 2.5 }).Options.Preprocess;
        Assert.True(p.Standardize);
        Assert.Equal(0.98, p.ExplainedVariance);
        Assert.Equal([new ColumnBlock(0, 243, 1), new ColumnBlock(244, 247, 4), new ColumnBlock(300, 300, 2.5)], p.BlockWeights);
        Assert.Contains("'a-b'", Assert.ThrowsAny<ArgumentException>(() => Map(SelectionMethod.KMeans, blocks: new Hashtable { ["a-b"] = 1 })).Message);
        Assert.ThrowsAny<ArgumentException>(() => Map(SelectionMethod.KMeans, blocks: new Hashtable { ["5-2"] = 1 }));
        Assert.ThrowsAny<ArgumentException>(() => Map(SelectionMethod.KMeans, ev: 0.9, components: 3));
        Assert.StartsWith("Select-Configuration.explainedVariance: ExplainedVariance must be in (0, 1]", Assert.ThrowsAny<ArgumentException>(() => Map(SelectionMethod.KMeans, ev: 1.5)).Message);
    }

    [Theory]
    [InlineData(SelectionMethod.KMeans, "restarts", 0, ".restarts: Restarts", "[1, 100000]")]
    [InlineData(SelectionMethod.Spectral, "delta", 1.5, ".delta: Delta", "[0, 1]")]
    [InlineData(SelectionMethod.MaxVol, "tolerance", 0.5, ".tolerance: Tolerance", "[1, ∞)")]
    [InlineData(SelectionMethod.Entropy, "bandwidth", 0, ".bandwidth: Bandwidth", "(0, ∞)")]
    [InlineData(SelectionMethod.Dpp, "mode", "Best", ".mode: 'Best'", "Greedy, Sample")]
    [InlineData(SelectionMethod.Fps, "gamma", 2, ".gamma:", "needs 'kernel'")]
    [InlineData(SelectionMethod.Dpp, "gamma", -1, ".gamma: Gamma", "(0, ∞)")]
    public void BadKnobsAreRejectedNamingTheKeyAndItsRange(SelectionMethod method, string key, object value, string named, string range)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => Map(method, options: new Hashtable { [key] = value }));
        Assert.Contains(named, e.Message);
        Assert.Contains(range, e.Message);
        Assert.Contains(method.ToString(), e.Message);
    }

    [Fact]
    public void UnknownKnobsListTheValidOnes()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => Map(SelectionMethod.KMeans, options: new Hashtable { ["restart"] = 3 }));
        Assert.Contains("'restart'", e.Message);
        Assert.Contains("restarts", e.Message);
        Assert.ThrowsAny<ArgumentException>(() => Map(SelectionMethod.Random, options: new Hashtable { ["kernel"] = "Rbf" }));
        Assert.ThrowsAny<ArgumentException>(() => Map(SelectionMethod.Fps, options: new Hashtable { ["elementThresholds"] = new Hashtable { ["H"] = 1 } }));
    }

    [Fact]
    public void SizeArgumentsAreCheckedAndThresholdIsOnlyForTheBank()
    {
        Assert.StartsWith("Select-Configuration.threshold: Threshold applies", Assert.ThrowsAny<ArgumentException>(() => Map(SelectionMethod.KMeans, count: null, threshold: 0.3)).Message);
        Assert.StartsWith("Select-Configuration.fraction: Fraction must be in (0, 1]", Assert.ThrowsAny<ArgumentException>(() => Map(SelectionMethod.KMeans, count: null, fraction: 0)).Message);
        Assert.StartsWith("Select-Configuration.count: Count must be in [1, ∞)", Assert.ThrowsAny<ArgumentException>(() => Map(SelectionMethod.KMeans, count: 0)).Message);
        Assert.StartsWith("Select-Configuration.threshold: Threshold must be in (0, ∞)", Assert.ThrowsAny<ArgumentException>(() => Map(SelectionMethod.LocalEnvironmentBank, count: null, threshold: -1)).Message);
        Assert.StartsWith("Select-Configuration.count: Give at most one", Assert.ThrowsAny<ArgumentException>(() => Map(SelectionMethod.KMeans, count: 3, fraction: 0.5)).Message);
    }
}
