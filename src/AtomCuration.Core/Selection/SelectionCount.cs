using System.Runtime.InteropServices;
using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>
/// The contract every selector's result is held to (<see cref="Selector"/> applies it to all of
/// them): no pool index twice, and a warning when fewer structures than asked come back or when
/// the pool has fewer distinct descriptors than asked (so the picks include copies).
/// </summary>
internal static class SelectionCount
{
    /// <summary>Checks <paramref name="result"/>; returns it with the warnings the caller should see.</summary>
    /// <exception cref="InvalidOperationException">An index appears twice (a defect in the method).</exception>
    public static SelectionResult Check(SelectionResult result, SelectionOptions options, int poolSize, Func<int?> distinct)
    {
        var seen = new HashSet<int>();
        foreach (int i in result.SelectedIndices)
            if (!seen.Add(i))
                throw new InvalidOperationException($"{result.Method} picked pool index {i} twice; please report this defect.");
        if (options is LocalEnvironmentBankOptions { FitsCount: false }) return result; // a threshold, not a count, was asked for
        int asked = Math.Min(options.Count, poolSize), got = result.SelectedIndices.Count;
        int? different = distinct();
        string? warning = null;
        if (got < asked)
            warning = $"{result.Method} selected {got} of the {options.Count} structures asked for" +
                      (different is { } m ? $"; the pool of {poolSize} holds {m} distinct descriptor(s)." : ".");
        else if (different is { } m && m < asked)
            warning = $"The pool of {poolSize} holds only {m} distinct descriptor(s), fewer than the {asked} asked for: the selection includes copies.";
        return warning is null ? result : result with { Warnings = [.. result.Warnings, warning] };
    }

    /// <summary>Number of distinct rows of <paramref name="x"/>.</summary>
    public static int? DistinctRows(FeatureMatrix x)
    {
        var set = new HashSet<int>(new RowComparer(x));
        for (int i = 0; i < x.Rows; i++) set.Add(i);
        return set.Count;
    }

    /// <summary>Number of distinct structure descriptors of <paramref name="pool"/>, or null when not every structure has one.</summary>
    public static int? DistinctDescriptors(IReadOnlyList<Structure> pool)
    {
        if (pool.Count == 0 || pool.Any(s => s.Descriptor is null)) return null;
        int d = pool[0].Descriptor!.Value.Length;
        if (pool.Any(s => s.Descriptor!.Value.Length != d)) return null;
        var values = new double[pool.Count * d];
        for (int i = 0; i < pool.Count; i++) pool[i].Descriptor!.Value.AsSpan().CopyTo(values.AsSpan(i * d, d));
        return DistinctRows(Matrices.Create(pool.Count, d, values));
    }

    private sealed class RowComparer(FeatureMatrix x) : IEqualityComparer<int>
    {
        public bool Equals(int a, int b) => x.Row(a).SequenceEqual(x.Row(b));

        public int GetHashCode(int i)
        {
            var h = new HashCode();
            foreach (double v in x.Row(i)) h.Add(v == 0 ? 0.0 : v);
            return h.ToHashCode();
        }
    }
}
