using AtomCuration.Options;
using System.IO.Compression;
using System.Text;
using AtomCuration.IO;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;
using static AtomCuration.Tests.IO.IOTestSupport;

namespace AtomCuration.Tests.IO;

/// <summary>The facade: discovery, sniffing, gzip, slices, streaming, and the file writer.</summary>
public class StructureIOTests
{
    private static string Frames(int count, int atoms = 2)
    {
        var sb = new StringBuilder();
        for (int f = 0; f < count; f++)
        {
            sb.Append(atoms).Append('\n').Append($"Lattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3 energy={-f}.5 pbc=\"T T T\"\n");
            for (int a = 0; a < atoms; a++) sb.Append($"Fe {a}.25 {f}.5 0.125\n");
        }
        return sb.ToString();
    }

    [Fact]
    public void ReadersAndWritersAreDiscoveredByReflection()
    {
        Assert.IsType<ExtXyzReader>(StructureIO.ReaderFor(StructureFormat.ExtXyz));
        Assert.IsType<PoscarReader>(StructureIO.ReaderFor(StructureFormat.Poscar));
        Assert.IsType<ExtXyzWriter>(StructureIO.WriterFor(StructureFormat.ExtXyz));
        Assert.IsType<PoscarWriter>(StructureIO.WriterFor(StructureFormat.Poscar));
        Assert.Throws<ArgumentException>(() => StructureIO.ReaderFor(StructureFormat.Auto));
        // Asking for a format nobody reads fails at the call, not somewhere down the pipeline.
        var unread = Enum.GetValues<StructureFormat>().Where(f => f != StructureFormat.Auto)
            .FirstOrDefault(f => !typeof(StructureIO).Assembly.GetTypes().Any(t =>
                typeof(IStructureReader).IsAssignableFrom(t) && t.IsClass && !t.IsAbstract && ((IStructureReader)Activator.CreateInstance(t)!).Format == f));
        if (unread != StructureFormat.Auto)
            Assert.Throws<NotSupportedException>(() => StructureIO.Read(new MemoryStream(), "x", new ReadOptions { Format = unread }));
        // Every concrete reader type in Core is found, not just the ones named above.
        var expected = typeof(StructureIO).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IStructureReader).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => StructureIO.ReaderFor(((IStructureReader)Activator.CreateInstance(t)!).Format).Format);
        Assert.NotEmpty(expected);
    }

    [Fact]
    public void FormatsAreDetectedFromNameThenContentAndGzipByMagicBytes()
    {
        using var tmp = new TempDir();
        string xyz = Frames(1);
        File.WriteAllText(tmp.File("a.extxyz"), xyz);
        File.WriteAllText(tmp.File("noext"), xyz);
        WriteGzip(tmp.File("hidden.dat"), xyz); // gzip without .gz in the name
        WriteGzip(tmp.File("POSCAR.gz"), "Fe\n1.0\n2.8 0 0\n0 2.8 0\n0 0 2.8\nFe\n2\nDirect\n0 0 0\n0.5 0.5 0.5\n");
        File.WriteAllText(tmp.File("x.vasp"), "comment only\n");
        File.WriteAllText(tmp.File("mystery.bin"), "hello\nworld\n");
        Assert.Equal(StructureFormat.ExtXyz, StructureIO.DetectFormat(tmp.File("a.extxyz")));
        Assert.Equal(StructureFormat.ExtXyz, StructureIO.DetectFormat(tmp.File("noext")));
        Assert.Equal(StructureFormat.ExtXyz, StructureIO.DetectFormat(tmp.File("hidden.dat")));
        Assert.Equal(StructureFormat.Poscar, StructureIO.DetectFormat(tmp.File("POSCAR.gz")));
        Assert.Equal(StructureFormat.Poscar, StructureIO.DetectFormat(tmp.File("x.vasp")));
        var e = Assert.Throws<StructureFormatException>(() => StructureIO.DetectFormat(tmp.File("mystery.bin")));
        Assert.Contains("mystery.bin", e.Message);
        Assert.Contains("-Format", e.Message);
        Assert.Single(ReadAll(tmp.File("hidden.dat")));
        Assert.Equal(2, ReadAll(tmp.File("POSCAR.gz"))[0].AtomCount);
        var fatal = Assert.Single(StructureIO.Read(tmp.File("mystery.bin")));
        Assert.True(fatal.IsFatal);
        Assert.Throws<FileNotFoundException>(() => StructureIO.Read(tmp.File("missing.xyz")));
    }

    private static void WriteGzip(string path, string text)
    {
        using var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gz.Write(Encoding.UTF8.GetBytes(text));
    }

    [Theory]
    [InlineData("a.xyz", StructureFormat.ExtXyz)]
    [InlineData("dir/a.extxyz.gz", StructureFormat.ExtXyz)]
    [InlineData("POSCAR", StructureFormat.Poscar)]
    [InlineData("CONTCAR.gz", StructureFormat.Poscar)]
    [InlineData("x.vasp", StructureFormat.Poscar)]
    [InlineData("x.poscar", StructureFormat.Poscar)]
    [InlineData("in.data", StructureFormat.LammpsData)]
    [InlineData("in.lmp", StructureFormat.LammpsData)]
    public void WritingFormatComesFromTheName(string path, StructureFormat format) =>
        Assert.Equal(format, StructureIO.FormatForWriting(path));

    [Fact]
    public void AnUnknownWritingExtensionNamesTheChoices()
    {
        var e = Assert.Throws<ArgumentException>(() => StructureIO.FormatForWriting("out.txt"));
        Assert.Contains("ExtXyz", e.Message);
        Assert.Contains("Poscar", e.Message);
        Assert.Contains("-Format", e.Message);
    }

    [Theory]
    [InlineData(":", new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    [InlineData("3", new[] { 3 })]
    [InlineData("-1", new[] { 9 })]
    [InlineData("-3", new[] { 7 })]
    [InlineData("2:8:3", new[] { 2, 5 })]
    [InlineData("-4:", new[] { 6, 7, 8, 9 })]
    [InlineData("-4::2", new[] { 6, 8 })]
    [InlineData("1:-7", new[] { 1, 2 })]
    [InlineData("::-1", new[] { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 })]
    [InlineData("5:1:-2", new[] { 5, 3 })]
    [InlineData("-2:-6:-1", new[] { 8, 7, 6, 5 })]
    [InlineData("::-4", new[] { 9, 5, 1 })]
    [InlineData("20:", new int[0])]
    public void SlicesFollowPythonSemantics(string slice, int[] expected)
    {
        var frames = ReadText(Frames(10), options: new ReadOptions { Index = FrameSlice.Parse(slice) });
        Assert.Equal(expected, frames.Select(r => r.Structure!.FrameIndex));
        // The same as Python on a list of 10: cross-checked against FrameSlice.Indices.
        Assert.Equal(FrameSlice.Parse(slice).Indices(10), expected);
    }

    [Theory]
    [InlineData("-20")]
    [InlineData("10")]
    [InlineData("12")]
    public void ASingleIndexBeyondTheFileIsAnErrorAsInPython(string index)
    {
        var results = ReadText(Frames(10), options: new ReadOptions { Index = FrameSlice.Parse(index) });
        var error = Assert.Single(results);
        Assert.True(error.IsFatal);
        Assert.Contains($"-Index {index} is out of range: the file holds 10 frames", error.Error!.Message);
    }

    [Fact]
    public void SlicesCountBadFramesAndKeepFatalErrors()
    {
        string text = Frames(2) + "x\n" + Frames(3); // frame 2 is bad
        var picked = ReadText(text, options: new ReadOptions { Index = FrameSlice.Parse("::2") });
        Assert.Equal(3, picked.Count); // frames 0, 2 (reported bad) and 4
        Assert.NotNull(picked[1].Error);
        Assert.Equal([0, 4], picked.Where(r => r.Structure is not null).Select(r => r.Structure!.FrameIndex));
        var bad = ReadText(text, options: new ReadOptions { Index = FrameSlice.Parse("2") });
        Assert.Contains("number of atoms", Assert.Single(bad).Error!.Message);
        // A fatal error ends the file: the tail selection is made from the frames before it, then the error. (A NUL
        // ends a LAMMPS dump; extxyz resynchronises after one.)
        string cut = Samples.Dump + "\u0000\n" + Samples.DumpFrame(40) + Samples.DumpFrame(50);
        var tail = ReadText(cut, "md.dump", new ReadOptions { Index = FrameSlice.Parse("-2:") });
        Assert.Equal(3, tail.Count);
        Assert.Equal([2, 3], tail.Take(2).Select(r => r.Structure!.FrameIndex));
        Assert.True(tail[2].IsFatal);
    }

    /// <summary>A stream that fails the test if anything reads beyond <paramref name="limit"/> bytes.</summary>
    private sealed class TripwireStream(byte[] data, int limit) : MemoryStream(data, false)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= limit) throw new InvalidOperationException($"read past byte {limit}: not streaming");
            return base.Read(buffer, offset, (int)Math.Min(count, limit - Position));
        }

        // MemoryStream's span overload defers to the array one in derived classes; route it explicitly.
        public override int Read(Span<byte> buffer)
        {
            var tmp = new byte[buffer.Length];
            int n = Read(tmp, 0, tmp.Length);
            tmp.AsSpan(0, n).CopyTo(buffer);
            return n;
        }
    }

    [Fact]
    public void TheFirstStructureComesOutBeforeTheFileIsRead()
    {
        var data = Encoding.UTF8.GetBytes(Frames(20000, 10)); // ~5 MB
        Assert.True(data.Length > 4_000_000);
        using var stream = new TripwireStream(data, 512 * 1024);
        using var e = StructureIO.Read(stream, "big.extxyz").GetEnumerator();
        Assert.True(e.MoveNext());
        Assert.Equal(0, e.Current.Structure!.FrameIndex);
        Assert.True(e.MoveNext());
        Assert.Equal(1, e.Current.Structure!.FrameIndex);
        // A streamable slice stops reading once past its end.
        using var again = new TripwireStream(data, 512 * 1024);
        var first = StructureIO.Read(again, "big.extxyz", new ReadOptions { Index = FrameSlice.Parse("0:100:7") }).ToList();
        Assert.Equal(15, first.Count);
        // The whole file does trip the wire (the wire works).
        using var all = new TripwireStream(data, 512 * 1024);
        Assert.Throws<InvalidOperationException>(() => StructureIO.Read(all, "big.extxyz").Count());
    }

    [Fact]
    public void CancellationStopsReading()
    {
        using var cts = new CancellationTokenSource();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Frames(100)));
        int seen = 0;
        Assert.Throws<OperationCanceledException>(() =>
        {
            foreach (var _ in StructureIO.Read(stream, "x.xyz", null, new RunContext { Cancellation = cts.Token }))
                if (++seen == 3) cts.Cancel();
        });
        Assert.Equal(3, seen);
    }

    [Fact]
    public void ExtXyzCarriesEachFramesOriginAndWhatThePipelineAttached()
    {
        using var tmp = new TempDir();
        var frames = ReadText(Frames(3), source: "/data/pool.extxyz").Select(r => r.Structure!).ToList();
        var picked = new Structure(frames[2]) { SelectionRank = 0, Selected = true, ClusterId = 4, SelectionScore = 1.5, MapX = -0.25, MapY = 3 };
        string first = tmp.File("selected.extxyz");
        using (var w = StructureFileWriter.Open(first))
        {
            w.Write(picked);
            w.Complete();
        }
        var once = Assert.Single(ReadAll(first));
        Assert.Equal("/data/pool.extxyz", once.Info[TraceInfo.OriginPath]);
        Assert.Equal(2L, once.Info[TraceInfo.OriginFrame]);
        Assert.Equal(0L, once.Info["selection_rank"]);
        Assert.Equal(true, once.Info["selected"]);
        Assert.Equal(4L, once.Info["cluster"]);
        Assert.Equal(1.5, once.Info["selection_score"]);
        Assert.Equal(-0.25, once.Info["map_x"]);
        Assert.Equal(3.0, once.Info["map_y"]);
        // Written again from the intermediate file: the origin still names the first source.
        string second = tmp.File("again.extxyz");
        using (var w = StructureFileWriter.Open(second))
        {
            w.Write(once);
            w.Complete();
        }
        var twice = Assert.Single(ReadAll(second));
        Assert.Equal("/data/pool.extxyz", twice.Info[TraceInfo.OriginPath]);
        Assert.Equal(2L, twice.Info[TraceInfo.OriginFrame]);
    }

    [Fact]
    public void FileWriterHonoursGzipAppendNoClobberAndSingleFrameFormats()
    {
        using var tmp = new TempDir();
        var frames = ReadText(Frames(3)).Select(r => r.Structure!).ToList();
        string gz = tmp.File("out.extxyz.gz");
        using (var w = StructureFileWriter.Open(gz))
        {
            w.Write(frames[0]);
            w.Write(frames[1]);
            Assert.Equal(2, w.Count);
            w.Complete();
        }
        using (var gzStream = File.OpenRead(gz)) Assert.Equal(0x1f, gzStream.ReadByte());
        using (var w = StructureFileWriter.Open(gz, append: true))
        {
            w.Write(frames[2]);
            w.Complete();
        }
        var back = ReadAll(gz);
        Assert.Equal(3, back.Count);
        // What was read back carries, besides its own Info, where it was first read from (TraceInfo).
        for (int i = 0; i < 3; i++)
            AssertSame(new Structure(frames[i]) { FrameIndex = i, SourcePath = gz, Info = frames[i].Info.Concat(TraceInfo.For(frames[i])).ToDictionary() }, back[i]);
        var e = Assert.Throws<IOException>(() => StructureFileWriter.Open(gz, noClobber: true));
        Assert.Contains(gz, e.Message);

        string poscar = tmp.File("POSCAR");
        using (var w = StructureFileWriter.Open(poscar))
        {
            w.Write(frames[0]);
            var one = Assert.Throws<InvalidOperationException>(() => w.Write(frames[1]));
            Assert.Contains("single structure", one.Message);
            w.Complete();
        }
        Assert.Throws<InvalidOperationException>(() => StructureFileWriter.Open(poscar, append: true));
        Assert.Equal(frames[0].Positions.ToArray(), ReadAll(poscar)[0].Positions.ToArray());

        string plain = tmp.File("plain.xyz");
        using (var w = StructureFileWriter.Open(plain))
        {
            w.Write(frames[0]);
            w.Complete();
        }
        using (var w = StructureFileWriter.Open(plain, append: true))
        {
            w.Write(frames[1]);
            w.Complete();
        }
        Assert.Equal(2, ReadAll(plain).Count);
    }

    [Fact]
    public void BundledTestDataIsInsideTheRepository() =>
        Assert.All(TestData.Datasets, d =>
        {
            Assert.StartsWith(RepoPaths.Root, Path.GetFullPath(d), StringComparison.Ordinal);
            Assert.True(File.Exists(d), d);
        });

    /// <summary>Issue 15: <c>-Index 2,49</c> — several indices and slices select every frame any of them names, in file order, once.</summary>
    [Theory]
    [InlineData("2,7", new[] { 2, 7 })]
    [InlineData("7,2", new[] { 2, 7 })]
    [InlineData("0:3,2,-1", new[] { 0, 1, 2, 9 })]
    [InlineData("-2:,::4", new[] { 0, 4, 8, 9 })]
    public void SeveralIndicesSelectTheirUnionInFileOrder(string index, int[] expected)
    {
        var frames = ReadText(Frames(10), options: new ReadOptions { Index = FrameSelection.Parse(index) });
        Assert.Equal(expected, frames.Select(r => r.Structure!.FrameIndex));
    }

    [Fact]
    public void AnIndexBeyondTheFileAmongSeveralIsAnErrorAfterTheOthers()
    {
        var results = ReadText(Frames(10), options: new ReadOptions { Index = FrameSelection.Parse("2,49") });
        Assert.Equal(2, results[0].Structure!.FrameIndex);
        Assert.True(results[1].IsFatal);
        Assert.Contains("-Index 49 is out of range: the file holds 10 frames", results[1].Error!.Message);
    }
}
