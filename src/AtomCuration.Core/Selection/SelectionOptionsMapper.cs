using System.Collections;
using System.Globalization;
using AtomCuration.Descriptors;
using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>
/// Turns Select-Configuration's parameters into Core's per-method <see cref="SelectionOptions"/>
/// (plain, testable without PowerShell). Every bad value is rejected with an
/// <see cref="ArgumentException"/> naming the parameter or <c>-Options</c> key and its valid range.
/// </summary>
public static class SelectionOptionsMapper
{
    /// <summary>Name of the k-means preset of the fingerprint study (paper 000), <see cref="KMeansOptions.Study"/>.</summary>
    public const string KMeansStudy = "KMeansStudy";

    private const string ElementThresholds = "elementThresholds";

    /// <summary>The <c>-Options</c> keys <paramref name="method"/> accepts (for help and tests), read off the mapping itself.</summary>
    public static IReadOnlyList<string> OptionKeys(SelectionMethod method)
    {
        var reader = new ParameterReader(method.ToString(), null);
        ReadMethodOptions(Selector.DefaultOptions(method), reader, null, null, false, null);
        return method == SelectionMethod.LocalEnvironmentBank ? [ElementThresholds, .. reader.ValidNames] : reader.ValidNames.ToArray();
    }

    /// <summary>
    /// Builds the plan. Exactly one of <paramref name="count"/>, <paramref name="fraction"/> and
    /// <paramref name="threshold"/> is expected (the cmdlet's parameter sets); <paramref name="method"/> may be
    /// null when <paramref name="preset"/> implies it. Preprocessing arguments left null keep the preset's value.
    /// <paramref name="blockWeights"/> maps column ranges ("0-243", or one column "12") to weights.
    /// </summary>
    public static SelectionPlan Map(SelectionMethod? method, int? count, double? fraction, double? threshold, int seed,
        bool? standardize, double? explainedVariance, int? components, IDictionary? blockWeights, string? preset,
        IDictionary? options, int throttleLimit)
    {
        var m = ResolveMethod(method, preset);
        if (count is < 1) throw new ArgumentException($"-Count must be at least 1; got {count}.", nameof(count));
        if (fraction is double f && !(f > 0 && f <= 1)) throw new ArgumentException($"-Fraction must be in (0, 1]; got {Num(f)}.", nameof(fraction));
        if (threshold is double t && !(t > 0 && double.IsFinite(t))) throw new ArgumentException($"-Threshold must be in (0, ∞); got {Num(t)}.", nameof(threshold));
        if (threshold is not null && m != SelectionMethod.LocalEnvironmentBank)
            throw new ArgumentException($"-Threshold applies to LocalEnvironmentBank only; {m} takes -Count or -Fraction.", nameof(threshold));
        if (explainedVariance is double ev && !(ev > 0 && ev <= 1))
            throw new ArgumentException($"-ExplainedVariance must be in (0, 1]; got {Num(ev)}.", nameof(explainedVariance));
        if (components is < 1) throw new ArgumentException($"-Components must be at least 1; got {components}.", nameof(components));
        if (explainedVariance is not null && components is not null)
            throw new ArgumentException("Give -ExplainedVariance or -Components, not both.", nameof(components));

        int k = count ?? 10;
        var start = preset is null ? Selector.DefaultOptions(m) : KMeansOptions.Study(k, seed);
        var reader = new ParameterReader($"Select-Configuration -Options ({m})", Copy(options, out var elementThresholds));
        if (elementThresholds is not null && m != SelectionMethod.LocalEnvironmentBank)
            throw new ArgumentException($"Select-Configuration -Options elementThresholds applies to LocalEnvironmentBank only, not {m}.", "elementThresholds");
        var o = ReadMethodOptions(start, reader, elementThresholds, threshold, count is not null || fraction is not null, fraction);
        bool restartsFromCount = preset is not null && !reader.Has("restarts");
        reader.Finish();
        var p = o.Preprocess;
        o = o with
        {
            Count = k,
            Seed = seed,
            Threads = throttleLimit,
            Preprocess = p with
            {
                Standardize = standardize ?? p.Standardize,
                BlockWeights = blockWeights is null ? p.BlockWeights : ReadBlocks(blockWeights),
                ExplainedVariance = components is not null ? null : explainedVariance ?? p.ExplainedVariance,
                Components = explainedVariance is not null ? null : components ?? p.Components,
            },
        };
        return new SelectionPlan(o, fraction, restartsFromCount);
    }

