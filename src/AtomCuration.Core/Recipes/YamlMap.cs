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

    public IReadOnlyList<string> StringList(string key) => Raw(key) switch
    {
        null => [],
        string s => [s],
        IList<object?> list => list.Select((v, i) => v as string
            ?? throw new RecipeException($"{Name(key)}[{i}]: expected text, found {Describe(v)}.")).ToList(),
        var other => throw new RecipeException($"{Name(key)}: expected text or a list of text, found {Describe(other)}."),
    };

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
