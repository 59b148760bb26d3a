using System.Collections;
using System.Reflection;
using AtomCuration.Options;
using AtomCuration.Potentials.Eam;
using AtomCuration.PowerShell.Mapping;

namespace AtomCuration.Tests.PowerShell;

/// <summary>-Fit and -SearchSpace complete exactly the keys Core's binders accept, and hand the hashtable on as given.</summary>
public class FitParametersTests
{
    private static IEnumerable<string> Own(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => p.Name).Order(StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void FitKeysAreTheFitOptions()
    {
        var keys = OptionsBinder.Bindable(typeof(EamFitOptions)).Select(p => p.Name).Order(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(keys, Own(typeof(FitParameters)), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void SearchedFitAddsTheSearchKeysTheMapperSplitsOff()
    {
        Assert.Equal(["Budget", "Optimize", "SearchMethod", "SearchSpace"], Own(typeof(SearchedFitParameters)));
        var given = new Hashtable(StringComparer.OrdinalIgnoreCase) { ["cutoff"] = 4.8 };
        var fit = new SearchedFitParameters(given) { Optimize = true, Budget = 3, SearchMethod = "Random", SearchSpace = new SearchSpaceParameters { PairKnots = new object[] { 8, 10 } } };
        var (options, search) = FitSearchMapper.Map(fit.ToDictionary(), "test -Fit");
        Assert.Equal(4.8, options.Cutoff);
        Assert.NotNull(search);
        Assert.Equal(3, search.Budget);
        Assert.Equal(EamSearchMethod.Random, search.Method);
        Assert.Equal("PairKnots", Assert.Single(search.Space!.Dimensions).Name);
        Assert.Equal(new object[] { 8, 10 }, fit.SearchSpace!.PairKnots);
    }

    [Fact]
    public void SearchSpaceKeysAreTheSearchableSettings() =>
        Assert.Equal(EamSearchSpace.Names.Order(StringComparer.OrdinalIgnoreCase), Own(typeof(SearchSpaceParameters)), StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void TheHashtableIsKeptAsGivenSoTheBinderKeepsItsMessages()
    {
        var given = new Hashtable(StringComparer.OrdinalIgnoreCase) { ["MAXITERATIONS"] = 7, ["bogus"] = 1 };
        var fit = new FitParameters(given);
        Assert.Equal(7, fit.MaxIterations);
        Assert.Same(given, fit.ToDictionary());
        var e = Assert.ThrowsAny<ArgumentException>(() => OptionsBinder.Bind<EamFitOptions>(fit.ToDictionary(), null, "test -Fit", KeyStyle.Parameter));
        Assert.Contains("bogus", e.Message);
    }
}
