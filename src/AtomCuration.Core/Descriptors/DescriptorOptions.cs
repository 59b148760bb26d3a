using System.Collections;
using System.Globalization;
using AtomCuration.Options;

namespace AtomCuration.Descriptors;

/// <summary>
/// Everything <see cref="DescriptorCalculator"/> needs: the blocks of the fingerprint, the
/// species that resolve their columns, and aggregation. A cmdlet fills it with
/// <see cref="Create"/> from <c>-Kind</c>, <c>-Parameters</c>, <c>-Preset</c>, <c>-PerAtom</c>,
/// <c>-Aggregate</c> and <c>-Species</c>; C# callers may also build it directly. Threads and cancellation
/// are not options: they come with the <see cref="Options.RunContext"/> of the call.
/// </summary>
/// <remarks>
/// The parameter dictionary (hashtable, YAML file or preset) has one shape:
/// <code>
/// kinds: [Acsf, Soap]        # block order; optional when -Kind is given or only one section exists
/// species: [Ti]              # optional; otherwise the elements of the whole pool
/// aggregate: Mean            # Mean | Stats | Sum | None
/// perAtom: false
/// Acsf: { cutoff: 6.0, form: Modified, scale: 1.0 }
/// Soap: { rcut: 5, nmax: 8, lmax: 6, sigma: 0.5, scale: 0.5 }
/// </code>
/// With a single kind, its parameters may also be given flat (<c>@{ cutoff = 6 }</c>). Given a
/// preset as well, the dictionary overrides the preset key by key. Each section may carry
/// <c>scale</c>, the factor applied to that block.
/// </remarks>
public sealed record DescriptorOptions
{
    /// <summary>The blocks, concatenated in this order.</summary>
    public IReadOnlyList<DescriptorBlock> Blocks { get; init; } = [];

    /// <summary>
    /// Chemical symbols resolving the columns; null or empty means "the elements of the whole pool" where the
    /// pool is known (<see cref="DescriptorCalculator.AttachAll"/>), else those of the first structure.
    /// </summary>
    public IReadOnlyList<string>? Species { get; init; }

    /// <summary>Attach the per-atom matrix (<see cref="Structures.Structure.AtomDescriptors"/>) of the per-atom blocks.</summary>
    public bool PerAtom { get; init; }

    /// <summary>How per-atom blocks become the structure vector.</summary>
    public Aggregation Aggregate { get; init; } = Aggregation.Mean;

