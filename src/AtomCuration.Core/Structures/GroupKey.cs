using System.Globalization;
using System.Reflection;

namespace AtomCuration.Structures;

/// <summary>
/// What <c>-GroupBy</c> names: an Info key (<c>config_type</c>) or a structure property (<c>ConfigType</c>,
/// <c>Formula</c>, <c>ClusterId</c>, …), matched without regard to case — an exact Info key first, then a
/// property, then an Info key in another case — so that what users see in a table works as well as what
/// the file called it. Structures without a value group as <see cref="None"/>.
/// </summary>
public sealed class GroupKey
{
    /// <summary>The group of structures that have no value for the key.</summary>
    public const string None = "(none)";

    private static readonly Dictionary<string, PropertyInfo> Properties = typeof(Structure)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && IsScalar(p.PropertyType))
        .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    private readonly PropertyInfo? _property;

    private GroupKey(string name, PropertyInfo? property)
    {
        Name = name;
        _property = property;
    }

    /// <summary>Info keys offered (e.g. by Tab completion) when no structures are at hand to read keys from.</summary>
    public static IReadOnlyList<string> CommonInfoKeys { get; } = ["config_type", "source"];

    /// <summary>
    /// The keys a user may group <paramref name="structures"/> by: their Info keys (most common first), then the
    /// structure properties a key can name; without structures, <see cref="CommonInfoKeys"/> and the properties.
    /// </summary>
    public static IReadOnlyList<string> Candidates(IEnumerable<Structure>? structures)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in structures ?? [])
            foreach (var key in s.Info.Keys) counts[key] = counts.GetValueOrDefault(key) + 1;
        var info = counts.Count == 0 ? CommonInfoKeys : counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToList();
        return [.. info, .. Properties.Keys.Order(StringComparer.Ordinal).Where(p => !info.Contains(p, StringComparer.OrdinalIgnoreCase))];
    }

    /// <summary>The key as given.</summary>
    public string Name { get; }

    /// <summary>The key <paramref name="name"/> stands for.</summary>
    public static GroupKey Parse(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new GroupKey(name, Properties.GetValueOrDefault(name));
    }

    /// <summary>The structure's value for this key, as text, or null when it has none.</summary>
    public string? ValueOf(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (structure.Info.TryGetValue(Name, out var exact)) return Text(exact);
        if (_property is not null) return Text(_property.GetValue(structure));
        foreach (var (key, value) in structure.Info)
            if (string.Equals(key, Name, StringComparison.OrdinalIgnoreCase)) return Text(value);
        return null;
    }

    /// <summary>The group a structure belongs to: its value, or <see cref="None"/>.</summary>
    public string GroupOf(Structure structure) => ValueOf(structure) ?? None;

    /// <summary>
    /// Null when some structure has a value for the key; else a message naming the key and the Info keys the
    /// structures do have, for a warning (everything would fall into one group <see cref="None"/>).
    /// </summary>
    public string? Unmatched(IEnumerable<Structure> structures)
    {
        ArgumentNullException.ThrowIfNull(structures);
        var seen = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in structures)
        {
            if (ValueOf(s) is not null) return null;
            seen.UnionWith(s.Info.Keys);
        }
        return $"No structure has a value for '{Name}': every one groups as {None}. Info keys present: " +
               (seen.Count == 0 ? "none" : string.Join(", ", seen)) + "; or a structure property such as ConfigType or Formula.";
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static bool IsScalar(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(double) || t == typeof(Pbc);
    }
}
