using System.Management.Automation;
using System.Reflection;

namespace AtomCuration.HelpBuilder.Metadata;

/// <summary>
/// Reads cmdlet metadata from an assembly by reflection. PowerShellStandard's attribute
/// property getters are stubs outside PowerShell, so attributes are read from their metadata
/// (<see cref="CustomAttributeData"/>) rather than from attribute instances.
/// </summary>
public static class CmdletMetadataReader
{
    /// <summary>PowerShell's name for "every parameter set" (ParameterAttribute.AllParameterSets).</summary>
    public const string AllParameterSets = "__AllParameterSets";

    /// <summary>The cmdlets of <paramref name="assembly"/>, ordered by name.</summary>
    public static IReadOnlyList<CmdletMetadata> Read(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => typeof(Cmdlet).IsAssignableFrom(t) && !t.IsAbstract && Attribute<CmdletAttribute>(t) is not null)
            .Select(Read)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The metadata of one cmdlet type.</summary>
    public static CmdletMetadata Read(Type cmdlet)
    {
        var attribute = Attribute<CmdletAttribute>(cmdlet) ?? throw new ArgumentException($"{cmdlet} has no [Cmdlet].", nameof(cmdlet));
        var parameters = cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .OrderBy(p => p.MetadataToken)
            .Select(p => Parameter(cmdlet, p))
            .OfType<ParameterMetadata>()
            .ToList();
        if (Named(attribute, nameof(CmdletAttribute.SupportsShouldProcess), false))
            parameters.AddRange([ShouldProcessSwitch("WhatIf", "wi"), ShouldProcessSwitch("Confirm", "cf")]);

        var named = parameters.SelectMany(p => p.Sets).Select(s => s.SetName).Where(s => s != AllParameterSets).Distinct().ToList();
        string? defaultSet = Named<string?>(attribute, nameof(CmdletAttribute.DefaultParameterSetName), null);
        var sets = named.Count == 0 ? [AllParameterSets]
            : named.OrderBy(s => s == defaultSet ? 0 : 1).ToList(); // stable: otherwise declaration order
        var outputs = cmdlet.GetCustomAttributesData().Where(d => d.AttributeType == typeof(OutputTypeAttribute)).SelectMany(Outputs).ToList();
        return new CmdletMetadata((string)attribute.ConstructorArguments[0].Value!, (string)attribute.ConstructorArguments[1].Value!,
            parameters, sets, outputs);
    }

    private static ParameterMetadata? Parameter(Type cmdlet, PropertyInfo property)
    {
        var memberships = property.GetCustomAttributesData().Where(d => d.AttributeType == typeof(ParameterAttribute))
            .Select(d => new ParameterSetMembership(
                Named(d, nameof(ParameterAttribute.ParameterSetName), AllParameterSets),
                Named(d, nameof(ParameterAttribute.Mandatory), false),
                Named(d, nameof(ParameterAttribute.Position), int.MinValue) is var p && p >= 0 ? p : null,
                Named(d, nameof(ParameterAttribute.ValueFromPipeline), false),
                Named(d, nameof(ParameterAttribute.ValueFromPipelineByPropertyName), false)))
            .ToList();
        if (memberships.Count == 0) return null;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var aliases = property.GetCustomAttributesData().Where(d => d.AttributeType == typeof(AliasAttribute))
            .SelectMany(d => Strings(d.ConstructorArguments)).ToList();
        bool globbing = property.GetCustomAttributesData().Any(d => d.AttributeType == typeof(SupportsWildcardsAttribute));
        var validateSet = property.GetCustomAttributesData().FirstOrDefault(d => d.AttributeType == typeof(ValidateSetAttribute));
        var element = type.IsArray ? type.GetElementType()! : type;
        IReadOnlyList<string> valid = validateSet is not null ? Strings(validateSet.ConstructorArguments).ToList()
            : element.IsEnum ? Enum.GetNames(element) : [];
        return new ParameterMetadata(property.Name, type, aliases, globbing, valid, memberships, Default: ParameterDefaults.Of(cmdlet, property, memberships.Any(m => m.Mandatory)));
    }

    private static ParameterMetadata ShouldProcessSwitch(string name, string alias) =>
        new(name, typeof(SwitchParameter), [alias], false, [], [new ParameterSetMembership(AllParameterSets, false, null, false, false)], IsCommon: true,
            Default: ParameterDefaults.SwitchDefault);

    private static IEnumerable<OutputTypeMetadata> Outputs(CustomAttributeData d)
    {
        var sets = d.NamedArguments.Where(a => a.MemberName == nameof(OutputTypeAttribute.ParameterSetName))
            .SelectMany(a => Strings([a.TypedValue])).ToList();
        return d.ConstructorArguments
            .SelectMany(a => a.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : [a.Value])
            .OfType<Type>()
            .Select(t => new OutputTypeMetadata(t, sets));
    }

    private static IEnumerable<string> Strings(IEnumerable<CustomAttributeTypedArgument> arguments) =>
        arguments.SelectMany(a => a.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : [a.Value])
            .OfType<string>();

    private static CustomAttributeData? Attribute<T>(MemberInfo member) =>
        member.GetCustomAttributesData().SingleOrDefault(d => d.AttributeType == typeof(T));

    private static T Named<T>(CustomAttributeData d, string name, T fallback) =>
        d.NamedArguments.Where(a => a.MemberName == name).Select(a => (T)a.TypedValue.Value!).DefaultIfEmpty(fallback).First();
}
