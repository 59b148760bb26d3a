using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using AtomCuration.IO;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;
using static AtomCuration.Tests.IO.IOTestSupport;

namespace AtomCuration.Tests.IO;

/// <summary>Malformed input: clear errors that name file, line and frame, resynchronisation, no hangs, no crashes.</summary>
public class BadInputTests
{
    private const string Good = "1\nLattice=\"3 0 0 0 3 0 0 0 3\" energy=-1.5\nFe 0 0 0\n";

    private static (ReadResult Bad, Structure Next) BadThenGood(string badFrame)
    {
        var results = ReadText(badFrame + Good, "bad.extxyz");
        Assert.Equal(2, results.Count);
        Assert.NotNull(results[0].Error);
        Assert.False(results[0].IsFatal);
        Assert.Contains("bad.extxyz", results[0].Error!.Message);
        Assert.Equal(0, results[0].Error!.Frame);
        Assert.NotNull(results[0].Error!.Line);
        Assert.Null(results[1].Error);
        Assert.Equal(-1.5, results[1].Structure!.Energy);
        Assert.Equal(1, results[1].Structure!.FrameIndex);
        return (results[0], results[1].Structure!);
    }

    [Theory]
    [InlineData("0\ncomment\n", "0 atoms")]
    [InlineData("abc\n", "number of atoms")]
    [InlineData("2\nLattice=\"3 0 0 0 3 0 0 0 3\"\nFe 0 0 nan\nFe 1 1 1\n", "non-finite")]
    [InlineData("1\nLattice=\"3 0 0 0 3 0 0 0 3\"\nFe 0 0 inf\n", "non-finite")]
    [InlineData("1\nLattice=\"3 0 0 0 3 0 0 0 3\" energy=nan\nFe 0 0 0\n", "energy")]
    [InlineData("1\npbc=\"T T T\" energy=1\nFe 0 0 0\n", "no Lattice")]
    [InlineData("2\nLattice=\"3 0 0 0 3 0 0 0 3\"\nFe 0 0 0 7\nFe 1 1 1\n", "5 values")]
    [InlineData("2\nLattice=\"3 0 0 0 3 0 0 0 3\"\nFe 0 0\nFe 1 1 1\n", "3 values")]
    [InlineData("1\nLattice=\"3 0 0 0 3 0\"\nFe 0 0 0\n", "Lattice should be 9 numbers")]
    [InlineData("1\nLattice=\"3 0 0 0 3 0 0 0 3\" Properties=species:S:1:pos:R\nFe 0 0 0\n", "Properties")]
    [InlineData("1\nLattice=\"3 0 0 0 3 0 0 0 3\" stress=\"1 2 3\"\nFe 0 0 0\n", "stress")]
    [InlineData("1\nLattice=\"3 0 0 0 3 0 0 0 3\"\nXx 0 0 0\n", "chemical symbol")]
    [InlineData("3\nLattice=\"3 0 0 0 3 0 0 0 3\"\nFe 0 0 0\n", "has 1 values")]
    [InlineData("1\nLattice=\"0 0 0 0 3 0 0 0 3\"\nFe 0 0 0\n", "zero")]
    public void EachBadFrameIsNamedAndReadingResumes(string badFrame, string expected)
    {
        var (bad, _) = BadThenGood(badFrame);
        Assert.Contains(expected, bad.Error!.Message);
    }

    [Fact]
    public void AFrameCutShortAtTheEndOfTheFileSaysSo()
    {
        var r = ReadText(Good + "3\nLattice=\"3 0 0 0 3 0 0 0 3\"\nFe 0 0 0\n", "short.xyz");
        Assert.Equal(2, r.Count);
        Assert.Contains("declares 3 atoms but the file ends after 1", r[1].Error!.Message);
        Assert.Equal(1, r[1].Error!.Frame);
    }

