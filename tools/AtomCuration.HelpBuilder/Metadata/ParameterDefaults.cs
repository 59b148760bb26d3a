using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using AtomCuration.Options;

namespace AtomCuration.HelpBuilder.Metadata;

/// <summary>
/// The default value help shows for a cmdlet parameter, read from the Core options record the parameter is bound onto
/// (the cmdlet's [OptionsRecord] types, searched in order for a property of the same name, as the range check does), so
/// help cannot drift from the defaults Core applies. A record property left null stands for another record's default
/// when it forwards one ([SameRangeAs]: e.g. -Perplexity → TsneOptions.Perplexity, 30) or names the constant Core falls
/// back to ([DefaultValue]: SelectionSettings.Count → SelectionOptions.DefaultCount); a parameter on no record shows
/// the cmdlet's own initial value. A parameter mandatory in any parameter set has no default (where it is optional, as
/// Select-Configuration -Count with -Store, an alternative such as -Threshold stands in for it, not a value), and null
/// (nothing known) is shown as "None", as PowerShell's own help does.
/// </summary>
public static class ParameterDefaults
{
    /// <summary>Shown for a switch that is not given.</summary>
    public const string SwitchDefault = "False";

    /// <summary>Shown when a parameter has no default.</summary>
    public const string None = "None";

    /// <summary>The default value text of <paramref name="parameter"/> of <paramref name="cmdlet"/>; <paramref name="mandatory"/>: mandatory in some parameter set.</summary>
    public static string Of(Type cmdlet, PropertyInfo parameter, bool mandatory)
    {
        ArgumentNullException.ThrowIfNull(cmdlet);
        ArgumentNullException.ThrowIfNull(parameter);
        if (parameter.PropertyType.FullName == "System.Management.Automation.SwitchParameter") return SwitchDefault;
        if (mandatory) return None;
        if (parameter.Name == "ThrottleLimit") return "all cores ([Environment]::ProcessorCount)";
        foreach (var record in Records(cmdlet))
        {
            var property = record.GetProperty(parameter.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !property.CanWrite) continue;
            return Format(RecordDefault(property)) ?? None;
        }
        return Format(CmdletDefault(cmdlet, parameter)) ?? None;
    }

    /// <summary>The default of a record property, following [DefaultValue] or [SameRangeAs] when the record leaves it unset (null).</summary>
    public static object? RecordDefault(PropertyInfo property) =>
        RecordDefault(property, Activator.CreateInstance(property.ReflectedType!)!); // the record asked, not a base declaring the property

    /// <summary>The default of <paramref name="property"/> as <paramref name="defaults"/> (an instance built with its defaults) holds it.</summary>
    public static object? RecordDefault(PropertyInfo property, object defaults)
    {
        ArgumentNullException.ThrowIfNull(property);
        object? value = property.GetValue(defaults);
        if (value is null && property.GetCustomAttribute<DefaultValueAttribute>() is { } stated) return stated.Value;
        if (value is null && property.GetCustomAttribute<SameRangeAsAttribute>() is { } same
            && same.Record.GetProperty(same.Property) is { } source && HasParameterlessConstructor(same.Record))
            return RecordDefault(source);
        return value;
    }

    /// <summary>A default as help text: invariant numbers, lower-case booleans, empty collections as null.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        bool b => b ? "True" : "False",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IDictionary { Count: 0 } or ICollection { Count: 0 } => null,
        IEnumerable many => string.Join(", ", many.Cast<object?>().Select(Format)),
        _ => value.ToString(),
    };

    /// <summary>The records named by the cmdlet's [OptionsRecord] (an internal attribute, so read from its metadata).</summary>
    private static IEnumerable<Type> Records(Type cmdlet) =>
        cmdlet.GetCustomAttributesData().Where(d => d.AttributeType.Name == "OptionsRecordAttribute")
            .SelectMany(d => d.ConstructorArguments)
            .SelectMany(a => a.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : [a.Value])
            .OfType<Type>()
            .Where(HasParameterlessConstructor);

    /// <summary>
    /// The parameter's value on a fresh cmdlet (its property initialiser), or null when the cmdlet cannot be created
    /// outside PowerShell. A value type's zero is no default the cmdlet chose (the parameter is simply unset), so it is null too.
    /// </summary>
    private static object? CmdletDefault(Type cmdlet, PropertyInfo parameter)
    {
        object? instance;
        try
        {
            instance = Activator.CreateInstance(cmdlet);
        }
        catch (Exception e) when (e is TargetInvocationException or MissingMethodException or NotSupportedException)
        {
            return null;
        }
        object? value = parameter.GetValue(instance);
        (instance as IDisposable)?.Dispose();
        var type = Nullable.GetUnderlyingType(parameter.PropertyType) ?? parameter.PropertyType;
        if (value is null || (type.IsValueType && !type.IsEnum && value.Equals(Activator.CreateInstance(type)))) return null;
        return value;
    }

    private static bool HasParameterlessConstructor(Type t) => !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null;
}
