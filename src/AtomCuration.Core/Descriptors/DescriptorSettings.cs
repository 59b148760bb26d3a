using System.Collections;

namespace AtomCuration.Descriptors;

/// <summary>Parses the parameters of one kind into its settings record.</summary>
public static class DescriptorSettings
{
    /// <summary>Validated settings of <paramref name="kind"/> from a loosely typed dictionary (null = all defaults).</summary>
    public static IDescriptorSettings Parse(DescriptorKind kind, IDictionary? parameters)
    {
        var reader = new ParameterReader(kind.ToString(), parameters);
        IDescriptorSettings settings = kind switch
        {
            DescriptorKind.Acsf => AcsfSettings.Parse(reader),
            DescriptorKind.Rdf => RdfSettings.Parse(reader),
            DescriptorKind.Soap => SoapSettings.Parse(reader),
            DescriptorKind.CoulombMatrix or DescriptorKind.SineMatrix => MatrixSettings.Parse(kind, reader),
            DescriptorKind.CrystalNN or DescriptorKind.BondLength => new Seed.VoronoiBlockSettings(kind),
            DescriptorKind.Grdf => Seed.GrdfSettings.Parse(reader),
            DescriptorKind.Bispectrum => BispectrumSettings.Parse(reader),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown descriptor kind."),
        };
        reader.Finish();
        return settings;
    }
}
