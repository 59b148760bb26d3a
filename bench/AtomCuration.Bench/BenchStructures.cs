using System.Collections.Immutable;
using AtomCuration.Structures;

namespace AtomCuration.Bench;

/// <summary>Test cells shared by the benchmarks, so figures from different benches describe the same input.</summary>
public static class BenchStructures
{
    /// <summary>
    /// fcc Cu (a = 3.615 Å), <paramref name="reps"/>³ conventional cells (14 → 10,976 atoms), every atom
    /// displaced by up to ±0.025 Å per axis with a fixed seed.
    /// </summary>
    public static Structure JiggledFccCu(int reps = 14)
    {
        const double a = 3.615;
        var rng = new Random(1);
        var basis = new[] { new Vec3(0, 0, 0), new Vec3(0.5, 0.5, 0), new Vec3(0.5, 0, 0.5), new Vec3(0, 0.5, 0.5) };
        var pos = new List<Vec3>();
        for (int x = 0; x < reps; x++)
        for (int y = 0; y < reps; y++)
        for (int z = 0; z < reps; z++)
            foreach (var b in basis)
                pos.Add(a * (new Vec3(x, y, z) + b) + 0.05 * new Vec3(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5, rng.NextDouble() - 0.5));
        var cell = Cell.FromParameters(a * reps, a * reps, a * reps, 90, 90, 90);
        return new Structure(Enumerable.Repeat(29, pos.Count).ToImmutableArray(), pos.ToImmutableArray(), cell, Pbc.All);
    }
}
