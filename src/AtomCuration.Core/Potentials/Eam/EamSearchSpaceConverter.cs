using System.Collections;
using System.Globalization;
using AtomCuration.Options;

namespace AtomCuration.Potentials.Eam;

/// <summary>
/// Binds a search space written as a mapping of setting name to a (min, max) pair — <c>@{ Cutoff = 4.5, 6 }</c> in
/// PowerShell, <c>{ cutoff: [4.5, 6] }</c> in a recipe — onto <see cref="EamSearchSpace"/>, for Invoke-EamFit
/// -SearchSpace and the recipe's search section alike.
/// </summary>
public sealed class EamSearchSpaceConverter : IOptionConverter
{
    /// <inheritdoc />
    public string Shape => $"a mapping of setting ({string.Join(", ", EamSearchSpace.Names)}) to a range (min, max)";

    /// <inheritdoc />
    public object? Convert(object? value, string name)
    {
        value = OptionsBinder.Unwrap(value);
        if (value is null) return null;
        if (value is not IDictionary table) throw new ArgumentException($"{name}: expected {Shape}, got '{value}'.");
        var ranges = new Dictionary<string, (double, double)>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in table)
        {
            string key = System.Convert.ToString(OptionsBinder.Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? "";
            var items = OptionsBinder.Unwrap(entry.Value) is IEnumerable e and not string ? e.Cast<object?>().Select(OptionsBinder.Unwrap).ToList() : [];
            if (items.Count != 2) throw new ArgumentException($"{name} {key} must be a range of two numbers (min, max), e.g. {key} = 4.5, 6.");
            try
            {
                ranges[key] = (System.Convert.ToDouble(items[0], CultureInfo.InvariantCulture), System.Convert.ToDouble(items[1], CultureInfo.InvariantCulture));
            }
            catch (Exception ex) when (ex is FormatException or InvalidCastException)
            {
                throw new ArgumentException($"{name} {key}: '{items[0]}', '{items[1]}' are not numbers.", ex);
            }
        }
        return EamSearchSpace.From(ranges);
    }

    /// <inheritdoc />
    public object? ToPlain(object? value) => value is EamSearchSpace space
        ? space.Dimensions.ToDictionary(d => d.Name, d => (object?)new List<object?> { d.Min, d.Max })
        : null;
}
