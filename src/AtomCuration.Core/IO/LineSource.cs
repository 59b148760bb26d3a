using System.Globalization;
using System.Text;

namespace AtomCuration.IO;

/// <summary>
/// Line-by-line access to a text source for the line-oriented readers: counts lines for
/// error messages, lets a parser put one line back (to stop a section at the next header),
/// and turns stream failures (a truncated gzip, an I/O error) into a fatal
/// <see cref="StructureFormatException"/> so that the frame loop stops instead of crashing.
/// Lines end at '\n' (a trailing '\r' is dropped); a line longer than
/// <see cref="MaxLineLength"/> characters is binary or foreign data and also ends the source,
/// rather than growing one string until memory runs out.
/// </summary>
internal sealed class LineSource
{
    /// <summary>Longest line accepted (characters).</summary>
    public const int MaxLineLength = 1 << 20;

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[1 << 14];
    private readonly StringBuilder _longLine = new();
    private int _pos, _len;
    private string? _pushedBack;

    public LineSource(TextReader reader, string? source)
    {
        _reader = reader;
        Source = source;
    }

    /// <summary>File name for messages.</summary>
    public string? Source { get; }

    /// <summary>1-based number of the line last returned (0 before the first).</summary>
    public long LineNumber { get; private set; }

    /// <summary>The next line, or null at the end.</summary>
    public string? ReadLine()
    {
        if (_pushedBack is { } back)
        {
            _pushedBack = null;
            LineNumber++;
            return back;
        }
        _longLine.Clear();
        while (true)
        {
            if (_pos == _len && !Fill())
            {
                if (_longLine.Length == 0) return null;
                LineNumber++;
                return Line(_longLine.ToString());
            }
            var span = _buffer.AsSpan(_pos, _len - _pos);
            int nl = span.IndexOf('\n');
            if (nl >= 0)
            {
                _pos += nl + 1;
                LineNumber++;
                if (_longLine.Length == 0) return new string(nl > 0 && span[nl - 1] == '\r' ? span[..(nl - 1)] : span[..nl]);
                return Line(_longLine.Append(span[..nl]).ToString());
            }
            _longLine.Append(span);
            _pos = _len;
            if (_longLine.Length > MaxLineLength)
                throw new FatalReadException(new StructureFormatException(Source, LineNumber + 1, null,
                    $"a line longer than {MaxLineLength} characters: this is not a text structure file"));
        }
    }

    private static string Line(string s) => s.EndsWith('\r') ? s[..^1] : s;

    private bool Fill()
    {
        try
        {
            _len = _reader.Read(_buffer, 0, _buffer.Length);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or DecoderFallbackException)
        {
            throw new FatalReadException(new StructureFormatException(Source, LineNumber + 1, null,
                $"the file could not be read to its end ({e.Message})", e));
        }
        _pos = 0;
        return _len > 0;
    }

    /// <summary>The next line; a truncated file is a format error naming what was expected.</summary>
    public string Require(string expected, int? frame)
    {
        return ReadLine() ?? throw Error($"the file ends where {expected} was expected", frame);
    }

    /// <summary>Puts the line just read back, to be returned by the next <see cref="ReadLine"/>.</summary>
    public void PushBack(string line)
    {
        _pushedBack = line;
        LineNumber--;
    }

    /// <summary>An error located at the current line.</summary>
    public StructureFormatException Error(string problem, int? frame) => new(Source, LineNumber, frame, problem);
}

/// <summary>Marks an error after which a reader cannot resynchronise; carries the error to report.</summary>
internal sealed class FatalReadException(StructureFormatException error) : Exception(error.Message, error)
{
    public StructureFormatException Error { get; } = error;
}

/// <summary>
/// Number and token parsing on spans shared by every text reader: invariant culture,
/// no allocation, NaN and infinities rejected (a label that is not finite is never data).
/// </summary>
internal static class Tokens
{
    /// <summary>Parses a finite double or throws a located format error.</summary>
    public static double Double(ReadOnlySpan<char> token, LineSource at, int? frame, string what) =>
        TryFinite(token, out double v) is { } problem ? throw at.Error($"{what}: {problem}", frame) : v;

    /// <summary>Parses a finite double; returns null on success, else what was wrong.</summary>
    public static string? TryFinite(ReadOnlySpan<char> token, out double value)
    {
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            return $"expected a number, found '{token.ToString()}'";
        return double.IsFinite(value) ? null : $"'{token.ToString()}' is not a finite number";
    }

    /// <summary>Parses an integer or throws a located format error.</summary>
    public static long Long(ReadOnlySpan<char> token, LineSource at, int? frame, string what)
    {
        if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v))
            throw at.Error($"expected an integer for {what}, found '{token.ToString()}'", frame);
        return v;
    }

    /// <summary>The next whitespace-separated token of <paramref name="rest"/> (which is advanced past it).</summary>
    public static bool Next(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> token)
    {
        int i = 0;
        while (i < rest.Length && char.IsWhiteSpace(rest[i])) i++;
        int j = i;
        while (j < rest.Length && !char.IsWhiteSpace(rest[j])) j++;
        token = rest[i..j];
        rest = rest[j..];
        return j > i;
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
    public static double After(string line, string marker, LineSource at, int? frame)
    {
        int m = line.IndexOf(marker, StringComparison.Ordinal);
        int eq = m < 0 ? -1 : line.IndexOf('=', m + marker.Length);
        if (eq < 0) throw at.Error($"expected '{marker} = number'", frame);
        var rest = line.AsSpan(eq + 1);
        if (!Next(ref rest, out var t)) throw at.Error($"expected a number after '{marker}'", frame);
        return Double(t, at, frame, marker);
    }
}
