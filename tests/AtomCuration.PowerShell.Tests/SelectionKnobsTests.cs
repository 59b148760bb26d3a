using AtomCuration.PowerShell.Mapping;
using AtomCuration.Selection;

namespace AtomCuration.Tests.PowerShell;

/// <summary>Select-Configuration -Options completes exactly the keys Core's mapper accepts, and hands on only those given.</summary>
public class SelectionKnobsTests
{
    [Fact]
    public void ThePropertiesAreTheKeysOfEveryMethod()
    {
        // -Store takes the store options other than those with parameters of their own.
        string[] ownParameters = ["Method", "Count", "Threshold", "Seed"];
        var storeKeys = typeof(AtomCuration.Storage.StoreSelectionOptions).GetProperties()
            .Where(p => p.CanWrite && !ownParameters.Contains(p.Name)).Select(p => p.Name);
        var keys = Enum.GetValues<SelectionMethod>().SelectMany(SelectionOptionsMapper.OptionKeys).Concat(storeKeys)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase);
        var properties = typeof(SelectionKnobs).GetProperties().Select(p => p.Name).Order(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(keys, properties, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void OnlyTheKnobsGivenReachTheMapper()
    {
        var table = new SelectionKnobs { Restarts = 3, Kernel = "Rbf" }.ToHashtable();
        Assert.Equal(2, table.Count);
        Assert.Equal(3, table["restarts"]);
        var plan = SelectionOptionsMapper.Map(new SelectionSettings { Method = SelectionMethod.KMeans, Options = new SelectionKnobs { Restarts = 3 }.ToHashtable() });
        Assert.Equal(3, ((KMeansOptions)plan.Options).Restarts);
    }

    [Fact]
    public void StudyKnobsAddOneSectionPerMethodAndNestThemAsMappings()
    {
        var own = typeof(StudyKnobs).GetProperties().Where(p => p.DeclaringType == typeof(StudyKnobs)).ToList();
        Assert.Equal(Enum.GetNames<SelectionMethod>().Order(), own.Select(p => p.Name).Order());
        Assert.All(own, p => Assert.Equal(typeof(SelectionKnobs), p.PropertyType));
        var table = new StudyKnobs { Gamma = 0.5, KMeans = new SelectionKnobs { Restarts = 2 } }.ToHashtable();
        Assert.Equal(0.5, table["gamma"]);
        Assert.Equal(2, ((System.Collections.IDictionary)table["KMeans"]!)["restarts"]);
        var methods = StudyOptionsMapper.MapMethods([SelectionMethod.KMeans], new StudyKnobs { KMeans = new SelectionKnobs { Restarts = 2 } }.ToHashtable(), null, null, 1);
        Assert.Equal(2, ((KMeansOptions)methods.Single().Options).Restarts);
    }
}
