using System.Collections;
using System.Globalization;
using AtomCuration.Options;
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
    private const string KernelKey = "kernel";
    private const string GammaKey = "gamma";

    /// <summary>Method properties set from Select-Configuration's own parameters or from dedicated keys, never as plain knobs.</summary>
    private static readonly HashSet<string> NotKnobs = new(StringComparer.Ordinal)
    {
        nameof(LocalEnvironmentBankOptions.Threshold), nameof(LocalEnvironmentBankOptions.FitCount),
        nameof(LocalEnvironmentBankOptions.ElementThresholds), nameof(SpectralOptions.Fraction), nameof(FpsOptions.Kernel),
    };

    /// <summary>
    /// The <c>-Options</c> keys <paramref name="method"/> accepts (for help and tests): the bindable properties its own
    /// record declares, <c>kernel</c> and <c>gamma</c> where it has a kernel, <c>elementThresholds</c> for the bank.
    /// </summary>
    public static IReadOnlyList<string> OptionKeys(SelectionMethod method)
    {
        var type = Selector.DefaultOptions(method).GetType();
        var keys = new List<string>();
        if (method == SelectionMethod.LocalEnvironmentBank) keys.Add(ElementThresholds);
        keys.AddRange(Knobs(type).Select(p => OptionsBinder.KeyName(p.Name)));
        if (type.GetProperty(nameof(FpsOptions.Kernel)) is not null) keys.AddRange([KernelKey, GammaKey]);
        return keys;
    }

    private static IEnumerable<System.Reflection.PropertyInfo> Knobs(Type type) =>
        OptionsBinder.Bindable(type).Where(p => p.DeclaringType == type && !NotKnobs.Contains(p.Name));

    /// <summary>
    /// Builds the plan from validated <paramref name="settings"/>: the method's record (or the preset's), its
    /// <see cref="SelectionSettings.Options"/> knobs read by name, then the count, seed and preprocessing given.
    /// </summary>
    public static SelectionPlan Map(SelectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var m = settings.ResolvedMethod;
        int k = settings.Count ?? SelectionOptions.DefaultCount;
        var start = settings.Preset is null ? Selector.DefaultOptions(m) : KMeansOptions.Study(k, settings.Seed);
        string context = $"Select-Configuration -Options ({m})";
        var knobs = Copy(settings.Options);
        var o = start switch
        {
            LocalEnvironmentBankOptions b => b with
            {
                Threshold = settings.Threshold,
                FitCount = settings.Count is not null || settings.Fraction is not null || settings.Budget is not null,
                ElementThresholds = Take(knobs, ElementThresholds) is { } table ? ReadElementThresholds(table, context) : null,
            },
            SpectralOptions sp => sp with { Fraction = settings.Fraction },
            _ => start,
        };
        if (knobs.ContainsKey(ElementThresholds))
            throw new OptionsException($"{context}: elementThresholds applies to LocalEnvironmentBank only, not {m}.", ElementThresholds);
        o = WithKernel(o, knobs, context);
        var valid = OptionKeys(m);
        foreach (string key in knobs.Keys)
            if (!valid.Contains(key, StringComparer.OrdinalIgnoreCase))
                throw new OptionsException($"{context}: unknown key '{key}'; valid keys: {(valid.Count == 0 ? "none" : string.Join(", ", valid))}.", key);
        bool restartsFromCount = settings.Preset is not null && !knobs.ContainsKey("restarts");
        o = (SelectionOptions)OptionsBinder.Bind(o.GetType(), knobs, o, context);
        var p = o.Preprocess;
        o = o with
        {
            Count = k,
            Seed = settings.Seed,
            Budget = settings.Budget,
            CostExponent = settings.CostExponent ?? o.CostExponent,
            CostKey = settings.CostKey,
            DuplicateTolerance = settings.DuplicateTolerance,
            Preprocess = p with
            {
                Standardize = settings.Standardize ?? p.Standardize,
                BlockWeights = settings.BlockWeights ?? p.BlockWeights,
                LabelBlockWeights = settings.BlockWeights is null ? p.LabelBlockWeights : [], // explicit -BlockWeights replace the preset's
                ExplainedVariance = settings.Components is not null ? null : settings.ExplainedVariance ?? p.ExplainedVariance,
                Components = settings.ExplainedVariance is not null ? null : settings.Components ?? p.Components,
            },
        };
        return new SelectionPlan(o, settings.Fraction, restartsFromCount);
    }

    /// <summary>The kernel from the <c>kernel</c> and <c>gamma</c> keys (removed from <paramref name="knobs"/>), over the method's default kernel.</summary>
    private static SelectionOptions WithKernel(SelectionOptions o, Hashtable knobs, string context)
    {
        var property = o.GetType().GetProperty(nameof(FpsOptions.Kernel));
        object? kindValue = Take(knobs, KernelKey), gammaValue = Take(knobs, GammaKey);
        if (property is null)
        {
            if (kindValue is not null || gammaValue is not null)
                throw new OptionsException($"{context}: unknown key '{(kindValue is not null ? KernelKey : GammaKey)}'; {Selector.MethodOf(o)} takes no kernel.", KernelKey);
            return o;
        }
        var fallback = (Kernel?)property.GetValue(o);
        if (kindValue is null && gammaValue is null) return o;
        if (kindValue is null && fallback is null)
            throw new OptionsException($"{context}.{GammaKey}: needs '{KernelKey}' ({string.Join(", ", Enum.GetNames<KernelKind>())}).", GammaKey);
        var kind = kindValue is null ? fallback!.Kind : (KernelKind)OptionsBinder.ConvertTo(typeof(KernelKind), kindValue, null, $"{context}.{KernelKey}")!;
        double gamma = gammaValue is null ? fallback?.Gamma ?? 1.0 : (double)OptionsBinder.ConvertTo(typeof(double), gammaValue, null, $"{context}.{GammaKey}")!;
        var kernel = new Kernel(kind, gamma);
        try
        {
            OptionRanges.Validate(kernel);
        }
        catch (ArgumentException e)
        {
            throw new OptionsException($"{context}.{GammaKey}: {OptionsException.Bare(e)}", GammaKey, e);
        }
        var copy = o with { };
        property.SetValue(copy, kernel);
        return copy;
    }

    private static Dictionary<int, double> ReadElementThresholds(object value, string context)
    {
        if (value is not IDictionary table)
            throw new OptionsException($"{context}: elementThresholds must be a mapping such as @{{ Pd = 0.2; H = 0.3 }}.", ElementThresholds);
        var result = new Dictionary<int, double>();
        foreach (DictionaryEntry e in table)
        {
            string symbol = Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "";
            if (!Elements.TryFromSymbol(symbol, out var element))
                throw new OptionsException($"{context}: elementThresholds: '{symbol}' is not a chemical symbol (H…Pu).", ElementThresholds);
            result[element.Z] = (double)OptionsBinder.ConvertTo(typeof(double), e.Value, null, $"{context}.{ElementThresholds}.{symbol}")!;
        }
        return result;
    }

    private static object? Take(Hashtable knobs, string key)
    {
        var value = knobs[key];
        knobs.Remove(key);
        return value;
    }

    /// <summary>A case-insensitive copy of the knobs.</summary>
    private static Hashtable Copy(IDictionary? options)
    {
        var copy = new Hashtable(StringComparer.OrdinalIgnoreCase);
        if (options is null) return copy;
        foreach (DictionaryEntry e in options) copy[Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? ""] = e.Value;
        return copy;
    }
}
