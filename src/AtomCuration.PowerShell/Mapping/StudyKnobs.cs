namespace AtomCuration.PowerShell.Mapping;

/// <summary>
/// The type of <c>Invoke-SelectionStudy -Options</c>: Select-Configuration's knobs for every method
/// (<c>@{ restarts = 5 }</c>), or one hashtable per method keyed by its name (<c>@{ KMeans = @{ restarts = 5 } }</c>).
/// As with <see cref="SelectionKnobs"/>, users type a hashtable and the properties are there for Tab, nested per
/// method; <c>StudyOptionsMapper.MapMethods</c> reads the mapping and a test holds the method names to <c>SelectionMethod</c>.
/// </summary>
public sealed class StudyKnobs : SelectionKnobs
{
    /// <summary>Knobs of KMeans only.</summary>
    public SelectionKnobs? KMeans { get; set; }

    /// <summary>Knobs of Fps only.</summary>
    public SelectionKnobs? Fps { get; set; }

    /// <summary>Knobs of LocalEnvironmentBank only.</summary>
    public SelectionKnobs? LocalEnvironmentBank { get; set; }

    /// <summary>Knobs of Random only.</summary>
    public SelectionKnobs? Random { get; set; }

    /// <summary>Knobs of Dpp only.</summary>
    public SelectionKnobs? Dpp { get; set; }

    /// <summary>Knobs of MaxVol only.</summary>
    public SelectionKnobs? MaxVol { get; set; }

    /// <summary>Knobs of Cur only.</summary>
    public SelectionKnobs? Cur { get; set; }

    /// <summary>Knobs of Agglomerative only.</summary>
    public SelectionKnobs? Agglomerative { get; set; }

    /// <summary>Knobs of Spectral only.</summary>
    public SelectionKnobs? Spectral { get; set; }

    /// <summary>Knobs of Entropy only.</summary>
    public SelectionKnobs? Entropy { get; set; }
}
