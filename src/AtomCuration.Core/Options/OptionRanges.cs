using System.Globalization;
using System.Reflection;

namespace AtomCuration.Options;

/// <summary>Checks the <see cref="OptionRangeAttribute"/> of every property of an options record.</summary>
public static class OptionRanges
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> (ParamName = the property) for the first property whose value lies
    /// outside its declared range; null values of nullable properties mean "not given" and pass.
    /// </summary>
    public static void Validate(object options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var p in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (Of(p) is not { } range) continue;
            Check(range, p.Name, p.GetValue(options));
        }
    }

    /// <summary>The declared range of a property (its own, or the one <see cref="SameRangeAsAttribute"/> points to), or null.</summary>
    public static OptionRangeAttribute? Of(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        if (property.GetCustomAttribute<OptionRangeAttribute>() is { } own) return own;
        if (property.GetCustomAttribute<SameRangeAsAttribute>() is not { } same) return null;
        var source = same.Record.GetProperty(same.Property)
            ?? throw new InvalidOperationException($"{property.DeclaringType?.Name}.{property.Name}: {same.Record.Name} has no property {same.Property}.");
        return Of(source);
    }

    /// <summary>Throws when <paramref name="value"/> (a number, an array of numbers, or a mapping's values) lies outside <paramref name="range"/>.</summary>
    internal static void Check(OptionRangeAttribute range, string name, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case double[] many:
                foreach (var v in many) Check(range, name, v);
                return;
            case int[] many:
                foreach (var v in many) Check(range, name, v);
                return;
            case System.Collections.IDictionary map: // a range on a mapping applies to its values
                foreach (System.Collections.DictionaryEntry e in map) Check(range, $"{name}[{e.Key}]", e.Value);
                return;
        }
        double x = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        if (!range.Contains(x))
            throw new OptionsException($"{name} must be in {range}; got {x.ToString("R", CultureInfo.InvariantCulture)}.", name);
    }
}
