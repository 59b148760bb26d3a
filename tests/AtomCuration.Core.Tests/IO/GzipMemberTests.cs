using System.IO.Compression;
using AtomCuration.IO;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.IO;

/// <summary>
/// Multi-member gzip: BGZF (bgzip) files and other concatenated members read whole and are checked for
/// truncation member by member; a BGZF file must end with its empty end-of-file block.
/// </summary>
public class GzipMemberTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("acgz").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    /// <summary>The bundled Cu sample's first frames as extxyz text, about 500 kB.</summary>
    private static byte[] Text()
    {
        using var gz = new GZipStream(File.OpenRead(TestData.Cu), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line && lines.Count < 6000) lines.Add(line);
        // End on a frame boundary: drop the partial frame at the end.
        int lastHeader = lines.FindLastIndex(l => l.Contains("Lattice=", StringComparison.Ordinal)) - 1;
        return System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines.Take(lastHeader)) + "\n");
    }

    /// <summary>One gzip member of <paramref name="data"/> as .NET writes it (header without extra field).</summary>
    private static byte[] Member(ReadOnlySpan<byte> data)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(data);
        return buffer.ToArray();
    }

    /// <summary>BGZF's end-of-file marker, an empty member, as the SAM specification gives it byte by byte.</summary>
    private static readonly byte[] EndOfFile =
        [0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 0, 0xff, 6, 0, (byte)'B', (byte)'C', 2, 0, 0x1b, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>
    /// <paramref name="member"/> with an extra field (FEXTRA) of one 2-byte subfield <paramref name="id1"/><paramref name="id2"/>
    /// inserted after its 10-byte header; for BGZF's "BC" the subfield holds the block size − 1.
    /// </summary>
    private static byte[] WithExtraField(byte[] member, char id1, char id2)
    {
        var block = new byte[member.Length + 8];
        member.AsSpan(0, 10).CopyTo(block);
        block[3] |= 4; // FEXTRA
        block[10] = 6; // XLEN
        block[12] = (byte)id1;
        block[13] = (byte)id2;
        block[14] = 2;
        BitConverter.TryWriteBytes(block.AsSpan(16), (ushort)(block.Length - 1));
        member.AsSpan(10).CopyTo(block.AsSpan(18));
        return block;
    }

    /// <summary>BGZF as the SAM specification defines it: members of at most 64 KiB, each with the "BC" extra field giving its size, then the empty end-of-file member.</summary>
    private static byte[] Bgzf(byte[] data, int chunk = 30_000)
    {
        var output = new MemoryStream();
        for (int start = 0; start < data.Length; start += chunk)
            output.Write(WithExtraField(Member(data.AsSpan(start, Math.Min(chunk, data.Length - start))), 'B', 'C'));
        output.Write(EndOfFile);
        return output.ToArray();
    }

    private List<ReadResult> Read(byte[] file)
    {
        string path = Path.Combine(_dir, $"f{Guid.NewGuid():N}.extxyz.gz");
        File.WriteAllBytes(path, file);
        return StructureIO.Read(path).ToList();
    }

    [Fact]
    public void BgzfReadsTheSameFramesAsPlainGzip()
    {
        var text = Text();
        var plain = Read(Member(text));
        var bgzf = Read(Bgzf(text));
        Assert.True(plain.Count > 40);
        Assert.All(plain.Concat(bgzf), r => Assert.Null(r.Error));
        Assert.Equal(plain.Select(r => r.Structure!.Positions.ToArray()), bgzf.Select(r => r.Structure!.Positions.ToArray()));
        Assert.Equal(plain.Select(r => r.Structure!.Energy), bgzf.Select(r => r.Structure!.Energy));
    }

    /// <summary>htslib's bgzip (Debian's tabix package, installed by .ci/run) as the oracle for what BGZF is.</summary>
    [Fact]
    public void RealBgzipOutputReadsWholeAndItsTruncationIsCaught() => Oracle.Frozen(RealBgzipOutputReadsWholeAndItsTruncationIsCaughtCheck);

    [SkippableFact]
    [Trait("Oracle", "bgzip")]
    public void RealBgzipOutputReadsWholeAndItsTruncationIsCaught_Live() => Oracle.Live("bgzip", RealBgzipOutputReadsWholeAndItsTruncationIsCaughtCheck);

    private void RealBgzipOutputReadsWholeAndItsTruncationIsCaughtCheck()
    {
        var text = Text();
        string source = Path.Combine(_dir, "frames.extxyz");
        File.WriteAllBytes(source, text);
        var file = Oracle.Run("bgzip", "bgzip", ["-c", "-@", "1", source], null);
        Assert.Equal(EndOfFile, file[^EndOfFile.Length..]);
        var plain = Read(Member(text));
        var whole = Read(file);
        Assert.All(whole, r => Assert.Null(r.Error));
        Assert.Equal(plain.Select(r => r.Structure!.Energy), whole.Select(r => r.Structure!.Energy));
        var cut = Read(file[..(file.Length * 2 / 3)]);
        Assert.True(cut[^1].IsFatal);
        Assert.Contains("BGZF", cut[^1].Error!.Message);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.97)]
    public void TruncatedBgzfFailsAfterItsIntactFrames(double keep)
    {
        var text = Text();
        var whole = Bgzf(text);
        var results = Read(whole[..(int)(whole.Length * keep)]);
        Assert.True(results[^1].IsFatal);
        Assert.Contains("BGZF", results[^1].Error!.Message);
        Assert.Contains("truncated", results[^1].Error!.Message);
        Assert.True(results.Count(r => r.Error is null) > 0);
    }

    [Fact]
    public void BgzfCutAtABlockBoundaryFails()
    {
        var text = Text();
        var whole = Bgzf(text);
        // Drop the end-of-file block and the last data block: what is left is whole blocks only.
        var blocks = Bgzf(text[..60_000]);
        int eof = EndOfFile.Length;
        Assert.Equal(whole.AsSpan(0, blocks.Length - eof).ToArray(), blocks[..^eof]);
        var results = Read(blocks[..^eof]);
        Assert.True(results[^1].IsFatal);
        Assert.Contains("end-of-file block", results[^1].Error!.Message);
    }

    [Fact]
    public void ConcatenatedGzipFilesReadWhole()
    {
        var text = Text();
        int half = text.Length / 2;
        while (text[half - 1] != (byte)'\n') half++;
        var joined = Read([.. Member(text.AsSpan(0, half)), .. Member(text.AsSpan(half))]);
        var plain = Read(Member(text));
        Assert.All(joined, r => Assert.Null(r.Error));
        Assert.Equal(plain.Select(r => r.Structure!.Energy), joined.Select(r => r.Structure!.Energy));
    }

    [Fact]
    public void AGzipFileTooShortForAnyMemberIsTruncatedNotEmpty()
    {
        var header = Member(Text())[..12];
        var results = Read(header);
        Assert.True(results[^1].IsFatal);
        Assert.Contains("truncated", results[^1].Error!.Message);
    }

    /// <summary>A single member whose header carries an extra field that is not BGZF's is read and checked as one member.</summary>
    [Fact]
    public void AnExtraFieldOtherThanBgzfKeepsTheSingleMemberCheck()
    {
        var text = Text();
        var withExtra = WithExtraField(Member(text), 'X', 'Y');
        Assert.All(Read(withExtra), r => Assert.Null(r.Error));
        var cut = Read(withExtra[..(withExtra.Length / 2)]);
        Assert.True(cut[^1].IsFatal);
        Assert.Contains("truncated", cut[^1].Error!.Message);
    }
}
