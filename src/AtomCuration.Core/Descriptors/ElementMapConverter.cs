using System.Collections;
using System.Globalization;
using AtomCuration.Options;
using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// Reads a per-element table such as Bispectrum's <c>radius</c> or SOAP's <c>speciesWeighting</c>
/// (<c>@{ Ti = 1.0; O = 0.5 }</c>): keys are chemical symbols in any case, stored as proper symbols (ti = Ti);
/// values are numbers. The valid range of the values is the property's <see cref="OptionRangeAttribute"/>.
/// </summary>
public sealed class ElementMapConverter : IOptionConverter
{
    /// <inheritdoc />
    public string Shape => "mapping of element symbol to number";

    /// <inheritdoc />
    public object? Convert(object? value, string name)
    {
        value = OptionsBinder.Unwrap(value);
        if (value is null) return null;
        if (value is not IDictionary source)
            throw new OptionsException($"{name}: expected a {Shape} (e.g. {{ Ti: 1.0, O: 0.5 }}).", name);
        if (source.Count == 0) throw new OptionsException($"{name}: must name at least one element (e.g. {{ W: 2.5 }}).", name);
        var map = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry e in source)
        {
            string key = System.Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "";
            if (!Elements.TryFromSymbol(key, out var element))
                throw new OptionsException($"{name}: '{key}' is not a chemical symbol (H … Pu).", name);
            double v = (double)OptionsBinder.ConvertTo(typeof(double), e.Value, null, $"{name}.{element.Symbol}")!;
            if (!map.TryAdd(element.Symbol, v)) throw new OptionsException($"{name}: gives {element.Symbol} twice (symbols are case-insensitive).", name);
        }
        return map;
    }

    /// <inheritdoc />
    public object? ToPlain(object? value) => value is null ? null : OptionsBinder.PlainValue(value);
}
