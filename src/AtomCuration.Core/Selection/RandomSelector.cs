namespace AtomCuration.Selection;

/// <summary>Options for <see cref="RandomSelector"/>.</summary>
public sealed record RandomOptions : SelectionOptions;

/// <summary>Uniform selection without replacement (partial Fisher–Yates shuffle with <c>System.Random(Seed)</c>).</summary>
public static class RandomSelector
{
    /// <summary>Picks <see cref="SelectionOptions.Count"/> of <paramref name="poolSize"/> indices; scores are all 1.</summary>
    public static SelectionResult Select(int poolSize, RandomOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int k = Math.Min(options.Count, poolSize);
        var rng = new Random(options.Seed);
        var perm = Enumerable.Range(0, poolSize).ToArray();
        for (int i = 0; i < k; i++)
        {
            int j = i + rng.Next(poolSize - i);
            (perm[i], perm[j]) = (perm[j], perm[i]);
        }
        return new SelectionResult(SelectionMethod.Random, perm[..k], Enumerable.Repeat(1.0, k).ToArray());
    }
}
