using AtomCuration.Options;
using AtomCuration.IO;
using static AtomCuration.Tests.IO.IOTestSupport;

namespace AtomCuration.Tests.IO;

/// <summary>Readers are lazy (the first frame comes before the file is read to its end) and turn I/O failures into fatal results.</summary>
public class StreamingTests
{
    /// <summary>Serves a string and counts what was handed out; optionally fails with an IOException after a given position.</summary>
    private sealed class MeteredReader(string text, int failAt = int.MaxValue) : TextReader
    {
        public int Position { get; private set; }

        public override int Peek() => Position < text.Length ? text[Position] : -1;

        public override int Read()
        {
            if (Position >= failAt) throw new IOException("simulated: the gzip stream is truncated");
            return Position < text.Length ? text[Position++] : -1;
        }

        public override int Read(char[] buffer, int index, int count)
        {
            if (Position >= failAt) throw new IOException("simulated: the gzip stream is truncated");
            int n = Math.Min(Math.Min(count, text.Length - Position), failAt - Position);
            text.CopyTo(Position, buffer, index, n);
            Position += n;
            return n;
        }
    }

    public static TheoryData<string> Formats => ["outcar", "vasprun", "json", "dump", "n2p2"];

    private static (IStructureReader Reader, string Text) Sample(string format)
    {
        string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));
        return format switch
        {
            "outcar" => (new OutcarReader(), File.ReadAllText(DataPath("OUTCAR_Fe2O2_relax"))),
            "vasprun" => (new VasprunReader(), File.ReadAllText(DataPath("vasprun_Fe2O2_relax.xml"))),
            "json" => (new PymatgenJsonReader(), "[" + string.Join(", ", Enumerable.Repeat(File.ReadAllText(DataPath("mlearn_Mo_test_subset.json")).Trim()[1..^1], 10)) + "]"),
            "dump" => (new LammpsDumpReader(), Repeat(Samples.Dump, 200)),
            _ => (new N2p2Reader(), Repeat(Samples.N2p2Block, 500)),
        };
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void TheFirstFrameComesBeforeTheEndOfTheFile(string format)
    {
        var (reader, text) = Sample(format);
        var metered = new MeteredReader(text);
        using var frames = reader.Read(metered, "lazy", new ReadOptions(), RunContext.Default).GetEnumerator();
        Assert.True(frames.MoveNext());
        Assert.NotNull(frames.Current.Structure);
        Assert.True(metered.Position < text.Length * 0.7, $"{format}: {metered.Position} of {text.Length} characters read for the first frame");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void AnIOErrorMidwayIsAFatalResultAfterTheFramesBeforeIt(string format)
    {
        var (reader, text) = Sample(format);
        var results = reader.Read(new MeteredReader(text, text.Length * 3 / 4), "broken", new ReadOptions(), RunContext.Default).ToList();
        Assert.True(results.Count >= 2);
        Assert.True(results[^1].IsFatal);
        Assert.Contains("truncated", results[^1].Error!.Message);
        Assert.NotNull(results[0].Structure);
    }
}
