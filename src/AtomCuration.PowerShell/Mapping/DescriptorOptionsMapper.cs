using System.Collections;
using AtomCuration.Descriptors;

namespace AtomCuration.PowerShell.Mapping;

/// <summary>Turns Get-Descriptor's parameters into Core's <see cref="DescriptorOptions"/> (plain, testable without PowerShell).</summary>
public static class DescriptorOptionsMapper
{
    /// <summary>
    /// Builds descriptor options. <paramref name="parameters"/> is a dictionary (hashtable) or the path of a
    /// YAML file of the same shape, resolved by <paramref name="resolvePath"/>; <paramref name="perAtom"/>
    /// and <paramref name="aggregate"/> are null when the switch was not given, so a preset's value stands.
    /// Throws <see cref="ArgumentException"/> (a <see cref="DescriptorParameterException"/> for bad values)
    /// naming the offending parameter.
    /// </summary>
    public static DescriptorOptions Map(DescriptorKind[]? kinds, object? parameters, string? preset, bool? perAtom,
        Aggregation? aggregate, IReadOnlyList<string>? species, Func<string, string> resolvePath)
    {
        ArgumentNullException.ThrowIfNull(resolvePath);
        var dictionary = parameters switch
        {
            null => null,
            IDictionary d => d,
            string path => ReadFile(resolvePath(path)),
            _ => throw new ArgumentException("-Parameters takes a hashtable or the path of a YAML file.", nameof(parameters)),
        };
        return DescriptorOptions.Create(kinds, dictionary, preset, perAtom, aggregate, species);
    }

    private static IDictionary ReadFile(string path) =>
        File.Exists(path) ? DescriptorOptions.ReadParameterFile(path)
            : throw new ArgumentException($"-Parameters: no such file '{path}' (give a hashtable or the path of a YAML file).", nameof(path));
}
