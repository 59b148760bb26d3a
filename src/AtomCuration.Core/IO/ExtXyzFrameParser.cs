using System.Runtime.CompilerServices;
using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>
/// Reads extended XYZ frames one at a time from a <see cref="LineSource"/>, for
/// <see cref="FrameLoop"/>. After a bad frame the parser resynchronises on the next line that is
/// a bare atom count (the line that failed is tried first: when a line was lost, it is often the
/// next frame's count). Binary damage (a NUL byte, a zero-filled block, a line over 1 MB) is one
/// error for the frame it hit; the lines are then passed over up to the next count line, so the
/// intact frames after it are read and keep their frame indices.
/// </summary>
internal sealed class ExtXyzFrameParser(TextReader text, string? source)
{
    /// <summary>Largest atom count accepted on a count line (far beyond any DFT frame).</summary>
    private const long MaxAtoms = 100_000_000;

    private readonly LineSource _lines = new(text, source) { ResumeAfterDamage = true };
    private readonly SymbolLookupCache _species = new();
    private ExtXyzColumns? _lastColumns;
    private bool _resync;
    private (string Problem, long Line)? _pending; // found after a frame that stands: the next frame's error

    /// <summary>The next frame, or null at the end of the text; a bad frame throws <see cref="StructureFormatException"/>.</summary>
    public Structure? Next(int frame)
    {
        try
        {
            return NextFrame(frame);
        }
        catch (StructureFormatException e) when (e.Frame is null)
        {
            // A damaged line (LineSource) belongs to the frame being read, or to the next one when found between frames.
            _resync = true;
            throw new StructureFormatException(source, e.Line, frame, e.Problem, e);
        }
    }

    // Per frame: optimised from the first call (see LineSource.Next).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Structure? NextFrame(int frame)
    {
        if (_pending is { } p)
        {
            _pending = null;
            _resync = true;
            throw new StructureFormatException(source, p.Line, frame, p.Problem);
        }
        _lines.SkipDamaged = _resync;
        while (true)
        {
            if (!_lines.Next()) return null;
            var t = _lines.Current.Trim();
            if (t.IsEmpty || (_resync && !IsCount(t))) continue;
            break;
        }
        _lines.SkipDamaged = false;
        _resync = true; // until this frame is complete, a failure means: look for the next count line
        var structure = ParseFrame(frame);
        _resync = false;
        return structure;
    }

    private static string NotACount(string text) => $"expected the number of atoms (a non-negative integer) but found '{text}'";

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

    /// <summary>
    /// Looks past a frame for exactly one more line shaped like its atom lines, followed by the next count, a
    /// blank line or the end: then the frame lists more atoms than it declares (a count one too small, an atom
    /// line repeated), and <paramref name="line"/> is that line. Several such lines are rather the atoms of a
    /// next frame that lost its header: that is reported as the next frame's error, as before, and this frame stands.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool OneExtraAtomLine(int tokensPerLine, out string? line)
    {
        line = null;
        try
        {
            if (!_lines.Next()) return false;
        }
        catch (FatalReadException)
        {
            return false; // left for the next frame to report
        }
        catch (StructureFormatException e)
        {
            _pending = (e.Problem, e.Line ?? _lines.LineNumber); // damage after this frame: the next frame's error
            return false;
        }
        var t = _lines.Current.Trim();
        if (t.IsEmpty || IsCount(t) || CountTokens(t) != tokensPerLine)
        {
            _lines.Unread();
            return false;
        }
        string first = Preview(t);
        long firstLine = _lines.LineNumber;
        bool more;
        try
        {
            more = _lines.Next();
        }
        catch (Exception e) when (e is FatalReadException or StructureFormatException)
        {
            _pending = (NotACount(first), firstLine);
            return false;
        }
        if (!more)
        {
            line = first;
            return true;
        }
        var u = _lines.Current.Trim();
        _lines.Unread();
        if (u.IsEmpty || IsCount(u))
        {
            line = first;
            return true;
        }
        _pending = (NotACount(first), firstLine);
        return false;
    }

    private static int CountTokens(ReadOnlySpan<char> t)
    {
        int n = 0;
        while (Tokens.Next(ref t, out _)) n++;
        return n;
    }

    private static string Preview(ReadOnlySpan<char> s) => s.Length <= 40 ? s.ToString() : $"{s[..40]}…";

    // Hot per frame: optimised from the first call (see LineSource.Next).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        if (OneExtraAtomLine(header.Columns.TokensPerLine, out string? extra))
            throw Bad(frame, $"the frame declares {n} atoms but one more atom line, '{extra}', follows its last atom (an atom count too small, or an atom line repeated)");
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
