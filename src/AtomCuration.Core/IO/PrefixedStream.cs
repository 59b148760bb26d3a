namespace AtomCuration.IO;

/// <summary>
/// A read-only stream that first returns bytes already taken from <paramref name="inner"/>
/// (to peek at gzip magic bytes or sniff a format without seeking) and then the rest of it.
/// Disposing it disposes <paramref name="inner"/> unless <paramref name="leaveOpen"/>.
/// </summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream inner, bool leaveOpen) : Stream
{
    private int _offset;

    /// <summary>Reads up to <paramref name="count"/> bytes from the start of <paramref name="inner"/> and returns a stream that replays them.</summary>
    public static PrefixedStream Peek(Stream inner, int count, bool leaveOpen, out ReadOnlyMemory<byte> head)
    {
        var buffer = new byte[count];
        int n = inner.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
        head = buffer.AsMemory(0, n);
        return new PrefixedStream(buffer, n, inner, leaveOpen);
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (_offset < prefixLength)
        {
            int n = Math.Min(buffer.Length, prefixLength - _offset);
            prefix.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            return n;
        }
        return inner.Read(buffer);
    }

    /// <inheritdoc />
    public override bool CanRead => true;
    /// <inheritdoc />
    public override bool CanSeek => false;
    /// <inheritdoc />
    public override bool CanWrite => false;
    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();
    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    /// <inheritdoc />
    public override void Flush() { }
    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();
    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen) inner.Dispose();
        base.Dispose(disposing);
    }
}
