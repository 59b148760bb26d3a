using AtomCuration.Options;
using System.Diagnostics;
using AtomCuration.Fitting;
using AtomCuration.Structures;

namespace AtomCuration.Potentials.Eam;

/// <summary>How a search over fit settings runs.</summary>
public sealed record EamSearchOptions : IOptions
{
    /// <summary>Fits evaluated during the search (the final refit on all data not counted).</summary>
    [OptionRange(1, 10000)]
    public int Budget { get; init; } = 20;

    /// <summary>Bayesian optimisation (default) or random search.</summary>
    public EamSearchMethod Method { get; init; } = EamSearchMethod.Bayesian;

    /// <summary>Fraction of the structures held out (seeded) to measure each candidate's validation error.</summary>
    [OptionRange(0, 1, MinExclusive = true, MaxExclusive = true)]
    public double ValidationFraction { get; init; } = 0.25;

    /// <summary>Ranges searched, by setting name; left out, all six: cutoff 4–6 Å, pair knots 6–16, density knots 6–14, embedding knots 3–8, smoothness 1e-9–1e-4, force weight 1e-4–1.</summary>
    [OptionConverter(typeof(EamSearchSpaceConverter))]
    public EamSearchSpace? Space { get; init; }

    /// <inheritdoc />
    public void Validate() => OptionRanges.Validate(this);
}

/// <summary>Search algorithm over fit settings.</summary>
public enum EamSearchMethod
{
    /// <summary><see cref="BayesianOptimizer"/>: Gaussian-process surrogate, expected improvement.</summary>
    Bayesian,

    /// <summary><see cref="RandomSearch"/>: seeded uniform draws.</summary>
    Random,
}

/// <summary>One searched setting: its range, whether it is searched on a log scale and whether it is an integer.</summary>
public sealed record EamSearchDimension(string Name, double Min, double Max, bool Log, bool Integer);

/// <summary>
/// The settings a search varies and their ranges. Names: Cutoff (Å), PairKnots, DensityKnots,
/// EmbeddingKnots (integers), Smoothness and ForceWeight (log scale; the energy weight stays as
/// given, so ForceWeight sets the force/energy weight ratio).
/// </summary>
public sealed class EamSearchSpace
{
    /// <summary>Names a search space may hold.</summary>
    public static IReadOnlyList<string> Names { get; } = ["Cutoff", "PairKnots", "DensityKnots", "EmbeddingKnots", "Smoothness", "ForceWeight"];

    /// <summary>Cutoff 4–6 Å, pair knots 6–16, density knots 6–14, embedding knots 3–8, smoothness 1e-9–1e-4, force weight 1e-4–1.</summary>
    public static EamSearchSpace Default { get; } = From(new Dictionary<string, (double, double)>
    {
        ["Cutoff"] = (4.0, 6.0),
        ["PairKnots"] = (6, 16),
        ["DensityKnots"] = (6, 14),
        ["EmbeddingKnots"] = (3, 8),
        ["Smoothness"] = (1e-9, 1e-4),
        ["ForceWeight"] = (1e-4, 1.0),
    });

    private EamSearchSpace(IReadOnlyList<EamSearchDimension> dimensions) => Dimensions = dimensions;

    /// <summary>The searched settings, in a fixed order.</summary>
    public IReadOnlyList<EamSearchDimension> Dimensions { get; }

