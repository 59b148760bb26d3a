using AtomCuration.Statistics;
using AtomCuration.Structures;

namespace AtomCuration.Studies;

/// <summary>One cluster's figures.</summary>
/// <param name="Cluster">Cluster id.</param>
/// <param name="Size">Members.</param>
/// <param name="MeanIntraDistance">Mean descriptor distance between members (NaN for one member).</param>
/// <param name="MeanEnergy">Mean energy per atom (eV/atom).</param>
/// <param name="EnergySpread">Standard deviation of the energy per atom σ_E (meV/atom, population form; 0 for one member).</param>
public sealed record ClusterFigures(int Cluster, int Size, double MeanIntraDistance, double MeanEnergy, double EnergySpread);

/// <summary>
/// How well clusters of the original descriptor space group structures (the referee's check on paper 000, and
/// paper 003's ⟨σ⟩_E): mean distance between members of one cluster against the mean distance between
/// members of different clusters, the silhouette (<see cref="Silhouette"/>), and the energy-per-atom spread of
/// each cluster with its mean over clusters. Intra &lt; inter and a positive silhouette say the clusters are
/// real in the space k-means worked in; a small ⟨σ⟩_E says they also group similar energies.
/// </summary>
/// <param name="Structures">Structures measured.</param>
/// <param name="Clusters">Clusters.</param>
/// <param name="MeanIntraDistance">Mean distance over pairs in the same cluster.</param>
/// <param name="MeanInterDistance">Mean distance over pairs in different clusters.</param>
/// <param name="DistanceRatio">Intra / inter.</param>
/// <param name="Silhouette">Mean silhouette (NaN with one cluster or one structure per cluster).</param>
/// <param name="MeanEnergySpread">⟨σ⟩_E: σ_E averaged over clusters (meV/atom).</param>
/// <param name="WeightedEnergySpread">σ_E averaged over clusters weighted by size (meV/atom).</param>
/// <param name="PoolEnergySpread">σ_E of all structures together (meV/atom), for scale.</param>
/// <param name="PerCluster">Each cluster's figures, by id.</param>
public sealed record ClusterQualityReport(int Structures, int Clusters, double MeanIntraDistance, double MeanInterDistance, double DistanceRatio,
    double Silhouette, double MeanEnergySpread, double WeightedEnergySpread, double PoolEnergySpread, IReadOnlyList<ClusterFigures> PerCluster)
{
    /// <summary>Measures structures that carry <see cref="Structure.ClusterId"/> and a descriptor (energies optional).</summary>
    public static ClusterQualityReport Measure(IReadOnlyList<Structure> structures, bool standardize = false, int degree = 0)
    {
        ArgumentNullException.ThrowIfNull(structures);
        if (structures.Count < 2) throw new ArgumentException("Need at least two structures.");
        var bad = structures.FirstOrDefault(s => s.Descriptor is null || s.ClusterId is null);
        if (bad is not null)
            throw new ArgumentException($"{bad.Id} lacks {(bad.Descriptor is null ? "a structure descriptor (run Get-Descriptor)" : "a cluster id (Select-Configuration KMeans -IncludeRejected)")}.");
        var x = DescriptorLabelCorrelation.Features(structures, standardize);
        var labels = structures.Select(s => s.ClusterId!.Value).ToArray();
        int n = x.Length;
        // Pair sums per row, in row order (deterministic for any thread count).
        var intraSum = new double[n];
        var interSum = new double[n];
        var intraCount = new long[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = degree > 0 ? degree : Environment.ProcessorCount }, i =>
        {
            for (int j = i + 1; j < n; j++)
            {
                double d = Statistics.Silhouette.Distance(x[i], x[j]);
                if (labels[i] == labels[j])
                {
                    intraSum[i] += d;
                    intraCount[i]++;
                }
                else interSum[i] += d;
            }
        });
        double intra = intraSum.Sum(), inter = interSum.Sum();
        long nIntra = intraCount.Sum(), nInter = (long)n * (n - 1) / 2 - nIntra;
        var ids = labels.Distinct().Order().ToArray();
        double silhouette = ids.Length >= 2 && ids.Length <= n - 1 ? Statistics.Silhouette.Score(x, labels, degree) : double.NaN;
        bool energies = structures.All(s => s.Energy is not null);
        var e = energies ? structures.Select(s => s.Energy!.Value / s.AtomCount).ToArray() : null;
        var per = new List<ClusterFigures>();
        foreach (int id in ids)
        {
            var members = Enumerable.Range(0, n).Where(i => labels[i] == id).ToArray();
            double sum = 0;
            long pairs = 0;
            for (int a = 0; a < members.Length; a++)
                for (int b = a + 1; b < members.Length; b++)
                {
                    sum += Statistics.Silhouette.Distance(x[members[a]], x[members[b]]);
                    pairs++;
                }
            var ce = e is null ? [] : members.Select(i => e[i]).ToArray();
            per.Add(new ClusterFigures(id, members.Length, pairs > 0 ? sum / pairs : double.NaN,
                e is null ? double.NaN : ce.Average(), e is null ? double.NaN : 1000 * PopulationSd(ce)));
        }
        return new ClusterQualityReport(n, ids.Length, nIntra > 0 ? intra / nIntra : double.NaN, nInter > 0 ? inter / nInter : double.NaN,
            nIntra > 0 && nInter > 0 ? intra / nIntra / (inter / nInter) : double.NaN, silhouette,
            e is null ? double.NaN : per.Average(c => c.EnergySpread),
            e is null ? double.NaN : per.Sum(c => c.EnergySpread * c.Size) / n,
            e is null ? double.NaN : 1000 * PopulationSd(e), per);
    }

    private static double PopulationSd(double[] v)
    {
        double m = v.Average();
        return Math.Sqrt(v.Sum(t => (t - m) * (t - m)) / v.Length);
    }
}
