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
        return (options, Search(search["Budget"], search["SearchMethod"], search["SearchSpace"], $"{context} "));
    }

    /// <summary>
    /// The settings search from Invoke-EamFit's search parameters (<c>Budget</c>, <c>SearchMethod</c>, <c>SearchSpace</c>; a null one
    /// keeps <see cref="EamSearchOptions"/>' default), validated; <paramref name="prefix"/> comes before each name in messages
    /// (<c>-</c> for the cmdlet's own parameters, <c>Invoke-ActiveLearning -Fit </c> for a hashtable's keys).
    /// </summary>
    public static EamSearchOptions Search(object? budget, object? method, object? space, string prefix)
    {
        var search = new EamSearchOptions();
        if (budget is not null) search = search with { Budget = (int)OptionsBinder.ConvertTo(typeof(int), budget, null, prefix + "Budget")! };
        if (method is not null) search = search with { Method = (EamSearchMethod)OptionsBinder.ConvertTo(typeof(EamSearchMethod), method, null, prefix + "SearchMethod")! };
        if (space is not null) search = search with { Space = (EamSearchSpace?)new EamSearchSpaceConverter().Convert(space, prefix + "SearchSpace") };
        search.Validate();
        return search;
    }
}
