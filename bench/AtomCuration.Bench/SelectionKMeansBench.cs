using AtomCuration.Selection;

namespace AtomCuration.Bench;

/// <summary>k-means k = 100 on 100,000 × 85 (target &lt; 15 s on 2 cores).</summary>
public sealed class SelectionKMeansBench : IBenchmark
{
    public string Name => "kmeans";
    public string Description => "k-means k=100 on 100,000 × 85 (args: [restarts] [--overlap] [--sklearn])";

    public int Run(string[] args)
    {
        int restarts = args.Length > 0 && int.TryParse(args[0], out int r) ? r : 1;
        // --overlap: 20 wide blobs, so Lloyd needs many iterations at the study's tol 1e-6 / max_iter 600.
        bool overlap = args.Contains("--overlap");
        var x = overlap ? SelectionBenchData.Blobs(100_000, 85, 20, 3, spread: 12) : SelectionBenchData.Blobs(100_000, 85, 150, 3);
        KMeans.Fit(SelectionBenchData.Blobs(2000, 85, 5, 4), new KMeansOptions { Count = 5, Restarts = 1 }); // JIT
        KMeansModel m = null!;
        double t = SelectionBenchData.Time(() => m = KMeans.Fit(x, new KMeansOptions { Count = 100, Restarts = restarts, Seed = 1, Tolerance = overlap ? 1e-6 : 1e-4, MaxIterations = overlap ? 600 : 300 }));
        Console.WriteLine($"k-means 100,000 × 85, k=100, restarts {restarts}, {Environment.ProcessorCount} cores: {t:F2} s, inertia {m.Inertia:G6}, iterations {m.Iterations}");
        if (args.Contains("--sklearn")) SelectionBenchData.SideBySide("kmeans", SelectionBenchData.Dump(x), "100000", "85", "100", restarts.ToString());
        return 0;
    }
}
