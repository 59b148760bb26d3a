using System.IO.Compression;
using System.Text;
using AtomCuration.IO;
using AtomCuration.Options;

namespace AtomCuration.Tests.IO;

/// <summary>
/// Issue 18, gzip: damage is reported for what it is and after the frames before it; what <c>gzip -t</c> accepts
/// (padding or junk after the last member, several members) is read whole, with a warning for ignored bytes.
/// </summary>
public class GzipDamageTests
{
    private static string Frames(int n)
    {
        var sb = new StringBuilder();
        for (int f = 0; f < n; f++)
            sb.Append("2\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3 energy=-").Append(f)
              .Append(" pbc=\"T T T\"\nFe 0 0 0\nFe 1.2 1.3 1.4\n");
        return sb.ToString();
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }

    /// <summary>Reads as Import-Structure does, with -Format Auto and a name that says nothing about the format.</summary>
    private static (List<ReadResult> Results, List<string> Warnings) Read(byte[] file, string name = "frames.gz")
    {
        var warnings = new List<string>();
        var results = StructureIO.Read(new MemoryStream(file), name, null, new RunContext { Warning = warnings.Add }).ToList();
        return (results, warnings);
    }

    [Fact]
    public void ASmallTruncatedFileReadWithAutoKeepsItsIntactFrames()
    {
        var text = Frames(20); // about 1.5 kB: smaller than what format sniffing reads
        var file = Gzip(text);
        var (results, _) = Read(file[..^6]);
        Assert.True(results[^1].IsFatal);
        Assert.Contains("truncated", results[^1].Error!.Message);
        Assert.Equal(20, results.Count(r => r.Structure is not null));
        Assert.Equal(Enumerable.Range(0, 20).Select(f => (double)-f), results.Where(r => r.Structure is not null).Select(r => r.Structure!.Energy!.Value));
        // Cut inside the compressed data: the frames before the cut, then the error.
        var (cut, _) = Read(file[..^12]);
        Assert.True(cut[^1].IsFatal);
        Assert.Contains("truncated", cut[^1].Error!.Message);
        Assert.True(cut.Count(r => r.Structure is not null) >= 15);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(512, true)]
    [InlineData(7, false)]
    public void PaddingOrJunkAfterTheDataIsIgnoredWithAWarning(int count, bool zeros)
    {
        var text = Frames(12);
        var tail = zeros ? new byte[count] : Encoding.ASCII.GetBytes("garbage!"[..count]);
        var (results, warnings) = Read([.. Gzip(text), .. tail]);
        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(12, results.Count);
        var warning = Assert.Single(warnings);
        Assert.Contains($"{count} ", warning);
        Assert.Contains(zeros ? "zero byte(s) of padding" : "trailing data", warning);
        Assert.StartsWith("frames.gz", warning);
    }

    [Fact]
    public void SeveralMembersReadAsOneText()
    {
        var a = Frames(5);
        var (results, warnings) = Read([.. Gzip(a), .. Gzip(a)]);
        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(10, results.Count);
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData(8, "CRC-32 check fails")]
    [InlineData(4, "length check fails")]
    public void ABadCrcOrLengthIsReportedAsSuch(int fromEnd, string expected)
    {
        var file = Gzip(Frames(30));
        file[^fromEnd] ^= 0x40;
        var (results, _) = Read(file);
        var error = results[^1].Error!;
        Assert.True(results[^1].IsFatal);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("unsupported compression method", error.Message);
    }

    [Fact]
    public void AnUnknownCompressionMethodIsNamed()
    {
        var file = Gzip(Frames(3));
        file[2] = 7;
        var (results, _) = Read(file, "frames.extxyz.gz");
        Assert.Contains("compression method 7", Assert.Single(results).Error!.Message);
    }
}