    private static SelectionMethod ResolveMethod(SelectionMethod? method, string? preset)
    {
        if (preset is null) return method ?? throw new ArgumentException("Give -Method (or -Preset).", nameof(method));
        if (!preset.Equals(KMeansStudy, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"-Preset: no selection preset named '{preset}'; presets: {KMeansStudy}.", nameof(preset));
        if (method is not null and not SelectionMethod.KMeans)
            throw new ArgumentException($"-Preset {KMeansStudy} configures KMeans, not {method}.", nameof(preset));
        return SelectionMethod.KMeans;
    }

    private static SelectionOptions ReadMethodOptions(SelectionOptions o, ParameterReader r, IDictionary? elementThresholds,
        double? threshold, bool sized, double? fraction) => o switch
    {
        KMeansOptions k => k with
        {
            Restarts = r.Int("restarts", k.Restarts, 1, 100_000),
            Tolerance = r.Double("tolerance", k.Tolerance, 0, double.PositiveInfinity, maxOpen: true),
            MaxIterations = r.Int("maxIterations", k.MaxIterations, 1, 1_000_000),
        },
        FpsOptions s => s with { Start = Optional(r, "start", r.Int("start", 0, 0, int.MaxValue)), Kernel = ReadKernel(r, null) },
        LocalEnvironmentBankOptions b => b with
        {
            Threshold = threshold,
            ElementThresholds = elementThresholds is null ? null : ReadElementThresholds(elementThresholds),
            FitCount = sized,
            Scaling = r.Enum("scaling", b.Scaling),
            Shuffle = r.Bool("shuffle", b.Shuffle),
        },
        DppOptions d => d with { Kernel = ReadKernel(r, d.Kernel)!, Mode = r.Enum("mode", d.Mode) },
        MaxVolOptions v => v with
        {
            Tolerance = r.Double("tolerance", v.Tolerance, 1, double.PositiveInfinity, maxOpen: true),
            MaxSwaps = r.Int("maxSwaps", v.MaxSwaps, 0, int.MaxValue),
        },
        CurOptions c => c with { Components = r.Int("components", c.Components, 1, 100_000) },
        AgglomerativeOptions a => a with { Linkage = r.Enum("linkage", a.Linkage), Kernel = ReadKernel(r, null) },
        SpectralOptions s => s with
        {
            Kernel = ReadKernel(r, s.Kernel)!,
            Delta = r.Double("delta", s.Delta, 0, 1),
            Clusters = Optional(r, "clusters", r.Int("clusters", 1, 1, 100_000)),
            DistanceTolerance = r.Double("distanceTolerance", s.DistanceTolerance, 0, double.PositiveInfinity, minOpen: true, maxOpen: true),
            MaxClusters = r.Int("maxClusters", s.MaxClusters, 2, 100_000),
            Fraction = fraction,
        },
        EntropyOptions e => e with
        {
            Neighbours = r.Int("neighbours", e.Neighbours, 1, 1000),
            Bandwidth = r.Double("bandwidth", e.Bandwidth, 0, double.PositiveInfinity, minOpen: true, maxOpen: true),
        },
        _ => o,
    };

    /// <summary>The value read for an optional key, or null when the key is absent (it is read either way, so it counts as valid).</summary>
    private static int? Optional(ParameterReader r, string name, int value) => r.Has(name) ? value : null;

    private static Kernel? ReadKernel(ParameterReader r, Kernel? fallback)
    {
        bool given = r.Has("kernel");
        var kind = r.Enum("kernel", fallback?.Kind ?? KernelKind.Rbf);
        bool gammaGiven = r.Has("gamma");
        double gamma = r.Double("gamma", fallback?.Gamma ?? 1.0, 0, double.PositiveInfinity, minOpen: true, maxOpen: true);
        if (!given && fallback is null)
        {
            if (gammaGiven) throw r.Bad("gamma", $"needs 'kernel' ({string.Join(", ", Enum.GetNames<KernelKind>())}).");
            return null;
        }
        return new Kernel(kind, gamma);
    }

    private static Dictionary<int, double> ReadElementThresholds(IDictionary table)
    {
        var reader = new ParameterReader("Select-Configuration -Options elementThresholds", table);
        var result = new Dictionary<int, double>();
        foreach (DictionaryEntry e in table)
        {
            string symbol = Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "";
            if (!Elements.TryFromSymbol(symbol, out var element))
                throw new ArgumentException($"Select-Configuration -Options elementThresholds: '{symbol}' is not a chemical symbol (H…Pu).", "elementThresholds");
            result[element.Z] = reader.Double(symbol, 0, 0, double.PositiveInfinity, minOpen: true, maxOpen: true);
        }
        return result;
    }

    private static ColumnBlock[] ReadBlocks(IDictionary table)
    {
        var blocks = new List<ColumnBlock>();
        foreach (DictionaryEntry e in table)
        {
            string key = Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "";
            var parts = key.Split('-', StringSplitOptions.TrimEntries);
            if (parts.Length is < 1 or > 2 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                throw new ArgumentException($"-BlockWeights: key '{key}' is not a column range such as '0-243' or '12'.", "blockWeights");
            int first = int.Parse(parts[0], CultureInfo.InvariantCulture), last = int.Parse(parts[^1], CultureInfo.InvariantCulture);
            if (last < first) throw new ArgumentException($"-BlockWeights: range '{key}' ends before it starts.", "blockWeights");
            double w = new ParameterReader("-BlockWeights", new Hashtable { [key] = e.Value })
                .Double(key, 1, 0, double.PositiveInfinity, maxOpen: true);
            blocks.Add(new ColumnBlock(first, last, w));
        }
        return blocks.OrderBy(b => b.First).ToArray();
    }

    /// <summary>A case-insensitive copy of the knobs without <c>elementThresholds</c>, which is returned apart (a nested table).</summary>
    private static Hashtable Copy(IDictionary? options, out IDictionary? elementThresholds)
    {
        elementThresholds = null;
        var copy = new Hashtable(StringComparer.OrdinalIgnoreCase);
        if (options is null) return copy;
        foreach (DictionaryEntry e in options)
        {
            string key = Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "";
            if (key.Equals(ElementThresholds, StringComparison.OrdinalIgnoreCase))
                elementThresholds = e.Value as IDictionary
                    ?? throw new ArgumentException("Select-Configuration -Options elementThresholds must be a hashtable such as @{ Pd = 0.2; H = 0.3 }.", "elementThresholds");
            else copy[key] = e.Value;
        }
        return copy;
    }

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
