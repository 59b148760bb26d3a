using System.Buffers.Binary;
using System.IO.Compression;

namespace AtomCuration.IO;

/// <summary>
/// Decompresses gzip input member by member (RFC 1952) and checks each member as <c>gzip -t</c> does, so that
/// every failure surfaces as an <see cref="IOException"/> saying what is wrong (readers turn it into a fatal
/// format error after the intact frames): a file cut off inside a member, a CRC-32 or length that disagrees with
/// the data, a damaged header, corrupt compressed data. .NET's <see cref="GZipStream"/> ends silently on a
/// truncated file and reports every check failure as "unsupported compression method", so the container is
/// parsed here and only the deflate data goes to <see cref="DeflateStream"/>. Several members (<c>cat a.gz
/// b.gz</c>, bgzip's BGZF blocks) read as one text. What follows the last member and does not start a new one —
/// zero padding from a tape or a block device, a download's junk — is ignored with a warning, as gzip does.
/// A BGZF file must end with bgzip's empty end-of-file block, so one cut at a block boundary is caught too.
/// </summary>
/// <remarks>
/// <see cref="DeflateStream"/> reads its input in chunks and does not say where the deflate data ended. It is
/// fed here from one buffer, so that data ended inside the last chunk handed over; the member's trailer is the
/// first place at or after that chunk's start holding the CRC-32 and length of what was decompressed (a false
/// match inside compressed data has odds of 2⁻⁶⁴ per byte).
/// </remarks>
internal sealed class GzipInput : ForwardOnlyStream
{
    private const byte FlagCrc = 2, FlagExtra = 4, FlagName = 8, FlagComment = 16, ReservedFlags = 0xe0;

    private readonly Stream _source;
    private readonly Action<string> _warn;
    private byte[] _buffer = new byte[1 << 16];
    private int _pos, _len, _handStart, _handEnd;
    private long _base; // offset in the compressed data of _buffer[0]
    private bool _sourceEnded, _done, _bgzf, _lastEmpty;
    private DeflateStream? _inflate;
    private bool _bodyEnded;
    private uint _crc;
    private long _memberLength, _memberStart, _produced;
    private int _member = -1;
    private IOException? _failure; // once failed, every later read fails the same way (a parser may read on)

    private GzipInput(Stream compressed, Action<string> warn)
    {
        _source = compressed;
        _warn = warn;
    }

    /// <summary>True when <paramref name="head"/> starts with the gzip magic bytes 1f 8b.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b;

