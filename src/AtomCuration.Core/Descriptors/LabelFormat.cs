using System.Globalization;

namespace AtomCuration.Descriptors;

/// <summary>Column-label pieces shared by all kinds, e.g. <c>G2[Ti-Ti](eta=0.5,Rs=2.0)</c>.</summary>
internal static class LabelFormat
{
    /// <summary>A parameter value: shortest round-trip form, with ".0" on whole numbers so it reads as real.</summary>
    public static string Number(double v)
    {
        string s = v.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.') || s.Contains('E') || s.Contains("Infinity") || s.Contains("NaN") ? s : s + ".0";
    }

    /// <summary>Element symbols joined by hyphens, in brackets.</summary>
    public static string Elements(params string[] symbols) => "[" + string.Join("-", symbols) + "]";
}
