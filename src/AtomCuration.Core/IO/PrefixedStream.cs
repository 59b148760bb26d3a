namespace AtomCuration.IO;

/// <summary>
/// A read-only stream that first returns bytes already taken from <paramref name="inner"/>
/// (to peek at gzip magic bytes or sniff a format without seeking) and then the rest of it.
/// Disposing it disposes <paramref name="inner"/> unless <paramref name="leaveOpen"/>.
/// </summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream inner, bool leaveOpen) : ForwardOnlyStream
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
    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen) inner.Dispose();
        base.Dispose(disposing);
    }
}
