using System.Collections;
using AtomCuration.Options;

namespace AtomCuration.Descriptors;

/// <summary>Reads ACSF's <c>g2</c>: a list (possibly empty) of <c>[eta, Rs]</c> pairs, e.g. <c>@(@(0.5, 2.0), @(1, 3))</c>.</summary>
public sealed class RadialFunctionsConverter : IOptionConverter
{
    /// <inheritdoc />
    public string Shape => "list of [eta, Rs] pairs";

    /// <inheritdoc />
    public object? Convert(object? value, string name) =>
        value is null ? null : AcsfTuples.Read(value, name, 2, Shape).Select(t => new RadialFunction(t[0], t[1])).ToArray();

    /// <inheritdoc />
    public object? ToPlain(object? value) =>
        (value as IEnumerable<RadialFunction>)?.Select(f => new List<object?> { f.Eta, f.Rs }).ToList();
}

/// <summary>Reads ACSF's <c>g4</c> and <c>g5</c>: a list (possibly empty) of <c>[eta, zeta, lambda]</c> triples.</summary>
public sealed class AngularFunctionsConverter : IOptionConverter
{
    /// <inheritdoc />
    public string Shape => "list of [eta, zeta, lambda] triples";

    /// <inheritdoc />
    public object? Convert(object? value, string name) =>
        value is null ? null : AcsfTuples.Read(value, name, 3, Shape).Select(t => new AngularFunction(t[0], t[1], t[2])).ToArray();

    /// <inheritdoc />
    public object? ToPlain(object? value) =>
        (value as IEnumerable<AngularFunction>)?.Select(f => new List<object?> { f.Eta, f.Zeta, f.Lambda }).ToList();
}

/// <summary>A list of fixed-width number tuples, converted number by number with <see cref="OptionsBinder"/>'s rules.</summary>
internal static class AcsfTuples
{
    public static double[][] Read(object value, string name, int width, string shape)
    {
        value = OptionsBinder.Unwrap(value)!;
        if (value is not IEnumerable outer || value is string or IDictionary) throw new OptionsException($"{name}: expected a {shape}.", name);
        // PowerShell unrolls @(@(a, b)) to @(a, b): a flat list of exactly one tuple's numbers is that one tuple.
        var items = outer.Cast<object?>().Select(OptionsBinder.Unwrap).ToList();
        if (items.Count == width && items.All(x => x is not IEnumerable || x is string)) outer = new[] { items };
        var rows = new List<double[]>();
        foreach (var item in outer)
        {
            var tuple = (double[])OptionsBinder.ConvertTo(typeof(double[]), item, null, $"{name}[{rows.Count}]")!;
            if (tuple.Length != width || OptionsBinder.Unwrap(item) is not IEnumerable or string)
                throw new OptionsException($"{name}: expected a {shape}; item {rows.Count} is not {width} numbers.", name);
            rows.Add(tuple);
        }
        return rows.ToArray();
    }
}
