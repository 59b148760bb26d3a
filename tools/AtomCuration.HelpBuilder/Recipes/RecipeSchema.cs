using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AtomCuration.Descriptors;
using AtomCuration.Options;
using AtomCuration.Recipes;

namespace AtomCuration.HelpBuilder.Recipes;

/// <summary>One key of a recipe section, read off its options record.</summary>
/// <param name="Key">The key as a recipe writes it (camelCase).</param>
/// <param name="Type">What the value looks like.</param>
/// <param name="Default">The record's default ("—" when not given means "not set").</param>
/// <param name="Range">The declared range, or "".</param>
/// <param name="Description">The property's XML doc summary as plain text.</param>
public sealed record RecipeKey(string Key, string Type, string Default, string Range, string Description);

/// <summary>
/// The recipe schema — every section and key with its type, default and range — generated from the options
/// records the sections are bound onto (<see cref="RecipeFile.Schema"/>), written as docs/concepts/recipes.md
/// and as the about_AtomCuration_Recipes help topic, so the documentation cannot drift from the records.
/// </summary>
public static class RecipeSchema
{
    /// <summary>The markdown page, relative to the repository root.</summary>
    public static readonly string MarkdownFile = Path.Combine("docs", "concepts", "recipes.md");

    /// <summary>The about_ help topic, relative to the repository root.</summary>
    public static readonly string AboutFile = Path.Combine("module", "AtomCuration", "en-US", "about_AtomCuration_Recipes.help.txt");

    private const string Example = """
        name: Cu sample
        pool: data/Cu_SNAP_sample.extxyz.gz      # or a list; relative to this file
        read: { format: Auto, index: ":" }
        groupBy: config_type
        descriptor: { preset: AverageSoap }
        select: { method: KMeans, count: 20, seed: 1, standardize: true }
        fit: { cutoff: 5.0, maxIterations: 60, seed: 1 }
        output: out
        """;

    /// <summary>The keys of a section's record, in declaration order.</summary>
    public static IReadOnlyList<RecipeKey> Keys(Type record) => Keys(Activator.CreateInstance(record)!);

    /// <summary>The keys of a record, with the defaults of <paramref name="defaults"/> (for records without a parameterless constructor).</summary>
    public static IReadOnlyList<RecipeKey> Keys(object defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var docs = Documentation.Value;
        return OptionsBinder.Bindable(defaults.GetType()).Select(p => new RecipeKey(
            OptionsBinder.KeyName(p),
            p.GetCustomAttribute<OptionConverterAttribute>() is { } c ? c.Create().Shape : OptionsBinder.Describe(p.PropertyType),
            Format(Metadata.ParameterDefaults.RecordDefault(p, defaults)),
            OptionRanges.Of(p)?.ToString() ?? "",
            docs.TryGetValue($"P:{p.DeclaringType!.FullName}.{p.Name}", out var text) ? text : "")).ToList();
    }

    /// <summary>docs/concepts/recipes.md.</summary>
    public static string Markdown()
    {
        var b = new StringBuilder();
        b.Append("# Recipes\n\n");
        b.Append($"<!-- Generated from the options records by tools/AtomCuration.HelpBuilder ({HelpGenerator.RegenerateCommand}); do not edit. -->\n\n");
        foreach (var line in Intro()) b.Append(line).Append('\n');
        b.Append("\n```yaml\n").Append(Example.Replace("\r", "", StringComparison.Ordinal)).Append("\n```\n\n## Top-level keys\n\n| Key | What |\n|---|---|\n");
        foreach (var (key, _, description) in RecipeFile.Schema) b.Append($"| `{key}` | {description} |\n");
        foreach (var (key, record, description) in RecipeFile.Schema)
        {
            if (record is null) continue;
            b.Append($"\n## {key}\n\n{description} Bound onto `{record.FullName}`.\n\n");
            Table(b, Keys(record));
        }
        b.Append($"\n## Descriptor parameters\n\n{DescriptorIntro}\n");
        foreach (var (title, defaults, description) in DescriptorTables())
        {
            b.Append($"\n### {title}\n\n{description} Bound onto `{defaults.GetType().FullName}`.\n\n");
            if (Keys(defaults) is { Count: > 0 } keys) Table(b, keys);
            else b.Append("No keys besides `scale`: the settings are fixed.\n");
        }
        return b.ToString();
    }

    /// <summary>The about_AtomCuration_Recipes help topic (plain text).</summary>
    public static string AboutTopic()
    {
        var b = new StringBuilder();
        b.Append("TOPIC\n    about_AtomCuration_Recipes\n\nSHORT DESCRIPTION\n    The schema of AtomCuration recipes: every section and key, with types, defaults and ranges.\n\n");
        b.Append("LONG DESCRIPTION\n");
        foreach (var line in Intro()) b.Append(About.AboutText.Wrap(line, "    "));
        b.Append("\n    Example:\n\n");
        foreach (var line in Example.Replace("\r", "", StringComparison.Ordinal).Split('\n')) b.Append("        ").Append(line).Append('\n');
        b.Append("\nTOP-LEVEL KEYS\n");
        foreach (var (key, _, description) in RecipeFile.Schema)
            b.Append($"    {key}\n").Append(About.AboutText.Wrap(description, "        "));
        foreach (var (key, record, description) in RecipeFile.Schema)
        {
            if (record is null) continue;
            b.Append($"\nSECTION {key.ToUpperInvariant()}\n").Append(About.AboutText.Wrap($"{description} Bound onto {record.FullName}.", "    "));
            foreach (var k in Keys(record)) AboutKey(b, k);
        }
        b.Append("\nDESCRIPTOR PARAMETERS\n").Append(About.AboutText.Wrap(DescriptorIntro, "    "));
        foreach (var (title, defaults, description) in DescriptorTables())
        {
            b.Append($"\n  {title}\n").Append(About.AboutText.Wrap($"{description} Bound onto {defaults.GetType().FullName}.", "    "));
            var keys = Keys(defaults);
            if (keys.Count == 0) b.Append(About.AboutText.Wrap("No keys besides scale: the settings are fixed.", "    "));
            foreach (var k in keys) AboutKey(b, k);
        }
        b.Append("\nSEE ALSO\n    Invoke-CurationRecipe\n    Get-Descriptor\n    docs/concepts/recipes.md\n");
        return b.ToString();
    }

