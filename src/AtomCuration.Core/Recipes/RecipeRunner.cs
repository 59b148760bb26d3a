using System.Diagnostics;
using System.Globalization;
using AtomCuration.Options;
using AtomCuration.Descriptors;
using AtomCuration.Fitting;
using AtomCuration.Selection;
using AtomCuration.IO;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;

namespace AtomCuration.Recipes;

/// <summary>What a recipe run produced.</summary>
public sealed record RecipeReport
{
    /// <summary>The recipe's name.</summary>
    public required string Name { get; init; }
    /// <summary>Every structure read.</summary>
    public required IReadOnlyList<Structure> Pool { get; init; }
    /// <summary>Bad frames reported and skipped.</summary>
    public int SkippedFrames => Errors.Count;
    /// <summary>The messages of the bad frames (file, frame, what was wrong).</summary>
    public required IReadOnlyList<string> Errors { get; init; }
    /// <summary>Pool summary by <see cref="Recipe.GroupBy"/>.</summary>
    public required IReadOnlyList<PoolSummary> Summary { get; init; }
    /// <summary>The structures the fit uses: the selection in selection order, or the whole pool.</summary>
    public required IReadOnlyList<Structure> Training { get; init; }
    /// <summary>Pool indices of the selected structures in selection order (null without a select section).</summary>
    public IReadOnlyList<int>? SelectedIndices { get; init; }
    /// <summary>The EAM fit, when the recipe fits (the last fit of active learning).</summary>
    public EamFitResult? Fit { get; init; }
    /// <summary>The active-learning run (iterations, stop reason, training and test splits), when the recipe has that section.</summary>
    public ActiveLearning.ActiveLearningResult? ActiveLearning { get; init; }
    /// <summary>The fitted potential's errors on the whole pool, by group then overall.</summary>
    public FitErrorReport? PoolErrors { get; init; }
    /// <summary>Seconds spent in each stage (read, describe, select, fit, errors, write, total).</summary>
    public required IReadOnlyDictionary<string, double> Timings { get; init; }
    /// <summary>The provenance document as JSON (written to <see cref="ProvenancePath"/> when the recipe has an output folder).</summary>
    public required string Provenance { get; init; }
    /// <summary>Where the provenance file was written, or null when the recipe writes nothing.</summary>
    public string? ProvenancePath { get; init; }
}