    /// <summary>A space from ranges by name (case-insensitive); unknown names are refused with the valid ones.</summary>
    public static EamSearchSpace From(IReadOnlyDictionary<string, (double Min, double Max)> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        if (ranges.Count == 0) throw new ArgumentException("A search space needs at least one setting.");
        var dims = new List<EamSearchDimension>();
        foreach (var (key, (lo, hi)) in ranges)
        {
            string? name = Names.FirstOrDefault(n => n.Equals(key, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"Cannot search '{key}'; valid settings: {string.Join(", ", Names)}.");
            bool log = name is "Smoothness" or "ForceWeight", integer = name.EndsWith("Knots", StringComparison.Ordinal);
            if (!(hi >= lo) || !double.IsFinite(lo) || !double.IsFinite(hi)) throw new ArgumentException($"{name}: need finite min ≤ max, got {lo} and {hi}.");
            if (log && !(lo > 0)) throw new ArgumentException($"{name} is searched on a log scale: its range must be positive, got {lo}.");
            dims.Add(new EamSearchDimension(name, lo, hi, log, integer));
        }
        return new EamSearchSpace(dims.OrderBy(d => Names.ToList().IndexOf(d.Name)).ToList());
    }

    /// <summary>The settings at unit-cube point <paramref name="u"/>, by name.</summary>
    public IReadOnlyDictionary<string, double> Settings(IReadOnlyList<double> u)
    {
        var s = new Dictionary<string, double>();
        for (int j = 0; j < Dimensions.Count; j++)
        {
            var d = Dimensions[j];
            double t = Math.Clamp(u[j], 0, 1);
            double v = d.Log ? Math.Exp(Math.Log(d.Min) + t * (Math.Log(d.Max) - Math.Log(d.Min))) : d.Min + t * (d.Max - d.Min);
            s[d.Name] = d.Integer ? Math.Round(v) : v;
        }
        return s;
    }

    /// <summary><paramref name="options"/> with the settings applied.</summary>
    public static EamFitOptions Apply(EamFitOptions options, IReadOnlyDictionary<string, double> settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options;
        foreach (var (name, v) in settings)
            o = name switch
            {
                "Cutoff" => o with { Cutoff = v },
                "PairKnots" => o with { PairKnots = (int)v },
                "DensityKnots" => o with { DensityKnots = (int)v },
                "EmbeddingKnots" => o with { EmbeddingKnots = (int)v },
                "Smoothness" => o with { Smoothness = v },
                "ForceWeight" => o with { ForceWeight = v },
                _ => throw new ArgumentException($"Unknown setting {name}."),
            };
        return o;
    }
}

/// <summary>One fit of a settings search.</summary>
/// <param name="Evaluation">1-based evaluation number.</param>
/// <param name="Settings">The settings tried, by name.</param>
/// <param name="ValidationEnergyRmse">Energy RMSE on the held-out structures (meV/atom); +∞ when the fit failed.</param>
/// <param name="ValidationForceRmse">Force RMSE on them (meV/Å), or null without force labels or when the fit failed.</param>
/// <param name="BestSoFar">Lowest validation energy RMSE up to and including this evaluation (meV/atom).</param>
/// <param name="Source">"random" or "expected-improvement".</param>
/// <param name="Elapsed">Time of this fit.</param>
public sealed record EamSearchTrial(int Evaluation, IReadOnlyDictionary<string, double> Settings, double ValidationEnergyRmse,
    double? ValidationForceRmse, double BestSoFar, string Source, TimeSpan Elapsed);

/// <summary>What a settings search did: its method, the settings it chose and every trial.</summary>
public sealed record EamSearchSummary(EamSearchMethod Method, int TrainingCount, int ValidationCount, IReadOnlyDictionary<string, double> BestSettings,
    double BestValidationEnergyRmse, IReadOnlyList<EamSearchTrial> History);

/// <summary>
/// Chooses EAM fit settings automatically: the structures are split (seeded) into a training
/// and a held-out validation part; each candidate setting is fitted on the training part and
/// scored by its validation energy RMSE; <see cref="BayesianOptimizer"/> (on the logarithm of
/// that RMSE) or <see cref="RandomSearch"/> proposes the candidates within the
/// <see cref="EamSearchSpace"/>; the best settings are then refitted on all structures.
/// As paper 003 does with its potential's hyperparameters.
/// </summary>
public static class EamSettingsSearch
{
    /// <summary>Searches, then fits on all <paramref name="structures"/> with the best settings; the result's <see cref="EamFitResult.Search"/> holds the history.</summary>
    /// <param name="structures">Labelled structures (at least two).</param>
    /// <param name="options">Settings not searched, and the seed of the split, the search and the fits.</param>
    /// <param name="search">Budget, method, validation fraction, space.</param>
    /// <param name="onTrial">Called after each trial.</param>
    /// <param name="cancellation">Observed between trials (and inside fits); the search ends with the trials so far.</param>
    public static EamFitResult Fit(IReadOnlyList<Structure> structures, EamFitOptions options, EamSearchOptions search,
        Action<EamSearchTrial>? onTrial = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(structures);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(search);
        options.Validate();
        search.Validate();
        if (structures.Count < 2) throw new ArgumentException("A settings search needs at least two structures (training and validation).");
        var space = search.Space ?? EamSearchSpace.Default;
        var order = Enumerable.Range(0, structures.Count).ToArray();
        new Random(options.Seed).Shuffle(order);
        int nValidation = Math.Clamp((int)Math.Round(search.ValidationFraction * structures.Count), 1, structures.Count - 1);
        var validation = order.Take(nValidation).Order().Select(i => structures[i]).ToList();
        var training = order.Skip(nValidation).Order().Select(i => structures[i]).ToList();
        var trials = new List<EamSearchTrial>();
        double best = double.PositiveInfinity;
        double Objective(double[] u)
        {
            var settings = space.Settings(u);
            var clock = Stopwatch.StartNew();
            double e = double.PositiveInfinity;
            double? f = null;
            try
            {
                var fit = EamFitter.Fit(training, EamSearchSpace.Apply(options, settings), new RunContext { Cancellation = cancellation });
                var report = FitErrorAnalysis.Analyze(validation, fit.Potential, cancellation: cancellation);
                e = double.IsFinite(report.Overall.EnergyRmse) ? report.Overall.EnergyRmse : double.PositiveInfinity;
                f = report.Overall.ForceRmse;
            }
            catch (ArgumentException)
            {
                // Settings the data cannot support (e.g. a cutoff shorter than every distance): a failed trial.
            }
            best = Math.Min(best, e);
            var trial = new EamSearchTrial(trials.Count + 1, settings, e, f, best, "", clock.Elapsed);
            trials.Add(trial);
            return Math.Log(Math.Max(e, 1e-9));
        }
        var result = search.Method == EamSearchMethod.Bayesian
            ? BayesianOptimizer.Minimize(Objective, space.Dimensions.Count, search.Budget, options.Seed,
                onEvaluated: ev => Report(ev), cancellation: cancellation)
            : RandomSearch.Minimize(Objective, space.Dimensions.Count, search.Budget, options.Seed, ev => Report(ev), cancellation);
        void Report(SearchEvaluation ev)
        {
            trials[ev.Index] = trials[ev.Index] with { Source = ev.Source };
            onTrial?.Invoke(trials[ev.Index]);
        }
        var chosen = trials[result.Best.Index];
        if (!double.IsFinite(chosen.ValidationEnergyRmse)) throw new ArgumentException("Every fit of the settings search failed; widen the search space.");
        var final = EamFitter.Fit(structures, EamSearchSpace.Apply(options, chosen.Settings), new RunContext { Cancellation = cancellation });
        return final with
        {
            Search = new EamSearchSummary(search.Method, training.Count, validation.Count, chosen.Settings, chosen.ValidationEnergyRmse, trials),
        };
    }
}
