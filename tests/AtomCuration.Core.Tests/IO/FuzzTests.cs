using AtomCuration.IO;
using AtomCuration.Structures;
using static AtomCuration.Tests.IO.IOTestSupport;

namespace AtomCuration.Tests.IO;

/// <summary>
/// Random damage to valid files: only <see cref="ReadResult"/> errors come out (no exception
/// escapes), nothing hangs, and every frame that lies wholly before the damage is read unchanged.
/// </summary>
public class FuzzTests
{
    public static TheoryData<string> Formats => ["outcar", "vasprun", "json", "dump", "data", "n2p2"];

    private static (IStructureReader Reader, string Text) Sample(string format) => format switch
    {
        "outcar" => (new OutcarReader(), File.ReadAllText(DataPath("OUTCAR_LiPS_npt"))),
        "vasprun" => (new VasprunReader(), File.ReadAllText(DataPath("vasprun_Fe2O2_relax.xml"))),
        "json" => (new PymatgenJsonReader(), File.ReadAllText(DataPath("mlearn_Mo_test_subset.json"))),
        "dump" => (new LammpsDumpReader(), Samples.Dump),
        "data" => (new LammpsDataReader(), Samples.Data),
        _ => (new N2p2Reader(), Samples.N2p2Block + Samples.N2p2Block.Replace("Ni", "Fe") + Samples.N2p2Block),
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
        int compared = 0;
        for (int trial = 0; trial < 40; trial++)
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
        // Not vacuous: multi-frame samples had intact frames to compare.
        Assert.True(format == "data" || compared > 10, $"{format}: only {compared} intact frames compared");
    }

    private static List<ReadResult> Read(IStructureReader reader, string text)
    {
        var task = Task.Run(() => reader.Read(new StringReader(text), "fuzz", new ReadOptions()).ToList());
        Assert.True(task.Wait(TimeSpan.FromSeconds(30)), "reading hung");
        return task.Result;
    }
}
