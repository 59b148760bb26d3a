using System.Collections;
using System.Runtime.CompilerServices;

namespace AtomCuration.PowerShell.Mapping;

/// <summary>
/// A hashtable of parameters (descriptor settings, fit settings, search ranges) seen through typed keys. PowerShell
/// completes the keys of a hashtable given to a parameter from the settable properties of the parameter's type (argument
/// completers are not asked inside a hashtable literal), nested hashtables from the properties' types; so each key a
/// user may type is a property here. The mapping
/// itself is kept as given and bound by Core's <c>OptionsBinder</c>, which owns the ranges and the messages: a property
/// reads and writes its key in the mapping (any case), and a test holds the properties equal to the settings records' keys.
/// </summary>
public abstract class ParameterMap
{
    private readonly IDictionary? _values;

    /// <summary>Wraps <paramref name="values"/> (not copied: keys set through the properties land in it); null for a map read from a file.</summary>
    private protected ParameterMap(IDictionary? values) => _values = values;

    /// <summary>A new empty mapping with keys in any case, as PowerShell's hashtables.</summary>
    private protected static Hashtable Empty() => new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The mapping as given (null when the parameters are a file).</summary>
    public IDictionary? ToDictionary() => _values;

    /// <summary>The value of <paramref name="key"/> (any case), or null when not given.</summary>
    private protected object? Get([CallerMemberName] string key = "") => Find(key) is { } found ? _values![found] : null;

    /// <summary>Sets <paramref name="key"/> (replacing the entry of any case); null removes it.</summary>
    private protected void Set(object? value, [CallerMemberName] string key = "")
    {
        if (_values is null) throw new InvalidOperationException($"These parameters are read from a file; give a hashtable to set '{key}'.");
        if (Find(key) is { } found) _values.Remove(found);
        if (value is not null) _values[key] = value is ParameterMap map ? map._values : value;
    }

    /// <summary>The section under <paramref name="key"/> seen as <typeparamref name="T"/>, or null when it is not given as a mapping.</summary>
    private protected T? Section<T>(Func<IDictionary, T> view, [CallerMemberName] string key = "") where T : ParameterMap =>
        Get(key) is IDictionary d ? view(d) : null;

    private object? Find(string key)
    {
        if (_values is null) return null;
        foreach (var k in _values.Keys)
            if (string.Equals(k?.ToString(), key, StringComparison.OrdinalIgnoreCase)) return k;
        return null;
    }
}
