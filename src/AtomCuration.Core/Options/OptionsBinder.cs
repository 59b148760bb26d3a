using System.Collections;
using System.Globalization;
using System.Reflection;

namespace AtomCuration.Options;

/// <summary>How binding messages name a key.</summary>
public enum KeyStyle
{
    /// <summary><c>section.key</c>, camelCase, as a recipe writes it.</summary>
    Recipe,
    /// <summary><c>Cmdlet -Parameter</c>, as a PowerShell user writes it.</summary>
    Parameter,
}

/// <summary>
/// Applies a dictionary of values — a cmdlet's bound parameters, a YAML recipe section, an <c>-Options</c>
/// hashtable — onto an options record by property name or <see cref="OptionKeyAttribute"/> key (case-insensitive),
/// converting types: numbers (from numbers or invariant text), enums by name (case-insensitive), <see cref="TimeSpan"/>
/// (text such as <c>00:05:00</c>, or seconds), true/false (or 1/0), lists, dictionaries, nested records (from a nested mapping),
/// types with a static <c>Parse(string)</c>, and properties with an <see cref="OptionConverterAttribute"/>.
/// Unknown keys are refused with the list of valid ones. The bound record is validated
/// (<see cref="IOptions.Validate"/>) before it is returned. The binder only translates names and types:
/// ranges and cross-checks live on the records.
/// </summary>
public static class OptionsBinder
{
    /// <summary>Binds <paramref name="values"/> over <paramref name="start"/> (or over a default <typeparamref name="T"/>).</summary>
    /// <param name="values">Keys are property names (any case); null binds nothing.</param>
    /// <param name="start">The record the values are applied over; it is copied, not changed.</param>
    /// <param name="context">Names the source in messages, e.g. <c>fit</c> or <c>Invoke-EamFit</c>.</param>
    /// <exception cref="ArgumentException">An unknown key (the message lists the valid ones), a value that does not convert, or an invalid result.</exception>
    /// <param name="style">How messages name a key: <c>fit.cutoff</c> (recipes) or <c>Invoke-EamFit -Cutoff</c> (cmdlets).</param>
    public static T Bind<T>(IDictionary? values, T? start = null, string? context = null, KeyStyle style = KeyStyle.Recipe) where T : class =>
        (T)Bind(typeof(T), values, start, context ?? typeof(T).Name, style);

