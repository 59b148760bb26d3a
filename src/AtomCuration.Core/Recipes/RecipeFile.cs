using System.Collections;
using AtomCuration.IO;
using AtomCuration.Options;
using AtomCuration.Potentials.Eam;
using AtomCuration.Selection;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace AtomCuration.Recipes;

/// <summary>
/// Reads a recipe from YAML (or from a provenance file, which holds the resolved recipe under <c>recipe</c>):
/// <code>
/// name: Cu sample
/// pool: data/Cu_SNAP_sample.extxyz.gz   # or a list; relative to this file
/// read: { format: Auto, index: ":" }     # Import-Structure's parameters
/// groupBy: config_type
/// descriptor: { preset: AverageSoap }    # Get-Descriptor -Preset/-Parameters
/// select: { method: KMeans, count: 20 }  # Select-Configuration's parameters
/// fit: { cutoff: 5.0 }                   # Invoke-EamFit's parameters
/// output: out
/// </code>
/// Every section is bound by <see cref="OptionsBinder"/> onto the record its cmdlet binds, so a section
/// accepts exactly the options its cmdlet accepts. Unknown keys and out-of-range values are errors that
/// name the key. The schema is docs/concepts/recipes.md (generated from <see cref="Schema"/>).
/// </summary>
public static class RecipeFile
{
    /// <summary>The top-level keys, with the record each section is bound onto (null for plain values).</summary>
    public static IReadOnlyList<(string Key, Type? Record, string Description)> Schema { get; } =
    [
        ("name", null, "A title for reports (text; default \"recipe\")."),
        ("pool", null, "Required. One file or a list of files of the pool, relative to the recipe; wildcards allowed in the file name."),
        ("read", typeof(ReadOptions), "How to read the pool: Import-Structure's parameters."),
        ("groupBy", null, "Info key that groups the reports (text; default config_type)."),
        ("descriptor", typeof(Descriptors.DescriptorChoice), "Descriptor stage: Get-Descriptor's parameters (kind, preset, parameters, perAtom, aggregate, species); left out, no descriptor is computed."),
        ("select", typeof(SelectionSettings), "Selection stage: Select-Configuration's parameters; left out, the fit uses the whole pool."),
        ("fit", typeof(EamFitOptions), "EAM fit of the selection (or the pool): Invoke-EamFit's parameters; left out, nothing is fitted."),
        ("search", typeof(EamSearchOptions), "Invoke-EamFit -Optimize: search the fit section's settings before the final fit (budget, method, validationFraction, space — a mapping of setting to [min, max]); needs fit; left out, the fit settings are used as given."),
        ("activeLearning", typeof(ActiveLearning.ActiveLearningOptions), "Active learning on the pool instead of select, fit and search: Invoke-ActiveLearning's parameters (fit is a mapping of Invoke-EamFit's keys; search, a mapping of the settings search, makes every iteration search its fit settings). Its last training split and potential are the run's training set and fit; statePath is relative to the recipe; left out, nothing runs."),
        ("output", null, "Folder for training.extxyz, potential.eam.alloy and provenance.json, relative to the recipe; left out, nothing is written."),
    ];

    /// <summary>Loads and validates a recipe file (YAML, or a provenance JSON file of an earlier run).</summary>
    public static Recipe Load(string path)
    {
        string full = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecipeException($"{full}: {e.Message}", e);
        }
        try
        {
            return Parse(text, Path.GetDirectoryName(full)!);
        }
        catch (RecipeException e)
        {
            throw new RecipeException($"{full}: {e.Message}", e);
        }
    }

    /// <summary>Parses recipe text; relative paths resolve against <paramref name="baseDirectory"/>.</summary>
    public static Recipe Parse(string yaml, string baseDirectory)
    {
        object? document;
        try
        {
            document = new DeserializerBuilder().Build().Deserialize<object>(yaml);
        }
        catch (YamlException e)
        {
            throw new RecipeException($"line {e.Start.Line}: {e.Message}", e);
        }
        if (document is not IDictionary<object, object?> rootEntries)
            throw new RecipeException("a recipe is a mapping of keys (name, pool, read, …).");
        // A provenance file (JSON is YAML) carries the resolved recipe under "recipe".
        if (rootEntries.ContainsKey("provenance") && rootEntries.TryGetValue("recipe", out var inner) && inner is IDictionary<object, object?> resolved)
            rootEntries = resolved;
        var root = new YamlMap("", rootEntries);
        var recipe = new Recipe
        {
            Name = root.String("name") ?? "recipe",
            Pool = root.StringList("pool"),
            Read = Section<ReadOptions>(root, "read") ?? new ReadOptions(),
            GroupBy = root.String("groupBy") ?? "config_type",
            Descriptor = Section<Descriptors.DescriptorChoice>(root, "descriptor"),
            Select = Section<SelectionSettings>(root, "select"),
            Fit = Section<EamFitOptions>(root, "fit"),
            Search = Section<EamSearchOptions>(root, "search"),
            ActiveLearning = Section<ActiveLearning.ActiveLearningOptions>(root, "activeLearning"),
            Output = root.String("output"),
            BaseDirectory = baseDirectory,
        };
        if (recipe.Pool.Count == 0) throw new RecipeException("pool is required: one file or a list of files.");
        if (recipe.Search is not null && recipe.Fit is null)
            throw new RecipeException("search needs fit: it searches the fit section's settings (give fit: {} for the defaults).");
        if (recipe.ActiveLearning is { } learning)
        {
            if (recipe.Select is not null || recipe.Fit is not null || recipe.Search is not null)
                throw new RecipeException("activeLearning chooses the training set and fits it: give it instead of select, fit and search, not with them (its own search key searches every iteration's settings).");
            if (learning.StatePath is { } state) recipe = recipe with { ActiveLearning = learning with { StatePath = recipe.Resolve(state) } };
        }
        root.RejectUnknownKeys();
        return recipe;
    }

    private static T? Section<T>(YamlMap root, string key) where T : class
    {
        var raw = root.Raw(key);
        if (raw is null) return null;
        if (raw is not IDictionary values) throw new RecipeException($"{key}: expected a mapping of keys, found '{raw}'.");
        try
        {
            return OptionsBinder.Bind<T>(values, context: key);
        }
        catch (ArgumentException e)
        {
            throw new RecipeException(e.Message, e);
        }
    }
}
