using System.Collections;

namespace AtomCuration.PowerShell.Mapping.Descriptor;

/// <summary>The keys of SOAP's <c>weighting</c> (<c>SoapWeighting</c>, DScribe 2.1 names).</summary>
public sealed class SoapWeightingParameters(IDictionary values) : ParameterMap(values)
{
    /// <summary>No keys yet (PowerShell completes the keys of a type it can create empty).</summary>
    public SoapWeightingParameters() : this(Empty())
    {
    }

    /// <summary>Weighting function (Poly, Pow, Exp).</summary>
    public object? Function { get => Get(); set => Set(value); }

    /// <summary>Length scale r0 (Å).</summary>
    public object? R0 { get => Get(); set => Set(value); }

    /// <summary>Weighting constant c.</summary>
    public object? C { get => Get(); set => Set(value); }

    /// <summary>Weighting constant d.</summary>
    public object? D { get => Get(); set => Set(value); }

    /// <summary>Exponent m.</summary>
    public object? M { get => Get(); set => Set(value); }

    /// <summary>Weight of the central atom.</summary>
    public object? W0 { get => Get(); set => Set(value); }

    /// <summary>Weight below which neighbours are dropped (sets the cutoff).</summary>
    public object? Threshold { get => Get(); set => Set(value); }
}
