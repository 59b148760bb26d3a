using AtomCuration.PowerShell.Mapping;
using AtomCuration.Potentials.Eam;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.PowerShell;

public class EamMappingTests
{
    [Fact]
    public void UnsetParametersKeepCoreDefaults()
    {
        Assert.Equal(new EamFitOptions(), EamFitOptionsMapper.Map(new EamFitParameters()));
    }

    [Fact]
    public void SetParametersOverrideDefaults()
    {
        var o = EamFitOptionsMapper.Map(new EamFitParameters
        {
            Form = EamFitForm.ZhouJohnsonWadley, Cutoff = 6.1, PairKnots = 9, DensityKnots = 7, EmbeddingKnots = 4,
            InnerRadius = 1.5, EnergyWeight = 2, ForceWeight = 0.5, StressWeight = 0.1, Smoothness = 0,
            WeightKey = "w", MaxIterations = 7, Restarts = 2, Seed = 42, ThrottleLimit = 1,
        });
        Assert.Equal(EamFitForm.ZhouJohnsonWadley, o.Form);
        Assert.Equal(6.1, o.Cutoff);
        Assert.Equal((9, 7, 4), (o.PairKnots, o.DensityKnots, o.EmbeddingKnots));
        Assert.Equal(1.5, o.InnerRadius);
        Assert.Equal((2.0, 0.5, 0.1, 0.0), (o.EnergyWeight, o.ForceWeight, o.StressWeight, o.Smoothness));
        Assert.Equal(("w", 7, 2, 42, 1), (o.WeightKey, o.MaxIterations, o.Restarts, o.Seed, o.ThrottleLimit));
    }

    [Theory]
    [InlineData(-1.0, null)]
    [InlineData(5.0, 6.0)]
    public void InvalidSettingsAreRejected(double cutoff, double? inner)
    {
        Assert.Throws<ArgumentException>(() => EamFitOptionsMapper.Map(new EamFitParameters { Cutoff = cutoff, InnerRadius = inner }));
    }

    [Fact]
    public void PotentialResolverAcceptsPotentialsFitsAndPaths()
    {
        string ti = Path.Combine(RepoPaths.Root, "..", "shared", "data", "eam", "Ti_Zhou04.eam.alloy");
        var fromPath = PotentialResolver.Resolve("Ti.eam.alloy", _ => ti);
        Assert.Equal("Ti", fromPath.Elements.Single().Symbol);
        Assert.Same(fromPath, PotentialResolver.Resolve(fromPath, p => p));
        var bad = Assert.Throws<ArgumentException>(() => PotentialResolver.Resolve(42, p => p));
        Assert.Contains("Int32", bad.Message);
        var missing = Assert.Throws<ArgumentException>(() => PotentialResolver.Resolve("nope.eam.alloy", p => "/nonexistent/" + p));
        Assert.Contains("/nonexistent/nope.eam.alloy", missing.Message);
    }
}