/// <summary>Executes a <see cref="Recipe"/>, writing a human-readable log as it goes.</summary>
public static class RecipeRunner
{
    /// <summary>
    /// Runs the recipe; bad frames are logged, reported to the context's warning sink and skipped, a pool with no
    /// structure is an error. With an output folder it writes training.extxyz, potential.eam.alloy (when fitting)
    /// and provenance.json (see <see cref="RunProvenance"/>).
    /// </summary>
    /// <param name="recipe">The recipe.</param>
    /// <param name="log">Receives the human-readable log.</param>
    /// <param name="context">Cancellation, progress, warnings and threads, passed to every stage.</param>
    /// <param name="powerShellVersion">The host's PowerShell version for the provenance file (null outside PowerShell).</param>
    public static RecipeReport Run(Recipe recipe, TextWriter log, RunContext? context = null, string? powerShellVersion = null)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        context ??= RunContext.Default;
        var started = DateTime.UtcNow;
        var total = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();
        var timings = new SortedDictionary<string, double>(StringComparer.Ordinal);
        void Lap(string stage)
        {
            timings[stage] = clock.Elapsed.TotalSeconds;
            clock.Restart();
        }
        var pool = new List<Structure>();
        var errors = new List<string>();
        var files = ExpandPool(recipe).ToList();
        foreach (var file in files)
        {
            int before = pool.Count;
            foreach (var result in StructureIO.Read(file, recipe.Read, context))
            {
                if (result.Structure is { } s) pool.Add(s);
                else
                {
                    errors.Add(result.Error!.Message);
                    context.Warn(result.Error.Message);
                    log.WriteLine($"skipped: {result.Error.Message}");
                }
            }
            log.WriteLine($"read {pool.Count - before} structures from {file}");
        }
        if (pool.Count == 0) throw new RecipeException($"{recipe.Name}: the pool is empty.");
        Lap("read");
        var summary = PoolSummary.Of(pool, recipe.GroupBy);
        WriteSummary(log, recipe.GroupBy, summary);
        if (recipe.Descriptor is { } d)
        {
            pool = Describe(pool, d, log, context);
            Lap("describe");
        }
        IReadOnlyList<int>? selected = null;
        SelectionOptions? selectionOptions = null;
        IReadOnlyList<Structure> training = pool;
        if (recipe.Select is { } select)
        {
            (selected, selectionOptions) = Choose(pool, select, recipe.GroupBy, log, context);
            training = selected.Select(i => pool[i]).ToList();
            Lap("select");
        }
        EamFitResult? fit = null;
        FitErrorReport? poolErrors = null;
        ActiveLearning.ActiveLearningResult? learning = null;
        if (recipe.Fit is { } fitOptions)
        {
            fit = recipe.Search is { } search
                ? EamSettingsSearch.Fit(training, fitOptions, search, trial => log.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "search: fit {0}: validation E RMSE {1:F3} meV/atom", trial.Evaluation, trial.ValidationEnergyRmse)), context.Cancellation)
                : EamFitter.Fit(training, fitOptions, context);
            log.WriteLine($"fit: {fit}");
            Lap("fit");
        }
        if (recipe.ActiveLearning is { } learningOptions)
        {
            learning = AtomCuration.ActiveLearning.ActiveLearner.Run(pool, learningOptions, context, iteration =>
                log.WriteLine(string.Format(CultureInfo.InvariantCulture, "active learning: iteration {0}: {1} training + {2} test, test E RMSE {3:F2} meV/atom, F RMSE {4:F1} meV/Å",
                    iteration.Iteration, iteration.TrainingCount, iteration.TestCount, iteration.TestEnergyRmse, iteration.TestForceRmse)));
            log.WriteLine($"active learning: {learning}");
            (training, fit) = (learning.TrainingSet, learning.Fit);
            Lap("activeLearning");
        }
        if (fit is not null)
        {
            poolErrors = FitErrorAnalysis.Analyze(pool, fit.Potential, recipe.GroupBy, cancellation: context.Cancellation);
            log.WriteLine($"errors of the fitted potential on the whole pool ({pool.Count} structures):");
            WriteErrors(log, recipe.GroupBy, poolErrors);
            var chosen = training.ToHashSet(ReferenceEqualityComparer.Instance);
            var heldOut = pool.Where(s => !chosen.Contains(s)).ToList();
            if (heldOut.Count > 0)
            {
                var test = FitErrorAnalysis.Analyze(heldOut, fit.Potential, cancellation: context.Cancellation).Overall;
                log.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "held out ({0} structures not selected): E RMSE {1:F2} meV/atom, F RMSE {2:F1} meV/Å", heldOut.Count, test.EnergyRmse, test.ForceRmse));
            }
            Lap("errors");
        }
        var outputs = new List<string>();
        string? provenancePath = null;
        if (recipe.Output is { } output)
        {
            string folder = recipe.Resolve(output);
            Directory.CreateDirectory(folder);
            string trainingFile = Path.Combine(folder, "training.extxyz");
            using (var writer = StructureFileWriter.Open(trainingFile))
            {
                foreach (var s in training) writer.Write(new Structure(s) { Descriptor = null, DescriptorLabels = null, AtomDescriptors = null });
                writer.Complete();
            }
            outputs.Add(trainingFile);
            log.WriteLine($"wrote {trainingFile} ({training.Count} structures)");
            if (fit is not null)
            {
                string file = Path.Combine(folder, "potential.eam.alloy");
                EamFileWriter.Write(fit.Potential, file, EamTableResolution.Suggest(fit.Potential), EamFileFormat.Setfl, recipe.Name);
                outputs.Add(file);
                log.WriteLine($"wrote {file}");
            }
            provenancePath = Path.Combine(folder, "provenance.json");
            Lap("write");
        }
        timings["total"] = total.Elapsed.TotalSeconds;
        var provenance = RunProvenance.ToJson(RunProvenance.Create(recipe, files, outputs, context.ThrottleLimit, powerShellVersion, timings, started, selectionOptions));
        if (provenancePath is not null)
        {
            File.WriteAllText(provenancePath, provenance);
            log.WriteLine($"wrote {provenancePath}");
        }
        return new RecipeReport
        {
            Name = recipe.Name,
            Pool = pool,
            Errors = errors,
            Summary = summary,
            Training = training,
            SelectedIndices = selected,
            Fit = fit,
            ActiveLearning = learning,
            PoolErrors = poolErrors,
            Timings = timings,
            Provenance = provenance,
            ProvenancePath = provenancePath,
        };
    }

    private static List<Structure> Describe(List<Structure> pool, DescriptorChoice stage, TextWriter log, RunContext context)
    {
        DescriptorOptions options;
        try
        {
            options = stage.ToOptions();
        }
        catch (DescriptorParameterException e)
        {
            throw new RecipeException($"descriptor: {e.Message}", e);
        }
        var clock = Stopwatch.StartNew();
        var described = DescriptorCalculator.AttachAll(pool, options, context with
        {
            Warning = warning =>
            {
                context.Warn(warning);
                log.WriteLine($"warning: {warning}");
            },
        }).ToList();
        log.WriteLine($"descriptor: {described[0].DescriptorLabels?.Count ?? 0} columns for {described.Count} structures in {clock.Elapsed.TotalSeconds:F1} s");
        return described;
    }

    private static (IReadOnlyList<int>, SelectionOptions) Choose(List<Structure> pool, SelectionSettings stage, string groupBy, TextWriter log, RunContext context)
    {
        SelectionOptions options;
        try
        {
            options = SelectionOptionsMapper.Map(stage).For(pool.Count);
        }
        catch (ArgumentException e)
        {
            throw new RecipeException($"select: {e.Message}", e);
        }
        var result = Selector.Select(pool, options, context);
        var chosen = result.SelectedIndices.Select(i => pool[i]).ToList();
        var byGroup = chosen.GroupBy(GroupKey.Parse(groupBy).GroupOf).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}");
        log.WriteLine($"select: {Selector.MethodOf(options)} chose {chosen.Count} of {pool.Count} ({string.Join(", ", byGroup)})");
        return (result.SelectedIndices.ToList(), options);
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
