using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace AtomCuration.IO;

/// <summary>
/// The key=value comment line of extended XYZ, read as ASE 3.22 reads it: pairs separated by
/// whitespace; values bare or delimited by <c>"…"</c>, <c>'…'</c>, <c>{…}</c> or <c>[…]</c>;
/// a backslash takes the next character literally; a key without <c>=</c> means true.
/// Values become, in this order of preference, a long or long[] (every whitespace/comma
/// separated token an integer), a double or double[], a bool or bool[] (T/F/True/False),
/// the JSON after a <c>_JSON </c> prefix (scalars and flat arrays), else the string itself.
/// </summary>
internal static class ExtXyzKeyValues
{
    /// <summary>Splits the line into raw (unquoted, unescaped) key/value pairs, in order; a null value is a bare key.</summary>
    public static List<KeyValuePair<string, string?>> Split(ReadOnlySpan<char> line) => Split(line, out _);

    /// <summary>
    /// As <see cref="Split(ReadOnlySpan{char})"/>; <paramref name="unclosed"/> is the quote or bracket still open at
    /// the end of the line (it swallowed everything after it), or <c>'\0'</c>.
    /// </summary>
    // Hot per frame: optimised from the first call (see LineSource.Next).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<KeyValuePair<string, string?>> Split(ReadOnlySpan<char> line, out char unclosed)
    {
        // Every pair's characters go, unquoted and unescaped, into one buffer: the key, then its value, where the
        // '=' separating further value parts stays in place ("a=b=c" keeps "b=c" as the value). A pair is its start,
        // where its value starts (-1: a bare key so far) and its end; no per-part builders, one string per key and value.
        var text = line.Trim();
        char[] buffer = ArrayPool<char>.Shared.Rent(text.Length + 1);
        try
        {
            var pairs = new List<(int Start, int ValueStart, int End)>();
            int pairStart = 0, valueStart = -1, partStart = 0, n = 0;
            bool escaped = false;
            char close = '\0';
            foreach (char c in text)
            {
                if (escaped)
                {
                    buffer[n++] = c;
                    escaped = false;
                }
                else if (c == '\\') escaped = true;
                else if (close != '\0')
                {
                    if (c == close) close = '\0';
                    else buffer[n++] = c;
                }
                else if (c is '"' or '\'' or '{' or '[') close = c switch { '{' => '}', '[' => ']', _ => c };
                else if (char.IsWhiteSpace(c))
                {
                    if (n > partStart)
                    {
                        pairs.Add((pairStart, valueStart, n));
                        pairStart = partStart = n;
                        valueStart = -1;
                    }
                }
                else if (c == '=')
                {
                    // "key = value": a fresh empty pair after the space gives way to the key before it.
                    if (pairs.Count > 0 && valueStart < 0 && n == pairStart)
                    {
                        (pairStart, valueStart, _) = pairs[^1];
                        pairs.RemoveAt(pairs.Count - 1);
                    }
                    if (valueStart < 0) valueStart = n;
                    else buffer[n++] = '=';
                    partStart = n;
                }
                else buffer[n++] = c;
            }
            pairs.Add((pairStart, valueStart, n));
            unclosed = close switch { '}' => '{', ']' => '[', _ => close };
            var result = new List<KeyValuePair<string, string?>>(pairs.Count);
            foreach (var (first, value, last) in pairs)
            {
                if (value < 0 && last == first) continue;
                string key = new(buffer, first, (value < 0 ? last : value) - first);
                result.Add(new(key, value < 0 ? null : new string(buffer, value, last - value)));
            }
            return result;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Converts a raw value to long, double, bool, string or a flat array of those.</summary>
    // Runs for every value of every frame: optimised from the first call (see LineSource.Next).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static object Convert(string? raw)
    {
        if (raw is null) return true;
        int count = CountTokens(raw);
        if (count > 0)
        {
            if (TryAll(raw, count, FastNumberParser.TryParseLong, out long[] longs)) return longs.Length == 1 ? longs[0] : longs;
            if (TryAll(raw, count, FastNumberParser.TryParseDouble, out double[] doubles)) return doubles.Length == 1 ? doubles[0] : doubles;
            if (TryAll(raw, count, FastNumberParser.TryParseBool, out bool[] bools)) return bools.Length == 1 ? bools[0] : bools;
        }
        if (raw.StartsWith("_JSON ", StringComparison.Ordinal) && TryJson(raw.AsMemory(6), out var json)) return json;
        return raw;
    }

    private delegate bool TokenParser<T>(ReadOnlySpan<char> s, out T value);

    /// <summary>Parses the <paramref name="count"/> tokens of <paramref name="raw"/> in place (no token strings: this runs for every value of every frame).</summary>
    private static bool TryAll<T>(string raw, int count, TokenParser<T> parse, out T[] values)
    {
        values = new T[count];
        var rest = raw.AsSpan();
        for (int i = 0; i < count; i++)
            if (!parse(NextToken(ref rest), out values[i])) return false;
        return true;
    }

    /// <summary>Whitespace- or comma-separated tokens, as ASE splits array values.</summary>
    public static List<string> Tokens(string raw)
    {
        var tokens = new List<string>();
        var rest = raw.AsSpan();
        for (var t = NextToken(ref rest); !t.IsEmpty; t = NextToken(ref rest)) tokens.Add(t.ToString());
        return tokens;
    }

    /// <summary>How many whitespace- or comma-separated tokens <paramref name="raw"/> holds.</summary>
    public static int CountTokens(ReadOnlySpan<char> raw)
    {
        int n = 0;
        while (!NextToken(ref raw).IsEmpty) n++;
        return n;
    }

    /// <summary>The next token of <paramref name="rest"/> (empty at the end), leaving <paramref name="rest"/> after it.</summary>
    public static ReadOnlySpan<char> NextToken(ref ReadOnlySpan<char> rest)
    {
        int start = 0;
        while (start < rest.Length && IsSeparator(rest[start])) start++;
        int end = start;
        while (end < rest.Length && !IsSeparator(rest[end])) end++;
        var token = rest[start..end];
        rest = rest[end..];
        return token;
    }

    private static bool IsSeparator(char c) => c == ',' || char.IsWhiteSpace(c);

    private static bool TryJson(ReadOnlyMemory<char> text, out object value)
    {
        value = null!;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return false;
        }
        using (doc)
        {
            try
            {
                return TryFlat(doc.RootElement, out value);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException)
            {
                return false; // numbers beyond double range and the like: keep the text
            }
        }
    }

    /// <summary>A JSON string or flat homogeneous array (strings, bools, integers or reals; empty = real).</summary>
    private static bool TryFlat(JsonElement root, out object value)
    {
        value = null!;
        if (root.ValueKind == JsonValueKind.String)
        {
            value = root.GetString()!;
            return true;
        }
        if (root.ValueKind != JsonValueKind.Array) return false;
        var items = root.EnumerateArray().ToArray();
        if (items.Length == 0) value = Array.Empty<double>();
        else if (items.All(e => e.ValueKind == JsonValueKind.String)) value = items.Select(e => e.GetString()!).ToArray();
        else if (items.All(e => e.ValueKind is JsonValueKind.True or JsonValueKind.False)) value = items.Select(e => e.GetBoolean()).ToArray();
        else if (items.All(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out _))) value = items.Select(e => e.GetInt64()).ToArray();
        else if (items.All(e => e.ValueKind == JsonValueKind.Number)) value = items.Select(e => e.GetDouble()).ToArray();
        else return false;
        return true;
    }
}
