using System.Collections;

namespace AtomCuration.PowerShell.Mapping;

/// <summary>
/// The type of <c>Invoke-ActiveLearning -Fit</c>: <see cref="FitParameters"/> and Invoke-EamFit's settings search
/// (<c>Optimize</c>, <c>Budget</c>, <c>SearchMethod</c>, <c>SearchSpace</c>), which <c>FitSearchMapper</c> splits off; the
/// search ranges complete on Tab too (<see cref="SearchSpaceParameters"/>).
/// </summary>
public sealed class SearchedFitParameters : FitParameters
{
    /// <summary>No settings yet.</summary>
    public SearchedFitParameters()
    {
    }

    /// <summary>Settings given as a hashtable (kept as given).</summary>
    public SearchedFitParameters(IDictionary values) : base(values)
    {
    }

    /// <summary>Search the fit settings in every iteration ($true) instead of fitting with the given ones.</summary>
    public object? Optimize { get => Get(); set => Set(value); }

    /// <summary>Fits the search may evaluate.</summary>
    public object? Budget { get => Get(); set => Set(value); }

    /// <summary>Bayesian or Random search.</summary>
    public object? SearchMethod { get => Get(); set => Set(value); }

    /// <summary>Ranges to search, e.g. @{ Cutoff = 4.5, 6 }.</summary>
    public SearchSpaceParameters? SearchSpace { get => Section(d => new SearchSpaceParameters(d)); set => Set(value); }
}
