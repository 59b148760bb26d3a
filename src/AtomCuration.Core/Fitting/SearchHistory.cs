namespace AtomCuration.Fitting;

/// <summary>One evaluation of a search over the unit cube.</summary>
/// <param name="Index">0-based order of evaluation.</param>
/// <param name="Point">Coordinates in [0, 1]^d.</param>
/// <param name="Value">Objective value (+∞ when the evaluation failed).</param>
/// <param name="Source">"random" (seeded uniform) or "expected-improvement" (chosen by the surrogate).</param>
public sealed record SearchEvaluation(int Index, IReadOnlyList<double> Point, double Value, string Source);

/// <summary>Every evaluation of a search, in order, and the best one.</summary>
public sealed record SearchResult(IReadOnlyList<SearchEvaluation> History, SearchEvaluation Best)
{
    /// <summary>Best value reached after each evaluation (running minimum).</summary>
    public IReadOnlyList<double> BestSoFar
    {
        get
        {
            var best = new double[History.Count];
            double m = double.PositiveInfinity;
            for (int k = 0; k < best.Length; k++) best[k] = m = Math.Min(m, History[k].Value);
            return best;
        }
    }

    internal static SearchResult From(List<SearchEvaluation> history) =>
        new(history, history.OrderBy(e => double.IsNaN(e.Value) ? double.PositiveInfinity : e.Value).ThenBy(e => e.Index).First());
}
