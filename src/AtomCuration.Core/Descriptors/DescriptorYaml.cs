using System.Collections;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace AtomCuration.Descriptors;

/// <summary>Reads descriptor parameters from YAML into plain dictionaries, lists and strings (see <see cref="DescriptorOptions"/>).</summary>
public static class DescriptorYaml
{
    /// <summary>Parses <paramref name="yaml"/>; <paramref name="source"/> names it in error messages.</summary>
    public static IDictionary Parse(string yaml, string source = "YAML")
    {
        object? root;
        try
        {
            root = new DeserializerBuilder().Build().Deserialize<object?>(yaml);
        }
        catch (YamlException e)
        {
            throw new DescriptorParameterException("parameters", $"{source}: line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}");
        }
        return root switch
        {
            null => new Dictionary<string, object?>(),
            IDictionary d => d,
            _ => throw new DescriptorParameterException("parameters", $"{source}: the top level must be a mapping of parameters."),
        };
    }
}
