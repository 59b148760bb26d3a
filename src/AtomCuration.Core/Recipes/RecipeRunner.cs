using System.Globalization;
using AtomCuration.IO;
using AtomCuration.Structures;

namespace AtomCuration.Recipes;

/// <summary>What a recipe run produced.</summary>
/// <param name="Pool">Every structure read.</param>
/// <param name="SkippedFrames">Bad frames reported and skipped.</param>
/// <param name="Summary">Pool summary by <see cref="Recipe.GroupBy"/>.</param>
public sealed record RecipeReport(IReadOnlyList<Structure> Pool, int SkippedFrames, IReadOnlyList<PoolSummary> Summary);

/// <summary>Executes a <see cref="Recipe"/>, writing a human-readable log as it goes.</summary>
public static class RecipeRunner
{
    /// <summary>Runs the recipe; bad frames are logged and skipped, a pool with no structure is an error.</summary>
    public static RecipeReport Run(Recipe recipe, TextWriter log, CancellationToken cancellation = default)
    {
        var pool = new List<Structure>();
        int skipped = 0;
        foreach (var file in ExpandPool(recipe))
        {
            int before = pool.Count;
            foreach (var result in StructureIO.Read(file, recipe.Read, cancellation))
            {
                if (result.Structure is { } s) pool.Add(s);
                else
                {
                    skipped++;
                    log.WriteLine($"skipped: {result.Error!.Message}");
                }
            }
            log.WriteLine($"read {pool.Count - before} structures from {file}");
        }
        if (pool.Count == 0) throw new RecipeException($"{recipe.Name}: the pool is empty.");
        var summary = PoolSummary.Of(pool, recipe.GroupBy);
        WriteSummary(log, recipe.GroupBy, summary);
        return new RecipeReport(pool, skipped, summary);
    }

    private static IEnumerable<string> ExpandPool(Recipe recipe)
    {
        foreach (var entry in recipe.Pool)
        {
            string full = recipe.Resolve(entry);
            string name = Path.GetFileName(full);
            if (name.IndexOfAny(['*', '?']) < 0)
            {
                if (!File.Exists(full)) throw new RecipeException($"pool: no such file {full}.");
                yield return full;
                continue;
            }
            var matches = Directory.GetFiles(Path.GetDirectoryName(full)!, name).Order(StringComparer.Ordinal).ToList();
            if (matches.Count == 0) throw new RecipeException($"pool: nothing matches {full}.");
            foreach (var m in matches) yield return m;
        }
    }

    private static void WriteSummary(TextWriter log, string groupBy, IReadOnlyList<PoolSummary> summary)
    {
        var inv = CultureInfo.InvariantCulture;
        log.WriteLine();
        log.WriteLine($"{groupBy,-20} {"structures",10} {"atoms",8} {"E/atom min",11} {"E/atom max",11} {"max|F|",8}");
        foreach (var g in summary)
            log.WriteLine(string.Format(inv, "{0,-20} {1,10} {2,8} {3,11:F4} {4,11:F4} {5,8:F3}",
                g.Group, g.Structures, g.Atoms, g.MinEnergyPerAtom, g.MaxEnergyPerAtom, g.MaxForce));
        log.WriteLine();
    }
}
