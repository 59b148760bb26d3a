using AtomCuration.IO;

namespace AtomCuration.Recipes;

/// <summary>
/// A curation run written down: which pool to read and what to do with it. Loaded from YAML
/// by <see cref="RecipeFile"/> and executed by <see cref="RecipeRunner"/>, so the same run
/// can be repeated from the command line, a scheduled script or a test.
/// </summary>
public sealed record Recipe
{
    /// <summary>A title for reports.</summary>
    public string Name { get; init; } = "recipe";

    /// <summary>Files of the pool (absolute, or relative to the recipe's folder; wildcards in the file name allowed).</summary>
    public IReadOnlyList<string> Pool { get; init; } = [];

    /// <summary>How to read the pool.</summary>
    public ReadOptions Read { get; init; } = new();

    /// <summary>Info key that groups reports (config_type by default).</summary>
    public string GroupBy { get; init; } = "config_type";

    /// <summary>Descriptor stage: a preset and/or parameters of Get-Descriptor's shape; null skips it.</summary>
    public RecipeDescriptor? Descriptor { get; init; }

    /// <summary>Selection stage; null fits on the whole pool.</summary>
    public RecipeSelection? Select { get; init; }

    /// <summary>EAM fit of the training set (the selection, or the whole pool); null skips fitting.</summary>
    public Potentials.Eam.EamFitOptions? Fit { get; init; }

    /// <summary>Folder for outputs (relative to the recipe's folder); null writes nothing.</summary>
    public string? Output { get; init; }

    /// <summary>Folder the recipe file lives in; relative paths resolve against it.</summary>
    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>An absolute path for a recipe-relative one.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(BaseDirectory, path));
}

/// <summary>The descriptor stage of a recipe (what <c>Get-Descriptor -Preset … -Parameters …</c> takes).</summary>
/// <param name="Preset">Named preset, or null.</param>
/// <param name="Parameters">Parameters of <see cref="Descriptors.DescriptorOptions"/>'s documented shape, or null.</param>
public sealed record RecipeDescriptor(string? Preset, System.Collections.IDictionary? Parameters);

/// <summary>The selection stage of a recipe (what <c>Select-Configuration</c> takes).</summary>
public sealed record RecipeSelection
{
    /// <summary>Method (may be null when <see cref="Preset"/> implies it).</summary>
    public Selection.SelectionMethod? Method { get; init; }
    /// <summary>Number to select.</summary>
    public int? Count { get; init; }
    /// <summary>Fraction of the pool to select.</summary>
    public double? Fraction { get; init; }
    /// <summary>Local-environment-bank threshold.</summary>
    public double? Threshold { get; init; }
    /// <summary>Seed.</summary>
    public int Seed { get; init; }
    /// <summary>z-score columns first.</summary>
    public bool? Standardize { get; init; }
    /// <summary>PCA to this explained variance first.</summary>
    public double? ExplainedVariance { get; init; }
    /// <summary>PCA to this many components first.</summary>
    public int? Components { get; init; }
    /// <summary>Named selection preset (KMeansStudy).</summary>
    public string? Preset { get; init; }
    /// <summary>Method-specific options.</summary>
    public System.Collections.IDictionary? Options { get; init; }
}