    [Fact]
    public void TruncatedGzipIsAFatalErrorAfterTheIntactFrames()
    {
        var data = File.ReadAllBytes(TestData.Cu);
        foreach (int cut in new[] { data.Length / 2, data.Length - 4, data.Length - 1 })
        {
            using var stream = new MemoryStream(data, 0, cut);
            var results = StructureIO.Read(stream, "Cu.extxyz.gz").ToList();
            Assert.True(results[^1].IsFatal, $"cut at {cut}: no fatal error");
            Assert.Contains("Cu.extxyz.gz", results[^1].Error!.Message);
            Assert.All(results.Take(results.Count - 2), r => Assert.Null(r.Error));
        }
    }

    [Fact]
    public void BinaryGarbageIsOneFatalError()
    {
        var rng = new Random(3);
        var bytes = new byte[1 << 20];
        rng.NextBytes(bytes);
        using var withNul = new MemoryStream(bytes);
        // extxyz resynchronises after binary damage (issue 18): random bytes are one damaged stretch, a few errors at most.
        var all = StructureIO.Read(withNul, "junk.xyz").ToList();
        Assert.True(all.Count <= 3);
        Assert.All(all, r => Assert.Null(r.Structure));
        Assert.Contains(all, r => r.Error!.Message.Contains("NUL", StringComparison.Ordinal));
        // No NUL and no newline: the line-length limit stops it, without holding the line.
        var noLines = Enumerable.Repeat((byte)'7', 6 << 20).ToArray();
        using var longLine = new MemoryStream(noLines);
        var l = Assert.Single(StructureIO.Read(longLine, "junk.xyz"));
        Assert.Contains("longer", l.Error!.Message);
        // Corrupt gzip body.
        var gz = File.ReadAllBytes(TestData.Cu);
        for (int i = 100; i < 200; i++) gz[i] ^= 0x5a;
        using var corrupt = new MemoryStream(gz);
        var c = StructureIO.Read(corrupt, "Cu.gz").Last();
        Assert.True(c.IsFatal);
    }

    [Fact]
    public void PoscarErrorsAreFatalAndClear()
    {
        var r = ReadText("no species here\n1.0\n2.8 0 0\n0 2.8 0\n0 0 2.8\n2\nDirect\n0 0 0\n0.5 0.5 0.5\n", "POSCAR");
        Assert.True(r[0].IsFatal);
        Assert.Contains("Species", r[0].Error!.Message);
        var t = ReadText("x\n1.0\n2.8 0 0\n0 2.8 0\n0 0 2.8\nFe\n2\nDirect\n0 0 0\n", "POSCAR");
        Assert.True(t[0].IsFatal);
        Assert.Contains("atom 2 of 2", t[0].Error!.Message);
        Assert.Contains("line 10", t[0].Error!.Message);
    }

    /// <summary>A small valid file and its frames: small cuts of the bundled samples, a rich frame, a molecule.</summary>
    private static (string Text, List<Structure> Frames) FuzzSource()
    {
        var small = TestData.SmallFrames();
        var molecule = new Structure(ImmutableArray.Create(8, 1, 1),
            ImmutableArray.Create(new Vec3(0, 0, 0), new Vec3(0.757, 0.586, 0), new Vec3(-0.757, 0.586, 0)), Cell.Empty, Pbc.None);
        var frames = small.Append(AseCrossCheckTests.RichStructure()).Append(molecule).ToList();
        var w = new StringWriter();
        foreach (var s in frames) new ExtXyzWriter().Write(w, s);
        string text = w.ToString();
        var parsed = ReadText(text, "fuzz.extxyz").Select(r => r.Structure!).ToList();
        Assert.Equal(frames.Count, parsed.Count);
        return (text, parsed);
    }

