using System.Collections.Immutable;
using System.Diagnostics;
using AtomCuration.Structures;

namespace AtomCuration.Bench;

/// <summary>
/// Neighbour-list pairs per second on a ~10k-atom fcc Cu cell at 6 Å; <c>neighbors ti</c>: CPU µs per
/// atom on 100 rattled 36-atom hcp Ti cells at the ACSF (6 Å) and SOAP (5 + 3.717·0.5 Å) cutoffs.
/// </summary>
public sealed class NeighborListBench : IBenchmark
{
    public string Name => "neighbors";
    public string Description => "neighbour list on a 10,976-atom fcc Cu cell (14³ conventional cells), 6 Å";

    public int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "ti") return SmallCells();
        var s = BenchStructures.JiggledFccCu();
        NeighborList.Build(s, 6.0); // warm-up (JIT)
        var times = new List<double>();
        int pairs = 0;
        for (int r = 0; r < 5; r++)
        {
            var sw = Stopwatch.StartNew();
            pairs = NeighborList.Build(s, 6.0).PairCount;
            times.Add(sw.Elapsed.TotalSeconds);
        }
        double best = times.Min();
        Console.WriteLine($"atoms {s.AtomCount}, cutoff 6 Å, full-list entries {pairs:N0}");
        Console.WriteLine($"best of 5: {best * 1e3:F1} ms  →  {pairs / best / 1e6:F2} M entries/s (1 thread)");
        return 0;
    }

    private static int SmallCells()
    {
        double a = 2.95, c = 4.68;
        var cell = Cell.FromParameters(a, a, c, 90, 90, 120);
        Vec3[] basis = [new(1 / 3.0, 2 / 3.0, 0.25), new(2 / 3.0, 1 / 3.0, 0.75)];
        var big = new Cell(3 * cell.A, 3 * cell.B, 2 * cell.C);
        var pool = Enumerable.Range(0, 100).Select(seed =>
        {
            var rng = new Random(seed);
            var pos = new List<Vec3>();
            for (int x = 0; x < 3; x++)
            for (int y = 0; y < 3; y++)
            for (int z = 0; z < 2; z++)
                foreach (var b in basis)
                    pos.Add(big.ToCartesian(new Vec3((x + b.X) / 3, (y + b.Y) / 3, (z + b.Z) / 2))
                        + 0.1 * new Vec3(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5, rng.NextDouble() - 0.5));
            return new Structure(Enumerable.Repeat(22, pos.Count).ToImmutableArray(), pos.ToImmutableArray(), big, Pbc.All);
        }).ToList();
        var process = Process.GetCurrentProcess();
        foreach (double cutoff in new[] { 6.0, 5 + 3.717 * 0.5 })
        {
            foreach (var s in pool) NeighborList.Build(s, cutoff); // warm-up (JIT)
            double best = double.MaxValue;
            long pairs = 0;
            for (int r = 0; r < 5; r++)
            {
                process.Refresh();
                var cpu0 = process.TotalProcessorTime;
                pairs = 0;
                foreach (var s in pool) pairs += NeighborList.Build(s, cutoff).PairCount;
                process.Refresh();
                best = Math.Min(best, (process.TotalProcessorTime - cpu0).TotalSeconds);
            }
            Console.WriteLine($"hcp Ti 36 × 100, cutoff {cutoff:F3} Å: {pairs / 3600.0:F1} neighbours/atom, {best / 3600 * 1e6:F2} µs/atom CPU time (best of 5)");
        }
        return 0;
    }
}
