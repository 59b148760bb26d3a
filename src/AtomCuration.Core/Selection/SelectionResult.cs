namespace AtomCuration.Selection;

/// <summary>
/// What a selector returns: indices into the pool in selection order, optional cluster
/// labels for every pool member, and one score per pick (its meaning is stated by each method).
/// </summary>
/// <param name="Method">Method that produced the result.</param>
/// <param name="SelectedIndices">Pool indices in selection order (first = picked first).</param>
/// <param name="Scores">One score per entry of <paramref name="SelectedIndices"/>.</param>
/// <param name="Labels">Cluster id of every pool member (clustering methods), or null.</param>
public sealed record SelectionResult(
    SelectionMethod Method,
    IReadOnlyList<int> SelectedIndices,
    IReadOnlyList<double> Scores,
    IReadOnlyList<int>? Labels = null)
{
    /// <summary>Method-specific figures (e.g. the threshold found by bisection, the cluster count chosen).</summary>
    public IReadOnlyDictionary<string, double> Info { get; init; } = new Dictionary<string, double>();

    /// <summary>What the caller should know (e.g. fewer distinct candidates than asked for); a cmdlet writes each as a warning.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
