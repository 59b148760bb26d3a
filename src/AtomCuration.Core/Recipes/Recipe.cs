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

    /// <summary>EAM fit of the training set (the selection, or the whole pool); null skips fitting.</summary>
    public Potentials.Eam.EamFitOptions? Fit { get; init; }

    /// <summary>Folder for outputs (relative to the recipe's folder); null writes nothing.</summary>
    public string? Output { get; init; }

    /// <summary>Folder the recipe file lives in; relative paths resolve against it.</summary>
    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>An absolute path for a recipe-relative one.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(BaseDirectory, path));
}
