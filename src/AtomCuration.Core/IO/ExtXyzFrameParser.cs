using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>
/// Reads extended XYZ frames one at a time from a <see cref="LineSource"/>, for
/// <see cref="FrameLoop"/>. After a bad frame the parser resynchronises on the next line that is
/// a bare atom count (the line that failed is tried first: when a line was lost, it is often the
/// next frame's count).
/// </summary>
internal sealed class ExtXyzFrameParser(TextReader text, string? source)
{
    /// <summary>Largest atom count accepted on a count line (far beyond any DFT frame).</summary>
    private const long MaxAtoms = 100_000_000;

    private readonly LineSource _lines = new(text, source);
    private readonly SymbolLookupCache _species = new();
    private ExtXyzColumns? _lastColumns;
    private bool _resync;

    /// <summary>The next frame, or null at the end of the text; a bad frame throws <see cref="StructureFormatException"/>.</summary>
    public Structure? Next(int frame)
    {
        while (true)
        {
            if (!_lines.Next()) return null;
            var t = _lines.Current.Trim();
            if (t.IsEmpty || (_resync && !IsCount(t))) continue;
            break;
        }
        _resync = true; // until this frame is complete, a failure means: look for the next count line
        var structure = ParseFrame(frame);
        _resync = false;
        return structure;
    }

    private static bool IsCount(ReadOnlySpan<char> t)
    {
        foreach (char c in t)
            if (c is < '0' or > '9') return false;
        return true;
    }

    private StructureFormatException Bad(int frame, string problem, bool retryLine = false)
    {
        var error = _lines.Error(problem, frame);
        if (retryLine) _lines.Unread();
        return error;
    }

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
