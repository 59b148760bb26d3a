using System.Runtime.CompilerServices;
using System.Text;

namespace AtomCuration.IO;

/// <summary>
/// The one line reader of the text formats. Lines come as spans over one reusable buffer
/// (<see cref="Current"/>, valid until the next <see cref="Next"/>), so parsing allocates nothing
/// per line; <see cref="ReadLine"/> copies a line for the rare parser that keeps it. Lines end at
/// '\n' and a trailing '\r' is dropped (CRLF files read like LF ones). Line numbers are counted for
/// error messages, and the current line can be put back (<see cref="Unread"/>) so that a parser
/// can stop a section, or resynchronise, on the line that ended the previous one.
/// </summary>
/// <remarks>
/// Three things end the source with a <see cref="FatalReadException"/> instead of one bad frame:
/// a stream failure (truncated gzip, I/O error, undecodable text) so the frame loop stops instead
/// of crashing; a NUL character; and a line longer than <see cref="MaxLineLength"/>. The last two
/// are binary or foreign data, and growing one line until memory runs out is no way to find that —
/// unless the format can resynchronise (<see cref="ResumeAfterDamage"/>): then a zero-filled block
/// or a stretch of junk inside a text file costs the frames it hit, not the ones after it.
/// Any other exception from the <see cref="TextReader"/> belongs to the caller's stream, not to
/// the file, and leaves the frame loop as it was thrown (see <see cref="CallerReadException"/>).
/// </remarks>
internal sealed class LineSource
{
    /// <summary>Longest line accepted, in characters.</summary>
    public const int MaxLineLength = 1 << 20;

    private readonly TextReader _text;
    private char[] _buffer = new char[1 << 14]; // small: the first frame comes out after little reading
    private int _start, _end, _lineStart, _lineLength;
    private bool _eof, _pushedBack;

    public LineSource(TextReader text, string? source)
    {
        _text = text;
        Source = source;
    }

    /// <summary>File name for messages.</summary>
    public string? Source { get; }

    /// <summary>1-based number of the current line (0 before the first).</summary>
    public long LineNumber { get; private set; }

    /// <summary>The current line, without its terminator.</summary>
    public ReadOnlySpan<char> Current => _buffer.AsSpan(_lineStart, _lineLength);

    /// <summary>
    /// When true, a NUL character or an overlong line is not the end of the source: the damaged line is consumed and
    /// reported as one <see cref="StructureFormatException"/> (a skipped frame), or passed over silently while
    /// <see cref="SkipDamaged"/> — for formats whose parser can resynchronise at the next frame header (extxyz).
    /// </summary>
    public bool ResumeAfterDamage { get; init; }

    /// <summary>With <see cref="ResumeAfterDamage"/>: pass damaged lines over without an error (the parser is already resynchronising).</summary>
    public bool SkipDamaged { get; set; }

    /// <summary>Advances to the next line; false at the end of the text.</summary>
    // Hot per line: optimised from the first call (a fresh pwsh otherwise runs a whole first import in tier-0 code, ~3× slower; bench/RESULTS.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next()
    {
        if (_pushedBack)
        {
            _pushedBack = false;
            LineNumber++;
            return true;
        }
        int scanFrom = _start;
        while (true)
        {
            int nl = _buffer.AsSpan(scanFrom, _end - scanFrom).IndexOfAny('\n', '\0');
            if (nl >= 0)
            {
                nl += scanFrom;
                if (_buffer[nl] == '\0')
                {
                    Damaged("binary data (a NUL character)");
                    scanFrom = _start;
                    continue;
                }
                if (nl - _start > MaxLineLength)
                {
                    Damaged($"a line longer than {MaxLineLength} characters");
                    scanFrom = _start;
                    continue;
                }
                SetLine(_start, nl - _start);
                _start = nl + 1;
                return true;
            }
            scanFrom = _end;
            if (_eof)
            {
                if (_start == _end) return false;
                if (_end - _start > MaxLineLength)
                {
                    Damaged($"a line longer than {MaxLineLength} characters");
                    scanFrom = _start;
                    continue;
                }
                SetLine(_start, _end - _start);
                _start = _end;
                return true;
            }
            if (_end - _start > MaxLineLength)
            {
                Damaged($"a line longer than {MaxLineLength} characters");
                scanFrom = _start;
                continue;
            }
            scanFrom -= Fill();
        }
    }

    /// <summary>
    /// A damaged line: the end of the source, or (<see cref="ResumeAfterDamage"/>) consumed and reported, or
    /// consumed silently (<see cref="SkipDamaged"/>).
    /// </summary>
    private void Damaged(string problem)
    {
        if (!ResumeAfterDamage) throw Fatal($"{problem}; this is not a text structure file", null);
        long line = LineNumber + 1;
        SkipRestOfLine();
        if (!SkipDamaged)
            throw new StructureFormatException(Source, line, null, $"{problem}: the file is damaged here; reading resumes at the next frame");
    }

    /// <summary>Discards everything up to and including the next line end, without holding the line.</summary>
    private void SkipRestOfLine()
    {
        while (true)
        {
            int nl = _buffer.AsSpan(_start, _end - _start).IndexOf('\n');
            if (nl >= 0)
            {
                _start += nl + 1;
                break;
            }
            _start = _end;
            if (_eof) break;
            Fill();
        }
        LineNumber++;
    }

    /// <summary>The next line as a string, or null at the end.</summary>
    public string? ReadLine() => Next() ? Current.ToString() : null;

    /// <summary>The next line; a truncated file is a format error naming what was expected.</summary>
    public ReadOnlySpan<char> Require(string expected, int? frame) =>
        Next() ? Current : throw Error($"the file ends where {expected} was expected", frame);

    /// <summary>Makes the next <see cref="Next"/> return the current line again (and count it again).</summary>
    public void Unread()
    {
        _pushedBack = true;
        LineNumber--;
    }

    /// <summary>An error located at the current line.</summary>
    public StructureFormatException Error(string problem, int? frame) => new(Source, LineNumber, frame, problem);

    private void SetLine(int start, int length)
    {
        if (length > 0 && _buffer[start + length - 1] == '\r') length--;
        _lineStart = start;
        _lineLength = length;
        LineNumber++;
    }

    /// <summary>Moves the unread tail to the front, grows if needed, reads more; returns how far the tail moved.</summary>
    private int Fill()
    {
        int moved = _start;
        int tail = _end - _start;
        if (moved > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, tail);
            _start = 0;
            _end = tail;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        int n;
        try
        {
            n = _text.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or DecoderFallbackException)
        {
            throw Fatal($"the file could not be read to its end ({e.Message})", e);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            throw new CallerReadException(e);
        }
        if (n == 0) _eof = true;
        _end += n;
        return moved;
    }

    private FatalReadException Fatal(string problem, Exception? inner) =>
        new(new StructureFormatException(Source, LineNumber + 1, null, problem, inner));
}

/// <summary>Marks an error after which a reader cannot resynchronise; carries the error to report.</summary>
internal sealed class FatalReadException(StructureFormatException error) : Exception(error.Message, error)
{
    /// <summary>The error to report as the source's last result.</summary>
    public StructureFormatException Error { get; } = error;
}

/// <summary>
/// Carries an exception thrown by the caller's <see cref="TextReader"/> (not an I/O error: a
/// disposed or tripped stream, say) through the frame loop, which rethrows the original.
/// </summary>
internal sealed class CallerReadException(Exception inner) : Exception(inner.Message, inner);
