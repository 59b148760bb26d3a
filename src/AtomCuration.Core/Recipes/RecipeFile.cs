using AtomCuration.IO;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace AtomCuration.Recipes;

/// <summary>
/// Reads a recipe from YAML:
/// <code>
/// name: Cu sample
/// pool: data/Cu_SNAP_sample.extxyz.gz   # or a list; relative to this file
/// read: { format: Auto, index: ":" }
/// groupBy: config_type
/// output: out
/// </code>
/// Unknown keys and out-of-range values are errors that name the key.
/// </summary>
public static class RecipeFile
{
    /// <summary>Loads and validates a recipe file.</summary>
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
        var root = new YamlMap("", rootEntries);
        var recipe = new Recipe
        {
            Name = root.String("name") ?? "recipe",
            Pool = root.StringList("pool"),
            Read = ReadOptionsFrom(root.Map("read")),
            GroupBy = root.String("groupBy") ?? "config_type",
            Output = root.String("output"),
            BaseDirectory = baseDirectory,
        };
        if (recipe.Pool.Count == 0) throw new RecipeException("pool is required: one file or a list of files.");
        root.RejectUnknownKeys();
        return recipe;
    }

    private static ReadOptions ReadOptionsFrom(YamlMap? map)
    {
        if (map is null) return new ReadOptions();
        var index = map.String("index");
        FrameSlice slice;
        try
        {
            slice = index is null ? FrameSlice.All : FrameSlice.Parse(index);
        }
        catch (FormatException e)
        {
            throw new RecipeException($"read.index: {e.Message}", e);
        }
        var options = new ReadOptions
        {
            Format = map.Enum<StructureFormat>("format") ?? StructureFormat.Auto,
            Index = slice,
            OutcarEnergy = map.Enum<OutcarEnergy>("outcarEnergy") ?? OutcarEnergy.FreeEnergy,
        };
        map.RejectUnknownKeys();
        return options;
    }
}
