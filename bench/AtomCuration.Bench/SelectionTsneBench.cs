using AtomCuration.Embedding;

namespace AtomCuration.Bench;

/// <summary>t-SNE of 5,000 points × 50 features, exact and Barnes–Hut (target &lt; 30 s on 2 cores).</summary>
public sealed class SelectionTsneBench : IBenchmark
{
    public string Name => "tsne";
    public string Description => "t-SNE of 5,000 × 50 at perplexity 30, Barnes–Hut and exact (args: [--exact] [--sklearn])";

    public int Run(string[] args)
    {
        var x = SelectionBenchData.Blobs(5000, 50, 20, 5);
        Tsne.Embed(SelectionBenchData.Blobs(200, 50, 3, 6), new TsneOptions { Iterations = 20, ExactLimit = 0 }); // JIT
        double setup = SelectionBenchData.Time(() => Tsne.Embed(x, new TsneOptions { ExactLimit = 0, Iterations = 1 }));
        Console.WriteLine($"t-SNE Barnes–Hut affinities + 1 iteration: {setup:F2} s");
        double bh = SelectionBenchData.Time(() => Tsne.Embed(x, new TsneOptions { ExactLimit = 0 }));
        Console.WriteLine($"t-SNE Barnes–Hut 5,000 × 50, {Environment.ProcessorCount} cores: {bh:F2} s");
        if (args.Contains("--exact"))
        {
            double exact = SelectionBenchData.Time(() => Tsne.Embed(x, new TsneOptions { ExactLimit = 5000, Iterations = 100 }));
            Console.WriteLine($"t-SNE exact 5,000 × 50, first 100 of 1000 iterations: {exact:F2} s");
        }
        if (args.Contains("--sklearn")) SelectionBenchData.SideBySide("tsne", SelectionBenchData.Dump(x), "5000", "50", "30");
        return 0;
    }
}
