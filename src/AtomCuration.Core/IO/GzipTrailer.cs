using System.Buffers.Binary;

namespace AtomCuration.IO;

/// <summary>What a seekable gzip file says its decompressed length is, read without decompressing it.</summary>
/// <param name="Size">The length mod 2³², or null when it cannot be known.</param>
/// <param name="Bgzf">Whether the file is BGZF (bgzip): many members, each announcing its compressed size.</param>
/// <param name="Truncation">Why the file must be truncated, when that is known without decompressing: shorter than any
/// gzip member, or (BGZF) a block running past the end or the empty end-of-file block missing.</param>
internal readonly record struct GzipTrailer(uint? Size, bool Bgzf, string? Truncation)
{
    private const int HeaderLength = 18; // fixed header 10, XLEN 2, the BC subfield 6
    private const int ShortestMember = 20; // header 10, the shortest deflate stream 2, CRC32 and ISIZE 8

    /// <summary>
    /// An ordinary gzip file is one member whose last four bytes (ISIZE) are the whole length; .NET's
    /// GZipStream ends silently on a truncated file, so that number is what reveals truncation. A file
    /// of several members has no such total, except BGZF, whose every header carries the block size
    /// (BSIZE in its "BC" extra field): the blocks are walked and their ISIZEs added up, and the last
    /// one must be BGZF's empty end-of-file block, so a file cut at a block boundary is caught too.
    /// </summary>
    public static GzipTrailer Read(Stream file)
    {
        if (!file.CanSeek) return default;
        if (file.Length < ShortestMember)
            return new GzipTrailer(null, false, $"the file has {file.Length} bytes, fewer than any complete gzip member ({ShortestMember})");
        long here = file.Position;
        try
        {
            return ReadBlockSize(file, 0) is null ? new GzipTrailer(ReadUInt32(file, file.Length - 4), false, null) : WalkBgzf(file);
        }
        finally
        {
            file.Position = here;
        }
    }

    private static GzipTrailer WalkBgzf(Stream file)
    {
        uint total = 0, last = 0;
        long position = 0;
        int block = 0;
        for (; position < file.Length; block++)
        {
            if (ReadBlockSize(file, position) is not { } size || position + size > file.Length)
                return new GzipTrailer(null, true, $"block {block} at byte {position} is cut off or damaged");
            position += size;
            last = ReadUInt32(file, position - 4);
            total += last;
        }
        return last == 0
            ? new GzipTrailer(total, true, null)
            : new GzipTrailer(total, true, $"the file ends after block {block - 1} without BGZF's empty end-of-file block");
    }

    /// <summary>The total size of the BGZF block starting at <paramref name="position"/>, or null when no BGZF header is there.</summary>
    private static long? ReadBlockSize(Stream file, long position)
    {
        if (position + HeaderLength > file.Length) return null;
        Span<byte> h = stackalloc byte[12];
        file.Position = position;
        file.ReadExactly(h);
        bool extra = h[0] == 0x1f && h[1] == 0x8b && h[2] == 8 && (h[3] & 4) != 0;
        if (!extra) return null;
        int xlen = BinaryPrimitives.ReadUInt16LittleEndian(h[10..]);
        if (position + 12 + xlen > file.Length) return null;
        Span<byte> fields = stackalloc byte[xlen];
        file.ReadExactly(fields);
        for (int k = 0; k + 4 <= xlen;)
        {
            int length = BinaryPrimitives.ReadUInt16LittleEndian(fields[(k + 2)..]);
            if (fields[k] == (byte)'B' && fields[k + 1] == (byte)'C' && length == 2 && k + 6 <= xlen)
                return BinaryPrimitives.ReadUInt16LittleEndian(fields[(k + 4)..]) + 1L;
            k += 4 + length;
        }
        return null;
    }

    private static uint ReadUInt32(Stream file, long position)
    {
        Span<byte> b = stackalloc byte[4];
        file.Position = position;
        file.ReadExactly(b);
        return BinaryPrimitives.ReadUInt32LittleEndian(b);
    }
}
