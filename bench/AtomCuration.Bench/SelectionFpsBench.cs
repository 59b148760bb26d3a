using AtomCuration.Selection;

namespace AtomCuration.Bench;

/// <summary>Farthest point sampling, 1,000 picks from 100,000 × 100 (target &lt; 10 s on 2 cores).</summary>
public sealed class SelectionFpsBench : IBenchmark
{
    public string Name => "fps";
    public string Description => "FPS: 1,000 picks from 100,000 × 100 (args: [picks] [--lowdim] [--sklearn])";

    public int Run(string[] args)
    {
        int picks = args.Length > 0 && int.TryParse(args[0], out int p) ? p : 1000;
        // --lowdim: rows on a 6-dimensional linear manifold, as descriptors of one material tend to be.
        var x = args.Contains("--lowdim") ? SelectionBenchData.LowDimensional(100_000, 100, 6, 1) : SelectionBenchData.Blobs(100_000, 100, 50, 1);
        FarthestPointSampling.Select(SelectionBenchData.Blobs(2000, 100, 5, 2), new FpsOptions { Count = 10 }); // JIT
        SelectionResult r = null!;
        double t = SelectionBenchData.Time(() => r = FarthestPointSampling.Select(x, new FpsOptions { Count = picks }));
        Console.WriteLine($"FPS 100,000 × 100, {picks} picks, {Environment.ProcessorCount} cores: {t:F2} s, covering radius {r.Scores[^1]:G6}");
        if (args.Contains("--sklearn")) SelectionBenchData.SideBySide("fps", SelectionBenchData.Dump(x), "100000", "100", picks.ToString());
        return 0;
    }
}
