using AtomCuration.Selection;

namespace AtomCuration.Studies;

/// <summary>
/// What a method's trials vary, as the papers vary it: random draws, k-means initialisations (k-means
/// and spectral clustering), FPS start points (when no start is fixed), the environment bank's visiting
/// order (paper 001's shuffles, when Shuffle is on) and sampled k-DPPs. Methods that return the same subset
/// for every seed (CUR, MaxVol, greedy DPP, agglomerative clustering, entropy maximisation, FPS from a fixed
/// start, the bank in file order) run once per size, and their records say so.
/// </summary>
public static class StudyVariation
{
    /// <summary>Whether <paramref name="options"/> gives a different subset for a different seed, and what varies (or why not).</summary>
    public static (bool Varies, string What) Of(SelectionOptions options) => options switch
    {
        RandomOptions => (true, "random draw"),
        KMeansOptions => (true, "k-means initialisation"),
        SpectralOptions => (true, "k-means initialisation of the spectral embedding"),
        FpsOptions { Start: null } => (true, "FPS start point (seeded)"),
        FpsOptions => (false, "deterministic (fixed FPS start): ran once"),
        LocalEnvironmentBankOptions { Shuffle: true } => (true, "environment-bank order (shuffled)"),
        LocalEnvironmentBankOptions => (false, "deterministic (bank in pool order, Shuffle off): ran once"),
        DppOptions { Mode: DppMode.Sample } => (true, "sampled k-DPP"),
        DppOptions => (false, "deterministic (greedy DPP): ran once"),
        _ => (false, $"deterministic ({Selector.MethodOf(options)}): ran once"),
    };

    /// <summary>The options for one trial: count, seed, one thread, and for FPS without a fixed start a seeded start point.</summary>
    internal static SelectionOptions ForTrial(SelectionOptions template, int count, int seed, int candidates)
    {
        var o = template with { Count = count, Seed = seed, Threads = 1, Cancellation = default, Progress = null };
        if (o is FpsOptions { Start: null } fps) o = fps with { Start = new Random(seed).Next(candidates) };
        return o;
    }
}