    /// <summary>Non-generic <see cref="Bind{T}"/>.</summary>
    public static object Bind(Type type, IDictionary? values, object? start, string context, KeyStyle style = KeyStyle.Recipe)
    {
        ArgumentNullException.ThrowIfNull(type);
        var properties = Bindable(type).ToList();
        string Name(PropertyInfo property) => style == KeyStyle.Parameter ? $"{context} -{property.Name}" : $"{context}.{KeyName(property)}";
        var target = start is null ? Activator.CreateInstance(type)! : Copy(start);
        if (values is not null)
        {
            var byKey = new Dictionary<string, PropertyInfo>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in properties)
            {
                byKey[p.Name] = p;
                byKey[KeyName(p)] = p;
            }
            foreach (DictionaryEntry e in values)
            {
                string key = System.Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "";
                if (!byKey.TryGetValue(key, out var property))
                {
                    string valid = properties.Count == 0 ? $"{context} takes no keys"
                        : "valid keys: " + string.Join(", ", properties.Select(p => style == KeyStyle.Parameter ? p.Name : KeyName(p)));
                    throw new OptionsException($"{context}: unknown key '{key}'; {valid}.", style == KeyStyle.Parameter ? key : $"{context}.{key}");
                }
                var current = property.GetValue(target);
                property.SetValue(target, ConvertFor(property, e.Value, current, Name(property)));
            }
        }
        if (target is IOptions options)
        {
            try
            {
                options.Validate();
            }
            catch (ArgumentException e) when (!e.Message.StartsWith(context, StringComparison.Ordinal))
            {
                // ParamName is a property, or a property and an entry of it ("Radius[W]", as OptionRanges names a mapping's value).
                string? path = null;
                if (e.ParamName is { } p && type.GetProperty(p.Split('[', '.')[0]) is { } property)
                    path = Name(property) + p[property.Name.Length..].Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);
                throw new OptionsException($"{path ?? context}: {OptionsException.Bare(e)}", path ?? e.ParamName, e);
            }
        }
        return target;
    }

    /// <summary>The properties a dictionary may set: public, instance, with a public setter (init included), in declaration order.</summary>
    public static IEnumerable<PropertyInfo> Bindable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .OrderBy(p => p.MetadataToken);

    /// <summary>A property's key as recipes write it (camelCase).</summary>
    public static string KeyName(string property) => property.Length == 0 ? property : char.ToLowerInvariant(property[0]) + property[1..];

    /// <summary>A property's key as recipes write it: its <see cref="OptionKeyAttribute"/>, else the camelCase name.</summary>
    public static string KeyName(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.GetCustomAttribute<OptionKeyAttribute>()?.Key ?? KeyName(property.Name);
    }

    /// <summary>Converts <paramref name="value"/> for <paramref name="property"/>; <paramref name="current"/> is the value a nested mapping is applied over.</summary>
    internal static object? ConvertFor(PropertyInfo property, object? value, object? current, string name) =>
        property.GetCustomAttribute<OptionConverterAttribute>() is { } c ? c.Create().Convert(value, name)
            : ConvertTo(property.PropertyType, value, current, name);

    /// <summary>Converts a user-given value to <paramref name="type"/> by the rules in the class summary.</summary>
    public static object? ConvertTo(Type type, object? value, object? current, string name)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        value = Unwrap(value);
        if (value is null)
        {
            if (underlying is not null || !type.IsValueType) return null;
            throw new OptionsException($"{name}: a value is required.", name);
        }
        var t = underlying ?? type;
        if (t.IsInstanceOfType(value) && !(value is IDictionary && DictionaryTypes(t) is not null)) return value;
        if (t == typeof(string)) return value is string or IConvertible ? System.Convert.ToString(value, CultureInfo.InvariantCulture) : Bad(name, value, "text");
        if (t == typeof(bool)) return value switch
        {
            bool b => b,
            string s when bool.TryParse(s, out bool b) => b,
            string s when s.Trim() is "0" or "1" => s.Trim() == "1",
            IConvertible c when IsNumber(value) && c.ToDouble(CultureInfo.InvariantCulture) is 0 or 1 => c.ToDouble(CultureInfo.InvariantCulture) == 1,
            _ => Bad(name, value, "true or false"),
        };
        if (t.IsEnum) return ToEnum(t, value, name);
        if (t == typeof(int) || t == typeof(long) || t == typeof(double)) return ToNumber(t, value, name);
        if (t == typeof(TimeSpan)) return value switch
        {
            string s when TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var span) => span,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double sec) => TimeSpan.FromSeconds(sec),
            IConvertible c when value is not string => TimeSpan.FromSeconds(c.ToDouble(CultureInfo.InvariantCulture)),
            _ => Bad(name, value, "a duration such as 00:05:00 (or seconds)"),
        };
        if (DictionaryTypes(t) is { } kv) return ToDictionary(t, kv.Key, kv.Value, value, name);
        if (ElementType(t) is { } element) return ToList(t, element, value, name);
        if (value is string text && t.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static, [typeof(string)]) is { } parse)
        {
            try
            {
                return parse.Invoke(null, [text]);
            }
            catch (TargetInvocationException e) when (e.InnerException is FormatException or ArgumentException)
            {
                throw new OptionsException($"{name}: {e.InnerException.Message}", name, e.InnerException);
            }
        }
        if (value is IDictionary nested && t.IsClass && (current is not null || t.GetConstructor(Type.EmptyTypes) is not null))
            return Bind(t, nested, current, name);
        return Bad(name, value, Describe(t));
    }

    /// <summary>
    /// A record as plain data — a dictionary of camelCase keys to numbers, text, booleans, lists and nested
    /// dictionaries — that <see cref="Bind"/> reads back to an equal record (every option, defaults included;
    /// null options are left out). Enums are written by name, durations as hh:mm:ss, types with a
    /// <c>Parse(string)</c> by their text. Values that are not options (tokens, progress sinks) are skipped.
    /// </summary>
    public static SortedDictionary<string, object?> ToPlain(object record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var plain = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in Bindable(record.GetType()))
        {
            var value = p.GetValue(record);
            if (value is null) continue;
            object? v = p.GetCustomAttribute<OptionConverterAttribute>() is { } c ? c.Create().ToPlain(value) : PlainValue(value);
            if (v is not null) plain[KeyName(p)] = v;
        }
        return plain;
    }

    /// <summary>A value as plain data (see <see cref="ToPlain"/>), for converters whose values are plain already.</summary>
    internal static object? PlainValue(object value)
    {
        var t = value.GetType();
        switch (value)
        {
            case string or bool or int or long or double: return value;
            case Enum e: return e.ToString();
            case TimeSpan span: return span.ToString("c", CultureInfo.InvariantCulture);
            case CancellationToken or Delegate: return null;
            case IDictionary d:
                var map = new SortedDictionary<string, object?>(StringComparer.Ordinal);
                foreach (DictionaryEntry e in d)
                    map[System.Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? ""] = e.Value is null ? null : PlainValue(e.Value);
                return map;
            case IEnumerable many when value is not string:
                return many.Cast<object?>().Select(x => x is null ? null : PlainValue(x)).ToList();
        }
        if (t.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static, [typeof(string)]) is not null) return value.ToString();
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IProgress<>) || t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IProgress<>)))
            return null;
        return t.IsClass && Bindable(t).Any() ? ToPlain(value) : value.ToString();
    }

    /// <summary>What a value of <paramref name="type"/> looks like, in words (for messages and the recipe schema).</summary>
    public static string Describe(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return "text";
        if (t == typeof(bool)) return "true or false";
        if (t == typeof(int) || t == typeof(long)) return "whole number";
        if (t == typeof(double)) return "number";
        if (t == typeof(TimeSpan)) return "duration (hh:mm:ss)";
        if (t.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(t));
        if (DictionaryTypes(t) is { } kv) return $"mapping of {Describe(kv.Key)} to {Describe(kv.Value)}";
        if (ElementType(t) is { } e) return $"list of {Describe(e)}";
        if (t.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static, [typeof(string)]) is not null) return $"text ({t.Name})";
        return "mapping";
    }

    private static object ToEnum(Type t, object value, string name)
    {
        // Names only: Enum.TryParse would also take numbers and comma-joined combinations.
        if (value is string s && s.Trim() is var n && n.TrimStart('-', '+') is { Length: > 0 } unsigned && !char.IsDigit(unsigned[0])
            && !n.Contains(',', StringComparison.Ordinal) && Enum.TryParse(t, n, ignoreCase: true, out var parsed) && Enum.IsDefined(t, parsed!))
            return parsed!;
        throw new OptionsException($"{name}: '{value}' is not one of {string.Join(", ", Enum.GetNames(t))}.", name);
    }

    private static object ToNumber(Type t, object value, string name)
    {
        double x;
        switch (value)
        {
            case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed):
                x = parsed;
                break;
            case IConvertible c when value is not (string or bool or char) && !value.GetType().IsEnum:
                x = c.ToDouble(CultureInfo.InvariantCulture);
                break;
            default:
                return Bad(name, value, t == typeof(double) ? "a number" : "a whole number");
        }
        if (t == typeof(double)) return x;
        if (x != Math.Floor(x) || x < (t == typeof(int) ? int.MinValue : long.MinValue) || x > (t == typeof(int) ? int.MaxValue : long.MaxValue))
            return Bad(name, value, "a whole number");
        return t == typeof(int) ? (object)(int)x : (long)x;
    }

    private static object ToList(Type t, Type element, object value, string name)
    {
        IEnumerable items = value is IEnumerable many and not string and not IDictionary ? many : new[] { value };
        var converted = items.Cast<object?>().Select((v, i) => ConvertTo(element, v, null, $"{name}[{i}]")).ToList();
        var array = Array.CreateInstance(element, converted.Count);
        for (int i = 0; i < converted.Count; i++) array.SetValue(converted[i], i);
        if (t.IsAssignableFrom(array.GetType())) return array;
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        foreach (var v in converted) list.Add(v);
        return list;
    }

    private static object ToDictionary(Type t, Type keyType, Type valueType, object value, string name)
    {
        if (value is not IDictionary source) return Bad(name, value, Describe(t));
        var result = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(keyType, valueType))!;
        foreach (DictionaryEntry e in source)
        {
            string key = System.Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "";
            result[ConvertTo(keyType, e.Key, null, $"{name} key '{key}'")!] = ConvertTo(valueType, e.Value, null, $"{name}.{key}");
        }
        return result;
    }

    private static Type? ElementType(Type t)
    {
        if (t == typeof(string)) return null;
        if (t.IsArray) return t.GetElementType();
        if (!t.IsGenericType) return null;
        var def = t.GetGenericTypeDefinition();
        return def == typeof(IReadOnlyList<>) || def == typeof(IList<>) || def == typeof(List<>) || def == typeof(IEnumerable<>)
            || def == typeof(IReadOnlyCollection<>) ? t.GetGenericArguments()[0] : null;
    }

    private static KeyValuePair<Type, Type>? DictionaryTypes(Type t)
    {
        if (!t.IsGenericType) return null;
        var def = t.GetGenericTypeDefinition();
        if (def != typeof(IReadOnlyDictionary<,>) && def != typeof(IDictionary<,>) && def != typeof(Dictionary<,>)) return null;
        var a = t.GetGenericArguments();
        return new KeyValuePair<Type, Type>(a[0], a[1]);
    }

    private static bool IsNumber(object value) => Type.GetTypeCode(value.GetType()) is >= TypeCode.SByte and <= TypeCode.Decimal;

    /// <summary>
    /// PowerShell hands some values over wrapped in a PSObject; Core does not reference
    /// System.Management.Automation, so the wrapper is recognised by name and its BaseObject taken.
    /// </summary>
    internal static object? Unwrap(object? value)
    {
        while (value is not null && value.GetType().FullName == "System.Management.Automation.PSObject")
            value = value.GetType().GetProperty("BaseObject")?.GetValue(value);
        return value;
    }

    private static object Bad(string name, object value, string expected) =>
        throw new OptionsException($"{name}: expected {expected}, got '{Show(value)}'.", name);

    private static string Show(object value) => value switch
    {
        IDictionary => "a mapping",
        IEnumerable and not string => "a list",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static object Copy(object record)
    {
        var clone = record.GetType().GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance)
            ?? throw new ArgumentException($"{record.GetType().Name} is not a record; the binder copies records before applying values.");
        return clone.Invoke(record, null)!;
    }
}
