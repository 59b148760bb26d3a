using System.Collections;

namespace AtomCuration.PowerShell.Mapping.Descriptor;

/// <summary>The keys of a GRDF section (<c>GrdfSettings</c>); an RDF section takes them too.</summary>
public class GrdfParameters(IDictionary values) : BlockParameters(values)
{
    /// <summary>No keys yet (PowerShell completes the keys of a type it can create empty).</summary>
    public GrdfParameters() : this(Empty())
    {
    }

    /// <summary>Cutoff radius (Å).</summary>
    public object? Cutoff { get => Get(); set => Set(value); }

    /// <summary>Bin spacing (Å).</summary>
    public object? Spacing { get => Get(); set => Set(value); }

    /// <summary>Gaussian width (Å).</summary>
    public object? Width { get => Get(); set => Set(value); }
}
