using System.Collections;
using System.Reflection;

namespace AtomCuration.PowerShell.Mapping;

/// <summary>
/// The type of <c>Select-Configuration -Options</c>. Users still type a hashtable (<c>@{ restarts = 20 }</c>): PowerShell
/// converts it by property name. The point of the type is Tab: PowerShell completes hashtable keys from the
/// properties of a parameter's type (argument completers are not asked inside a hashtable), so <c>-Options @{ &lt;Tab&gt;</c>
/// offers these names. Values are kept as given; which method takes which key, their ranges and messages stay in
/// Core's <c>SelectionOptionsMapper</c> (and <c>StoreSelectionOptions</c> with -Store), and a test holds these properties to the union of their keys.
/// </summary>
public class SelectionKnobs
{
    /// <summary>KMeans: independent k-means++ restarts.</summary>
    public object? Restarts { get; set; }

    /// <summary>KMeans: relative centre-shift tolerance; MaxVol: the swap threshold.</summary>
    public object? Tolerance { get; set; }

    /// <summary>KMeans: Lloyd iterations per restart.</summary>
    public object? MaxIterations { get; set; }

    /// <summary>Fps: index of the first point.</summary>
    public object? Start { get; set; }

    /// <summary>Fps, Dpp, Agglomerative, Spectral: kernel kind (Linear, Rbf, Laplacian, Cosine, …).</summary>
    public object? Kernel { get; set; }

    /// <summary>Kernel width γ.</summary>
    public object? Gamma { get; set; }

    /// <summary>LocalEnvironmentBank: per-element thresholds, e.g. @{ Pd = 0.2; H = 0.3 }.</summary>
    public object? ElementThresholds { get; set; }

    /// <summary>LocalEnvironmentBank: environment scaling (MinMax, None).</summary>
    public object? Scaling { get; set; }

    /// <summary>LocalEnvironmentBank: visit structures in a seeded random order.</summary>
    public object? Shuffle { get; set; }

    /// <summary>Dpp: Greedy or Sample.</summary>
    public object? Mode { get; set; }

    /// <summary>MaxVol: most row swaps.</summary>
    public object? MaxSwaps { get; set; }

    /// <summary>Cur: singular vectors the leverage scores use.</summary>
    public object? Components { get; set; }

    /// <summary>Agglomerative: linkage (Ward, Complete, Average, Single).</summary>
    public object? Linkage { get; set; }

    /// <summary>Spectral: hybrid-kernel weight δ.</summary>
    public object? Delta { get; set; }

    /// <summary>Spectral: number of clusters (default: from the eigengap).</summary>
    public object? Clusters { get; set; }

    /// <summary>Spectral: distance tolerance of the hybrid kernel.</summary>
    public object? DistanceTolerance { get; set; }

    /// <summary>Spectral: most clusters the eigengap may choose.</summary>
    public object? MaxClusters { get; set; }

    /// <summary>Entropy: k of the k-th nearest neighbour distance.</summary>
    public object? Neighbours { get; set; }

    /// <summary>Entropy: floor on neighbour distances.</summary>
    public object? Bandwidth { get; set; }

    /// <summary>Fps, Spectral: a structure kernel over the per-atom environments (Average, Rematch).</summary>
    public object? AtomKernel { get; set; }

    /// <summary>Rematch atom kernel: entropy regularisation α.</summary>
    public object? RematchAlpha { get; set; }

    /// <summary>With -Store, KMeans: rows per mini-batch.</summary>
    public object? BatchSize { get; set; }

    /// <summary>With -Store, KMeans: mini-batch steps.</summary>
    public object? Steps { get; set; }

    /// <summary>With -Store, Fps and Cur: memory (MB) under which the matrix is kept instead of re-read per pick.</summary>
    public object? CacheMegabytes { get; set; }

    /// <summary>The knobs given, as the mapping Core's options binder reads (keys as the property names; knobs nested per method as mappings too).</summary>
    public Hashtable ToHashtable()
    {
        var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var p in GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (p.GetValue(this) is { } value) table[p.Name] = value is SelectionKnobs nested ? nested.ToHashtable() : value;
        return table;
    }
}
