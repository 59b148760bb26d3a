using System.Collections;
using System.Globalization;
using AtomCuration.Options;
using AtomCuration.Potentials.Eam;

namespace AtomCuration.PowerShell.Mapping;

/// <summary>
/// A <c>-Fit</c> hashtable of Invoke-EamFit parameter names onto Core's records: the fit settings onto
/// <see cref="EamFitOptions"/> (by the one binder), and <c>Optimize</c>, <c>Budget</c>, <c>SearchSpace</c> and
/// <c>SearchMethod</c> onto an <see cref="EamSearchOptions"/> — null unless <c>Optimize</c> is true.
/// </summary>
public static class FitSearchMapper
{
    private static readonly string[] SearchKeys = ["Optimize", "Budget", "SearchSpace", "SearchMethod"];

    /// <summary>The fit and (with <c>Optimize = $true</c>) the settings search; <paramref name="context"/> names the parameter in messages.</summary>
    public static (EamFitOptions Fit, EamSearchOptions? Search) Map(IDictionary? table, string context)
    {
        var fit = new Hashtable(StringComparer.OrdinalIgnoreCase);
        var search = new Hashtable(StringComparer.OrdinalIgnoreCase);
        if (table is not null)
            foreach (DictionaryEntry e in table)
            {
                string key = Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "";
                object? value = e.Value is System.Management.Automation.PSObject p ? p.BaseObject : e.Value;
                if (SearchKeys.Contains(key, StringComparer.OrdinalIgnoreCase)) search[key] = value;
                else fit[key] = value;
            }
        var options = OptionsBinder.Bind<EamFitOptions>(fit, null, context, KeyStyle.Parameter);
        bool optimize = search["Optimize"] is { } o && (bool)OptionsBinder.ConvertTo(typeof(bool), o, null, $"{context} Optimize")!;
        if (!optimize)
        {
            if (search.Count > (search.ContainsKey("Optimize") ? 1 : 0))
                throw new ArgumentException($"{context}: Budget, SearchSpace and SearchMethod need Optimize = $true.");
            return (options, null);
        }
        var d = new EamSearchOptions();
        var result = new EamSearchOptions
        {
            Budget = search["Budget"] is { } b ? (int)OptionsBinder.ConvertTo(typeof(int), b, null, $"{context} Budget")! : d.Budget,
            Method = search["SearchMethod"] is { } m ? (EamSearchMethod)OptionsBinder.ConvertTo(typeof(EamSearchMethod), m, null, $"{context} SearchMethod")! : d.Method,
            Space = search["SearchSpace"] is IDictionary space ? (EamSearchSpace?)new EamSearchSpaceConverter().Convert(space, "-SearchSpace") : null,
        };
        result.Validate();
        return (options, result);
    }
}
