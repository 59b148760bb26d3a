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
            _ => throw new NotSupportedException($"{kind} is not implemented yet."),
        };
        reader.Finish();
        return settings;
    }
}
