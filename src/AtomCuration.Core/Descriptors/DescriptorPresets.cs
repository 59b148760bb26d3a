namespace AtomCuration.Descriptors;

/// <summary>The registry of named presets: every <see cref="IDescriptorPreset"/> class in this assembly.</summary>
public static class DescriptorPresets
{
    private static readonly Lazy<IReadOnlyList<IDescriptorPreset>> Found = new(Discover);

    /// <summary>All presets, by name.</summary>
    public static IReadOnlyList<IDescriptorPreset> All => Found.Value;

    /// <summary>Preset names (for Tab completion).</summary>
    public static IReadOnlyList<string> Names => All.Select(p => p.Name).ToArray();

    /// <summary>The preset called <paramref name="name"/> (case-insensitive); throws, listing the valid names, when there is none.</summary>
    public static IDescriptorPreset Get(string name) =>
        All.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new DescriptorParameterException("preset", $"Unknown preset '{name}'. Valid presets: {string.Join(", ", Names)}.");

    private static IReadOnlyList<IDescriptorPreset> Discover()
    {
        var presets = typeof(IDescriptorPreset).Assembly.GetTypes()
            .Where(t => typeof(IDescriptorPreset).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }
                        && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IDescriptorPreset)Activator.CreateInstance(t)!)
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var clash = presets.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null) throw new InvalidOperationException($"Two presets are called '{clash.Key}'.");
        return presets;
    }
}
