using System.Collections;
using System.Globalization;
using AtomCuration.Options;
using AtomCuration.Potentials.Eam;
using AtomCuration.Selection;
using AtomCuration.Studies;

namespace AtomCuration.PowerShell.Mapping;

/// <summary>
/// Invoke-SelectionStudy's hashtables onto Core records with the one binder: <c>-Fit</c> (Invoke-EamFit's
/// parameter names) onto <see cref="EamFitOptions"/>, and <c>-Options</c> onto each method's
/// <see cref="SelectionOptions"/> through <see cref="SelectionSettings"/>. Unknown keys are refused with the
/// list of valid ones.
/// </summary>
public static class StudyOptionsMapper
{
    /// <summary>Fit options from a hashtable of Invoke-EamFit parameter names (case-insensitive); null = defaults.</summary>
    public static EamFitOptions MapFit(IDictionary? fit)
    {
        var options = OptionsBinder.Bind<EamFitOptions>(fit, null, "Invoke-SelectionStudy -Fit", KeyStyle.Parameter);
        options.Validate();
        return options;
    }

    /// <summary>
    /// One <see cref="StudyMethod"/> per method. <paramref name="options"/> is either flat (the same
    /// Select-Configuration -Options keys for every method) or keyed by method name with a hashtable each
    /// (<c>@{ KMeans = @{ restarts = 5 }; Fps = @{ kernel = 'Rbf' } }</c>). In a study the environment bank
    /// shuffles its order and DPP samples (the papers' variation) unless the options say otherwise.
    /// </summary>
    public static IReadOnlyList<StudyMethod> MapMethods(IReadOnlyList<SelectionMethod> methods, IDictionary? options, bool? standardize,
        double? explainedVariance, int seed)
    {
        ArgumentNullException.ThrowIfNull(methods);
        var perMethod = options is not null && options.Count > 0 && options.Keys.Cast<object>()
            .All(k => Enum.TryParse<SelectionMethod>(Convert.ToString(k, CultureInfo.InvariantCulture), true, out _) && options[k] is IDictionary or System.Management.Automation.PSObject { BaseObject: IDictionary });
        if (perMethod)
        {
            var named = options!.Keys.Cast<object>().Select(k => Enum.Parse<SelectionMethod>(Convert.ToString(k, CultureInfo.InvariantCulture)!, true));
            var stray = named.Where(m => !methods.Contains(m)).ToList();
            if (stray.Count > 0) throw new ArgumentException($"-Options names {string.Join(", ", stray)}, which -Method does not list.", nameof(options));
        }
        var result = new List<StudyMethod>();
        foreach (var m in methods.Distinct())
        {
            IDictionary? mine = perMethod ? FindFor(options!, m) : options;
            var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
            if (mine is not null)
                foreach (DictionaryEntry e in mine) table[e.Key] = e.Value;
            if (m == SelectionMethod.LocalEnvironmentBank && !table.ContainsKey("shuffle")) table["shuffle"] = true;
            if (m == SelectionMethod.Dpp && !table.ContainsKey("mode")) table["mode"] = nameof(DppMode.Sample);
            var plan = SelectionOptionsMapper.Map(new SelectionSettings
            {
                Method = m, Count = 1, Seed = seed, Standardize = standardize, ExplainedVariance = explainedVariance, Options = table,
            });
            result.Add(new StudyMethod(m.ToString(), plan.Options));
        }
        return result;
    }

    /// <summary>The test set from -TestSet, -TestFraction, -Folds and -TestGroup (a one-entry hashtable Info key → value).</summary>
    public static StudyTestSet MapTestSet(StudyTestMode? mode, double? fraction, int? folds, IDictionary? group)
    {
        var set = new StudyTestSet();
        if (group is not null)
        {
            if (group.Count != 1) throw new ArgumentException("-TestGroup takes one Info key and value, e.g. @{ config_type = 'vacancy' }.", nameof(group));
            if (mode is not null and not StudyTestMode.Group) throw new ArgumentException($"-TestGroup goes with -TestSet Group, not {mode}.", nameof(group));
            var e = group.Cast<DictionaryEntry>().Single();
            set = set with
            {
                Mode = StudyTestMode.Group,
                GroupKey = Convert.ToString(e.Key, CultureInfo.InvariantCulture),
                GroupValue = Convert.ToString(Unwrap(e.Value), CultureInfo.InvariantCulture),
            };
        }
        else if (mode == StudyTestMode.Group) throw new ArgumentException("-TestSet Group needs -TestGroup @{ key = 'value' }.", nameof(mode));
        else if (mode is { } m) set = set with { Mode = m };
        if (fraction is not null && set.Mode != StudyTestMode.HeldOut) throw new ArgumentException("-TestFraction goes with -TestSet HeldOut.", nameof(fraction));
        if (folds is not null && set.Mode != StudyTestMode.KFold) throw new ArgumentException("-Folds goes with -TestSet KFold.", nameof(folds));
        set = set with { Fraction = fraction ?? set.Fraction, Folds = folds ?? set.Folds };
        set.Validate();
        return set;
    }

    private static IDictionary? FindFor(IDictionary options, SelectionMethod m)
    {
        foreach (DictionaryEntry e in options)
            if (string.Equals(Convert.ToString(e.Key, CultureInfo.InvariantCulture), m.ToString(), StringComparison.OrdinalIgnoreCase))
                return (IDictionary)Unwrap(e.Value)!;
        return null;
    }

    private static object? Unwrap(object? v) => v is System.Management.Automation.PSObject pso ? pso.BaseObject : v;
}