    private static byte[] Mutate(byte[] data, Random rng)
    {
        var lines = Encoding.UTF8.GetString(data).Split('\n').ToList();
        switch (rng.Next(6))
        {
            case 0:
                var flipped = (byte[])data.Clone();
                for (int k = rng.Next(1, 4); k > 0; k--) flipped[rng.Next(flipped.Length)] = (byte)rng.Next(256);
                return flipped;
            case 1:
                return data[..rng.Next(data.Length)];
            case 2:
                lines.RemoveAt(rng.Next(lines.Count));
                break;
            case 3:
                int d = rng.Next(lines.Count);
                lines.Insert(d, lines[d]);
                break;
            case 4:
            {
                int i = rng.Next(lines.Count);
                var tokens = lines[i].Split(' ');
                if (tokens.Length > 1)
                {
                    int a = rng.Next(tokens.Length), b = rng.Next(tokens.Length);
                    (tokens[a], tokens[b]) = (tokens[b], tokens[a]);
                }
                lines[i] = string.Join(' ', tokens);
                break;
            }
            default:
            {
                string[] junk = ["nan", "inf", "", "1e999", "-", "T", "Xx", "999999999", "0", "\"", "=", "[", "Properties=a:Q:1", "pbc=T"];
                int i = rng.Next(lines.Count);
                var tokens = lines[i].Split(' ');
                tokens[rng.Next(tokens.Length)] = junk[rng.Next(junk.Length)];
                lines[i] = string.Join(' ', tokens);
                break;
            }
        }
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    [Fact]
    public async Task FuzzedFilesOnlyEverYieldFormatErrorsAndKeepTheFramesBeforeTheDamage()
    {
        var (text, frames) = FuzzSource();
        var original = Encoding.UTF8.GetBytes(text);
        // Byte offset just past each frame (its last newline), to know which frames precede the damage.
        var ends = new List<int>();
        int offset = 0;
        foreach (var s in frames)
        {
            var w = new StringWriter();
            // Without the source it was parsed from: the writer would add that origin, which the fuzzed text does not hold.
            new ExtXyzWriter().Write(w, new Structure(s) { SourcePath = null });
            offset += Encoding.UTF8.GetByteCount(w.ToString());
            ends.Add(offset);
        }
        Assert.Equal(original.Length, offset);
        var rng = new Random(20261122);
        for (int m = 0; m < 400; m++)
        {
            var mutant = Mutate(original, rng);
            if (m % 5 == 4) mutant = Mutate(mutant, rng);
            int damage = original.AsSpan().CommonPrefixLength(mutant);
            var task = Task.Run(() =>
            {
                using var stream = new MemoryStream(mutant);
                return StructureIO.Read(stream, "fuzz.extxyz", new ReadOptions { Format = StructureFormat.ExtXyz }).ToList();
            });
            var results = await task.WaitAsync(TimeSpan.FromSeconds(10)); // TimeoutException: it hangs
            Assert.All(results, r => Assert.True(r.Structure is not null ^ r.Error is not null));
            Assert.All(results.Where(r => r.Error is not null), r => Assert.Contains("fuzz.extxyz", r.Error!.Message));
            int intact = ends.Count(e => e <= damage);
            Assert.True(results.Count >= intact, $"mutant {m}: {results.Count} results but {intact} intact frames");
            for (int f = 0; f < intact; f++)
            {
                // Damage that leaves exactly one atom-shaped line before the next count cannot be told from a count one
                // too small in the frame before it: that frame is then reported (never changed silently).
                if (f == intact - 1 && results[f].Error is { } adjacent && adjacent.Message.Contains("one more atom line")) continue;
                Assert.True(results[f].Structure is not null, $"mutant {m}: intact frame {f} failed: {results[f].Error?.Message}");
                Assert.Equal(f, results[f].Structure!.FrameIndex);
                AssertSame(frames[f], results[f].Structure!);
            }
        }
    }

    [Fact]
    public async Task FuzzedGzipNeverEscapesAsAnythingButFormatErrors()
    {
        var (text, _) = FuzzSource();
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(Encoding.UTF8.GetBytes(text));
        var original = ms.ToArray();
        var rng = new Random(7);
        for (int m = 0; m < 100; m++)
        {
            var mutant = (byte[])original.Clone();
            if (m % 2 == 0) mutant = mutant[..rng.Next(2, mutant.Length)];
            else mutant[rng.Next(10, mutant.Length)] ^= (byte)rng.Next(1, 256);
            var task = Task.Run(() => StructureIO.Read(new MemoryStream(mutant), "fuzz.extxyz.gz").ToList());
            var results = await task.WaitAsync(TimeSpan.FromSeconds(10));
            if (m % 2 == 0) Assert.True(results.Count > 0 && results[^1].Error is not null, $"truncated gzip mutant {m} read without error");
        }
    }
}
