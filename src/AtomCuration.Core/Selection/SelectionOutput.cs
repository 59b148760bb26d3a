using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>Turns a <see cref="SelectionResult"/> back into structures carrying their selection (what Select-Configuration emits).</summary>
public static class SelectionOutput
{
    /// <summary>
    /// The selected members of <paramref name="pool"/> in selection order, each with
    /// <see cref="Structure.SelectionRank"/> (0 = picked first), <see cref="Structure.SelectionScore"/> and,
    /// for clustering methods, <see cref="Structure.ClusterId"/>. With <paramref name="includeRejected"/>,
    /// every pool member follows the selected ones in pool order with <see cref="Structure.Selected"/> false
    /// (and the selected ones carry true), so a training set and its complement come out of one call.
    /// </summary>
    public static IEnumerable<Structure> Attach(IReadOnlyList<Structure> pool, SelectionResult result, bool includeRejected = false)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Labels is { } labels && labels.Count != pool.Count)
            throw new ArgumentException($"The result labels {labels.Count} structures, the pool holds {pool.Count}.", nameof(result));
        return Iterate(pool, result, includeRejected);
    }

    private static IEnumerable<Structure> Iterate(IReadOnlyList<Structure> pool, SelectionResult result, bool includeRejected)
    {
        var picked = new bool[pool.Count];
        for (int rank = 0; rank < result.SelectedIndices.Count; rank++)
        {
            int i = result.SelectedIndices[rank];
            picked[i] = true;
            yield return new Structure(pool[i])
            {
                SelectionRank = rank,
                SelectionScore = result.Scores[rank],
                ClusterId = result.Labels?[i],
                Selected = includeRejected ? true : null,
            };
        }
        if (!includeRejected) yield break;
        for (int i = 0; i < pool.Count; i++)
            if (!picked[i])
                yield return new Structure(pool[i]) { Selected = false, ClusterId = result.Labels?[i], SelectionRank = null, SelectionScore = null };
    }
}
