using System.Collections;

namespace AtomCuration.PowerShell.Mapping.Descriptor;

/// <summary>The keys of an RDF section (<c>RdfSettings</c>).</summary>
public sealed class RdfParameters(IDictionary values) : GrdfParameters(values)
{
    /// <summary>No keys yet (PowerShell completes the keys of a type it can create empty).</summary>
    public RdfParameters() : this(Empty())
    {
    }

    /// <summary>One RDF per element pair (true) or one total RDF.</summary>
    public object? Partial { get => Get(); set => Set(value); }
}
