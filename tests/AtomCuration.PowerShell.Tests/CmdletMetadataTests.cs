using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.PowerShell;

/// <summary>
/// What a user of the module relies on, read by reflection (SMA's methods are stubs outside
/// PowerShell, so behaviour is tested by Pester; here: names, parameters, outputs, exports).
/// Even the attributes' property getters are stubs in PowerShellStandard's reference
/// assembly, so attributes are read from their metadata (<see cref="CustomAttributeData"/>).
/// </summary>
public class CmdletMetadataTests
{
    private static readonly Assembly Module = typeof(AtomCuration.PowerShell.Commands.ImportStructureCommand).Assembly;

    public static IEnumerable<Type> CmdletTypes() =>
        Module.GetTypes().Where(t => typeof(Cmdlet).IsAssignableFrom(t) && !t.IsAbstract);

    public static TheoryData<string> CmdletNames()
    {
        var data = new TheoryData<string>();
        foreach (var t in CmdletTypes()) data.Add(NameOf(t));
        return data;
    }

    internal static string NameOf(Type t)
    {
        var a = t.GetCustomAttributesData().SingleOrDefault(d => d.AttributeType == typeof(CmdletAttribute))
            ?? throw new InvalidOperationException($"{t} has no [Cmdlet].");
        return $"{a.ConstructorArguments[0].Value}-{a.ConstructorArguments[1].Value}";
    }

    /// <summary>A parameter's [Parameter] metadata.</summary>
    private sealed record ParameterInfo(string ParameterSetName, bool ValueFromPipeline, bool ValueFromPipelineByPropertyName);

    private static ParameterInfo Read(CustomAttributeData d)
    {
        T Named<T>(string name, T fallback) =>
            d.NamedArguments.Where(a => a.MemberName == name).Select(a => (T)a.TypedValue.Value!).DefaultIfEmpty(fallback).First();
        return new ParameterInfo(Named("ParameterSetName", ParameterAttribute.AllParameterSets),
            Named("ValueFromPipeline", false), Named("ValueFromPipelineByPropertyName", false));
    }

    private static IEnumerable<Type> OutputTypes(Type t) =>
        t.GetCustomAttributesData().Where(d => d.AttributeType == typeof(OutputTypeAttribute))
            .SelectMany(d => d.ConstructorArguments)
            .SelectMany(a => a.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : [a.Value])
            .OfType<Type>();

    private static Type TypeOf(string name) => CmdletTypes().Single(t => NameOf(t) == name);

