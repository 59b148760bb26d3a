using AtomCuration.IO;
using AtomCuration.Potentials.Eam;
using AtomCuration.Selection;
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
            Descriptor = DescriptorFrom(root.Map("descriptor")),
            Select = SelectionFrom(root.Map("select")),
            Fit = FitOptionsFrom(root.Map("fit")),
            Output = root.String("output"),
            BaseDirectory = baseDirectory,
        };
        if (recipe.Pool.Count == 0) throw new RecipeException("pool is required: one file or a list of files.");
        root.RejectUnknownKeys();
        return recipe;
    }

    private static RecipeDescriptor? DescriptorFrom(YamlMap? map)
    {
        if (map is null) return null;
        var d = new RecipeDescriptor(map.String("preset"), map.Dictionary("parameters") is { } p ? new System.Collections.Hashtable((System.Collections.IDictionary)p) : null);
        map.RejectUnknownKeys();
        if (d.Preset is null && d.Parameters is null) throw new RecipeException("descriptor: give a preset, parameters, or both.");
        return d;
    }

    private static RecipeSelection? SelectionFrom(YamlMap? map)
    {
        if (map is null) return null;
        var s = new RecipeSelection
        {
            Method = map.Enum<SelectionMethod>("method"),
            Count = map.Int("count", 1),
            Fraction = map.Double("fraction", 0, 1),
            Threshold = map.Double("threshold", 0),
            Seed = map.Int("seed") ?? 0,
            Standardize = map.Bool("standardize"),
            ExplainedVariance = map.Double("explainedVariance", 0, 1),
            Components = map.Int("components", 1),
            Preset = map.String("preset"),
            Options = map.Dictionary("options") is { } o ? new System.Collections.Hashtable((System.Collections.IDictionary)o) : null,
        };
        map.RejectUnknownKeys();
        if ((s.Count is null ? 0 : 1) + (s.Fraction is null ? 0 : 1) + (s.Threshold is null ? 0 : 1) != 1)
            throw new RecipeException("select: give exactly one of count, fraction, threshold.");
        return s;
    }

    private static EamFitOptions? FitOptionsFrom(YamlMap? map)
    {
        if (map is null) return null;
        var given = new EamFitParameters
        {
            Form = map.Enum<EamFitForm>("form"),
            Cutoff = map.Double("cutoff", 0.5, 20),
            PairKnots = map.Int("pairKnots", 2, 200),
            DensityKnots = map.Int("densityKnots", 2, 200),
            EmbeddingKnots = map.Int("embeddingKnots", 1, 200),
            EnergyWeight = map.Double("energyWeight", 0),
            ForceWeight = map.Double("forceWeight", 0),
            StressWeight = map.Double("stressWeight", 0),
            MaxIterations = map.Int("maxIterations", 0),
            Restarts = map.Int("restarts", 0),
            Seed = map.Int("seed"),
        };
        map.RejectUnknownKeys();
        try
        {
            return EamFitOptionsMapper.Map(given);
        }
        catch (ArgumentException e)
        {
            throw new RecipeException($"fit: {e.Message}", e);
        }
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
