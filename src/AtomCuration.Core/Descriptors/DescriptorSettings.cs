using System.Collections;
using AtomCuration.Options;

namespace AtomCuration.Descriptors;

/// <summary>Binds the parameters of one kind onto its settings record.</summary>
public static class DescriptorSettings
{
    /// <summary>
    /// The default settings of <paramref name="kind"/>: the record its parameters are bound onto, whose settable
    /// properties are the valid parameter keys.
    /// </summary>
    public static IDescriptorSettings Default(DescriptorKind kind) => kind switch
    {
        DescriptorKind.Acsf => new AcsfSettings(),
        DescriptorKind.Rdf => new RdfSettings(),
        DescriptorKind.Soap => new SoapSettings(),
        DescriptorKind.CoulombMatrix or DescriptorKind.SineMatrix => new MatrixSettings(kind),
        DescriptorKind.CrystalNN or DescriptorKind.BondLength => new Seed.VoronoiBlockSettings(kind),
        DescriptorKind.Grdf => new Seed.GrdfSettings(),
        DescriptorKind.Bispectrum => new BispectrumSettings(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown descriptor kind."),
    };

    /// <summary>The parameter keys of <paramref name="kind"/> (besides <c>scale</c>, which every block takes), as users write them.</summary>
    public static IReadOnlyList<string> Keys(DescriptorKind kind) =>
        OptionsBinder.Bindable(Default(kind).GetType()).Select(OptionsBinder.KeyName).ToArray();

    /// <summary>
    /// Validated settings of <paramref name="kind"/> from a loosely typed dictionary (null = all defaults), bound by
    /// <see cref="OptionsBinder"/> onto <see cref="Default"/>; keys are case-insensitive, unknown keys are refused with
    /// the list of valid ones.
    /// </summary>
    /// <exception cref="DescriptorParameterException">A key is unknown or a value invalid; <see cref="ArgumentException.ParamName"/> is the key (<c>weighting.r0</c> inside a section).</exception>
    public static IDescriptorSettings Parse(DescriptorKind kind, IDictionary? parameters)
    {
        var start = Default(kind);
        try
        {
            return (IDescriptorSettings)OptionsBinder.Bind(start.GetType(), parameters, start, kind.ToString());
        }
        catch (OptionsException e)
        {
            string prefix = kind + ".";
            string key = e.ParamName is { } p && p.StartsWith(prefix, StringComparison.Ordinal) ? p[prefix.Length..] : e.ParamName ?? kind.ToString();
            // Fixed kinds (CrystalNN, BondLength) have no keys of their own; scale is the block's, read before binding.
            string fixedKind = Keys(kind).Count == 0 ? " Its settings are fixed; only 'scale' (the block's factor) may be given." : "";
            throw new DescriptorParameterException(key, e.Message + fixedKind, e);
        }
    }
}
