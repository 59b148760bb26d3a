using System.Globalization;

namespace AtomCuration.Recipes;

/// <summary>
/// Typed, validating access to one mapping of a parsed YAML document. Every error names the
/// full key path (e.g. <c>select.count</c>) and what was expected, and unknown keys are
/// rejected so a typo never silently falls back to a default.
/// </summary>
internal sealed class YamlMap
{
    private readonly Dictionary<string, object?> _entries;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlMap(string path, IDictionary<object, object?> entries)
    {
        Path = path;
        _entries = entries.ToDictionary(e => Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "", e => e.Value,
            StringComparer.Ordinal);
    }

    /// <summary>The key path of this mapping ("" for the document root).</summary>
    public string Path { get; }

    private string Name(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public bool Has(string key) => _entries.ContainsKey(key);

    public object? Raw(string key)
    {
        _read.Add(key);
        return _entries.GetValueOrDefault(key);
    }

    public string? String(string key) => Raw(key) switch
    {
        null => null,
        string s => s,
        var other => throw new RecipeException($"{Name(key)}: expected text, found {Describe(other)}."),
    };

    public string RequiredString(string key) =>
        String(key) ?? throw new RecipeException($"{Name(key)} is required.");

    public IReadOnlyList<string> StringList(string key) => Raw(key) switch
    {
        null => [],
        string s => [s],
        IList<object?> list => list.Select((v, i) => v as string
            ?? throw new RecipeException($"{Name(key)}[{i}]: expected text, found {Describe(v)}.")).ToList(),
        var other => throw new RecipeException($"{Name(key)}: expected text or a list of text, found {Describe(other)}."),
    };

    public double? Double(string key, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        var raw = String(key);
        if (raw is null) return null;
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new RecipeException($"{Name(key)}: '{raw}' is not a number.");
        if (v < min || v > max) throw new RecipeException($"{Name(key)}: {v} is outside [{min}, {max}].");
        return v;
    }

    public int? Int(string key, int min = int.MinValue, int max = int.MaxValue)
    {
        var raw = String(key);
        if (raw is null) return null;
        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v))
            throw new RecipeException($"{Name(key)}: '{raw}' is not a whole number.");
        if (v < min || v > max) throw new RecipeException($"{Name(key)}: {v} is outside [{min}, {max}].");
        return v;
    }

    public bool? Bool(string key)
    {
        var raw = String(key);
        if (raw is null) return null;
        return bool.TryParse(raw, out bool v) ? v : throw new RecipeException($"{Name(key)}: '{raw}' is not true or false.");
    }

    public TEnum? Enum<TEnum>(string key) where TEnum : struct, System.Enum
    {
        var raw = String(key);
        if (raw is null) return null;
        return System.Enum.TryParse<TEnum>(raw, ignoreCase: true, out var v) && System.Enum.IsDefined(v) ? v
            : throw new RecipeException($"{Name(key)}: '{raw}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
    }

    public YamlMap? Map(string key) => Raw(key) switch
    {
        null => null,
        IDictionary<object, object?> d => new YamlMap(Name(key), d),
        var other => throw new RecipeException($"{Name(key)}: expected a mapping of keys, found {Describe(other)}."),
    };

    /// <summary>The raw mapping under a key as a plain dictionary (for free-form parameter blocks).</summary>
    public IDictionary<string, object?>? Dictionary(string key) => Map(key)?.TakeAll();

    private IDictionary<string, object?> TakeAll()
    {
        foreach (var k in _entries.Keys) _read.Add(k);
        return new Dictionary<string, object?>(_entries, StringComparer.Ordinal);
    }

    /// <summary>Throws for keys nobody read: they are typos or unsupported options.</summary>
    public void RejectUnknownKeys()
    {
        var unknown = _entries.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new RecipeException($"{(Path.Length == 0 ? "recipe" : Path)}: unknown key(s) {string.Join(", ", unknown.Select(Name))}.");
    }

    private static string Describe(object? v) => v switch
    {
        null => "nothing",
        IDictionary<object, object?> => "a mapping",
        IList<object?> => "a list",
        _ => $"'{v}'",
    };
}
