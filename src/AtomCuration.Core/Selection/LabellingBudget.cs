using System.Globalization;
using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>
/// Selection at a labelling budget instead of a count. A structure's cost is N_atoms^k (<see cref="SelectionOptions.CostExponent"/>,
/// default 3: plane-wave DFT time grows about as the cube of the system size), or the number in its Info entry
/// <see cref="SelectionOptions.CostKey"/> (e.g. measured core-hours). The method runs with a count found by bisection:
/// the largest count whose selection's total cost stays within the budget, searched between 0 and the number of the
/// cheapest structures that fit (no larger selection can). A method whose picks grow with the count (FPS, greedy DPP,
/// CUR, the bank) is monotone in cost and the count found is the largest that fits; for a clustering method the
/// bisection assumes so, and the selection returned always fits.
/// </summary>
public static class LabellingBudget
{
    /// <summary>The labelling cost of every structure of <paramref name="pool"/>.</summary>
    /// <exception cref="InvalidOperationException">A structure lacks the cost key, or its cost is not a finite number ≥ 0 (named).</exception>
    public static double[] Costs(IReadOnlyList<Structure> pool, double exponent, string? costKey)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var cost = new double[pool.Count];
        for (int i = 0; i < pool.Count; i++)
        {
            var s = pool[i];
            if (costKey is null) cost[i] = Math.Pow(s.AtomCount, exponent);
            else
            {
                var value = s.GetInfo(costKey) ?? throw new InvalidOperationException(
                    $"Structure '{s.Id}' (index {i}) has no Info['{costKey}']: every structure needs its labelling cost under that key.");
                cost[i] = value is IConvertible c && c.GetTypeCode() != TypeCode.String
                    ? c.ToDouble(CultureInfo.InvariantCulture)
                    : double.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
            }
            if (!(cost[i] >= 0) || !double.IsFinite(cost[i]))
                throw new InvalidOperationException($"Structure '{s.Id}' (index {i}) has labelling cost {cost[i]}: costs must be finite and ≥ 0.");
        }
        return cost;
    }

    /// <summary>
    /// The selection of the largest count (by bisection) whose total <paramref name="cost"/> is at most <paramref name="budget"/>;
    /// <paramref name="selectCount"/> runs the method for a count. Info gets Budget, Cost and the count.
    /// </summary>
    public static SelectionResult Select(double[] cost, double budget, Func<int, SelectionResult> selectCount, SelectionMethod method)
    {
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(selectCount);
        if (!(budget > 0) || !double.IsFinite(budget)) throw new ArgumentOutOfRangeException(nameof(budget), budget, "The budget must be finite and > 0.");
        var cheapest = cost.Order().ToArray();
        int upper = 0;
        for (double sum = 0; upper < cheapest.Length && (sum += cheapest[upper]) <= budget;) upper++;
        SelectionResult? best = null;
        int lo = 1, hi = upper;
        while (lo <= hi)
        {
            int k = lo + (hi - lo) / 2;
            var r = selectCount(k);
            if (Total(cost, r) <= budget)
            {
                best = r;
                lo = k + 1;
            }
            else hi = k - 1;
        }
        best ??= new SelectionResult(method, [], [])
        {
            Warnings = [upper == 0
                ? $"No structure fits the budget {budget.ToString("G6", CultureInfo.InvariantCulture)} (the cheapest costs {(cheapest.Length > 0 ? cheapest[0] : double.NaN).ToString("G6", CultureInfo.InvariantCulture)})."
                : $"{method} found no selection within the budget {budget.ToString("G6", CultureInfo.InvariantCulture)}."],
        };
        return best with
        {
            Info = new Dictionary<string, double>(best.Info)
            {
                ["Budget"] = budget,
                ["Cost"] = Total(cost, best),
                ["Count"] = best.SelectedIndices.Count,
            },
        };
    }

    /// <summary>Total cost of a selection.</summary>
    public static double Total(double[] cost, SelectionResult result)
    {
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(result);
        double sum = 0;
        foreach (int i in result.SelectedIndices) sum += cost[i];
        return sum;
    }
}
