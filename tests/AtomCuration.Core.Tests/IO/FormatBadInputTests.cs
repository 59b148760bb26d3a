using AtomCuration.IO;
using AtomCuration.Structures;
using static AtomCuration.Tests.IO.IOTestSupport;

namespace AtomCuration.Tests.IO;

/// <summary>Malformed input: located errors, resynchronisation at the next frame, nothing valid lost.</summary>
public class FormatBadInputTests
{
    private static string Outcar => File.ReadAllText(DataPath("OUTCAR_Fe2O2_relax"));

    private static string Vasprun => File.ReadAllText(DataPath("vasprun_Fe2O2_relax.xml"));

    // Replaces the n-th occurrence (0-based) of a line-start marker's following line.
    private static string ReplaceNth(string text, string marker, int n, Func<string, string> change)
    {
        int at = -1;
        for (int k = 0; k <= n; k++) at = text.IndexOf(marker, at + 1, StringComparison.Ordinal);
        Assert.True(at >= 0, $"marker {marker} #{n} not found");
        int end = text.IndexOf('\n', at);
        return text[..at] + change(text[at..end]) + text[end..];
    }

    [Fact]
    public void OutcarStepWithBadForcesIsSkippedOthersIntact()
    {
        var good = Ok(ReadText(new OutcarReader(), Outcar));
        // The first atom line after the 2nd POSITION header: put NaN into a force.
        int header = Outcar.IndexOf("TOTAL-FORCE", Outcar.IndexOf("TOTAL-FORCE", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        int atomLine = Outcar.IndexOf('\n', Outcar.IndexOf('\n', header) + 1) + 1;
        int atomEnd = Outcar.IndexOf('\n', atomLine);
        var parts = Outcar[atomLine..atomEnd].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        parts[4] = "NaN";
        string bad = Outcar[..atomLine] + "  " + string.Join("   ", parts) + Outcar[atomEnd..];
        var r = ReadText(new OutcarReader(), bad, source: "OUTCAR");
        Assert.Equal(4, r.Count);
        Assert.Null(r[1].Structure);
        Assert.False(r[1].IsFatal);
        Assert.Equal(1, r[1].Error!.Frame);
        Assert.Equal("OUTCAR", r[1].Error!.File);
        Assert.Equal(bad[..atomLine].Count(c => c == '\n') + 1, r[1].Error!.Line);
        Assert.Contains("not a finite number", r[1].Error!.Message);
        foreach (int k in new[] { 0, 2, 3 }) SameFrame(good[k], r[k].Structure!);
    }

    [Fact]
    public void OutcarStepsOfTheMachineLearnedForceFieldArePassedOver()
    {
        var good = Ok(ReadText(new OutcarReader(), Outcar));
        // Copy step 2 (POSITION … energy block) as an ML step, with different forces and energy, after step 2.
        int pos = NthIndex(Outcar, "POSITION", 1);
        pos = Outcar.LastIndexOf('\n', pos) + 1;
        int energy = NthIndex(Outcar, "FREE ENERGIE OF THE ION-ELECTRON SYSTEM", 1);
        int end = Outcar.IndexOf("energy(sigma->0)", energy, StringComparison.Ordinal);
        end = Outcar.IndexOf('\n', end) + 1;
        string ml = Outcar[pos..end]
            .Replace("TOTAL-FORCE (eV/Angst)", "TOTAL-FORCE (eV/Angst) (ML)")
            .Replace("  FREE ENERGIE", "  ML FREE ENERGIE")
            .Replace("free  energy   TOTEN", "free  energy ML TOTEN")
            .Replace("0.0", "0.9");
        var r = Ok(ReadText(new OutcarReader(), Outcar[..end] + ml + Outcar[end..]));
        Assert.Equal(good.Count, r.Count);
        for (int k = 0; k < good.Count; k++) SameFrame(good[k], r[k]);
    }

    [Fact]
    public void OutcarTruncatedInsideAStepKeepsEarlierSteps()
    {
        var good = Ok(ReadText(new OutcarReader(), Outcar));
        int third = Outcar.IndexOf("TOTAL-FORCE", Outcar.IndexOf("TOTAL-FORCE", Outcar.IndexOf("TOTAL-FORCE", StringComparison.Ordinal) + 1, StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        var r = ReadText(new OutcarReader(), Outcar[..(Outcar.IndexOf('\n', third + 300) + 1)]);
        Assert.Equal(3, r.Count);
        SameFrame(good[0], r[0].Structure!);
        SameFrame(good[1], r[1].Structure!);
        Assert.Contains("ends", r[2].Error!.Message);
    }

    [Fact]
    public void OutcarWithoutStepsOrWithABadHeaderIsAFatalError()
    {
        var none = ReadText(new OutcarReader(), Outcar[..Outcar.IndexOf("Iteration", StringComparison.Ordinal)]);
        Assert.True(Assert.Single(none).IsFatal);
        var garbage = ReadText(new OutcarReader(), "\0\u0001binary\uFFFD garbage\n\n\u0002");
        Assert.True(Assert.Single(garbage).IsFatal);
        var header = ReadText(new OutcarReader(), ReplaceNth(Outcar, "ions per type", 0, l => l + " x"));
        Assert.True(Assert.Single(header).IsFatal);
        Assert.Contains("ions per type", header[0].Error!.Message);
    }

    [Fact]
    public void VasprunBadStepIsSkippedAndTruncationIsFatalAfterTheCompleteSteps()
    {
        var good = Ok(ReadText(new VasprunReader(), Vasprun));
        string bad = ReplaceNth(Vasprun, "<varray name=\"forces\" >", 2, l => l); // locate the 3rd forces block
        int forces = bad.IndexOf("<v>", NthIndex(bad, "<varray name=\"forces\" >", 2), StringComparison.Ordinal);
        bad = bad[..(forces + 3)] + " ******** " + bad[(bad.IndexOf("</v>", forces, StringComparison.Ordinal))..];
        var r = ReadText(new VasprunReader(), bad);
        Assert.Equal(5, r.Count);
        Assert.Null(r[2].Structure);
        Assert.False(r[2].IsFatal);
        Assert.Equal(2, r[2].Error!.Frame);
        Assert.True(r[2].Error!.Line > 0);
        foreach (int k in new[] { 0, 1, 3, 4 }) SameFrame(good[k], r[k].Structure!);

        int cut = NthIndex(Vasprun, "<calculation>", 3) + 500;
        var t = ReadText(new VasprunReader(), Vasprun[..cut]);
        Assert.Equal(4, t.Count);
        for (int k = 0; k < 3; k++) SameFrame(good[k], t[k].Structure!);
        Assert.True(t[3].IsFatal);
        Assert.Single(ReadText(new VasprunReader(), "<modeling><atominfo></atominfo></modeling>"), x => x.IsFatal);
        Assert.Single(ReadText(new VasprunReader(), "not xml at all"), x => x.IsFatal);
    }

    private static int NthIndex(string text, string marker, int n)
    {
        int at = -1;
        for (int k = 0; k <= n; k++) at = text.IndexOf(marker, at + 1, StringComparison.Ordinal);
        return at;
    }

    [Fact]
    public void DumpBadFramesAreSkippedAndReadingResumesAtTheNextTimestep()
    {
        var good = Ok(ReadText(new LammpsDumpReader(), Samples.Dump));
        Assert.Equal(4, good.Count);
        // Frame 1: a bad number. Frame 2: an atom line missing (the next ITEM comes early).
        string frame2 = Samples.DumpFrame(20);
        string shortFrame = frame2[..frame2.IndexOf("3 1 2.0", StringComparison.Ordinal)];
        string text = Samples.DumpFrame(0) + Samples.DumpFrame(10, "Infinity") + shortFrame + Samples.DumpFrame(30);
        var r = ReadText(new LammpsDumpReader(), text);
        Assert.Equal(4, r.Count);
        Assert.Contains("not a finite number", r[1].Error!.Message);
        Assert.Equal(1, r[1].Error!.Frame);
        Assert.Equal(23, r[1].Error!.Line); // 12 lines per frame; the bad atom is line 11 of the second
        Assert.Contains("only 2 atom lines", r[2].Error!.Message);
        SameFrame(good[0], r[0].Structure!);
        SameFrame(good[3], r[3].Structure!);
        Assert.All(r, x => Assert.False(x.IsFatal));

        var columns = ReadText(new LammpsDumpReader(), Samples.DumpFrame(0).Replace("1 1 0.5 0.5 0.5 0.1 -0.2 -0.3", "1 1 0.5 0.5 0.5 0.1 -0.2"));
        Assert.Contains("7 columns", Assert.Single(columns).Error!.Message);
        var zero = ReadText(new LammpsDumpReader(), Samples.DumpFrame(0).Replace("NUMBER OF ATOMS\n3", "NUMBER OF ATOMS\n0"));
        Assert.Contains("0 atoms", Assert.Single(zero).Error!.Message);
        var junk = ReadText(new LammpsDumpReader(), "hello\n" + Samples.DumpFrame(0));
        Assert.Equal(2, junk.Count);
        Assert.NotNull(junk[1].Structure);
    }

    [Fact]
    public void HugeDamagedCountsFailWithoutAllocatingForThem()
    {
        var dump = ReadText(new LammpsDumpReader(), Samples.DumpFrame(0).Replace("NUMBER OF ATOMS\n3", "NUMBER OF ATOMS\n99999999"));
        Assert.Contains("ends after 3 of 99999999 atom lines", Assert.Single(dump).Error!.Message);
        var outcar = ReadText(new OutcarReader(), ReplaceNth(Outcar, "ions per type", 0, l => l.Replace("  2", "  2000000000")));
        Assert.True(Assert.Single(outcar).IsFatal);
        Assert.Contains("more than the 1000000", outcar[0].Error!.Message);
    }

    [Fact]
    public void EndlessLinesEndTheFileInsteadOfExhaustingMemory()
    {
        string blob = new('\u0001', 3 << 20);
        foreach (IStructureReader reader in new IStructureReader[] { new OutcarReader(), new LammpsDumpReader(), new LammpsDataReader(), new N2p2Reader() })
        {
            var r = ReadText(reader, blob);
            Assert.True(Assert.Single(r).IsFatal, reader.GetType().Name);
            Assert.Contains("not a text structure file", r[0].Error!.Message);
        }
        // Windows line ends are read like Unix ones.
        var crlf = Ok(ReadText(new LammpsDumpReader(), Samples.Dump.Replace("\n", "\r\n")));
        var lf = Ok(ReadText(new LammpsDumpReader(), Samples.Dump));
        for (int k = 0; k < lf.Count; k++) SameFrame(lf[k], crlf[k]);
    }

    [Fact]
    public void DumpTriclinicBoxAndSorting()
    {
        var s = Ok(ReadText(new LammpsDumpReader(), Samples.DumpFrame(0), new ReadOptions { TypeMap = new Dictionary<int, string> { [1] = "Cu", [2] = "Ni" } }))[0];
        // xlo = -0.5 - min(0, 1, -0.5, 0.5) = 0; xhi = 6.5 - max(0, 1, -0.5, 0.5) = 5.5; ylo = 0 - min(0, 0) = 0.
        Assert.Equal(new Cell(new Vec3(5.5, 0, 0), new Vec3(1.0, 5.0, 0), new Vec3(-0.5, 0, 4.0)), s.Cell);
        Assert.Equal(new[] { 29, 28, 29 }, s.AtomicNumbers.ToArray());
        Assert.Equal(new Vec3(0.5, 0.5, 0.5), s.Positions[0]);
        Assert.Equal(new Vec3(0.1, -0.2, -0.3), s.Forces!.Value[0]);
        var missing = ReadText(new LammpsDumpReader(), Samples.DumpFrame(0), new ReadOptions { TypeMap = new Dictionary<int, string> { [1] = "Cu" } });
        Assert.Contains("type 2 is not in the type map", Assert.Single(missing).Error!.Message);
    }

    [Fact]
    public void DataFileEdgeCases()
    {
        var s = Ok(ReadText(new LammpsDataReader(), Samples.Data))[0];
        Assert.Equal(new[] { 29, 28, 29 }, s.AtomicNumbers.ToArray());
        Assert.Equal(new Cell(new Vec3(5, 0, 0), new Vec3(0.5, 5, 0), new Vec3(0, -0.5, 6)), s.Cell);
        Assert.Equal(new long[] { 0, 0, 1, 0, 0, 0, 0, 0, 0 }, s.AtomProperties.Single(p => p.Name == "travel").ToArray<long>());

        Assert.Contains("matches no element", Bad(Samples.Data.Replace("63.546", "250.5")));
        Assert.Contains("2 atoms in the Atoms section, the header says 3", Bad(Samples.Data.Replace("3 1 2.0 2.0 2.0 0 0 0", "")));
        Assert.Contains("not a finite number", Bad(Samples.Data.Replace("2 2 1.0 1.0 1.0", "2 2 1.0 NaN 1.0")));
        Assert.Contains("atom style 'full'", Bad(Samples.Data.Replace("Atoms # atomic", "Atoms # full")));
        Assert.Contains("no Atoms section", Bad(Samples.Data[..Samples.Data.IndexOf("Atoms #", StringComparison.Ordinal)]));
        var mapped = Ok(ReadText(new LammpsDataReader(), Samples.Data.Replace("63.546", "250.5"),
            new ReadOptions { TypeMap = new Dictionary<int, string> { [1] = "Ti", [2] = "Al" } }))[0];
        Assert.Equal(["Ti", "Al", "Ti"], mapped.Symbols);

        static string Bad(string text)
        {
            var r = Assert.Single(ReadText(new LammpsDataReader(), text));
            Assert.Null(r.Structure);
            Assert.Equal("test", r.Error!.File);
            return r.Error.Message;
        }
    }

    [Fact]
    public void EveryReaderSniffsItsContentAndItsNames()
    {
        var cases = new (IStructureReader Reader, string Name, string Head)[]
        {
            (new OutcarReader(), "OUTCAR.relax", Outcar[..4096]),
            (new VasprunReader(), "vasprun.xml", Vasprun[..4096]),
            (new LammpsDumpReader(), "run.lammpstrj", Samples.Dump),
            (new LammpsDataReader(), "cell.lmp", Samples.Data),
            (new PymatgenJsonReader(), "training.json", File.ReadAllText(DataPath("mlearn_Mo_test_subset.json"))[..4096]),
            (new N2p2Reader(), "input.data", Samples.N2p2Block),
        };
        foreach (var (reader, name, head) in cases)
        {
            Assert.Equal(2, reader.Sniff("unknown.txt", head));
            Assert.Equal(1, reader.Sniff(name, "nothing recognisable"));
            foreach (var (other, otherName, otherHead) in cases)
            {
                if (ReferenceEquals(other, reader)) continue;
                Assert.True(reader.Sniff("unknown.txt", otherHead) == 0, $"{reader.GetType().Name} claims {other.GetType().Name}'s content");
                Assert.True(reader.Sniff(otherName, "nothing recognisable") == 0, $"{reader.GetType().Name} claims the name {otherName}");
            }
        }
        Assert.Equal(1, new LammpsDumpReader().Sniff("x.dump", ""));
        Assert.Equal(1, new LammpsDataReader().Sniff("Cu.data", ""));
        Assert.Equal(1, new VasprunReader().Sniff("vasprun_relax.xml", ""));
        Assert.Equal(1, new OutcarReader().Sniff("OUTCAR", ""));
    }
}
