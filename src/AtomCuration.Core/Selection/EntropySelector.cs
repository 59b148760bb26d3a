using AtomCuration.Options;
using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>Options for <see cref="EntropySelector"/> and <see cref="Diversity"/>.</summary>
public sealed record EntropyOptions : SelectionOptions
{
    /// <summary>Use the k-th nearest neighbour distance (1 = the paper's estimator).</summary>
    [OptionRange(1, 1000)]
    public int Neighbours { get; init; } = 1;

    /// <summary>Floor h on neighbour distances (keeps duplicates finite).</summary>
    [OptionRange(0, double.PositiveInfinity, MinExclusive = true)]
    public double Bandwidth { get; init; } = 1e-12;
}

/// <summary>
/// Greedy entropy maximisation over structures: the selected set's per-atom environments (all
/// elements together, raw descriptor values) are scored with <see cref="NearestNeighbourEntropy"/>;
/// each step adds the structure giving the largest S of the union (ties: lowest index). The
/// score of each pick is its entropy gain (the first pick's score is its own S).
/// Cost per step: O(candidates × selected atoms × atoms per candidate × features).
/// </summary>
public static class EntropySelector
{
    /// <summary>Selects <see cref="SelectionOptions.Count"/> structures of <paramref name="pool"/>.</summary>
    public static SelectionResult Select(IReadOnlyList<Structure> pool, EntropyOptions options)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(options);
        var env = pool.Select((s, i) => DescriptorPool.AtomDescriptorsOf(s, i)).ToArray();
        int kNn = options.Neighbours, count = Math.Min(options.Count, pool.Count);
        int d = env.Length > 0 ? env[0].Columns : 0;
        var sel = new List<double>(); // selected environments, flattened
        var selKth = new List<double[]>(); // k smallest squared distances of each selected environment
        var taken = new bool[pool.Count];
        var picks = new List<int>();
        var scores = new List<double>();
        double current = 0;
        var value = new double[pool.Count];
        for (int t = 0; t < count; t++)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            options.Progress?.Report(t / (double)count);
            var selArr = sel.ToArray();
            int nSel = selKth.Count;
            Common.OrderedParallel.For(pool.Count, c =>
                value[c] = taken[c] ? double.NegativeInfinity : Evaluate(selArr, selKth, nSel, env[c], d, kNn, options.Bandwidth, null),
                options.Threads);
            int best = -1;
            for (int c = 0; c < pool.Count; c++)
                if (!taken[c] && (best < 0 || value[c] > value[best])) best = c;
            if (best < 0 || double.IsNegativeInfinity(value[best])) break;
            Evaluate(selArr, selKth, nSel, env[best], d, kNn, options.Bandwidth, selKth);
            for (int a = 0; a < env[best].Rows; a++) foreach (var v in env[best].Row(a)) sel.Add(v);
            taken[best] = true;
            picks.Add(best);
            scores.Add(t == 0 ? value[best] : value[best] - current);
            current = value[best];
        }
        return new SelectionResult(SelectionMethod.Entropy, picks, scores)
        {
            Info = new Dictionary<string, double> { ["Entropy"] = current },
        };
    }

    /// <summary>
    /// S of selected ∪ candidate. When <paramref name="commit"/> is given, the neighbour lists are
    /// updated in place and the candidate's own lists appended.
    /// </summary>
    private static double Evaluate(double[] sel, List<double[]> selKth, int nSel, FeatureMatrix cand, int d, int k,
        double bandwidth, List<double[]>? commit)
    {
        int nc = cand.Rows, n = nSel + nc;
        if (n <= k) return double.NegativeInfinity;
        var kth = new double[n];
        var buf = new double[k];
        var candLists = new double[nc][];
        for (int a = 0; a < nc; a++)
        {
            buf.AsSpan().Fill(double.PositiveInfinity);
            var row = cand.Row(a);
            for (int j = 0; j < nSel; j++) NearestNeighbourEntropy.Insert(buf, VectorMath.SquaredDistance(row, sel.AsSpan(j * d, d)));
            for (int b = 0; b < nc; b++) if (b != a) NearestNeighbourEntropy.Insert(buf, VectorMath.SquaredDistance(row, cand.Row(b)));
            kth[nSel + a] = buf[k - 1];
            candLists[a] = buf.ToArray();
        }
        for (int j = 0; j < nSel; j++)
        {
            var list = commit is null ? (double[])selKth[j].Clone() : selKth[j];
            for (int a = 0; a < nc; a++) NearestNeighbourEntropy.Insert(list, VectorMath.SquaredDistance(sel.AsSpan(j * d, d), cand.Row(a)));
            kth[j] = list[k - 1];
        }
        commit?.AddRange(candLists);
        return NearestNeighbourEntropy.FromKth(kth, n, bandwidth);
    }
}
