namespace AtomCuration.IO;

/// <summary>
/// Reads lines from a <see cref="TextReader"/> as spans over one reusable buffer, so parsing
/// allocates nothing per line. A line is valid until the next <see cref="Next"/>; one line can
/// be pushed back with <see cref="Unread"/> (readers resynchronise on the line that failed).
/// Lines longer than <see cref="MaxLineLength"/> or containing NUL are reported as
/// <see cref="StructureFormatException"/>: that is binary data, not a structure file.
/// </summary>
internal sealed class SpanLineReader
{
    /// <summary>Longest accepted line, in characters (binary garbage must not grow the buffer without end).</summary>
    public const int MaxLineLength = 1 << 22;

    private readonly TextReader _text;
    private readonly string? _source;
    private char[] _buffer = new char[1 << 16];
    private int _start, _end, _lineStart, _lineLength;
    private bool _eof, _pushedBack;

    public SpanLineReader(TextReader text, string? source)
    {
        _text = text;
        _source = source;
    }

    /// <summary>1-based number of the current line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The current line, without its terminator.</summary>
    public ReadOnlySpan<char> Current => _buffer.AsSpan(_lineStart, _lineLength);

    /// <summary>Makes the next <see cref="Next"/> return the current line again.</summary>
    public void Unread() => _pushedBack = true;

    /// <summary>Advances to the next line; false at the end of the text.</summary>
    public bool Next()
    {
        if (_pushedBack)
        {
            _pushedBack = false;
            return true;
        }
        int scanFrom = _start;
        while (true)
        {
            int nl = _buffer.AsSpan(scanFrom, _end - scanFrom).IndexOfAny('\n', '\0');
            if (nl >= 0)
            {
                nl += scanFrom;
                if (_buffer[nl] == '\0') throw Binary();
                SetLine(_start, nl - _start);
                _start = nl + 1;
                return true;
            }
            scanFrom = _end;
            if (_eof)
            {
                if (_start == _end) return false;
                SetLine(_start, _end - _start);
                _start = _end;
                return true;
            }
            int consumed = Fill();
            scanFrom -= consumed;
        }
    }

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
        if (tail > MaxLineLength)
            throw new StructureFormatException(_source, LineNumber + 1, null,
                $"a line is longer than {MaxLineLength} characters; this is not a text structure file");
        if (moved > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, tail);
            _start = 0;
            _end = tail;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        int n = _text.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0) _eof = true;
        _end += n;
        return moved;
    }

    private StructureFormatException Binary() =>
        new(_source, LineNumber + 1, null, "binary data (a NUL character); this is not a text structure file");
}
