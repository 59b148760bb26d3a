using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>
/// Reads extended XYZ frames one at a time from a <see cref="SpanLineReader"/>. A bad frame is
/// reported and the parser resynchronises on the next line that is a bare atom count (the
/// line that failed is tried first: when a line was lost, it is often the next frame's count).
/// </summary>
internal sealed class ExtXyzFrameParser(TextReader text, string? source)
{
    /// <summary>Largest atom count accepted on a count line (far beyond any DFT frame).</summary>
    private const long MaxAtoms = 100_000_000;

    private readonly SpanLineReader _lines = new(text, source);
    private readonly SymbolLookupCache _species = new();
    private ExtXyzColumns? _lastColumns;
    private bool _resync;

    /// <summary>A frame that cannot be read; <see cref="RetryLine"/>: the failing line may start the next frame.</summary>
    private sealed class BadFrame(StructureFormatException error, bool retryLine) : Exception(error.Message)
    {
        public StructureFormatException Error { get; } = error;
        public bool RetryLine { get; } = retryLine;
    }

    /// <summary>The next frame's result, or null at the end of the text.</summary>
    public ReadResult? Next(int frame)
    {
        try
        {
            while (true)
            {
                if (!_lines.Next()) return null;
                var t = _lines.Current.Trim();
                if (t.IsEmpty || (_resync && !IsCount(t))) continue;
                break;
            }
            _resync = false;
            return ReadResult.Ok(ParseFrame(frame));
        }
        catch (BadFrame e)
        {
            _resync = true;
            if (e.RetryLine) _lines.Unread();
            return ReadResult.Skipped(e.Error);
        }
        catch (StructureFormatException e)
        {
            return ReadResult.Fatal(e);
        }
        catch (IOException e)
        {
            return ReadResult.Fatal(new StructureFormatException(source, _lines.LineNumber, frame, $"reading failed: {e.Message}", e));
        }
    }

    private static bool IsCount(ReadOnlySpan<char> t)
    {
        foreach (char c in t)
            if (c is < '0' or > '9') return false;
        return true;
    }

    private BadFrame Bad(int frame, string problem, bool retryLine = false) =>
        new(new StructureFormatException(source, _lines.LineNumber, frame, problem), retryLine);

    private static string Preview(ReadOnlySpan<char> s) => s.Length <= 40 ? s.ToString() : $"{s[..40]}…";

    private Structure ParseFrame(int frame)
    {
        var countText = _lines.Current.Trim();
        if (!FastNumberParser.TryParseLong(countText, out long count) || count < 0)
            throw Bad(frame, $"expected the number of atoms (a non-negative integer) but found '{Preview(countText)}'");
        if (count == 0) throw Bad(frame, "the frame has 0 atoms; a structure needs at least one");
        if (count > MaxAtoms) throw Bad(frame, $"{count} atoms is beyond the {MaxAtoms} this reader accepts");
        int n = (int)count;
        if (!_lines.Next()) throw Bad(frame, "the file ends where the comment line should be");
        var header = ExtXyzHeader.Parse(_lines.Current, ref _lastColumns, out string? error);
        if (error is not null) throw Bad(frame, error);
        var atoms = new ExtXyzAtomColumns(header.Columns, n);
        for (int a = 0; a < n; a++)
        {
            if (!_lines.Next()) throw Bad(frame, $"the frame declares {n} atoms but the file ends after {a}");
            string? problem = atoms.ParseLine(_lines.Current, a, _species);
            if (problem is not null) throw Bad(frame, problem, retryLine: true);
        }
        try
        {
            return atoms.Build(header, source, frame);
        }
        catch (ArgumentException e)
        {
            throw Bad(frame, e.Message);
        }
    }
}
