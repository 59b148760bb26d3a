using System.Collections;
using System.Globalization;
using AtomCuration.Descriptors;
using AtomCuration.Options;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Descriptors;

/// <summary>
/// Descriptor parameters have one binder: every kind's keys are the settable properties of its settings record,
/// bound by <see cref="OptionsBinder"/>, with the ranges of their <see cref="OptionRangeAttribute"/> — nothing else
/// declares a key or a range.
/// </summary>
public class DescriptorParameterBindingTests
{
    public static TheoryData<DescriptorKind> Kinds() => new(Enum.GetValues<DescriptorKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void KeysAreTheSettingsRecordsPropertiesAndRoundTrip(DescriptorKind kind)
    {
        var defaults = DescriptorSettings.Default(kind);
        Assert.Equal(kind, defaults.Kind);
        Assert.Equal(OptionsBinder.Bindable(defaults.GetType()).Select(OptionsBinder.KeyName), DescriptorSettings.Keys(kind));
        // Every default written out as plain data binds back to the same settings, key by key.
        var plain = OptionsBinder.ToPlain(defaults);
        Assert.Equal(plain, OptionsBinder.ToPlain(DescriptorSettings.Parse(kind, plain)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void AnUnknownKeyIsRefusedWithTheListOfValidKeys(DescriptorKind kind)
    {
        var e = Assert.Throws<DescriptorParameterException>(() => DescriptorSettings.Parse(kind, new Hashtable { ["noSuchKey"] = 1 }));
        Assert.Equal("noSuchKey", e.ParamName);
        var keys = DescriptorSettings.Keys(kind);
        Assert.Contains(keys.Count == 0 ? "takes no keys" : "valid keys: " + string.Join(", ", keys) + ".", e.Message);
    }

    /// <summary>For every ranged key of every kind, a value just outside the declared range is refused naming the key and the range.</summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void RangesComeFromTheRecordsAttributes(DescriptorKind kind)
    {
        var type = DescriptorSettings.Default(kind).GetType();
        foreach (var property in OptionsBinder.Bindable(type))
        {
            if (OptionRanges.Of(property) is not { } range) continue;
            double outside = double.IsFinite(range.Max) ? range.Max + 1 : range.Min - 1;
            string key = OptionsBinder.KeyName(property);
            string value = outside.ToString("R", CultureInfo.InvariantCulture);
            var t = property.PropertyType;
            object given = typeof(IDictionary).IsAssignableFrom(t) || t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)
                ? new Hashtable { ["Ti"] = value }
                : t.IsArray ? new[] { value } : value;
            var e = Assert.Throws<DescriptorParameterException>(() => DescriptorSettings.Parse(kind, new Hashtable { [key] = given }));
            Assert.StartsWith(key, e.ParamName);
            Assert.Contains(range.ToString(), e.Message);
        }
    }

    [Fact]
    public void KeysMatchInAnyCaseAndKeepTheirInterfaceNames()
    {
        var s = (BispectrumSettings)DescriptorSettings.Parse(DescriptorKind.Bispectrum,
            new Hashtable { ["TWOJMAX"] = 4, ["RCutFac"] = 2, ["radius"] = new Hashtable { ["w"] = 2.0 }, ["switchflag"] = 0 });
        Assert.Equal((4, 2.0, false), (s.TwoJMax, s.RCutFac, s.SwitchFlag));
        Assert.Equal(2.0, s.Radius!["W"]);
        Assert.Equal(["twojmax", "rcutfac", "rfac0", "rmin0", "switchflag", "bzeroflag", "quadraticflag", "bnormflag", "wselfallflag", "radius", "weight"],
            DescriptorSettings.Keys(DescriptorKind.Bispectrum));
        Assert.Equal(["rcut", "nmax", "lmax", "sigma", "rbf", "crossover", "compression", "speciesWeighting", "weighting", "average", "normalization"],
            DescriptorSettings.Keys(DescriptorKind.Soap));
    }

    /// <summary>The cmdlet page lists every kind's keys; a key added to a record without documentation fails here.</summary>
    [Fact]
    public void TheGetDescriptorPageListsEveryKey()
    {
        string page = File.ReadAllText(RepoPaths.Combine("docs", "cmdlets", "Get-Descriptor.md"));
        foreach (var kind in Enum.GetValues<DescriptorKind>())
            foreach (var key in DescriptorSettings.Keys(kind))
                Assert.True(page.Contains(key, StringComparison.Ordinal), $"docs/cmdlets/Get-Descriptor.md does not mention {kind}'s key '{key}'.");
    }
}
