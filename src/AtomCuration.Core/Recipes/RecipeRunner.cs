using System.Globalization;
using AtomCuration.Fitting;
using AtomCuration.IO;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;

namespace AtomCuration.Recipes;

/// <summary>What a recipe run produced.</summary>
/// <param name="Pool">Every structure read.</param>
/// <param name="SkippedFrames">Bad frames reported and skipped.</param>
/// <param name="Summary">Pool summary by <see cref="Recipe.GroupBy"/>.</param>
/// <param name="Fit">The EAM fit, when the recipe fits.</param>
/// <param name="PoolErrors">The fitted potential's errors on the whole pool, by group then overall.</param>
public sealed record RecipeReport(IReadOnlyList<Structure> Pool, int SkippedFrames, IReadOnlyList<PoolSummary> Summary,
    EamFitResult? Fit = null, FitErrorReport? PoolErrors = null);

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
        if (recipe.Fit is null) return new RecipeReport(pool, skipped, summary);
        var fit = EamFitter.Fit(pool, recipe.Fit, null, cancellation);
        log.WriteLine($"fit: {fit}");
        var errors = FitErrorAnalysis.Analyze(pool, fit.Potential, recipe.GroupBy, cancellation: cancellation);
        WriteErrors(log, recipe.GroupBy, errors);
        if (recipe.Output is { } output)
        {
            string folder = recipe.Resolve(output);
            Directory.CreateDirectory(folder);
            string file = Path.Combine(folder, "potential.eam.alloy");
            EamFileWriter.Write(fit.Potential, file, EamTableResolution.Suggest(fit.Potential), EamFileFormat.Setfl, recipe.Name);
            log.WriteLine($"wrote {file}");
        }
        return new RecipeReport(pool, skipped, summary, fit, errors);
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

    private static void WriteErrors(TextWriter log, string groupBy, FitErrorReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        log.WriteLine();
        log.WriteLine($"{groupBy,-20} {"structures",10} {"E RMSE meV/atom",16} {"F RMSE meV/Å",13} {"σ RMSE GPa",11}");
        foreach (var g in report.Groups.Append(report.Overall))
            log.WriteLine(string.Format(inv, "{0,-20} {1,10} {2,16:F2} {3,13:F1} {4,11:F3}",
                g.Group ?? "all", g.Structures, g.EnergyRmse, g.ForceRmse, g.StressRmse));
        log.WriteLine();
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
