namespace AtomCuration.Selection;

/// <summary>The selection methods <see cref="Selector"/> dispatches to.</summary>
public enum SelectionMethod
{
    /// <summary>Uniform without replacement (<see cref="RandomSelector"/>).</summary>
    Random,
    /// <summary>k-means, member nearest each centroid (<see cref="KMeans"/>).</summary>
    KMeans,
    /// <summary>Farthest point sampling (<see cref="FarthestPointSampling"/>).</summary>
    Fps,
    /// <summary>Local-environment bank on per-atom descriptors (<see cref="LocalEnvironmentBank"/>).</summary>
    LocalEnvironmentBank,
    /// <summary>Determinantal point process, greedy MAP or exact k-DPP sampling (<see cref="Dpp"/>).</summary>
    Dpp,
    /// <summary>D-optimal rows by maxvol (<see cref="MaxVol"/>).</summary>
    MaxVol,
    /// <summary>CUR leverage scores with re-orthogonalisation (<see cref="Cur"/>).</summary>
    Cur,
    /// <summary>Agglomerative clustering, one representative per cluster (<see cref="Agglomerative"/>).</summary>
    Agglomerative,
    /// <summary>Spectral clustering with per-cluster fraction selection (<see cref="Spectral"/>).</summary>
    Spectral,
    /// <summary>Greedy maximisation of the nearest-neighbour entropy of per-atom environments (<see cref="EntropySelector"/>).</summary>
    Entropy,
}
