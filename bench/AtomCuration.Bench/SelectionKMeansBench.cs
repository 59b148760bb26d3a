using AtomCuration.Selection;

namespace AtomCuration.Bench;

/// <summary>k-means k = 100 on 100,000 × 85 (target &lt; 15 s on 2 cores).</summary>
public sealed class SelectionKMeansBench : IBenchmark
{
    public string Name => "kmeans";
    public string Description => "k-means k=100 on 100,000 × 85 (args: [restarts] [--overlap] [--max-iter N] [--seed S] [--dump PATH] [--dump-init PATH] [--init PATH] [--dump-labels PATH] [--sklearn [ALGORITHM]])";

    public int Run(string[] args)
    {
        int restarts = args.Length > 0 && int.TryParse(args[0], out int r) ? r : 1;
        // --overlap: 20 wide blobs, so Lloyd needs many iterations at the study's tol 1e-6 / max_iter 600.
        bool overlap = args.Contains("--overlap");
        var x = overlap ? SelectionBenchData.Blobs(100_000, 85, 20, 3, spread: 12) : SelectionBenchData.Blobs(100_000, 85, 150, 3);
        KMeans.Fit(SelectionBenchData.Blobs(2000, 85, 5, 4), new KMeansOptions { Count = 5, Restarts = 1 }); // JIT
        KMeansModel m = null!;
        double tol = overlap ? 1e-6 : 1e-4;
        int maxIter = Option(args, "--max-iter") is { } mi ? int.Parse(mi) : overlap ? 600 : 300;
        // --seed S: the k-means++ seed (ours) and random_state (the reference's); different seeds end in different local minima.
        int seed = Option(args, "--seed") is { } sd ? int.Parse(sd) : 1;
        // --dump PATH writes the matrix (raw little-endian float64) for the reference run from the command line.
        if (Option(args, "--dump") is { } dump) File.WriteAllBytes(dump, System.Runtime.InteropServices.MemoryMarshal.AsBytes(x.Values).ToArray());
        var options = new KMeansOptions { Count = 100, Restarts = restarts, Seed = seed, Tolerance = tol, MaxIterations = maxIter };
        // --dump-init PATH writes the k-means++ centres the first restart starts from (k × 85 float64), for the reference's init=.
        if (Option(args, "--dump-init") is { } dumpInit)
            File.WriteAllBytes(dumpInit, System.Runtime.InteropServices.MemoryMarshal.AsBytes(KMeans.SeedCenters(x, options).AsSpan()).ToArray());
        // --init PATH: one Lloyd run from those centres, no seeding (the Lloyd phase alone, from the same start as the reference's).
        double[]? init = Option(args, "--init") is { } initPath
            ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(initPath)).ToArray() : null;
        double t = SelectionBenchData.Time(() => m = init is null ? KMeans.Fit(x, options) : KMeans.Fit(x, options, init));
        Console.WriteLine($"k-means 100,000 × 85, k=100, {(init is null ? $"restarts {restarts}, seed {seed}" : "from the given centres")}, {Environment.ProcessorCount} cores: {t:F2} s, inertia {m.Inertia:R}, iterations {m.Iterations}");
        // --dump-labels PATH writes the labels (raw int32) for the reference script to count the rows it labels differently.
        if (Option(args, "--dump-labels") is { } dumpLabels)
            File.WriteAllBytes(dumpLabels, System.Runtime.InteropServices.MemoryMarshal.AsBytes(m.Labels.AsSpan()).ToArray());
        // The reference runs with the same tolerance and iteration cap (its default algorithm here: lloyd; name elkan to compare with it).
        if (args.Contains("--sklearn"))
            SelectionBenchData.SideBySide("kmeans", SelectionBenchData.Dump(x), "100000", "85", "100", restarts.ToString(),
                Option(args, "--sklearn") is { } alg && !alg.StartsWith("--") ? alg : "lloyd", tol.ToString("R", System.Globalization.CultureInfo.InvariantCulture), maxIter.ToString(), seed.ToString());
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
