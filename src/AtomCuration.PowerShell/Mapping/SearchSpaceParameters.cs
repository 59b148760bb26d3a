using System.Collections;

namespace AtomCuration.PowerShell.Mapping;

/// <summary>
/// The type of <c>Invoke-EamFit -SearchSpace</c> (and of <c>SearchSpace</c> in Invoke-ActiveLearning's <c>-Fit</c>): the settings a
/// search may vary, each with its range as two numbers (<c>@{ Cutoff = 4.5, 6; PairKnots = 8, 14 }</c>). Kept as given and read
/// by Core's <c>EamSearchSpaceConverter</c>, which refuses unknown names and bad ranges; a test holds the properties equal to
/// <c>EamSearchSpace.Names</c>.
/// </summary>
public sealed class SearchSpaceParameters : ParameterMap
{
    /// <summary>No ranges yet.</summary>
    public SearchSpaceParameters() : base(Empty())
    {
    }

    /// <summary>Ranges given as a hashtable (kept as given).</summary>
    public SearchSpaceParameters(IDictionary values) : base(values)
    {
    }

    /// <summary>Cutoff range (Å), e.g. 4, 6.</summary>
    public object? Cutoff { get => Get(); set => Set(value); }

    /// <summary>Pair-function knot intervals, e.g. 6, 16.</summary>
    public object? PairKnots { get => Get(); set => Set(value); }

    /// <summary>Density-function knot intervals, e.g. 6, 14.</summary>
    public object? DensityKnots { get => Get(); set => Set(value); }

    /// <summary>Embedding-function knot intervals, e.g. 3, 8.</summary>
    public object? EmbeddingKnots { get => Get(); set => Set(value); }

    /// <summary>Smoothness range, searched on a log scale, e.g. 1e-9, 1e-4.</summary>
    public object? Smoothness { get => Get(); set => Set(value); }

    /// <summary>Force-weight range, searched on a log scale, e.g. 1e-4, 1.</summary>
    public object? ForceWeight { get => Get(); set => Set(value); }
}
