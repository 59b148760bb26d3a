using System.Text.Json;
using AtomCuration.IO;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;
using static AtomCuration.Tests.IO.IOTestSupport;

namespace AtomCuration.Tests.IO;

public class PymatgenJsonTests
{
    private static readonly string Mlearn = DataPath("mlearn_Mo_test_subset.json");

    [Fact]
    public void StructuresMatchPymatgenAndLabelsMatchTheFile() => Oracle.Frozen(StructuresMatchPymatgenAndLabelsMatchTheFileCheck);

    [SkippableFact]
    [Trait("Oracle", "pymatgen")]
    public void StructuresMatchPymatgenAndLabelsMatchTheFile_Live() => Oracle.Live("", StructuresMatchPymatgenAndLabelsMatchTheFileCheck);

    private void StructuresMatchPymatgenAndLabelsMatchTheFileCheck()
    {
        using var doc = PythonOracle.Run("pymatgen_structures.py", new { path = Mlearn });
        var pmg = doc.RootElement.EnumerateArray().ToList();
        var ours = Ok(ReadFile(new PymatgenJsonReader(), Mlearn));
        using var raw = JsonDocument.Parse(File.ReadAllText(Mlearn));
        var items = raw.RootElement.EnumerateArray().ToList();
        Assert.Equal(4, pmg.Count);
        Assert.Equal(pmg.Count, ours.Count);
        for (int k = 0; k < pmg.Count; k++)
        {
            Assert.Equal(pmg[k].GetProperty("numbers").EnumerateArray().Select(x => x.GetInt32()), ours[k].AtomicNumbers);
            Close(Numbers(pmg[k].GetProperty("cell")), ours[k].Cell.ToRows(), 0, $"#{k} cell");
            Close(Flat(pmg[k].GetProperty("positions")), Flat(ours[k].Positions), 1e-12, $"#{k} positions");
            var outputs = items[k].GetProperty("outputs");
            Assert.Equal(outputs.GetProperty("energy").GetDouble(), ours[k].Energy);
            Close(Flat(outputs.GetProperty("forces")), Flat(ours[k].Forces!.Value), 0, $"#{k} forces");
            // kB, VASP order xx yy zz xy yz zx and sign → eV/Å³, ASE order and sign.
            var v = Numbers(outputs.GetProperty("virial_stress"));
            double g = -0.1 / 160.21766208;
            Close([v[0] * g, v[1] * g, v[2] * g, v[4] * g, v[5] * g, v[3] * g], Flat(ours[k].Stress!.Value), 1e-15, $"#{k} stress");
            Assert.Equal(items[k].GetProperty("group").GetString(), ours[k].ConfigType);
            Assert.Equal(items[k].GetProperty("num_atoms").GetInt64(), ours[k].Info["num_atoms"]);
            Assert.Equal(items[k].GetProperty("description").GetString(), ours[k].Info["description"]);
        }
    }

    [Fact]
    public void StressSignIsAseSign()
    {
        // Mo bcc at equilibrium: a = 9.5029/3 Å. Element 2 is stretched along x, element 3 compressed along z.
        var ours = Ok(ReadFile(new PymatgenJsonReader(), Mlearn));
        Assert.True(ours[2].Cell.A.X > 10.4 && ours[2].Stress!.Value.Xx > 0, "a stretched cell is under tension: positive ASE stress");
        Assert.True(ours[3].Cell.C.Z < 8.8 && ours[3].Stress!.Value.Zz < 0, "a compressed cell is under pressure: negative ASE stress");
    }

    [Fact]
    public void ABadElementIsSkippedAndTheNextOneStillComesOut()
    {
        string good = """{"structure": {"lattice": {"matrix": [[3, 0, 0], [0, 3, 0], [0, 0, 3]]}, "sites": [{"species": [{"element": "Fe", "occu": 1}], "abc": [0, 0, 0]}]}, "outputs": {"energy": -8.2, "forces": [[0, 0, 0]], "virial_stress": [1, 2, 3, 4, 5, 6]}, "config_type": "bulk"}""";
        string nan = good.Replace("-8.2", "NaN");
        string missing = good.Replace("\"abc\": [0, 0, 0]", "\"abd\": [0, 0, 0]");
        string disordered = good.Replace("{\"element\": \"Fe\", \"occu\": 1}", "{\"element\": \"Fe\", \"occu\": 0.5}, {\"element\": \"Ni\", \"occu\": 0.5}");
        string text = $"[\n{good},\n{nan},\n{missing},\n{disordered},\n\"junk\",\n{good}\n]";
        var results = ReadText(new PymatgenJsonReader(), text);
        Assert.Equal(6, results.Count);
        Assert.NotNull(results[0].Structure);
        Assert.NotNull(results[5].Structure);
        Assert.Equal(5, results[5].Structure!.FrameIndex);
        for (int k = 1; k <= 4; k++)
        {
            Assert.Null(results[k].Structure);
            Assert.False(results[k].IsFatal);
            Assert.Equal(k, results[k].Error!.Frame);
        }
        Assert.Equal(4, results[2].Error!.Line); // "[" is line 1, the elements follow one per line
        Assert.Contains("disordered", results[3].Error!.Message);
        Assert.Equal("bulk", results[0].Structure!.ConfigType);
    }

    [Fact]
    public void TruncatedOrNonListFilesEndWithAFatalError()
    {
        string good = File.ReadAllText(Mlearn);
        var cut = ReadText(new PymatgenJsonReader(), good[..(good.Length * 2 / 3)]);
        Assert.Equal(2, cut.Count(r => r.Structure is not null));
        Assert.True(cut[^1].IsFatal);
        var notList = ReadText(new PymatgenJsonReader(), "{\"structure\": 1}");
        Assert.True(Assert.Single(notList).IsFatal);
        Assert.Contains("holds no structure", Assert.Single(ReadText(new PymatgenJsonReader(), " [ ] ")).Error!.Message);
    }
}
