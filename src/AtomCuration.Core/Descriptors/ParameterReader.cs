using System.Collections;
using System.Globalization;

namespace AtomCuration.Descriptors;

/// <summary>
/// Reads one descriptor's parameters from a loosely typed dictionary (a PowerShell hashtable,
/// a YAML mapping, a preset): keys are case-insensitive, numbers may arrive as any numeric
/// type or as invariant-culture strings, lists as any non-string enumerable. Every read states
/// the valid range, so a bad value is rejected with a message naming the parameter and the
/// range; <see cref="Finish"/> rejects keys nobody read.
/// </summary>
public sealed class ParameterReader
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _prefix;

    /// <summary>Wraps <paramref name="parameters"/> for the descriptor named <paramref name="owner"/> (used in messages).</summary>
    public ParameterReader(string owner, IDictionary? parameters) : this(owner, "", parameters)
    {
    }

    private ParameterReader(string owner, string prefix, IDictionary? parameters)
    {
        Owner = owner;
        _prefix = prefix;
        if (parameters is null) return;
        foreach (DictionaryEntry e in parameters)
        {
            string key = Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "";
            if (!_values.TryAdd(key, e.Value))
                throw new DescriptorParameterException(prefix + key, $"{owner} parameter '{prefix}{key}' is given twice (keys are case-insensitive).");
        }
    }

    /// <summary>Name of the descriptor the parameters belong to.</summary>
    public string Owner { get; }

    /// <summary>True when the parameter is present.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>A real number in [min, max] (or open at an end), or the default when absent.</summary>
    public double Double(string name, double fallback, double min, double max, bool minOpen = false, bool maxOpen = false)
    {
        if (!TryGet(name, out var raw)) return fallback;
        double v = ToDouble(name, raw, "a number");
        CheckRange(name, v, min, max, minOpen, maxOpen);
        return v;
    }

    /// <summary>An integer in [min, max], or the default when absent.</summary>
    public int Int(string name, int fallback, int min, int max)
    {
        if (!TryGet(name, out var raw)) return fallback;
        double v = ToDouble(name, raw, "an integer");
        if (v != Math.Floor(v)) throw Bad(name, $"must be an integer in [{min}, {max}]; got {Show(raw)}.");
        CheckRange(name, v, min, max, false, false);
        return (int)v;
    }

    /// <summary>A boolean (true/false, $true/$false, 1/0), or the default when absent.</summary>
    public bool Bool(string name, bool fallback)
    {
        if (!TryGet(name, out var raw)) return fallback;
        return raw switch
        {
            bool b => b,
            string s when bool.TryParse(s, out var b) => b,
            string s when s is "1" or "0" => s == "1",
            IConvertible c when IsNumber(c) => c.ToDouble(CultureInfo.InvariantCulture) != 0,
            _ => throw Bad(name, $"must be true or false; got {Show(raw)}."),
        };
    }

    /// <summary>One of the names of <typeparamref name="T"/> (case-insensitive), or the default when absent.</summary>
    public T Enum<T>(string name, T fallback) where T : struct, Enum
    {
        if (!TryGet(name, out var raw)) return fallback;
        if (raw is T t) return t;
        // Names only: Enum.TryParse would also take numbers and comma-joined combinations.
        string s = (Convert.ToString(raw, CultureInfo.InvariantCulture) ?? "").Trim();
        foreach (var candidate in System.Enum.GetValues<T>())
            if (string.Equals(candidate.ToString(), s, StringComparison.OrdinalIgnoreCase)) return candidate;
        throw Bad(name, $"must be one of {string.Join(", ", System.Enum.GetNames<T>())}; got {Show(raw)}.");
    }

    /// <summary>A list of numbers each in [min, max], or null when absent. A single number is a list of one.</summary>
    public double[]? Doubles(string name, double min, double max, bool minOpen = false, bool maxOpen = false)
    {
        if (!TryGet(name, out var raw)) return null;
        var items = raw is IEnumerable e and not string ? e.Cast<object?>().ToArray() : [raw];
        if (items.Length == 0) throw Bad(name, "must not be empty.");
        var result = new double[items.Length];
        for (int k = 0; k < items.Length; k++)
        {
            result[k] = ToDouble(name, items[k], "a list of numbers");
            CheckRange(name, result[k], min, max, minOpen, maxOpen);
        }
        return result;
    }

    /// <summary>A list (possibly empty) of tuples of <paramref name="width"/> numbers (e.g. <c>@(@(0.5, 2.0), @(1, 3))</c>), or null when absent.</summary>
    public double[][]? Tuples(string name, int width, string shape)
    {
        if (!TryGet(name, out var raw)) return null;
        if (raw is not IEnumerable outer || raw is string) throw Bad(name, $"must be a list of {shape} tuples.");
        var rows = new List<double[]>();
        foreach (var item in outer)
        {
            if (item is not IEnumerable inner || item is string) throw Bad(name, $"must be a list of {shape} tuples; got an item {Show(item)}.");
            var values = inner.Cast<object?>().Select(x => ToDouble(name, x, $"a list of {shape} tuples")).ToArray();
            if (values.Length != width) throw Bad(name, $"must be a list of {shape} tuples; an item has {values.Length} numbers.");
            rows.Add(values);
        }
        return rows.ToArray();
    }

    /// <summary>A list of strings, or null when absent. A single string is a list of one.</summary>
    public string[]? Strings(string name)
    {
        if (!TryGet(name, out var raw)) return null;
        var items = raw is IEnumerable e and not string ? e.Cast<object?>().ToArray() : [raw];
        return items.Select(x => Convert.ToString(x, CultureInfo.InvariantCulture) ?? "").ToArray();
    }

    /// <summary>
    /// A nested dictionary (e.g. SOAP's <c>weighting</c>) as a reader of its own, or null when absent; its messages
    /// name keys as <c>name.key</c>. Call <see cref="Finish"/> on it to reject keys nobody read.
    /// </summary>
    public ParameterReader? Section(string name)
    {
        if (!TryGet(name, out var raw)) return null;
        if (raw is not IDictionary d) throw Bad(name, $"must be a dictionary (e.g. @{{ key = value }}); got {Show(raw)}.");
        return new ParameterReader(Owner, _prefix + name + ".", d);
    }

    /// <summary>
    /// A dictionary from names to numbers each in [min, max] (e.g. <c>@{ Ti = 1.0; O = 0.5 }</c>), or null when absent.
    /// Keys keep their given spelling; they are not checked here.
    /// </summary>
    public IReadOnlyDictionary<string, double>? NumberMap(string name, double min, double max, bool minOpen = false, bool maxOpen = false)
    {
        if (!TryGet(name, out var raw)) return null;
        if (raw is not IDictionary d) throw Bad(name, $"must be a dictionary of numbers (e.g. @{{ Ti = 1.0; O = 0.5 }}); got {Show(raw)}.");
        var result = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry e in d)
        {
            string key = Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "";
            string entry = $"{name}.{key}";
            double v = ToDouble(entry, Unwrap(e.Value), "a number");
            CheckRange(entry, v, min, max, minOpen, maxOpen);
            if (!result.TryAdd(key, v)) throw Bad(name, $"gives '{key}' twice (keys are case-insensitive).");
        }
        return result;
    }

    /// <summary>Rejects parameters that were never read (misspelt or meant for another kind).</summary>
    public void Finish()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0 && _read.Count == 0)
            throw new DescriptorParameterException(_prefix + unknown[0],
                $"Unknown {Owner} parameter '{_prefix}{unknown[0]}': {Owner} has fixed settings and takes no parameters besides 'scale'.");
        if (unknown.Count > 0)
            throw new DescriptorParameterException(_prefix + unknown[0],
                $"Unknown {Owner} parameter '{_prefix}{unknown[0]}'. Valid parameters: {string.Join(", ", ValidNames.Select(n => _prefix + n))}.");
    }

    /// <summary>Names read so far (the valid parameter names once parsing is complete).</summary>
    public IReadOnlyCollection<string> ValidNames => _read;

    /// <summary>An exception naming <paramref name="name"/> (inside a <see cref="Section"/>, as <c>section.name</c>) with the given explanation.</summary>
    public DescriptorParameterException Bad(string name, string explanation) =>
        new(_prefix + name, $"{Owner} parameter '{_prefix}{name}' {explanation}");

    private bool TryGet(string name, out object? value)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out value)) return false;
        value = Unwrap(value);
        if (value is IEnumerable e and not string and not IDictionary)
            value = e.Cast<object?>().Select(Unwrap).Select(x => x is IEnumerable inner and not string ? inner.Cast<object?>().Select(Unwrap).ToArray() : x).ToArray();
        return value is not null;
    }

    /// <summary>
    /// PowerShell hands some values over wrapped in a PSObject; Core does not reference
    /// System.Management.Automation, so the wrapper is recognised by name and its BaseObject taken.
    /// </summary>
    private static object? Unwrap(object? value)
    {
        while (value is not null && value.GetType().FullName == "System.Management.Automation.PSObject")
            value = value.GetType().GetProperty("BaseObject")?.GetValue(value);
        return value;
    }

    private double ToDouble(string name, object? raw, string what)
    {
        switch (raw)
        {
            case IConvertible c when IsNumber(c):
                return c.ToDouble(CultureInfo.InvariantCulture);
            case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v):
                return v;
            default:
                throw Bad(name, $"must be {what}; got {Show(raw)}.");
        }
    }

    private void CheckRange(string name, double v, double min, double max, bool minOpen, bool maxOpen)
    {
        bool ok = double.IsFinite(v) && (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max);
        if (!ok)
            throw Bad(name, $"must be in {(minOpen ? '(' : '[')}{Num(min)}, {Num(max)}{(maxOpen ? ')' : ']')}; got {Num(v)}.");
    }

    private static bool IsNumber(IConvertible c) => c.GetTypeCode() is >= TypeCode.SByte and <= TypeCode.Decimal;

    private static string Num(double v) => double.IsPositiveInfinity(v) ? "∞" : double.IsNegativeInfinity(v) ? "−∞" : v.ToString("R", CultureInfo.InvariantCulture);

    private static string Show(object? raw) => raw switch
    {
        null => "nothing",
        string s => $"'{s}'",
        IConvertible c => Convert.ToString(c, CultureInfo.InvariantCulture) ?? "",
        _ => raw.GetType().Name,
    };
}
