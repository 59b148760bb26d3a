using AtomCuration.Options;
using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;
using AtomCuration.IO;
using AtomCuration.Structures;
using static AtomCuration.Tests.IO.IOTestSupport;

namespace AtomCuration.Tests.IO;

/// <summary>
/// Random damage to valid files: only <see cref="ReadResult"/> errors come out (no exception
/// escapes), nothing hangs, and every frame that lies wholly before the damage is read unchanged.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    public static TheoryData<string> Formats => ["extxyz", "poscar", "outcar", "vasprun", "json", "dump", "data", "n2p2", "cfg", "fitsnap"];

    /// <summary>Seeded mutations per format (issue 18: a few hundred, the whole set under a minute).</summary>
    private const int Trials = 300;

    private static string ExtXyzSample()
    {
        var sb = new StringBuilder();
        for (int f = 0; f < 12; f++)
        {
            sb.Append("3\nLattice=\"5 0 0 0.5 5 0 0 0 5\" Properties=species:S:1:pos:R:3:forces:R:3 energy=-").Append(10 + f)
              .Append(".25 config_type=bulk pbc=\"T T T\"\n");
            for (int a = 0; a < 3; a++) sb.Append(a == 1 ? "O" : "Ti").Append($" {a}.5 {f % 5}.25 1.{a} 0.0{a} -0.1 0.2\n");
        }
        return sb.ToString();
    }

    /// <summary>The extxyz sample's frames in another format, as its writer puts them in one file.</summary>
    private static string Written(IStructureWriter writer, int frames)
    {
        var text = new StringWriter();
        var file = writer.ForFile();
        foreach (var r in new ExtXyzReader().Read(new StringReader(ExtXyzSample()), "sample", new ReadOptions(), RunContext.Default).Take(frames))
            file.Write(text, r.Structure!);
        return text.ToString();
    }

    private static (IStructureReader Reader, string Text) Sample(string format) => format switch
    {
        "extxyz" => (new ExtXyzReader(), ExtXyzSample()),
        "poscar" => (new PoscarReader(), "Ti O\n1.0\n5 0 0\n0.5 5 0\n0 0 5\nTi O\n2 1\nDirect\n0 0 0\n0.5 0.5 0.5\n0.25 0.25 0.1\n"),
        "outcar" => (new OutcarReader(), File.ReadAllText(DataPath("OUTCAR_LiPS_npt"))),
        "vasprun" => (new VasprunReader(), File.ReadAllText(DataPath("vasprun_Fe2O2_relax.xml"))),
        "json" => (new PymatgenJsonReader(), File.ReadAllText(DataPath("mlearn_Mo_test_subset.json"))),
        "dump" => (new LammpsDumpReader(), Samples.Dump),
        "data" => (new LammpsDataReader(), Samples.Data),
        "n2p2" => (new N2p2Reader(), Samples.N2p2Block + Samples.N2p2Block.Replace("Ni", "Fe") + Samples.N2p2Block),
        "cfg" => (new MlipCfgReader(), Written(new MlipCfgWriter(), 12)),
        // FitSNAP keeps one configuration per file (its group folders), and that is how it is written and read.
        _ => (new FitSnapJsonReader(), Written(new FitSnapJsonWriter(), 1)),
    };

    private const string Noise = "0123456789-+.eE \n\t\0\u00ffxyzNaNinf{}[]\",:<>/=#";

    [Theory]
    [MemberData(nameof(Formats))]
    public void RandomDamageNeverEscapesOrHangs(string format)
    {
        var (reader, text) = Sample(format);
        var original = Read(reader, text);
        Assert.All(original, r => Assert.NotNull(r.Structure));
        var rng = new Random(format.Length * 7919 + format[0]);
        int compared = 0, errors = 0, structures = 0;
        var clock = Stopwatch.StartNew();
        for (int trial = 0; trial < Trials; trial++)
        {
            int p = rng.Next(text.Length);
            string damaged = (trial % 5) switch
            {
                0 => text[..p],                                                             // truncation
                1 => text[..p] + Noise[rng.Next(Noise.Length)] + text[(p + 1)..],           // one character changed
                2 => text[..p] + text[Math.Min(text.Length, p + 1 + rng.Next(200))..],      // a span deleted
                3 => text[..p] + new string(Enumerable.Range(0, 1 + rng.Next(30)).Select(_ => Noise[rng.Next(Noise.Length)]).ToArray()) + text[p..],
                _ => text[..p] + text[p..Math.Min(text.Length, p + rng.Next(400))] + text[p..], // a span repeated
            };
            var results = Read(reader, damaged);
            foreach (var r in results) Assert.True(r.Structure is not null ^ r.Error is not null);
            errors += results.Count(r => r.Error is not null);
            structures += results.Count(r => r.Structure is not null);
            Assert.All(results.SkipLast(1), r => Assert.False(r.IsFatal));

            // Frames that come out of the undamaged prefix (minus the last, which may end at p) must be unchanged.
            var intact = Read(reader, text[..p]).Where(r => r.Structure is not null).Select(r => r.Structure!).SkipLast(1);
            var byIndex = results.Where(r => r.Structure is not null).ToDictionary(r => r.Structure!.FrameIndex, r => r.Structure!);
            foreach (var s in intact)
            {
                Assert.True(byIndex.ContainsKey(s.FrameIndex), $"{format} trial {trial}: frame {s.FrameIndex} before the damage at {p} was lost");
                SameFrame(s, byIndex[s.FrameIndex]);
                compared++;
            }
        }
        // The figures for the record (issue 18 closing note).
        output.WriteLine($"fuzz {format}: {Trials} mutants of {text.Length} characters ({original.Count} frames), " +
                         $"{structures} structures and {errors} errors reported, {compared} untouched frames compared unchanged, {clock.ElapsedMilliseconds} ms");
        // Not vacuous: multi-frame samples had intact frames to compare.
        Assert.True(format is "data" or "poscar" or "fitsnap" || compared > 10, $"{format}: only {compared} intact frames compared");
    }

    private static List<ReadResult> Read(IStructureReader reader, string text)
    {
        var task = Task.Run(() => reader.Read(new StringReader(text), "fuzz", new ReadOptions(), RunContext.Default).ToList());
        Assert.True(task.Wait(TimeSpan.FromSeconds(30)), "reading hung");
        return task.Result;
    }
}
