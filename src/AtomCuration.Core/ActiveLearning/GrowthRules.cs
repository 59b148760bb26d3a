using AtomCuration.Common;
using AtomCuration.Potentials.Eam;
using AtomCuration.Studies;

namespace AtomCuration.ActiveLearning;

/// <summary>
/// The choice of the structures an iteration adds. Every rule adds the same number per iteration — what paper
/// 003's rule takes (Σ_c min(left_c, max(1, round(f·n_c))) over clusters c of size n_c with left_c unused
/// members) — so the rules differ only in which structures they pick, and the first iteration always draws
/// from every cluster (the other rules need a potential, or a set to be novel against).
/// </summary>
internal static class GrowthRules
{
    /// <summary>Structures the cluster rule adds next: per cluster max(1, round(f·n_c)), capped at its unused members.</summary>
    public static int BatchSize(IReadOnlyList<int> labels, int clusters, bool[] used, double fraction)
    {
        var size = new int[clusters];
        var left = new int[clusters];
        for (int i = 0; i < labels.Count; i++)
        {
            size[labels[i]]++;
            if (!used[i]) left[labels[i]]++;
        }
        int total = 0;
        for (int c = 0; c < clusters; c++) total += Math.Min(left[c], Quota(size[c], fraction));
        return total;
    }

    private static int Quota(int size, double fraction) => Math.Max(1, (int)Math.Round(fraction * size, MidpointRounding.AwayFromZero));

    /// <summary>Paper 003: per cluster, a seeded random draw of its quota from the unused members (seed from (run seed, iteration, cluster)).</summary>
    public static int[] ByCluster(IReadOnlyList<int> labels, int clusters, bool[] used, double fraction, int seed, int iteration)
    {
        var picks = new List<int>();
        for (int c = 0; c < clusters; c++)
        {
            var members = Enumerable.Range(0, labels.Count).Where(i => labels[i] == c).ToArray();
            var unused = members.Where(i => !used[i]).ToArray();
            int take = Math.Min(unused.Length, Quota(members.Length, fraction));
            if (take == 0) continue;
            new Random(StudySeeds.Selection(seed, "active-learning", iteration, c)).Shuffle(unused);
            picks.AddRange(unused.Take(take).Order());
        }
        return picks.ToArray();
    }

    /// <summary>
    /// The <paramref name="count"/> unused structures with the largest error of <paramref name="potential"/>: the
    /// squared per-atom energy error over the squared energy target, plus (with a force target) the mean squared
    /// force-component error over the squared force target. Ties go to the lower index.
    /// </summary>
    public static int[] ByWorstError(EamPotential potential, EamTrainingSet data, bool[] used, int count, double energyTarget,
        double? forceTarget, int threads, CancellationToken cancellation)
    {
        var candidates = Enumerable.Range(0, used.Length).Where(i => !used[i]).ToArray();
        var map = EamPreparedEvaluator.SpeciesMap(potential, data);
        var score = new double[candidates.Length];
        using var local = new ThreadLocal<EamPreparedEvaluator.Workspace>(() => new EamPreparedEvaluator.Workspace());
        OrderedParallel.For(candidates.Length, q =>
        {
            var it = data.Items[candidates[q]];
            if (it.Type.Any(t => map[t] < 0))
            {
                score[q] = double.PositiveInfinity; // an element the potential has never seen
                return;
            }
            var work = local.Value!;
            double de = 1000 * (EamPreparedEvaluator.Evaluate(potential, it, map, work, out _) - it.Energy) / it.Count;
            double s = de * de / (energyTarget * energyTarget);
            if (forceTarget is double ft && it.Forces is { } f)
            {
                double sq = 0;
                for (int i = 0; i < it.Count; i++) sq += (work.Forces[i] - f[i]).LengthSquared;
                s += 1e6 * sq / (3 * it.Count) / (ft * ft);
            }
            score[q] = s;
        }, threads, cancellation);
        return Enumerable.Range(0, candidates.Length).OrderByDescending(q => score[q]).ThenBy(q => q)
            .Take(count).Select(q => candidates[q]).Order().ToArray();
    }

    /// <summary>
    /// Greedy farthest-point choice relative to the accumulated set: repeatedly the unused structure whose
    /// distance to its nearest accumulated (or already picked) structure is largest. Distances are the
    /// partition's: D(A,B) = √(K_AA + K_BB − 2K_AB) of the hybrid kernel (Eq. 12 of paper 003), or Euclidean
    /// between structure descriptors. Ties go to the lower index.
    /// </summary>
    public static int[] ByNovelty(Func<int, int, double> distance, bool[] used, int count, int threads, CancellationToken cancellation)
    {
        int n = used.Length;
        var inSet = Enumerable.Range(0, n).Where(i => used[i]).ToArray();
        var candidates = Enumerable.Range(0, n).Where(i => !used[i]).ToArray();
        var nearest = new double[candidates.Length];
        OrderedParallel.For(candidates.Length, q =>
        {
            double d = double.PositiveInfinity;
            foreach (int j in inSet) d = Math.Min(d, distance(candidates[q], j));
            nearest[q] = d;
        }, threads, cancellation);
        var taken = new bool[candidates.Length];
        var picks = new List<int>();
        for (int k = 0; k < Math.Min(count, candidates.Length); k++)
        {
            int best = -1;
            for (int q = 0; q < candidates.Length; q++)
                if (!taken[q] && (best < 0 || nearest[q] > nearest[best])) best = q;
            taken[best] = true;
            picks.Add(candidates[best]);
            for (int q = 0; q < candidates.Length; q++)
                if (!taken[q]) nearest[q] = Math.Min(nearest[q], distance(candidates[q], candidates[best]));
        }
        return picks.Order().ToArray();
    }
}