    /// <summary>
    /// Options from cmdlet-style inputs. <paramref name="kinds"/> (if any) fixes the blocks and their
    /// order; <paramref name="parameters"/> overrides <paramref name="preset"/>; <paramref name="aggregate"/>,
    /// <paramref name="perAtom"/> and <paramref name="species"/> (when set) override both. Throws <see cref="DescriptorParameterException"/>
    /// naming the offending parameter.
    /// </summary>
    public static DescriptorOptions Create(IEnumerable<DescriptorKind>? kinds = null, IDictionary? parameters = null,
        string? preset = null, bool? perAtom = null, Aggregation? aggregate = null, IReadOnlyList<string>? species = null)
    {
        var merged = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (preset is not null) Overlay(merged, ToDictionary(DescriptorPresets.Get(preset).Parameters));
        if (parameters is not null) Overlay(merged, parameters);
        var top = Bind(() => OptionsBinder.Bind<DescriptorParameterHeader>(TopLevelOnly(merged), context: "parameters"), "parameters.");
        var kindList = kinds?.ToList() is { Count: > 0 } k ? k
            : top.Kinds?.ToList() ?? Enum.GetValues<DescriptorKind>().Where(kind => merged.ContainsKey(kind.ToString())).ToList();
        if (kindList.Distinct().Count() != kindList.Count)
            throw new DescriptorParameterException("kinds", "Parameter 'kinds' lists a kind twice; give each kind once.");
        var loose = merged.Where(e => !IsTopLevel(e.Key) && !IsKind(e.Key)).ToList();
        if (loose.Count > 0 && kindList.Count != 1)
            throw new DescriptorParameterException(loose[0].Key, kindList.Count == 0
                ? $"Parameter '{loose[0].Key}' has no kind to belong to; give -Kind (one of {string.Join(", ", Enum.GetNames<DescriptorKind>())})."
                : $"Parameter '{loose[0].Key}' is ambiguous with several kinds; nest it, e.g. @{{ {kindList[0]} = @{{ {loose[0].Key} = … }} }}.");
        if (preset is null)
            foreach (var key in merged.Keys.Where(IsKind))
                if (!kindList.Contains(Enum.Parse<DescriptorKind>(key, true)))
                    throw new DescriptorParameterException(key, $"Parameters are given for {key}, which is not among the kinds ({string.Join(", ", kindList)}).");
        var blocks = new List<DescriptorBlock>();
        foreach (var kind in kindList)
        {
            var section = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            if (merged.TryGetValue(kind.ToString(), out var s) && s is not null)
            {
                if (s is not IDictionary d) throw new DescriptorParameterException(kind.ToString(), $"Parameter '{kind}' must be a dictionary of {kind} parameters.");
                Overlay(section, d);
            }
            foreach (var (key, value) in loose) section[key] = value;
            double scale = section.Remove("scale", out var rawScale) ? Bind(() => DescriptorBlock.ScaleOf(rawScale, $"{kind}.scale"), $"{kind}.") : 1.0;
            blocks.Add(new DescriptorBlock(DescriptorSettings.Parse(kind, section), scale));
        }
        if (blocks.Count == 0) throw new DescriptorParameterException("kinds", "No descriptor kind given; use -Kind or -Preset.");
        // Explicit arguments win over the parameters.
        var options = new DescriptorOptions
        {
            Blocks = blocks,
            Species = species is { Count: > 0 } ? species : top.Species,
            PerAtom = perAtom ?? top.PerAtom ?? false,
            Aggregate = aggregate ?? top.Aggregate ?? Aggregation.Mean,
        };
        if (options.Species is { Count: > 0 } sp) _ = SpeciesSet.FromSymbols(sp);
        return options;
    }

    /// <summary>Options from a dictionary of the documented shape (a parsed YAML file or a hashtable).</summary>
    public static DescriptorOptions FromDictionary(IDictionary parameters) => Create(parameters: parameters);

    /// <summary>Reads a YAML parameter file into a dictionary of the documented shape (for <c>-Parameters</c> or <see cref="Create"/>).</summary>
    public static IDictionary ReadParameterFile(string path) => DescriptorYaml.Parse(File.ReadAllText(path), path);

    /// <summary>Options from a YAML file of the documented shape.</summary>
    public static DescriptorOptions FromYamlFile(string path) => FromDictionary(ReadParameterFile(path));

    /// <summary>Runs a binding step, turning its <see cref="OptionsException"/> into a <see cref="DescriptorParameterException"/> naming the key without <paramref name="prefix"/>.</summary>
    private static T Bind<T>(Func<T> bind, string prefix)
    {
        try
        {
            return bind();
        }
        catch (OptionsException e)
        {
            string key = e.ParamName is { } p && p.StartsWith(prefix, StringComparison.Ordinal) ? p[prefix.Length..] : e.ParamName ?? prefix.TrimEnd('.');
            throw new DescriptorParameterException(key, e.Message, e);
        }
    }

    private static bool IsTopLevel(string key) => DescriptorParameterHeader.Keys.Contains(key, StringComparer.OrdinalIgnoreCase);

    private static bool IsKind(string key) => Enum.GetNames<DescriptorKind>().Contains(key, StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, object?> TopLevelOnly(Dictionary<string, object?> merged) =>
        merged.Where(e => IsTopLevel(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>Copies <paramref name="source"/> onto <paramref name="target"/>, merging nested dictionaries key by key.</summary>
    private static void Overlay(Dictionary<string, object?> target, IDictionary source)
    {
        foreach (DictionaryEntry e in source)
        {
            string key = Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "";
            if (e.Value is IDictionary inner)
            {
                var nested = target.TryGetValue(key, out var old) && old is Dictionary<string, object?> o
                    ? o
                    : new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                Overlay(nested, inner);
                target[key] = nested;
            }
            else
            {
                target[key] = e.Value;
            }
        }
    }

    private static Dictionary<string, object?> ToDictionary(IReadOnlyDictionary<string, object?> d) =>
        d.ToDictionary(e => e.Key, e => e.Value, StringComparer.OrdinalIgnoreCase);
}
