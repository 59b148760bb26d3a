using AtomCuration.Common;
using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>A group of near-duplicate structures: descriptors chained within the tolerance of one another.</summary>
/// <param name="Group">Group number (1, 2, … in order of the groups' first members).</param>
/// <param name="Members">Pool indices, ascending; the first is the group's representative.</param>
/// <param name="Ids">Ids of the members (same order).</param>
/// <param name="MaxDistance">Largest descriptor distance between two members (can exceed the tolerance: groups chain).</param>
/// <param name="Tolerance">The tolerance the group was found with.</param>
public sealed record NearDuplicateGroup(int Group, IReadOnlyList<int> Members, IReadOnlyList<string> Ids, double MaxDistance, double Tolerance)
{
    /// <summary>Number of members.</summary>
    public int Count => Members.Count;

    /// <summary>Id of the member kept when a selection excludes near-duplicates (the first in pool order).</summary>
    public string Representative => Ids[0];
}

/// <summary>
/// Near-duplicate structures (scikit-matter #128, DP-GEN #1552): two structures are linked when the Euclidean
/// distance of their descriptors is at most a tolerance (0 = identical descriptors), and a group is a connected
/// component of those links (single linkage), so every member has a partner within the tolerance. Rows are
/// sorted by their norm: |‖a‖ − ‖b‖| ≤ ‖a − b‖, so only rows whose norms differ by at most the tolerance are
/// compared — exact, and near-linear for small tolerances.
/// </summary>
public static class NearDuplicates
{
    /// <summary>For every row, the smallest row index of its group (a row in no group is its own).</summary>
    public static int[] Representatives(FeatureMatrix x, double tolerance, int threads = 0, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!(tolerance >= 0) || !double.IsFinite(tolerance)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must be finite and ≥ 0.");
        int n = x.Rows;
        var norm = new double[n];
        for (int i = 0; i < n; i++) norm[i] = Math.Sqrt(VectorMath.Dot(x.Row(i), x.Row(i)));
        var order = Enumerable.Range(0, n).OrderBy(i => norm[i]).ThenBy(i => i).ToArray();
        double t2 = tolerance * tolerance;
        // Links found in parallel per sorted position, merged afterwards in position order (deterministic).
        var links = new List<int>[n];
        OrderedParallel.For(n, p =>
        {
            int i = order[p];
            List<int>? mine = null;
            for (int q = p + 1; q < n && norm[order[q]] - norm[i] <= tolerance; q++)
                if (VectorMath.SquaredDistance(x.Row(i), x.Row(order[q])) <= t2) (mine ??= []).Add(order[q]);
            links[p] = mine!;
        }, threads, cancellation);
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int a)
        {
            while (parent[a] != a) a = parent[a] = parent[parent[a]];
            return a;
        }
        for (int p = 0; p < n; p++)
            if (links[p] is { } mine)
                foreach (int j in mine)
                {
                    int a = Find(order[p]), b = Find(j);
                    if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b); // the root is the smallest index
                }
        var rep = new int[n];
        for (int i = 0; i < n; i++) rep[i] = Find(i);
        return rep;
    }

    /// <summary>The groups of two or more members among <paramref name="pool"/>'s structure descriptors.</summary>
    public static IReadOnlyList<NearDuplicateGroup> Find(IReadOnlyList<Structure> pool, double tolerance, int threads = 0, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var x = DescriptorPool.FromStructures(pool);
        var rep = Representatives(x, tolerance, threads, cancellation);
        var groups = new List<NearDuplicateGroup>();
        foreach (var g in Enumerable.Range(0, pool.Count).GroupBy(i => rep[i]).Where(g => g.Count() > 1).OrderBy(g => g.Key))
        {
            var members = g.Order().ToArray();
            double max = 0;
            for (int a = 0; a < members.Length; a++)
                for (int b = a + 1; b < members.Length; b++)
                    max = Math.Max(max, VectorMath.SquaredDistance(x.Row(members[a]), x.Row(members[b])));
            groups.Add(new NearDuplicateGroup(groups.Count + 1, members, members.Select(i => pool[i].Id).ToArray(), Math.Sqrt(max), tolerance));
        }
        return groups;
    }

    /// <summary>
    /// Runs <paramref name="select"/> on one representative per group (the representatives' positions in the pool are
    /// passed) and maps its result back to pool indices: no two members of a group can be selected. Cluster labels
    /// of the others follow their representative's.
    /// </summary>
    internal static SelectionResult SelectDistinct(int[] representatives, Func<int[], SelectionResult> select)
    {
        int n = representatives.Length;
        var kept = Enumerable.Range(0, n).Where(i => representatives[i] == i).ToArray();
        var position = new int[n];
        for (int k = 0; k < kept.Length; k++) position[kept[k]] = k;
        var inner = select(kept);
        var labels = inner.Labels is { } l ? Enumerable.Range(0, n).Select(i => l[position[representatives[i]]]).ToArray() : null;
        var warnings = inner.Warnings.ToList();
        if (kept.Length < n)
            warnings.Add($"{n - kept.Length} near-duplicate structure(s) were set aside: selection ran on {kept.Length} of the {n} (one per near-duplicate group).");
        return inner with
        {
            SelectedIndices = inner.SelectedIndices.Select(i => kept[i]).ToArray(),
            Labels = labels,
            Warnings = warnings,
            Info = new Dictionary<string, double>(inner.Info) { ["DistinctCandidates"] = kept.Length },
        };
    }
}
