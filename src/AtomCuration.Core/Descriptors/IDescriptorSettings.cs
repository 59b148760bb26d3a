using AtomCuration.Options;

namespace AtomCuration.Descriptors;

/// <summary>
/// Validated parameters of one descriptor kind (a plain record per kind, e.g. <see cref="AcsfSettings"/>),
/// independent of the species, so that bad parameters fail before any structure is read. Its public settable
/// properties are the kind's parameters: <see cref="DescriptorSettings.Parse"/> binds them by key with
/// <see cref="OptionsBinder"/>, ranges come from their <see cref="OptionRangeAttribute"/>, and
/// <see cref="IOptions.Validate"/> checks the rest (<see cref="Create"/> calls it).
/// </summary>
public interface IDescriptorSettings : IOptions
{
    /// <summary>The kind these settings configure.</summary>
    DescriptorKind Kind { get; }

    /// <summary>The descriptor for <paramref name="species"/>.</summary>
    Descriptor Create(SpeciesSet species);

    /// <summary>
    /// Whether the columns depend on the species set (<see cref="Descriptor.UsesSpecies"/> of what <see cref="Create"/>
    /// makes), known before any structure is seen: a caller without species then needs the whole pool to infer them.
    /// </summary>
    bool UsesSpecies => true;
}
