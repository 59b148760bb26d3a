namespace AtomCuration.IO;

/// <summary>
/// A read-only stream that first returns bytes already taken from <paramref name="inner"/>
/// (to peek at gzip magic bytes or sniff a format without seeking) and then the rest of it.
/// Disposing it disposes <paramref name="inner"/> unless <paramref name="leaveOpen"/>.
/// </summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream inner, bool leaveOpen, IOException? failure) : ForwardOnlyStream
{
    private int _offset;

    /// <summary>
    /// Reads up to <paramref name="count"/> bytes from the start of <paramref name="inner"/> and returns a stream that
    /// replays them. A read failure (a small truncated .gz) is held back: the bytes before it are the head and are
    /// replayed, and the failure is thrown where the reader reaches it, so the frames before the damage are read.
    /// </summary>
    public static PrefixedStream Peek(Stream inner, int count, bool leaveOpen, out ReadOnlyMemory<byte> head)
    {
        var buffer = new byte[count];
        int n = 0;
        IOException? failure = null;
        try
        {
            while (n < count)
            {
                int got = inner.Read(buffer, n, count - n);
                if (got == 0) break;
                n += got;
            }
        }
        catch (IOException e)
        {
            failure = e;
        }
        head = buffer.AsMemory(0, n);
        return new PrefixedStream(buffer, n, inner, leaveOpen, failure);
    }

    /// <summary>The read failure held back by <see cref="Peek"/>, if any.</summary>
    public IOException? Failure => failure;

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
        if (failure is not null) throw failure;
        return inner.Read(buffer);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen) inner.Dispose();
        base.Dispose(disposing);
    }
}