    private static HashSet<string> ApprovedVerbs() =>
        new[] { typeof(VerbsCommon), typeof(VerbsData), typeof(VerbsLifecycle), typeof(VerbsDiagnostic),
                typeof(VerbsCommunications), typeof(VerbsSecurity), typeof(VerbsOther) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Select(f => (string)f.GetValue(null)!)
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<(PropertyInfo Property, ParameterInfo Attribute)> Parameters(Type t) =>
        t.GetProperties().SelectMany(p => p.GetCustomAttributesData()
            .Where(d => d.AttributeType == typeof(ParameterAttribute)).Select(d => (p, Read(d))));

    [Fact]
    public void TheModuleDefinesCmdlets() => Assert.NotEmpty(CmdletTypes());

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void CmdletIsSealedPSCmdletWithAnApprovedVerb(string name)
    {
        var t = TypeOf(name);
        Assert.True(t.IsSealed, $"{t.Name} should be sealed");
        Assert.True(typeof(PSCmdlet).IsAssignableFrom(t), $"{t.Name} should derive from PSCmdlet");
        Assert.Contains(name.Split('-')[0], ApprovedVerbs());
        Assert.Equal(name.Replace("-", "") + "Command", t.Name);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void CmdletDeclaresItsOutputType(string name)
    {
        Assert.NotEmpty(OutputTypes(TypeOf(name)));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void CmdletTakesPipelineInput(string name) =>
        Assert.Contains(Parameters(TypeOf(name)), p => p.Attribute.ValueFromPipeline || p.Attribute.ValueFromPipelineByPropertyName);

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void EveryParameterSetNameIsDeclaredByAConstant(string name)
    {
        var t = TypeOf(name);
        var constants = t.GetFields(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        foreach (var (p, a) in Parameters(t))
            if (a.ParameterSetName != ParameterAttribute.AllParameterSets)
                Assert.Contains(a.ParameterSetName, constants);
    }

    [Fact]
    public void ManifestExportsExactlyTheCmdletsDefined()
    {
        var manifest = File.ReadAllText(RepoPaths.Combine("module", "AtomCuration", "AtomCuration.psd1"));
        var block = Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\(([^)]*)\)").Groups[1].Value;
        var exported = Regex.Matches(block, "'([^']+)'").Select(m => m.Groups[1].Value).Order().ToList();
        var defined = CmdletTypes().Select(NameOf).Order().ToList();
        Assert.Equal(defined, exported);
        Assert.Matches(@"RootModule\s*=\s*'AtomCuration\.PowerShell\.dll'", manifest);
        Assert.Matches(@"CompatiblePSEditions\s*=\s*@\('Core'\)", manifest);
        Assert.Matches(@"PowerShellVersion\s*=\s*'7\.6'", manifest);
    }

    [Fact]
    public void ManifestVersionIsTheBuildVersion()
    {
        var manifest = File.ReadAllText(RepoPaths.Combine("module", "AtomCuration", "AtomCuration.psd1"));
        var props = XDocument.Load(RepoPaths.Combine("Directory.Build.props"));
        var version = props.Descendants("Version").Single().Value;
        Assert.Matches($@"ModuleVersion\s*=\s*'{Regex.Escape(version)}'", manifest);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void EveryOutputTypeOfOursHasAFormatView(string name)
    {
        var format = XDocument.Load(RepoPaths.Combine("module", "AtomCuration", "AtomCuration.format.ps1xml"));
        var viewed = format.Descendants("TypeName").Select(e => e.Value).ToHashSet();
        foreach (var type in OutputTypes(TypeOf(name)))
            if (type.FullName!.StartsWith("AtomCuration.", StringComparison.Ordinal))
                Assert.Contains(type.FullName, viewed);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void EveryCmdletHasAHelpPageNamingAllItsParameters(string name)
    {
        var page = RepoPaths.Combine("docs", "cmdlets", name + ".md");
        Assert.True(File.Exists(page), $"missing {page}");
        var text = File.ReadAllText(page);
        foreach (var (p, _) in Parameters(TypeOf(name)))
            Assert.Contains("-" + p.Name, text);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void EveryCmdletHasAPesterTestAndAnExample(string name)
    {
        Assert.True(File.Exists(RepoPaths.Combine("tests", "pester", name + ".Tests.ps1")), $"missing Pester test for {name}");
        var examples = Directory.GetFiles(RepoPaths.Combine("examples"), "*.ps1", SearchOption.AllDirectories);
        Assert.Contains(examples, f => File.ReadAllText(f).Contains(name, StringComparison.Ordinal));
    }

    public static TheoryData<string> BindingCmdletNames()
    {
        var data = new TheoryData<string>();
        foreach (var t in CmdletTypes().Where(t => t.GetCustomAttributesData().Any(d => d.AttributeType.Name == "OptionsRecordAttribute")))
            data.Add(NameOf(t));
        return data;
    }

    [Fact]
    public void TheCmdletsThatBindOptionsDeclareTheirRecords() =>
        Assert.Equal(["Get-ConfigurationMap", "Get-Descriptor", "Import-Structure", "Invoke-ActiveLearning", "Invoke-CurationRecipe", "Invoke-EamFit", "Measure-Diversity", "Measure-FitError", "Select-Configuration"],
            CmdletTypes().Where(t => t.GetCustomAttributesData().Any(d => d.AttributeType.Name == "OptionsRecordAttribute")).Select(NameOf).Order().ToArray());

    /// <summary>
    /// Every numeric parameter bound onto a Core record property that declares a range carries a [ValidateRange] equal to
    /// it ([smallest allowed, largest allowed] value of the property's type), and one bound onto a property without a range
    /// carries none: the range is written once, in Core.
    /// </summary>
    [Theory]
    [MemberData(nameof(BindingCmdletNames))]
    public void NumericParametersValidateCoresRange(string name)
    {
        var t = TypeOf(name);
        var records = t.GetCustomAttributesData().Single(d => d.AttributeType.Name == "OptionsRecordAttribute")
            .ConstructorArguments.Single().Value is IEnumerable<CustomAttributeTypedArgument> many
            ? many.Select(a => (Type)a.Value!).ToList() : [];
        Assert.NotEmpty(records);
        foreach (var (p, _) in Parameters(t))
        {
            var type = p.PropertyType.IsArray ? p.PropertyType.GetElementType()! : p.PropertyType;
            if (type != typeof(int) && type != typeof(double)) continue;
            var target = records.Select(r => r.GetProperty(p.Name)).FirstOrDefault(x => x is not null);
            if (target is null) continue; // not an option (e.g. -ScanDelta, a list of values to try)
            var range = AtomCuration.Options.OptionRanges.Of(target);
            var validate = p.GetCustomAttributesData().SingleOrDefault(d => d.AttributeType == typeof(ValidateRangeAttribute));
            if (range is null)
            {
                Assert.True(validate is null, $"{name} -{p.Name}: [ValidateRange] but {target.DeclaringType!.Name}.{target.Name} declares no range");
                continue;
            }
            Assert.True(validate is not null, $"{name} -{p.Name}: no [ValidateRange]; Core's range is {range}");
            double min = Convert.ToDouble(validate!.ConstructorArguments[0].Value, System.Globalization.CultureInfo.InvariantCulture);
            double max = Convert.ToDouble(validate.ConstructorArguments[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(min == range.SmallestAllowed(target.PropertyType) && max == range.LargestAllowed(target.PropertyType),
                $"{name} -{p.Name}: [ValidateRange({min}, {max})] differs from Core's {range} on {target.DeclaringType!.Name}.{target.Name}");
        }
    }
}
