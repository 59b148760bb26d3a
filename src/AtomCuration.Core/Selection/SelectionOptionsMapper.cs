using System.Collections;
using System.Globalization;
using AtomCuration.Descriptors;
using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>
/// Turns <see cref="SelectionSettings"/> (Select-Configuration's parameters, a recipe's <c>select</c> section)
/// into Core's per-method <see cref="SelectionOptions"/>. Every bad <c>-Options</c> knob is rejected with an
/// <see cref="ArgumentException"/> naming the key and its valid range.
/// </summary>
public static class SelectionOptionsMapper
{
    private const string ElementThresholds = "elementThresholds";

    /// <summary>The <c>-Options</c> keys <paramref name="method"/> accepts (for help and tests), read off the mapping itself.</summary>
    public static IReadOnlyList<string> OptionKeys(SelectionMethod method)
    {
        var reader = new ParameterReader(method.ToString(), null);
        ReadMethodOptions(Selector.DefaultOptions(method), reader, null, null, false, null);
        return method == SelectionMethod.LocalEnvironmentBank ? [ElementThresholds, .. reader.ValidNames] : reader.ValidNames.ToArray();
    }

    /// <summary>
    /// Builds the plan from validated <paramref name="settings"/>: the method's record (or the preset's), its
    /// <see cref="SelectionSettings.Options"/> knobs read by name, then the count, seed and preprocessing given.
    /// </summary>
    public static SelectionPlan Map(SelectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var m = settings.ResolvedMethod;
        int k = settings.Count ?? 10;
        var start = settings.Preset is null ? Selector.DefaultOptions(m) : KMeansOptions.Study(k, settings.Seed);
        var reader = new ParameterReader($"Select-Configuration -Options ({m})", Copy(settings.Options, out var elementThresholds));
        if (elementThresholds is not null && m != SelectionMethod.LocalEnvironmentBank)
            throw new ArgumentException($"Select-Configuration -Options elementThresholds applies to LocalEnvironmentBank only, not {m}.", "elementThresholds");
        var o = ReadMethodOptions(start, reader, elementThresholds, settings.Threshold, settings.Count is not null || settings.Fraction is not null, settings.Fraction);
        bool restartsFromCount = settings.Preset is not null && !reader.Has("restarts");
        reader.Finish();
        var p = o.Preprocess;
        o = o with
        {
            Count = k,
            Seed = settings.Seed,
            Preprocess = p with
            {
                Standardize = settings.Standardize ?? p.Standardize,
                BlockWeights = settings.BlockWeights ?? p.BlockWeights,
                ExplainedVariance = settings.Components is not null ? null : settings.ExplainedVariance ?? p.ExplainedVariance,
                Components = settings.ExplainedVariance is not null ? null : settings.Components ?? p.Components,
            },
        };
        return new SelectionPlan(o, settings.Fraction, restartsFromCount);
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

}
