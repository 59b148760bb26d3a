using System.Collections;
using AtomCuration.IO;
using AtomCuration.Options;
using AtomCuration.Potentials.Eam;
using AtomCuration.Selection;

namespace AtomCuration.Recipes;

/// <summary>
/// A curation run written down: which pool to read and what to do with it. Loaded from YAML
/// by <see cref="RecipeFile"/> and executed by <see cref="RecipeRunner"/>, so the same run
/// can be repeated from the command line, a scheduled script or a test. Every section is bound
/// onto the options record of the cmdlet that does the same step, by the same binder.
/// </summary>
public sealed record Recipe
{
    /// <summary>A title for reports.</summary>
    public string Name { get; init; } = "recipe";

    /// <summary>Files of the pool (absolute, or relative to the recipe's folder; wildcards in the file name allowed).</summary>
    public IReadOnlyList<string> Pool { get; init; } = [];

    /// <summary>How to read the pool (Import-Structure's parameters).</summary>
    public ReadOptions Read { get; init; } = new();

    /// <summary>Info key that groups reports (config_type by default).</summary>
    public string GroupBy { get; init; } = "config_type";

    /// <summary>Descriptor stage: a preset and/or parameters of Get-Descriptor's shape; null skips it.</summary>
    public Descriptors.DescriptorChoice? Descriptor { get; init; }

    /// <summary>Selection stage (Select-Configuration's parameters); null fits on the whole pool.</summary>
    public SelectionSettings? Select { get; init; }

    /// <summary>EAM fit of the training set (Invoke-EamFit's parameters); null skips fitting.</summary>
    public EamFitOptions? Fit { get; init; }

    /// <summary>Search of the fit settings before the final fit (Invoke-EamFit -Optimize and its search parameters); null fits with <see cref="Fit"/> as given.</summary>
    public EamSearchOptions? Search { get; init; }

    /// <summary>
    /// Active learning on the pool (Invoke-ActiveLearning's parameters), instead of <see cref="Select"/> and <see cref="Fit"/>:
    /// its training split and last potential are the run's training set and fit; null skips it.
    /// </summary>
    public ActiveLearning.ActiveLearningOptions? ActiveLearning { get; init; }

    /// <summary>Folder for outputs (relative to the recipe's folder); null writes nothing.</summary>
    public string? Output { get; init; }

    /// <summary>Folder the recipe file lives in; relative paths resolve against it.</summary>
    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>An absolute path for a recipe-relative one.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(BaseDirectory, path));

    /// <summary>
    /// The recipe as plain data with every option resolved (defaults written out) and every path absolute:
    /// what a provenance file records, and what <see cref="RecipeFile.Parse"/> reads back to the same run.
    /// </summary>
    public SortedDictionary<string, object?> ToPlain(IReadOnlyList<string> poolFiles)
    {
        var plain = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = Name,
            ["pool"] = poolFiles.ToList(),
            ["read"] = OptionsBinder.ToPlain(Read),
            ["groupBy"] = GroupBy,
        };
        if (Descriptor is { } d) plain["descriptor"] = OptionsBinder.ToPlain(d);
        if (Select is { } s) plain["select"] = OptionsBinder.ToPlain(s);
        if (Fit is { } f) plain["fit"] = OptionsBinder.ToPlain(f);
        if (Search is { } q) plain["search"] = OptionsBinder.ToPlain(q);
        if (ActiveLearning is { } a) plain["activeLearning"] = OptionsBinder.ToPlain(a);
        if (Output is { } o) plain["output"] = Resolve(o);
        return plain;
    }
}
