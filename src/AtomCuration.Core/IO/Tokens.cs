using System.Runtime.CompilerServices;

namespace AtomCuration.IO;

/// <summary>
/// Whitespace-separated tokens on spans, and numbers read from them with located errors, for
/// every text reader. Numbers go through <see cref="FastNumberParser"/> (the same doubles as
/// <see cref="double.Parse(string)"/>); here NaN and infinities are rejected, since a label
/// that is not finite is never data.
/// </summary>
internal static class Tokens
{
    /// <summary>Parses a finite double or throws a located format error.</summary>
    public static double Double(ReadOnlySpan<char> token, LineSource at, int? frame, string what) =>
        TryFinite(token, out double v) is { } problem ? throw at.Error($"{what}: {problem}", frame) : v;

    /// <summary>Parses a finite double; returns null on success, else what was wrong.</summary>
    public static string? TryFinite(ReadOnlySpan<char> token, out double value)
    {
        if (!FastNumberParser.TryParseDouble(token, out value))
            return $"expected a number, found '{token.ToString()}'";
        return double.IsFinite(value) ? null : $"'{token.ToString()}' is not a finite number";
    }

    /// <summary>Parses an integer or throws a located format error.</summary>
    public static long Long(ReadOnlySpan<char> token, LineSource at, int? frame, string what) =>
        FastNumberParser.TryParseLong(token, out long v) ? v
            : throw at.Error($"expected an integer for {what}, found '{token.ToString()}'", frame);

    /// <summary>The whitespace of <see cref="char.IsWhiteSpace(char)"/>, with ASCII decided without a table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(char c) =>
        c <= ' ' ? c == ' ' || (uint)(c - '\t') <= '\r' - '\t' : c >= '\u0085' && char.IsWhiteSpace(c);

    /// <summary>
    /// The next whitespace-separated token of <paramref name="line"/> at or after <paramref name="pos"/>
    /// (which is advanced past it); the form for hot loops, as an index stays in a register.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Next(ReadOnlySpan<char> line, scoped ref int pos, out ReadOnlySpan<char> token)
    {
        int i = pos;
        while (i < line.Length && IsSpace(line[i])) i++;
        int start = i;
        while (i < line.Length && !IsSpace(line[i])) i++;
        pos = i;
        token = line.Slice(start, i - start);
        return i > start;
    }

    /// <summary>The next whitespace-separated token of <paramref name="rest"/> (which is advanced past it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Next(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> token)
    {
        int pos = 0;
        bool found = Next(rest, ref pos, out token);
        rest = rest.Slice(pos);
        return found;
    }

    /// <summary>Number of whitespace-separated tokens.</summary>
    public static int Count(ReadOnlySpan<char> line)
    {
        int n = 0;
        while (Next(ref line, out _)) n++;
        return n;
    }

    /// <summary>Fills <paramref name="into"/> with the next numbers of <paramref name="rest"/>; too few is an error.</summary>
    public static void Doubles(ref ReadOnlySpan<char> rest, scoped Span<double> into, LineSource at, int? frame, string what)
    {
        for (int k = 0; k < into.Length; k++)
        {
            if (!Next(ref rest, out var t))
                throw at.Error($"expected {into.Length} numbers for {what}, found {k}", frame);
            into[k] = Double(t, at, frame, what);
        }
    }

    /// <summary>
    /// The number after the first '=' that follows <paramref name="marker"/> in <paramref name="line"/>
    /// (e.g. <c>energy(sigma->0) =   -22.7</c>).
    /// </summary>
    public static double After(ReadOnlySpan<char> line, string marker, LineSource at, int? frame)
    {
        int m = line.IndexOf(marker, StringComparison.Ordinal);
        int eq = m < 0 ? -1 : line[(m + marker.Length)..].IndexOf('=');
        if (eq < 0) throw at.Error($"expected '{marker} = number'", frame);
        var rest = line[(m + marker.Length + eq + 1)..];
        if (!Next(ref rest, out var t)) throw at.Error($"expected a number after '{marker}'", frame);
        return Double(t, at, frame, marker);
    }
}
