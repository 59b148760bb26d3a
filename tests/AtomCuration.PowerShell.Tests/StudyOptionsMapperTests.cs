using System.Collections;
using AtomCuration.PowerShell.Mapping;
using AtomCuration.Potentials.Eam;
using AtomCuration.Selection;
using AtomCuration.Studies;

namespace AtomCuration.Tests.PowerShell;

public class StudyOptionsMapperTests
{
    [Fact]
    public void FitHashtableBindsInvokeEamFitNamesCaseInsensitively()
    {
        var o = StudyOptionsMapper.MapFit(new Hashtable { ["cutoff"] = 4.8, ["Form"] = "zhoujohnsonwadley", ["MaxIterations"] = "7", ["WeightKey"] = "w" });
        Assert.Equal(new EamFitOptions { Cutoff = 4.8, Form = EamFitForm.ZhouJohnsonWadley, MaxIterations = 7, WeightKey = "w" }, o);
        Assert.Equal(new EamFitOptions(), StudyOptionsMapper.MapFit(null));
    }

    [Fact]
    public void FitHashtableRefusesUnknownKeysAndBadValues()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => StudyOptionsMapper.MapFit(new Hashtable { ["Cutof"] = 5 }));
        Assert.Contains("valid keys", e.Message);
        Assert.Contains("MaxIterations", e.Message);
        Assert.DoesNotContain("ThrottleLimit", e.Message);
        Assert.Contains("Spline", Assert.ThrowsAny<ArgumentException>(() => StudyOptionsMapper.MapFit(new Hashtable { ["Form"] = "Quadratic" })).Message);
        Assert.ThrowsAny<ArgumentException>(() => StudyOptionsMapper.MapFit(new Hashtable { ["Cutoff"] = -1.0 }));
    }

    [Fact]
    public void OptionsApplyFlatOrPerMethodAndStudiesVaryBankAndDpp()
    {
        var flat = StudyOptionsMapper.MapMethods([SelectionMethod.KMeans], new Hashtable { ["restarts"] = 4 }, true, null, 3);
        var k = Assert.IsType<KMeansOptions>(Assert.Single(flat).Options);
        Assert.Equal(4, k.Restarts);
        Assert.True(k.Preprocess.Standardize);
        var per = StudyOptionsMapper.MapMethods([SelectionMethod.KMeans, SelectionMethod.Dpp, SelectionMethod.LocalEnvironmentBank],
            new Hashtable { ["KMeans"] = new Hashtable { ["restarts"] = 2 } }, null, null, 0);
        Assert.Equal(2, ((KMeansOptions)per[0].Options).Restarts);
        Assert.Equal(DppMode.Sample, ((DppOptions)per[1].Options).Mode);
        Assert.True(((LocalEnvironmentBankOptions)per[2].Options).Shuffle);
        var greedy = StudyOptionsMapper.MapMethods([SelectionMethod.Dpp], new Hashtable { ["Dpp"] = new Hashtable { ["mode"] = "Greedy" } }, null, null, 0);
        Assert.False(StudyVariation.Of(greedy[0].Options).Varies);
        Assert.Throws<ArgumentException>(() => StudyOptionsMapper.MapMethods([SelectionMethod.KMeans], new Hashtable { ["Fps"] = new Hashtable() }, null, null, 0));
        Assert.ThrowsAny<ArgumentException>(() => StudyOptionsMapper.MapMethods([SelectionMethod.KMeans], new Hashtable { ["restart"] = 2 }, null, null, 0));
    }

    [Fact]
    public void TestSetFromParameters()
    {
        Assert.Equal(StudyTestMode.Pool, StudyOptionsMapper.MapTestSet(null, null, null, null).Mode);
        var g = StudyOptionsMapper.MapTestSet(null, null, null, new Hashtable { ["config_type"] = "Vacancy" });
        Assert.Equal((StudyTestMode.Group, "config_type", "Vacancy"), (g.Mode, g.GroupKey, g.GroupValue));
        Assert.Equal(0.3, StudyOptionsMapper.MapTestSet(StudyTestMode.HeldOut, 0.3, null, null).Fraction);
        Assert.Equal(4, StudyOptionsMapper.MapTestSet(StudyTestMode.KFold, null, 4, null).Folds);
        Assert.Throws<ArgumentException>(() => StudyOptionsMapper.MapTestSet(StudyTestMode.Group, null, null, null));
        Assert.Throws<ArgumentException>(() => StudyOptionsMapper.MapTestSet(null, 0.2, null, null));
        Assert.Throws<ArgumentException>(() => StudyOptionsMapper.MapTestSet(StudyTestMode.HeldOut, 1.5, null, null));
    }
}
