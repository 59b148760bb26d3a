using AtomCuration.Options;

namespace AtomCuration.Descriptors;

/// <summary>
/// The top-level keys of a descriptor parameter mapping (a <c>-Parameters</c> hashtable, a YAML parameter file, a
/// preset; see <see cref="DescriptorOptions"/>), bound by <see cref="OptionsBinder"/>. The other top-level keys are
/// the sections of the kinds (<c>Acsf</c>, <c>Soap</c>, …), each bound onto its settings record
/// (<see cref="DescriptorSettings"/>), or a single kind's keys given flat.
/// </summary>
public sealed record DescriptorParameterHeader : IOptions
{
    /// <summary>The keys, as users write them.</summary>
    public static IReadOnlyList<string> Keys { get; } = OptionsBinder.Bindable(typeof(DescriptorParameterHeader)).Select(OptionsBinder.KeyName).ToArray();

    /// <summary>The kinds, concatenated in this order; null = the kinds that have a section.</summary>
    public IReadOnlyList<DescriptorKind>? Kinds { get; init; }

    /// <summary>Chemical symbols resolving the columns; null = the elements of the whole pool.</summary>
    [OptionConverter(typeof(IO.ReadOptions.SpeciesConverter))]
    public IReadOnlyList<string>? Species { get; init; }

    /// <summary>How per-atom blocks become the structure vector; null = Mean.</summary>
    public Aggregation? Aggregate { get; init; }

    /// <summary>Attach the per-atom matrix as well; null = false.</summary>
    public bool? PerAtom { get; init; }

    /// <summary>Nothing to check beyond the types: the kinds are checked against the sections by <see cref="DescriptorOptions.Create"/>.</summary>
    public void Validate()
    {
    }
}
