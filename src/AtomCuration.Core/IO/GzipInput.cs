using System.IO.Compression;

namespace AtomCuration.IO;

/// <summary>
/// Decompresses gzip input so that every failure surfaces as <see cref="IOException"/>
/// (readers turn those into fatal format errors). .NET's <see cref="GZipStream"/> ends
/// silently on truncated input, so when the compressed stream is seekable the trailer's
/// ISIZE (uncompressed length mod 2³²) is read up front and checked at the end: a
/// truncated file fails instead of losing its last frames. Multi-member files
/// (<c>cat a.gz b.gz</c>) fail that check too; <see cref="StructureFileWriter"/> never writes them.
/// </summary>
internal sealed class GzipInput : ForwardOnlyStream
{
    private readonly GZipStream _gzip;
    private readonly uint? _expectedSize;
    private long _produced;

    private GzipInput(Stream compressed, uint? expectedSize)
    {
        _gzip = new GZipStream(compressed, CompressionMode.Decompress);
        _expectedSize = expectedSize;
    }

    /// <summary>True when <paramref name="head"/> starts with the gzip magic bytes 1f 8b.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b;

    /// <summary>Wraps <paramref name="compressed"/>; <paramref name="file"/>, when seekable, supplies the trailer.</summary>
    public static GzipInput Open(Stream compressed, Stream? file)
    {
        uint? size = null;
        if (file is { CanSeek: true } && file.Length >= 18)
        {
            long here = file.Position;
            file.Seek(-4, SeekOrigin.End);
            Span<byte> b = stackalloc byte[4];
            file.ReadExactly(b);
            size = BitConverter.ToUInt32(b);
            if (!BitConverter.IsLittleEndian) size = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(size.Value);
            file.Position = here;
        }
        return new GzipInput(compressed, size);
    }

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
        if (n == 0 && buffer.Length > 0 && _expectedSize is { } expected && (uint)_produced != expected)
            throw new IOException(
                $"the gzip data ends early (truncated file?): {_produced} bytes decompressed, the trailer says {expected} (mod 2^32)");
        return n;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) _gzip.Dispose();
        base.Dispose(disposing);
    }
}