    private const string DescriptorIntro =
        "The descriptor section's parameters (also Get-Descriptor -Parameters, a YAML parameter file, and the presets) hold the top-level keys below and one section per kind (e.g. Soap: { rcut: 4.5, nmax: 6 }); with a single kind its keys may be given flat. Each section is bound by the same binder onto the kind's settings record, so its keys are that record's properties (any case) and unknown keys are refused with the list of valid ones. Every section may also carry scale, the factor applied to that block (a number in (0, ∞), default 1).";

    /// <summary>The tables of the descriptor parameters: the top-level keys, one per settings record (kinds sharing one together), and nested records.</summary>
    private static IEnumerable<(string Title, object Defaults, string Description)> DescriptorTables()
    {
        yield return ("Top-level keys", new DescriptorParameterHeader(), "Keys beside the kinds' sections.");
        foreach (var group in Enum.GetValues<DescriptorKind>().GroupBy(k => DescriptorSettings.Default(k).GetType()))
        {
            var defaults = DescriptorSettings.Default(group.First());
            yield return (string.Join(", ", group), defaults, $"The section{(group.Count() > 1 ? "s" : "")} {string.Join(" and ", group)}.");
            foreach (var nested in OptionsBinder.Bindable(defaults.GetType()).Where(p => p.PropertyType.IsClass && p.PropertyType != typeof(string)
                         && p.GetCustomAttribute<OptionConverterAttribute>() is null && OptionsBinder.Describe(p.PropertyType) == "mapping"))
                yield return ($"{group.First()} {OptionsBinder.KeyName(nested)}", Activator.CreateInstance(nested.PropertyType)!,
                    $"The mapping {group.First()}.{OptionsBinder.KeyName(nested)}.");
        }
    }

    private static void Table(StringBuilder b, IEnumerable<RecipeKey> keys)
    {
        b.Append("| Key | Type | Default | Range | Description |\n|---|---|---|---|---|\n");
        foreach (var k in keys)
            b.Append($"| `{k.Key}` | {k.Type} | {Code(k.Default)} | {k.Range} | {k.Description.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
    }

    private static void AboutKey(StringBuilder b, RecipeKey k)
    {
        b.Append($"\n    {k.Key}\n");
        b.Append(About.AboutText.Wrap($"Type: {k.Type}. Default: {k.Default}.{(k.Range.Length > 0 ? $" Range: {k.Range}." : "")}", "        "));
        if (k.Description.Length > 0) b.Append(About.AboutText.Wrap(k.Description, "        "));
    }

    private static IEnumerable<string> Intro() =>
    [
        "A recipe is a YAML file that Invoke-CurationRecipe (PowerShell) and `atomcuration run` (the command-line host) run: read a pool, describe it, select a training set, fit an EAM potential and measure it. Each section is bound by the same binder onto the same options record as the cmdlet doing that step, so it accepts the same keys with the same ranges (keys in any case; unknown keys are refused with the list of valid ones). A run with an output folder writes provenance.json, which is itself a recipe: running it again repeats the run bit for bit.",
    ];

    private static string Code(string value) => value == "—" ? value : $"`{value}`";

    private static string Format(object? value) => value switch
    {
        null => "—",
        string s => s,
        bool v => v ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IDictionary { Count: 0 } or ICollection { Count: 0 } => "—",
        IEnumerable many => string.Join(", ", many.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? "",
    };

    /// <summary>Property summaries of Core's XML documentation (shipped beside AtomCuration.Core.dll), as plain text.</summary>
    private static readonly Lazy<Dictionary<string, string>> Documentation = new(() =>
    {
        string file = Path.ChangeExtension(typeof(Recipe).Assembly.Location, ".xml");
        var doc = XDocument.Load(file);
        return doc.Descendants("member")
            .Where(m => m.Element("summary") is not null)
            .ToDictionary(m => (string)m.Attribute("name")!, m => Plain(m.Element("summary")!), StringComparer.Ordinal);
    });

    private static string Plain(XElement summary)
    {
        var b = new StringBuilder();
        foreach (var node in summary.Nodes())
        {
            b.Append(node switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "see" } e => ((string?)e.Attribute("cref"))?.Split('.', ':')[^1] ?? (string?)e.Attribute("langword") ?? "",
                XElement { Name.LocalName: "paramref" or "typeparamref" } e => (string?)e.Attribute("name") ?? "",
                XElement e => e.Value,
                _ => "",
            });
        }
        return Regex.Replace(b.ToString(), @"\s+", " ").Trim();
    }
}
