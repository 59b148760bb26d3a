using System.Collections;
using System.ComponentModel;
using System.Globalization;
using AtomCuration.Options;

namespace AtomCuration.Selection;

/// <summary>
/// Select-Configuration's settings as a user gives them — the cmdlet's parameters, a recipe's <c>select</c>
/// section — bound by <see cref="OptionsBinder"/>; <see cref="SelectionOptionsMapper"/> turns them into the
/// method's own <see cref="SelectionOptions"/> record. Null means "not given": the method's (or preset's) value stands.
/// </summary>
public sealed record SelectionSettings : IOptions
{
    /// <summary>Name of the k-means preset of the fingerprint study (paper 000), <see cref="KMeansOptions.Study"/>.</summary>
    public const string KMeansStudy = "KMeansStudy";

    /// <summary>Selection method; may be left out with <see cref="Preset"/>.</summary>
    public SelectionMethod? Method { get; init; }

    /// <summary>Number of structures to select (the default applies when no fraction, threshold or budget is given either).</summary>
    [OptionRange(1, double.PositiveInfinity)]
    [DefaultValue(SelectionOptions.DefaultCount)]
    public int? Count { get; init; }

    /// <summary>Fraction of the pool to select (Spectral: of every cluster).</summary>
    [OptionRange(0, 1, MinExclusive = true)]
    public double? Fraction { get; init; }

    /// <summary>Environment distance threshold (LocalEnvironmentBank only).</summary>
    [SameRangeAs(typeof(LocalEnvironmentBankOptions), nameof(LocalEnvironmentBankOptions.Threshold))]
    public double? Threshold { get; init; }

    /// <summary>Labelling budget: select as many structures as fit in this total cost (instead of Count, Fraction or Threshold).</summary>
    [SameRangeAs(typeof(SelectionOptions), nameof(SelectionOptions.Budget))]
    public double? Budget { get; init; }

    /// <summary>A structure's labelling cost is N_atoms to this power (default 3) unless <see cref="CostKey"/> is given.</summary>
    [SameRangeAs(typeof(SelectionOptions), nameof(SelectionOptions.CostExponent))]
    public double? CostExponent { get; init; }

    /// <summary>Info key holding each structure's labelling cost.</summary>
    public string? CostKey { get; init; }

    /// <summary>Never select two structures whose descriptors lie within this distance (one per near-duplicate group).</summary>
    [SameRangeAs(typeof(SelectionOptions), nameof(SelectionOptions.DuplicateTolerance))]
    public double? DuplicateTolerance { get; init; }

    /// <summary>Seed of every random choice (same seed, same selection on any thread count).</summary>
    public int Seed { get; init; }

    /// <summary>z-score every descriptor column before selecting.</summary>
    public bool? Standardize { get; init; }

    /// <summary>Project on the fewest principal components explaining this fraction of the variance.</summary>
    [SameRangeAs(typeof(PreprocessOptions), nameof(PreprocessOptions.ExplainedVariance))]
    public double? ExplainedVariance { get; init; }

    /// <summary>Project on this many principal components.</summary>
    [SameRangeAs(typeof(PreprocessOptions), nameof(PreprocessOptions.Components))]
    public int? Components { get; init; }

    /// <summary>Weights of descriptor column blocks, given as a mapping of column range to weight, e.g. <c>{ "0-243": 1, "244-247": 4 }</c>.</summary>
    [OptionConverter(typeof(BlockWeightsConverter))]
    public IReadOnlyList<ColumnBlock>? BlockWeights { get; init; }

    /// <summary>A named selection preset (<see cref="KMeansStudy"/>: paper 000's k-means recipe).</summary>
    public string? Preset { get; init; }

    /// <summary>Method-specific knobs, e.g. <c>{ restarts: 20, tolerance: 1e-6 }</c> (see Select-Configuration -Options).</summary>
    public IDictionary? Options { get; init; }

    /// <summary>The method: <see cref="Method"/>, or the one <see cref="Preset"/> implies.</summary>
    public SelectionMethod ResolvedMethod
    {
        get
        {
            if (Preset is null) return Method ?? throw new ArgumentException("Give Method (or Preset).", nameof(Method));
            if (!Preset.Equals(KMeansStudy, StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"Preset: no selection preset named '{Preset}'; presets: {KMeansStudy}.", nameof(Preset));
            if (Method is not null and not SelectionMethod.KMeans)
                throw new ArgumentException($"Preset {KMeansStudy} configures KMeans, not {Method}.", nameof(Preset));
            return SelectionMethod.KMeans;
        }
    }

    /// <inheritdoc />
    public void Validate()
    {
        OptionRanges.Validate(this);
        var method = ResolvedMethod;
        if ((Count is null ? 0 : 1) + (Fraction is null ? 0 : 1) + (Threshold is null ? 0 : 1) + (Budget is null ? 0 : 1) > 1)
            throw new ArgumentException("Give at most one of Count, Fraction, Threshold, Budget.", nameof(Count));
        if ((CostKey is not null || CostExponent is not null) && Budget is null)
            throw new ArgumentException("CostKey and CostExponent price a Budget; give Budget too.", nameof(Budget));
        if (Threshold is not null && method != SelectionMethod.LocalEnvironmentBank)
            throw new ArgumentException($"Threshold applies to LocalEnvironmentBank only; {method} takes Count or Fraction.", nameof(Threshold));
        if (ExplainedVariance is not null && Components is not null)
            throw new ArgumentException("Give ExplainedVariance or Components, not both.", nameof(Components));
    }

    /// <summary>Reads <see cref="BlockWeights"/> from a mapping of column ranges ("0-243", or one column "12") to weights.</summary>
    public sealed class BlockWeightsConverter : IOptionConverter
    {
        /// <inheritdoc />
        public string Shape => "mapping of column range ('0-243', or one column '12') to weight";

        /// <inheritdoc />
        public object? Convert(object? value, string name)
        {
            if (value is null) return null;
            if (value is IEnumerable<ColumnBlock> given) return given.ToArray();
            if (value is not IDictionary table) throw new ArgumentException($"{name}: expected a {Shape}.", name);
            var blocks = new List<ColumnBlock>();
            foreach (DictionaryEntry e in table)
            {
                string key = System.Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "";
                var parts = key.Split('-', StringSplitOptions.TrimEntries);
                if (parts.Length is < 1 or > 2 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                    throw new ArgumentException($"{name}: key '{key}' is not a column range such as '0-243' or '12'.", name);
                int first = int.Parse(parts[0], CultureInfo.InvariantCulture), last = int.Parse(parts[^1], CultureInfo.InvariantCulture);
                if (last < first) throw new ArgumentException($"{name}: range '{key}' ends before it starts.", name);
                double w = (double)OptionsBinder.ConvertTo(typeof(double), e.Value, null, $"{name}.{key}")!;
                blocks.Add(new ColumnBlock(first, last, w));
            }
            return blocks.OrderBy(b => b.First).ToArray();
        }

        /// <inheritdoc />
        public object? ToPlain(object? value) => value is IEnumerable<ColumnBlock> blocks
            ? blocks.ToDictionary(b => b.First == b.Last ? b.First.ToString(CultureInfo.InvariantCulture) : $"{b.First}-{b.Last}", b => (object?)b.Weight)
            : null;
    }
}
