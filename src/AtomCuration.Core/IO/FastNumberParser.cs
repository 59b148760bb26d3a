using System.Globalization;
using System.Runtime.CompilerServices;

namespace AtomCuration.IO;

/// <summary>
/// Number parsing for text formats, over spans and culture-invariant. Decimal numbers with at
/// most 15 significant digits and a small exponent (nearly every number in a structure file)
/// take the exact fast path: an integer mantissa below 2⁵³ times or divided by an exactly
/// representable power of ten is one correctly rounded IEEE operation, so the result is
/// the same double as <see cref="double.Parse(string)"/> gives. Everything else goes to
/// <see cref="double.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider, out double)"/>,
/// which also accepts Python's spellings <c>inf</c> and <c>nan</c>.
/// </summary>
internal static class FastNumberParser
{
    private static readonly double[] Pow10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Parses a real number; false when <paramref name="s"/> is not one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseDouble(ReadOnlySpan<char> s, out double value) =>
        TryFast(s, out value) || TrySlow(s, out value);

    // Hot per number: optimised from the first call (see LineSource.Next).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryFast(ReadOnlySpan<char> s, out double value)
    {
        value = 0;
        int i = 0, n = s.Length;
        if (n == 0) return false;
        bool negative = false;
        if (s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            i = 1;
        }
        ulong mantissa = 0;
        int digits = 0, scale = 0;
        bool any = false;
        for (; i < n; i++)
        {
            uint d = (uint)(s[i] - '0');
            if (d > 9) break;
            any = true;
            if (mantissa != 0 || d != 0)
            {
                if (++digits > 15) return false;
                mantissa = mantissa * 10 + d;
            }
        }
        if (i < n && s[i] == '.')
        {
            for (i++; i < n; i++)
            {
                uint d = (uint)(s[i] - '0');
                if (d > 9) break;
                any = true;
                scale--;
                if (mantissa != 0 || d != 0)
                {
                    if (++digits > 15) return false;
                    mantissa = mantissa * 10 + d;
                }
            }
        }
        if (!any) return false;
        if (i < n && (s[i] | 0x20) == 'e')
        {
            i++;
            bool expNegative = false;
            if (i < n && s[i] is '-' or '+')
            {
                expNegative = s[i] == '-';
                i++;
            }
            int exp = 0, expDigits = 0;
            for (; i < n; i++)
            {
                uint d = (uint)(s[i] - '0');
                if (d > 9) break;
                if (++expDigits > 4) return false;
                exp = exp * 10 + (int)d;
            }
            if (expDigits == 0) return false;
            scale += expNegative ? -exp : exp;
        }
        if (i != n) return false;
        double m = mantissa;
        if (scale == 0) value = m;
        else if (scale > 0 && scale <= 22) value = m * Pow10[scale];
        else if (scale < 0 && scale >= -22) value = m / Pow10[-scale];
        else if (mantissa == 0) value = 0;
        else return false;
        if (negative) value = -value;
        return true;
    }

    private static bool TrySlow(ReadOnlySpan<char> s, out double value)
    {
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return true;
        var t = s.TrimStart('+');
        bool negative = false;
        if (t.Length > 0 && t[0] == '-')
        {
            negative = true;
            t = t[1..];
        }
        if (t.Equals("inf", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        return false;
    }

    /// <summary>Parses an integer (optional sign, digits only).</summary>
    public static bool TryParseLong(ReadOnlySpan<char> s, out long value) =>
        long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses T, F, True or False (any case for the words, as extended XYZ writers differ).</summary>
    public static bool TryParseBool(ReadOnlySpan<char> s, out bool value)
    {
        if (s is "T" or "t" || s.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }
        if (s is "F" or "f" || s.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            value = false;
            return true;
        }
        value = false;
        return false;
    }

    /// <summary>
    /// Formats a double so that it reads back to the same bits (shortest round-trip form) and
    /// always looks like a real number (<c>1.0</c>, not <c>1</c>) so readers that tell integers
    /// from reals keep its type.
    /// </summary>
    public static string FormatReal(double v)
    {
        if (double.IsNaN(v)) return "nan";
        if (double.IsInfinity(v)) return v > 0 ? "inf" : "-inf";
        string s = v.ToString("R", CultureInfo.InvariantCulture);
        return s.AsSpan().IndexOfAny('.', 'E', 'e') < 0 ? s + ".0" : s;
    }
}
