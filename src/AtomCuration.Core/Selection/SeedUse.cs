namespace AtomCuration.Selection;

/// <summary>
/// Which selections draw random numbers. The others are deterministic — the same pool gives the same selection for
/// every seed — so a seed given to them is a misunderstanding worth a warning, not a silent no-op.
/// </summary>
public static class SeedUse
{
    /// <summary>
    /// True when <paramref name="options"/>' method reads <see cref="SelectionOptions.Seed"/>: Random, KMeans (k-means++
    /// seeding), Spectral (k-means on the embedding), DPP sampling, and the bank with shuffling. FPS (deterministic start
    /// farthest from the mean, or the one given), CUR, MaxVol, greedy DPP, agglomerative clustering, the entropy
    /// selection and the unshuffled bank do not.
    /// </summary>
    public static bool UsesSeed(SelectionOptions options) => options switch
    {
        RandomOptions or KMeansOptions or SpectralOptions => true,
        DppOptions d => d.Mode == DppMode.Sample,
        LocalEnvironmentBankOptions b => b.Shuffle,
        null => throw new ArgumentNullException(nameof(options)),
        _ => false,
    };

    /// <summary>The warning for a seed given to a method that ignores it, or null when the method uses it.</summary>
    public static string? IgnoredWarning(SelectionOptions options) => UsesSeed(options) ? null :
        $"-Seed has no effect: {Selector.MethodOf(options)}{Qualifier(options)} is deterministic (the same selection for every seed).";

    private static string Qualifier(SelectionOptions options) => options switch
    {
        DppOptions => " in Greedy mode (Sample mode uses the seed)",
        LocalEnvironmentBankOptions => " without shuffle (@{ shuffle = $true } uses the seed)",
        _ => "",
    };
}
