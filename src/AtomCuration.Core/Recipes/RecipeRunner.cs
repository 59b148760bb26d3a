using System.Globalization;
using AtomCuration.Descriptors;
using AtomCuration.Fitting;
using AtomCuration.Selection;
using AtomCuration.IO;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;

namespace AtomCuration.Recipes;

/// <summary>What a recipe run produced.</summary>
/// <param name="Pool">Every structure read.</param>
/// <param name="SkippedFrames">Bad frames reported and skipped.</param>
/// <param name="Summary">Pool summary by <see cref="Recipe.GroupBy"/>.</param>
/// <param name="Training">The structures the fit uses: the selection in selection order, or the whole pool.</param>
/// <param name="Fit">The EAM fit, when the recipe fits.</param>
/// <param name="PoolErrors">The fitted potential's errors on the whole pool, by group then overall.</param>
public sealed record RecipeReport(IReadOnlyList<Structure> Pool, int SkippedFrames, IReadOnlyList<PoolSummary> Summary,
    IReadOnlyList<Structure> Training, EamFitResult? Fit = null, FitErrorReport? PoolErrors = null);

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
        if (recipe.Descriptor is { } d) pool = Describe(pool, d, log, cancellation);
        var training = recipe.Select is { } select ? Choose(pool, select, recipe.GroupBy, log, cancellation) : pool;
        if (recipe.Fit is null) return new RecipeReport(pool, skipped, summary, training);
        var fit = EamFitter.Fit(training, recipe.Fit, null, cancellation);
        log.WriteLine($"fit: {fit}");
        var errors = FitErrorAnalysis.Analyze(pool, fit.Potential, recipe.GroupBy, cancellation: cancellation);
        log.WriteLine($"errors of the fitted potential on the whole pool ({pool.Count} structures):");
        WriteErrors(log, recipe.GroupBy, errors);
        var chosen = training.ToHashSet(ReferenceEqualityComparer.Instance);
        var heldOut = pool.Where(s => !chosen.Contains(s)).ToList();
        if (heldOut.Count > 0)
        {
            var test = FitErrorAnalysis.Analyze(heldOut, fit.Potential, cancellation: cancellation).Overall;
            log.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "held out ({0} structures not selected): E RMSE {1:F2} meV/atom, F RMSE {2:F1} meV/Å", heldOut.Count, test.EnergyRmse, test.ForceRmse));
        }
        if (recipe.Output is { } output)
        {
            string folder = recipe.Resolve(output);
            Directory.CreateDirectory(folder);
            using (var writer = StructureFileWriter.Open(Path.Combine(folder, "training.extxyz")))
            {
                foreach (var s in training) writer.Write(s with { Descriptor = null, DescriptorLabels = null, AtomDescriptors = null });
                writer.Complete();
            }
            log.WriteLine($"wrote {Path.Combine(folder, "training.extxyz")} ({training.Count} structures)");
            string file = Path.Combine(folder, "potential.eam.alloy");
            EamFileWriter.Write(fit.Potential, file, EamTableResolution.Suggest(fit.Potential), EamFileFormat.Setfl, recipe.Name);
            log.WriteLine($"wrote {file}");
        }
        return new RecipeReport(pool, skipped, summary, training, fit, errors);
    }

    private static List<Structure> Describe(List<Structure> pool, RecipeDescriptor stage, TextWriter log, CancellationToken cancellation)
    {
        DescriptorOptions options;
        try
        {
            options = DescriptorOptions.Create(parameters: stage.Parameters, preset: stage.Preset);
        }
        catch (DescriptorParameterException e)
        {
            throw new RecipeException($"descriptor: {e.Message}", e);
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var described = DescriptorCalculator.AttachAll(pool, options, cancellation,
            (structure, warning) => log.WriteLine($"warning: {structure.Id}: {warning}")).ToList();
        log.WriteLine($"descriptor: {described[0].DescriptorLabels?.Count ?? 0} columns for {described.Count} structures in {clock.Elapsed.TotalSeconds:F1} s");
        return described;
    }

    private static IReadOnlyList<Structure> Choose(List<Structure> pool, RecipeSelection stage, string groupBy, TextWriter log,
        CancellationToken cancellation)
    {
        SelectionOptions options;
        try
        {
            options = SelectionOptionsMapper.Map(stage.Method, stage.Count, stage.Fraction, stage.Threshold, stage.Seed,
                stage.Standardize, stage.ExplainedVariance, stage.Components, null, stage.Preset, stage.Options, 0)
                .For(pool.Count) with { Cancellation = cancellation };
        }
        catch (ArgumentException e)
        {
            throw new RecipeException($"select: {e.Message}", e);
        }
        var result = Selector.Select(pool, options);
        var chosen = result.SelectedIndices.Select(i => pool[i]).ToList();
        var byGroup = chosen.GroupBy(GroupKey.Parse(groupBy).GroupOf).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}");
        log.WriteLine($"select: {Selector.MethodOf(options)} chose {chosen.Count} of {pool.Count} ({string.Join(", ", byGroup)})");
        return chosen;
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
