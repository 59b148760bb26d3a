using System.Collections;
using System.Management.Automation;
using System.Reflection;
using AtomCuration.Descriptors;
using AtomCuration.Options;
using AtomCuration.PowerShell.Mapping.Descriptor;

namespace AtomCuration.Tests.PowerShell;

/// <summary>
/// Get-Descriptor -Parameters completes exactly the keys Core binds: its type's properties are held equal to the
/// settings records' keys here, so a key added to a record without its property (or the reverse) fails.
/// </summary>
public class DescriptorParametersTests
{
    private static IEnumerable<string> Keys(Type t) => t.GetProperties().Where(p => p.CanWrite).Select(p => p.Name);

    private static void AssertSameKeys(IEnumerable<string> expected, IEnumerable<string> actual, string because) =>
        Assert.True(expected.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(actual.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase),
            $"{because}: expected {string.Join(", ", expected.Order())}; got {string.Join(", ", actual.Order())}.");

    [Fact]
    public void EachKindsSectionHoldsItsSettingsKeysAndScale()
    {
        foreach (var kind in Enum.GetValues<DescriptorKind>())
        {
            var section = typeof(DescriptorParameters).GetProperty(kind.ToString());
            Assert.NotNull(section);
            AssertSameKeys(DescriptorSettings.Keys(kind).Append("scale"), Keys(section.PropertyType), kind.ToString());
        }
    }

    [Fact]
    public void SoapWeightingCompletesTheKeysOfItsRecord()
    {
        AssertSameKeys(OptionsBinder.Bindable(typeof(SoapWeighting)).Select(OptionsBinder.KeyName), Keys(typeof(SoapWeightingParameters)), "weighting");
        Assert.Equal(typeof(SoapWeightingParameters), typeof(SoapParameters).GetProperty(nameof(SoapParameters.Weighting))!.PropertyType);
        Assert.Equal(typeof(SoapWeightingParameters), typeof(DescriptorParameters).GetProperty(nameof(DescriptorParameters.Weighting))!.PropertyType);
    }

    [Fact]
    public void TheTopLevelHoldsTheHeaderTheSectionsAndEveryFlatKey()
    {
        // A single kind's keys may be given flat, so every kind's keys may be typed at the top.
        var expected = DescriptorParameterHeader.Keys.Concat(Enum.GetNames<DescriptorKind>())
            .Concat(Enum.GetValues<DescriptorKind>().SelectMany(DescriptorSettings.Keys)).Append("scale")
            .Distinct(StringComparer.OrdinalIgnoreCase);
        AssertSameKeys(expected, Keys(typeof(DescriptorParameters)), "top level");
    }

    [Fact]
    public void NewEntropyConfigurationCompletesTheKeysOfTheKindsItTakes()
    {
        var set = typeof(AtomCuration.PowerShell.Commands.NewEntropyConfigurationCommand).GetProperty("Descriptor")!
            .GetCustomAttributesData().Single(a => a.AttributeType == typeof(ValidateSetAttribute)).ConstructorArguments.Single()
            .Value is IReadOnlyCollection<CustomAttributeTypedArgument> values ? values.Select(v => Enum.Parse<DescriptorKind>((string)v.Value!)).ToList() : [];
        Assert.Equal(2, set.Count);
        AssertSameKeys(set.SelectMany(DescriptorSettings.Keys), Keys(typeof(EntropyDescriptorParameters)), "New-EntropyConfiguration");
    }

    [Fact]
    public void PropertiesReadAndWriteTheGivenMappingInAnyCase()
    {
        var given = new Hashtable(StringComparer.OrdinalIgnoreCase) { ["nmax"] = 8, ["Soap"] = new Hashtable { ["LMAX"] = 4 } };
        var p = new DescriptorParameters(given) { LMax = 6 };
        Assert.Equal(8, p.NMax);
        Assert.Equal(4, p.Soap!.LMax);
        p.NMax = 9;
        p.Soap.Sigma = 0.4;
        Assert.Same(given, p.ToBindable());
        Assert.Equal(9, given["nmax"]);
        Assert.Equal(0.4, ((IDictionary)given["Soap"]!)["Sigma"]);
        Assert.Single(given.Keys.Cast<string>(), k => k.Equals("nmax", StringComparison.OrdinalIgnoreCase));
        p.Rdf = new RdfParameters { Cutoff = 4 };
        Assert.Equal(4, ((IDictionary)given["Rdf"]!)["Cutoff"]);
    }

    [Fact]
    public void AFileIsHandedOnAsItsPathAndCannotBeEdited()
    {
        var p = new DescriptorParameters("fp.yml");
        Assert.Equal("fp.yml", p.ToBindable());
        Assert.Null(p.NMax);
        Assert.Throws<InvalidOperationException>(() => p.NMax = 8);
    }
}
