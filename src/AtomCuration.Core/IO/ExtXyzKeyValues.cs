using System.Runtime.CompilerServices;
using System.Text;
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
        // Each pair is a list of parts: the key, then values; "a=b=c" keeps "b=c" as the value.
        var pairs = new List<List<StringBuilder>> { new() { new StringBuilder() } };
        bool escaped = false;
        char close = '\0';
        foreach (char c in line.Trim())
        {
            var part = pairs[^1][^1];
            if (escaped)
            {
                part.Append(c);
                escaped = false;
            }
            else if (c == '\\') escaped = true;
            else if (close != '\0')
            {
                if (c == close) close = '\0';
                else part.Append(c);
            }
            else if (c is '"' or '\'' or '{' or '[') close = c switch { '{' => '}', '[' => ']', _ => c };
            else if (char.IsWhiteSpace(c))
            {
                if (part.Length > 0) pairs.Add([new StringBuilder()]);
            }
            else if (c == '=')
            {
                // "key = value": a fresh empty pair after the space gives way to the key before it.
                if (pairs.Count > 1 && pairs[^1].Count == 1 && pairs[^1][0].Length == 0) pairs.RemoveAt(pairs.Count - 1);
                pairs[^1].Add(new StringBuilder());
            }
            else part.Append(c);
        }
        unclosed = close switch { '}' => '{', ']' => '[', _ => close };
        var result = new List<KeyValuePair<string, string?>>(pairs.Count);
        foreach (var p in pairs)
        {
            string key = p[0].ToString();
            if (p.Count == 1 && key.Length == 0) continue;
            result.Add(new(key, p.Count == 1 ? null : string.Join('=', p.Skip(1))));
        }
        return result;
    }

    /// <summary>Converts a raw value to long, double, bool, string or a flat array of those.</summary>
    public static object Convert(string? raw)
    {
        if (raw is null) return true;
        var tokens = Tokens(raw);
        if (tokens.Count > 0)
        {
            if (TryAll(tokens, FastNumberParser.TryParseLong, out long[] longs)) return longs.Length == 1 ? longs[0] : longs;
            if (TryAll(tokens, FastNumberParser.TryParseDouble, out double[] doubles)) return doubles.Length == 1 ? doubles[0] : doubles;
            if (TryAll(tokens, FastNumberParser.TryParseBool, out bool[] bools)) return bools.Length == 1 ? bools[0] : bools;
        }
        if (raw.StartsWith("_JSON ", StringComparison.Ordinal) && TryJson(raw.AsMemory(6), out var json)) return json;
        return raw;
    }

    private delegate bool TokenParser<T>(ReadOnlySpan<char> s, out T value);

    private static bool TryAll<T>(List<string> tokens, TokenParser<T> parse, out T[] values)
    {
        values = new T[tokens.Count];
        for (int i = 0; i < tokens.Count; i++)
            if (!parse(tokens[i], out values[i])) return false;
        return true;
    }

    /// <summary>Whitespace- or comma-separated tokens, as ASE splits array values.</summary>
    public static List<string> Tokens(string raw)
    {
        var tokens = new List<string>();
        int start = -1;
        for (int i = 0; i <= raw.Length; i++)
        {
            bool sep = i == raw.Length || raw[i] == ',' || char.IsWhiteSpace(raw[i]);
            if (sep && start >= 0)
            {
                tokens.Add(raw[start..i]);
                start = -1;
            }
            else if (!sep && start < 0) start = i;
        }
        return tokens;
    }

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
