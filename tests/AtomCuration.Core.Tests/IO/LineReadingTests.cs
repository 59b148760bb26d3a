using AtomCuration.Options;
using AtomCuration.IO;
using static AtomCuration.Tests.IO.IOTestSupport;

namespace AtomCuration.Tests.IO;

/// <summary>Every line-based reader shares one line reader: CRLF, NUL and I/O failures behave alike in all of them.</summary>
public class LineReadingTests
{
    /// <summary>Fails with an IOException once <paramref name="failAt"/> characters have been served.</summary>
    private sealed class FailingReader(string text, int failAt) : TextReader
    {
        private int _position;

        public override int Read(char[] buffer, int index, int count)
        {
            if (_position >= failAt) throw new IOException("simulated: the gzip stream is truncated");
            int n = Math.Min(Math.Min(count, text.Length - _position), failAt - _position);
            text.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }
    }

    private static string ExtXyz(int frames) => string.Concat(Enumerable.Range(0, frames).Select(k =>
        $"2\nLattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3 energy={-k}.5 pbc=\"T T T\"\nCu 0 0 0\nNi 2 2 {k % 4}.25\n"));

    public static TheoryData<string> MultiFrame => ["extxyz", "outcar", "dump", "n2p2"];

    private static (IStructureReader Reader, string Text) Sample(string format) => format switch
    {
        "extxyz" => (new ExtXyzReader(), ExtXyz(400)),
        "outcar" => (new OutcarReader(), File.ReadAllText(DataPath("OUTCAR_Fe2O2_relax"))),
        "dump" => (new LammpsDumpReader(), string.Concat(Enumerable.Repeat(Samples.Dump, 100))),
        "poscar" => (new PoscarReader(), "Fe2\n1.0\n2.8 0 0\n0 2.8 0\n0 0 2.8\nFe\n2\nDirect\n0 0 0\n0.5 0.5 0.5\n"),
        "data" => (new LammpsDataReader(), Samples.Data),
        _ => (new N2p2Reader(), string.Concat(Enumerable.Repeat(Samples.N2p2Block, 400))),
    };

    [Theory]
    [MemberData(nameof(MultiFrame))]
    public void AnIOErrorEndsTheFileAfterTheFramesBeforeIt(string format)
    {
        var (reader, text) = Sample(format);
        var results = reader.Read(new FailingReader(text, text.Length * 3 / 4), "broken", new ReadOptions(), RunContext.Default).ToList();
        Assert.NotNull(results[0].Structure);
        Assert.True(results[^1].IsFatal);
        Assert.Contains("truncated", results[^1].Error!.Message);
        Assert.All(results.SkipLast(1), r => Assert.False(r.IsFatal));
    }

    [Theory]
    [MemberData(nameof(MultiFrame))]
    public void ANulCharacterEndsTheFileAfterTheFramesBeforeIt(string format)
    {
        var (reader, text) = Sample(format);
        int at = text.IndexOf('\n', text.Length * 3 / 4);
        var results = ReadText(reader, text[..at] + "\0" + text[at..]);
        Assert.NotNull(results[0].Structure);
        if (format == "extxyz")
        {
            // extxyz resynchronises at the next frame header: one error for the frame hit, the frames after it read.
            Assert.DoesNotContain(results, r => r.IsFatal);
            Assert.Contains("NUL", Assert.Single(results, r => r.Error is not null).Error!.Message);
            return;
        }
        Assert.True(results[^1].IsFatal);
        Assert.Contains("binary", results[^1].Error!.Message);
    }

    [Theory]
    [MemberData(nameof(MultiFrame))]
    [InlineData("poscar")]
    [InlineData("data")]
    public void WindowsLineEndsReadLikeUnixOnes(string format)
    {
        var (reader, text) = Sample(format);
        var lf = Ok(ReadText(reader, text));
        var crlf = Ok(ReadText(reader, text.Replace("\n", "\r\n")));
        Assert.Equal(lf.Count, crlf.Count);
        Assert.NotEmpty(lf);
        for (int k = 0; k < lf.Count; k++) AssertSame(lf[k], crlf[k]);
    }

    [Fact]
    public void TokensSplitOnExactlyWhatStringSplitDoes()
    {
        // The shared splitter decides ASCII whitespace without a table; it must agree with char.IsWhiteSpace everywhere.
        for (int c = 0; c <= char.MaxValue; c++)
        {
            string line = $"a{(char)c}b";
            Assert.Equal(line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length, Tokens.Count(line));
        }
    }
}