    /// <summary>Decompresses <paramref name="compressed"/> (which it then owns); <paramref name="warn"/> hears of ignored trailing bytes.</summary>
    public static GzipInput Open(Stream compressed, Action<string> warn) => new(compressed, warn);

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (_failure is not null) throw _failure;
        try
        {
            return ReadMembers(buffer);
        }
        catch (IOException e)
        {
            _failure = e;
            throw;
        }
    }

    private int ReadMembers(Span<byte> buffer)
    {
        while (!_done && buffer.Length > 0)
        {
            if (_inflate is null && !StartMember())
            {
                _done = true;
                break;
            }
            int n;
            try
            {
                n = _inflate!.Read(buffer);
            }
            catch (InvalidDataException e)
            {
                throw Damaged($"its compressed data is corrupt ({e.Message})", e);
            }
            if (n > 0)
            {
                _crc = Crc32.Append(_crc, buffer[..n]);
                _memberLength += n;
                _produced += n;
                return n;
            }
            if (_bodyEnded) throw Truncated("inside its compressed data");
            FinishMember();
        }
        return 0;
    }

    /// <summary>Reads the next member's header; false when the data ends (or only padding or junk follows).</summary>
    private bool StartMember()
    {
        if (!Ensure(1))
        {
            if (_bgzf && !_lastEmpty)
                throw new IOException($"the BGZF (bgzip) data is truncated: it ends after block {_member} without BGZF's empty end-of-file block; {_produced} bytes decompressed");
            return false;
        }
        Ensure(2);
        if (_member >= 0 && !IsGzip(_buffer.AsSpan(_pos, _len - _pos)))
        {
            IgnoreTrailingBytes();
            return false;
        }
        _member++;
        _memberStart = _base + _pos;
        if (!Ensure(10)) throw Truncated("inside its 10-byte header");
        var h = _buffer.AsSpan(_pos, 10);
        if (h[2] != 8) throw Damaged($"its header names compression method {h[2]}, but gzip defines only 8 (deflate)", null);
        byte flags = h[3];
        if ((flags & ReservedFlags) != 0) throw Damaged($"its header sets reserved flag bits (0x{flags:x2})", null);
        _pos += 10;
        bool bgzf = false;
        if ((flags & FlagExtra) != 0)
        {
            if (!Ensure(2)) throw Truncated("inside its header");
            int xlen = BinaryPrimitives.ReadUInt16LittleEndian(_buffer.AsSpan(_pos));
            _pos += 2;
            if (!Ensure(xlen)) throw Truncated("inside its header");
            bgzf = HasBgzfField(_buffer.AsSpan(_pos, xlen));
            _pos += xlen;
        }
        if ((flags & FlagName) != 0) SkipZeroTerminated();
        if ((flags & FlagComment) != 0) SkipZeroTerminated();
        if ((flags & FlagCrc) != 0)
        {
            if (!Ensure(2)) throw Truncated("inside its header");
            _pos += 2;
        }
        _bgzf |= bgzf;
        _crc = 0;
        _memberLength = 0;
        _bodyEnded = false;
        _inflate = new DeflateStream(new MemberBody(this), CompressionMode.Decompress);
        return true;
    }

    /// <summary>BGZF's "BC" subfield (SAM/BAM specification §4.1) in a header's extra field.</summary>
    private static bool HasBgzfField(ReadOnlySpan<byte> fields)
    {
        for (int k = 0; k + 4 <= fields.Length;)
        {
            int length = BinaryPrimitives.ReadUInt16LittleEndian(fields[(k + 2)..]);
            if (fields[k] == (byte)'B' && fields[k + 1] == (byte)'C' && length == 2) return true;
            k += 4 + length;
        }
        return false;
    }

    private void SkipZeroTerminated()
    {
        while (true)
        {
            if (!Ensure(1)) throw Truncated("inside its header");
            if (_buffer[_pos++] == 0) return;
        }
    }

    /// <summary>Finds the trailer after the deflate data that just ended and checks CRC-32 and length against it.</summary>
    private void FinishMember()
    {
        _inflate!.Dispose();
        _inflate = null;
        Span<byte> expected = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(expected, _crc);
        BinaryPrimitives.WriteUInt32LittleEndian(expected[4..], (uint)_memberLength);
        int handed = _handEnd - _handStart;
        _pos = _handStart;
        Ensure(handed + 8);
        var window = _buffer.AsSpan(_pos, Math.Min(_len - _pos, handed + 8));
        int at = window.IndexOf(expected);
        if (at >= 0)
        {
            _pos += at + 8;
            _lastEmpty = _memberLength == 0;
            return;
        }
        int crcAt = window.IndexOf(expected[..4]);
        if (crcAt >= 0 && crcAt + 8 <= window.Length)
            throw Damaged($"its length check fails: the data is {_memberLength} bytes, the trailer records {BinaryPrimitives.ReadUInt32LittleEndian(window[(crcAt + 4)..])} (mod 2^32)", null);
        int sizeAt = window.IndexOf(expected[4..]);
        if (sizeAt >= 4)
            throw Damaged($"its CRC-32 check fails: the data has CRC-32 {_crc:x8}, the trailer records {BinaryPrimitives.ReadUInt32LittleEndian(window[(sizeAt - 4)..]):x8}", null);
        if (_sourceEnded && EndsWithPrefixOf(window, expected))
            throw Truncated("inside its 8-byte trailer (CRC-32 and length)");
        throw Damaged(_sourceEnded
            ? "its trailer (CRC-32 and length) is missing or does not match the data; the file may be cut off after the compressed data"
            : $"its CRC-32 and length checks fail: the data ({_memberLength} bytes, CRC-32 {_crc:x8}) is not what its trailer records", null);
    }

    /// <summary>True when <paramref name="window"/> ends with the first bytes of <paramref name="trailer"/> (a trailer cut off by the end of the file).</summary>
    private static bool EndsWithPrefixOf(ReadOnlySpan<byte> window, ReadOnlySpan<byte> trailer)
    {
        for (int k = Math.Min(7, window.Length); k >= 1; k--)
            if (window[^k..].SequenceEqual(trailer[..k]))
                return true;
        return false;
    }

    /// <summary>Reads what follows the last member to its end and warns how much was ignored and what it was.</summary>
    private void IgnoreTrailingBytes()
    {
        long start = _base + _pos, count = 0;
        bool zeros = true;
        do
        {
            var rest = _buffer.AsSpan(_pos, _len - _pos);
            zeros &= !rest.ContainsAnyExcept((byte)0);
            count += rest.Length;
            _pos = _len;
        } while (Ensure(1));
        _warn(zeros
            ? $"{count} zero byte(s) of padding after the gzip data (at byte {start}) ignored"
            : $"{count} byte(s) of trailing data after the gzip data (at byte {start}) ignored; they are not a gzip member");
    }

    /// <summary>Makes at least <paramref name="count"/> bytes available from <c>_pos</c>; false when the data ends first.</summary>
    private bool Ensure(int count)
    {
        if (_len - _pos >= count) return true;
        if (_pos > 0)
        {
            Array.Copy(_buffer, _pos, _buffer, 0, _len - _pos);
            _base += _pos;
            _handStart -= _pos;
            _handEnd -= _pos;
            _len -= _pos;
            _pos = 0;
        }
        if (count > _buffer.Length) Array.Resize(ref _buffer, Math.Max(count, _buffer.Length * 2));
        while (_len < count && !_sourceEnded)
        {
            int n = _source.Read(_buffer, _len, _buffer.Length - _len);
            if (n == 0) _sourceEnded = true;
            _len += n;
        }
        return _len - _pos >= count;
    }

    private IOException Truncated(string where) => new(
        $"the {(_bgzf ? "BGZF (bgzip)" : "gzip")} data is truncated: the file ends {where} of member {_member} (at byte {_memberStart}); " +
        $"{_produced} bytes decompressed");

    private IOException Damaged(string problem, Exception? inner) =>
        new($"gzip member {_member} (at byte {_memberStart}) is damaged: {problem}", inner);

    /// <summary>Hands the deflate data to <see cref="DeflateStream"/> from the shared buffer, remembering the last chunk.</summary>
    private sealed class MemberBody(GzipInput owner) : ForwardOnlyStream
    {
        public override int Read(Span<byte> buffer)
        {
            var o = owner;
            if (buffer.Length == 0) return 0;
            if (!o.Ensure(1))
            {
                o._bodyEnded = true;
                return 0;
            }
            int n = Math.Min(buffer.Length, o._len - o._pos);
            o._buffer.AsSpan(o._pos, n).CopyTo(buffer);
            o._handStart = o._pos;
            o._pos += n;
            o._handEnd = o._pos;
            return n;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inflate?.Dispose();
            _source.Dispose();
        }
        base.Dispose(disposing);
    }
}
