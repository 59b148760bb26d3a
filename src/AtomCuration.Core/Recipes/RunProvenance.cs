using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace AtomCuration.Recipes;

/// <summary>
/// What a run's provenance file (provenance.json beside its outputs) records: the recipe with every option
/// resolved and every path absolute (so <see cref="RecipeFile.Load"/> can run it again), the input and output
/// files with their size and SHA-256, the software (module version and commit, .NET, PowerShell, OS), the
/// seeds, the thread count and the time of each stage.
/// </summary>
public static class RunProvenance
{
    /// <summary>The module version, e.g. 0.1.0 (from the build's informational version).</summary>
    public static string ModuleVersion => Informational.Split('+')[0];

    /// <summary>The git commit the module was built from (embedded at build time as SourceRevisionId), or "unknown".</summary>
    public static string Commit => Informational.Split('+') is [_, var sha, ..] && sha.Length > 0 ? sha : "unknown";

    private static string Informational =>
        typeof(RunProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Size and SHA-256 (lower-case hex) of a file.</summary>
    public static SortedDictionary<string, object?> Describe(string path)
    {
        using var stream = File.OpenRead(path);
        long length = stream.Length;
        var hash = Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
        return new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["path"] = path, ["bytes"] = length, ["sha256"] = hash };
    }

    /// <summary>The provenance document of a run; <paramref name="selection"/> is the selection record the select section resolved to.</summary>
    public static SortedDictionary<string, object?> Create(Recipe recipe, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs,
        int threads, string? powerShellVersion, IReadOnlyDictionary<string, double> timings, DateTime startedUtc,
        Selection.SelectionOptions? selection = null)
    {
        var seeds = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        if (recipe.Select is { } s) seeds["select"] = s.Seed;
        if (recipe.Fit is { } f) seeds["fit"] = f.Seed;
        if (recipe.ActiveLearning is { } a)
        {
            seeds["activeLearning"] = a.Seed;
            seeds["fit"] = a.Fit.Seed;
        }
        return new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["provenance"] = 1,
            ["recipe"] = recipe.ToPlain(inputs),
            ["inputs"] = inputs.Select(Describe).ToList(),
            ["outputs"] = outputs.Select(Describe).ToList(),
            ["software"] = new SortedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["module"] = "AtomCuration",
                ["version"] = ModuleVersion,
                ["commit"] = Commit,
                ["dotnet"] = RuntimeInformation.FrameworkDescription,
                ["powershell"] = powerShellVersion,
                ["os"] = RuntimeInformation.OSDescription,
            },
            ["seeds"] = seeds,
            // What the select section resolved to: the method's own record with every knob and the preprocessing.
            ["resolved"] = selection is null ? null : new SortedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["select"] = new SortedDictionary<string, object?>(Options.OptionsBinder.ToPlain(selection), StringComparer.Ordinal)
                {
                    ["method"] = Selection.Selector.MethodOf(selection).ToString(),
                },
            },
            ["threads"] = threads,
            ["startedUtc"] = startedUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["timingsSeconds"] = new SortedDictionary<string, object?>(timings.ToDictionary(t => t.Key, t => (object?)t.Value), StringComparer.Ordinal),
        };
    }

    /// <summary>The document as indented JSON (numbers round-trip exactly).</summary>
    public static string ToJson(SortedDictionary<string, object?> document) =>
        JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
