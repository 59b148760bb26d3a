using System.IO.Compression;

namespace AtomCuration.IO;

/// <summary>
/// Decompresses gzip input so that every failure surfaces as <see cref="IOException"/>
/// (readers turn those into fatal format errors). .NET's <see cref="GZipStream"/> ends
/// silently on truncated input, so when the compressed stream is seekable the decompressed
/// length the file announces (<see cref="GzipTrailer"/>) is read up front and checked at the
/// end: a truncated file fails instead of losing its last frames. BGZF (bgzip) files are
/// checked block by block; other multi-member files (<c>cat a.gz b.gz</c>) announce no
/// total and fail that check, with a message saying so; <see cref="StructureFileWriter"/>
/// never writes them.
/// </summary>
internal sealed class GzipInput : ForwardOnlyStream
{
    private readonly GZipStream _gzip;
    private readonly GzipTrailer _trailer;
    private long _produced;

    private GzipInput(Stream compressed, GzipTrailer trailer)
    {
        _gzip = new GZipStream(compressed, CompressionMode.Decompress);
        _trailer = trailer;
    }

    /// <summary>True when <paramref name="head"/> starts with the gzip magic bytes 1f 8b.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b;

    /// <summary>Wraps <paramref name="compressed"/>; <paramref name="file"/>, when seekable, supplies the trailer.</summary>
    public static GzipInput Open(Stream compressed, Stream? file) =>
        new(compressed, file is null ? default : GzipTrailer.Read(file));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = _gzip.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new IOException($"corrupt gzip data ({e.Message})", e);
        }
        _produced += n;
        if (n == 0 && buffer.Length > 0) CheckComplete();
        return n;
    }

    private void CheckComplete()
    {
        if (_trailer.Truncation is { } why)
            throw new IOException($"the {(_trailer.Bgzf ? "BGZF (bgzip)" : "gzip")} data is truncated: {why}; {_produced} bytes decompressed");
        if (_trailer.Size is { } expected && (uint)_produced != expected)
            throw new IOException(_trailer.Bgzf
                ? $"the BGZF (bgzip) data ends early (truncated file?): {_produced} bytes decompressed, its blocks say {expected} (mod 2^32)"
                : $"the gzip data ends early (truncated file?): {_produced} bytes decompressed, the trailer says {expected} (mod 2^32). " +
                  "Several gzip files joined into one (cat a.gz b.gz) give this too, since only the last one's length is recorded: " +
                  "recompress such a file with gzip or bgzip so that it can be checked");
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) _gzip.Dispose();
        base.Dispose(disposing);
    }
}
