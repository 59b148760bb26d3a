using System.Collections;
using AtomCuration.Options;
using AtomCuration.PowerShell.Mapping;
using AtomCuration.Potentials.Eam;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.PowerShell;

public class EamFitBindingTests
{
    [Fact]
    public void UnsetParametersKeepCoreDefaults()
    {
        Assert.Equal(new EamFitOptions(), OptionsBinder.Bind<EamFitOptions>(new Hashtable()));
    }

    [Fact]
    public void SetParametersOverrideDefaults()
    {
        // As Invoke-EamFit binds them (typed values) and as a recipe gives them (text, any case).
        var o = OptionsBinder.Bind<EamFitOptions>(new Hashtable
        {
            ["Form"] = EamFitForm.ZhouJohnsonWadley, ["Cutoff"] = 6.1, ["PairKnots"] = 9, ["densityKnots"] = "7", ["EMBEDDINGKNOTS"] = 4L,
            ["InnerRadius"] = "1.5", ["EnergyWeight"] = 2, ["ForceWeight"] = 0.5, ["StressWeight"] = 0.1, ["Smoothness"] = 0,
            ["WeightKey"] = "w", ["MaxIterations"] = 7, ["Restarts"] = 2, ["Seed"] = 42, ["TimeLimit"] = "00:05:00",
        });
        Assert.Equal(EamFitForm.ZhouJohnsonWadley, o.Form);
        Assert.Equal(6.1, o.Cutoff);
        Assert.Equal((9, 7, 4), (o.PairKnots, o.DensityKnots, o.EmbeddingKnots));
        Assert.Equal(1.5, o.InnerRadius);
        Assert.Equal((2.0, 0.5, 0.1, 0.0), (o.EnergyWeight, o.ForceWeight, o.StressWeight, o.Smoothness));
        Assert.Equal(("w", 7, 2, 42), (o.WeightKey, o.MaxIterations, o.Restarts, o.Seed));
        Assert.Equal(TimeSpan.FromMinutes(5), o.TimeLimit);
        Assert.Equal(EamFitForm.ZhouJohnsonWadley, OptionsBinder.Bind<EamFitOptions>(new Hashtable { ["form"] = "zhoujohnsonwadley" }).Form);
    }

    [Theory]
    [InlineData(-1.0, null, "Cutoff")]
    [InlineData(5.0, 6.0, "InnerRadius")]
    public void InvalidSettingsAreRejected(double cutoff, double? inner, string named)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => OptionsBinder.Bind<EamFitOptions>(new Hashtable { ["Cutoff"] = cutoff, ["InnerRadius"] = inner }));
        Assert.Contains(named, e.Message);
    }

    [Fact]
    public void UnknownKeysAndBadValuesAreNamed()
    {
        var unknown = Assert.ThrowsAny<ArgumentException>(() => OptionsBinder.Bind<EamFitOptions>(new Hashtable { ["cutof"] = 5 }, context: "fit"));
        Assert.Contains("'cutof'", unknown.Message);
        Assert.Contains("cutoff, pairKnots", unknown.Message);
        Assert.Contains("not one of Spline, ZhouJohnsonWadley",
            Assert.ThrowsAny<ArgumentException>(() => OptionsBinder.Bind<EamFitOptions>(new Hashtable { ["form"] = "Splines" })).Message);
        Assert.Contains("whole number", Assert.ThrowsAny<ArgumentException>(() => OptionsBinder.Bind<EamFitOptions>(new Hashtable { ["restarts"] = 1.5 })).Message);
        Assert.Contains("[2, ∞)", Assert.ThrowsAny<ArgumentException>(() => OptionsBinder.Bind<EamFitOptions>(new Hashtable { ["pairKnots"] = 1 })).Message);
    }

    [Fact]
    public void PotentialResolverAcceptsPotentialsFitsAndPaths()
    {
        // A table the test writes (the published ZJW Ti form), not a file outside the repository.
        string ti = Path.Combine(Directory.CreateTempSubdirectory("ac-eam-").FullName, "Ti.eam.alloy");
        var published = ZhouJohnsonWadley.Published("Ti");
        EamFileWriter.Write(published, ti, EamTableResolution.Suggest(published, 1000, 1000));
        try
        {
            var fromPath = PotentialResolver.Resolve("Ti.eam.alloy", _ => ti);
            Assert.Equal("Ti", fromPath.Elements.Single().Symbol);
            Assert.Same(fromPath, PotentialResolver.Resolve(fromPath, p => p));
            Assert.Equal("Ti", PotentialResolver.Resolve(new FileInfo(ti), p => p).Elements.Single().Symbol);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(ti)!, true);
        }
        var bad = Assert.ThrowsAny<ArgumentException>(() => PotentialResolver.Resolve(42, p => p));
        Assert.Contains("Int32", bad.Message);
        var missing = Assert.ThrowsAny<ArgumentException>(() => PotentialResolver.Resolve("nope.eam.alloy", p => "/nonexistent/" + p));
        Assert.Contains("/nonexistent/nope.eam.alloy", missing.Message);
    }
}
