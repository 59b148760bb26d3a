using System.Collections.Immutable;
using System.Text.Json;
using AtomCuration.IO;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;
using static AtomCuration.Tests.IO.IOTestSupport;

namespace AtomCuration.Tests.IO;

/// <summary>
/// Dump and data files written by the real LAMMPS binary (or replayed from its frozen output), and ASE's
/// reading of them, once per test class and oracle mode.
/// </summary>
public sealed class LammpsFileSet : IDisposable
{
    public LammpsFileSet()
    {
        Dir = Directory.CreateTempSubdirectory("atomcuration-lammps-").FullName;
        using var doc = PythonOracle.Run("lammps_make_files.py", new { dir = Dir });
        Assert.Equal(7, doc.RootElement.GetProperty("files").GetArrayLength());
        var cuNi = new { specorder = new[] { "Cu", "Ni" } };
        object Data(string style) => new { style, sort_by_id = true, Z_of_type = new Dictionary<string, int> { ["1"] = 29, ["2"] = 28 } };
        Ase = AseFrames(
            new AseRequest(this["tri_element.dump"], "lammps-dump-text"),
            new AseRequest(this["tri_scaled.lammpstrj"], "lammps-dump-text", cuNi),
            new AseRequest(this["tri_atom.dump"], "lammps-dump-text", cuNi),
            new AseRequest(this["tri_unwrapped.dump"], "lammps-dump-text", cuNi),
            new AseRequest(this["slab.dump"], "lammps-dump-text", cuNi),
            new AseRequest(this["tri_atomic.data"], "lammps-data", Data("atomic")),
            new AseRequest(this["slab_charge.data"], "lammps-data", Data("charge")));
    }

    public string Dir { get; }

    /// <summary>ASE's frames of each generated file, by path.</summary>
    public Dictionary<string, List<JsonElement>> Ase { get; }

    public string this[string name] => Path.Combine(Dir, name);

    public void Dispose() => Directory.Delete(Dir, true);
}

/// <summary>The file set of the calling test's oracle mode: live LAMMPS and ASE, or their frozen output.</summary>
public sealed class LammpsFiles : IDisposable
{
    private readonly Lazy<LammpsFileSet> _frozen = new(() => new LammpsFileSet());
    private readonly Lazy<LammpsFileSet> _live = new(() => new LammpsFileSet());

    private LammpsFileSet Current => Oracle.IsLive ? _live.Value : _frozen.Value;

    /// <summary>ASE's frames of each generated file, by path.</summary>
    public Dictionary<string, List<JsonElement>> Ase => Current.Ase;

    public string this[string name] => Current[name];

    public void Dispose()
    {
        if (_frozen.IsValueCreated) _frozen.Value.Dispose();
        if (_live.IsValueCreated) _live.Value.Dispose();
    }
}

public class LammpsTests(LammpsFiles files) : IClassFixture<LammpsFiles>
{
    private static readonly Dictionary<int, string> CuNi = new() { [1] = "Cu", [2] = "Ni" };

    [Fact]
    public void DumpWithElementColumnMatchesAse() => Oracle.Frozen(DumpWithElementColumnMatchesAseCheck);

    [SkippableFact]
    [Trait("Oracle", "lammps")]
    public void DumpWithElementColumnMatchesAse_Live() => Oracle.Live("", DumpWithElementColumnMatchesAseCheck);

    private void DumpWithElementColumnMatchesAseCheck()
    {
        var ase = files.Ase[files["tri_element.dump"]];
        var ours = Ok(ReadFile(new LammpsDumpReader(), files["tri_element.dump"]));
        Assert.Equal(3, ase.Count);
        Assert.Equal(ase.Count, ours.Count);
        for (int k = 0; k < ase.Count; k++) SameAsAse(ase[k], ours[k], 1e-12, $"frame {k}");
        Assert.Equal(10L, ours[2].Info["timestep"]);
        Assert.Contains(28, ours[0].AtomicNumbers);
    }

    [Fact]
    public void ScaledAndUnwrappedDumpsMatchAseAndEachOther() => Oracle.Frozen(ScaledAndUnwrappedDumpsMatchAseAndEachOtherCheck);

    [SkippableFact]
    [Trait("Oracle", "lammps")]
    public void ScaledAndUnwrappedDumpsMatchAseAndEachOther_Live() => Oracle.Live("", ScaledAndUnwrappedDumpsMatchAseAndEachOtherCheck);

    private void ScaledAndUnwrappedDumpsMatchAseAndEachOtherCheck()
    {
        var reference = Ok(ReadFile(new LammpsDumpReader(), files["tri_element.dump"]));
        foreach (var name in new[] { "tri_scaled.lammpstrj", "tri_atom.dump", "tri_unwrapped.dump" })
        {
            var ase = files.Ase[files[name]];
            var ours = Ok(ReadFile(new LammpsDumpReader(), files[name], new ReadOptions { TypeMap = CuNi }));
            Assert.Equal(ase.Count, ours.Count);
            for (int k = 0; k < ase.Count; k++)
            {
                bool scaled = name != "tri_unwrapped.dump";
                // ASE leaves the box origin out of scaled coordinates; ours are LAMMPS's Cartesian coordinates.
                var origin = Numbers(ase[k].GetProperty("celldisp"));
                var expected = Flat(ase[k].GetProperty("positions"));
                if (scaled) for (int i = 0; i < expected.Length; i++) expected[i] += origin[i % 3];
                Close(expected, Flat(ours[k].Positions), 1e-9, $"{name}#{k} positions");
                Close(Numbers(ase[k].GetProperty("cell")), ours[k].Cell.ToRows(), 1e-12, $"{name}#{k} cell");
                Assert.Equal(reference[k].AtomicNumbers.ToArray(), ours[k].AtomicNumbers.ToArray());
                // Dumps print 6 significant digits: the same atoms within that, modulo the lattice when unwrapped.
                for (int i = 0; i < ours[k].AtomCount; i++)
                {
                    var d = ours[k].Cell.ToFractional(ours[k].Positions[i] - reference[k].Positions[i]);
                    var r = new Vec3(d.X - Math.Round(d.X), d.Y - Math.Round(d.Y), d.Z - Math.Round(d.Z));
                    Assert.True(ours[k].Cell.ToCartesian(r).Length < 1e-4, $"{name}#{k} atom {i} is {ours[k].Cell.ToCartesian(r).Length} Å off");
                }
            }
        }
        var unwrapped = Ok(ReadFile(new LammpsDumpReader(), files["tri_unwrapped.dump"], new ReadOptions { TypeMap = CuNi }))[1];
        Assert.Equal(["vx", "vy", "vz", "c_pe"], unwrapped.AtomProperties.Select(p => p.Name));
        Assert.Null(unwrapped.Forces);
    }

    [Fact]
    public void SlabDumpHasMixedPeriodicity() => Oracle.Frozen(SlabDumpHasMixedPeriodicityCheck);

    [SkippableFact]
    [Trait("Oracle", "lammps")]
    public void SlabDumpHasMixedPeriodicity_Live() => Oracle.Live("", SlabDumpHasMixedPeriodicityCheck);

    private void SlabDumpHasMixedPeriodicityCheck()
    {
        var ase = files.Ase[files["slab.dump"]];
        var ours = Ok(ReadFile(new LammpsDumpReader(), files["slab.dump"], new ReadOptions { TypeMap = CuNi }));
        Assert.Equal(ase.Count, ours.Count);
        for (int k = 0; k < ase.Count; k++) SameAsAse(ase[k], ours[k], 1e-12, $"slab#{k}");
        Assert.Equal(new Pbc(true, true, false), ours[0].Pbc);
    }

    [Fact]
    public void DataFilesMatchAse() => Oracle.Frozen(DataFilesMatchAseCheck);

    [SkippableFact]
    [Trait("Oracle", "lammps")]
    public void DataFilesMatchAse_Live() => Oracle.Live("", DataFilesMatchAseCheck);

    private void DataFilesMatchAseCheck()
    {
        foreach (var (name, style) in new[] { ("tri_atomic.data", "atomic"), ("slab_charge.data", "charge") })
        {
            var ase = files.Ase[files[name]];
            // No type map: the masses (63.546, 58.689) name Cu and Ni.
            var ours = Ok(ReadFile(new LammpsDataReader(), files[name]));
            Assert.Single(ours);
            SameAsAse(ase[0] , ours[0], 0, name);
            var charges = ours[0].AtomProperties.SingleOrDefault(p => p.Name == "initial_charges");
            if (style == "charge") Close(Flat(ase[0].GetProperty("charges")), charges!.ToArray<double>(), 0, "charges");
            else Assert.Null(charges);
            Assert.Contains(ours[0].AtomProperties, p => p.Name == "travel" && p.Columns == 3);
        }
    }

    [Fact]
    public void WrittenDataFilesGiveLammpsTheSameEnergyInAnyOrientation() => Oracle.Frozen(WrittenDataFilesGiveLammpsTheSameEnergyInAnyOrientationCheck);

    [SkippableFact]
    [Trait("Oracle", "lammps")]
    public void WrittenDataFilesGiveLammpsTheSameEnergyInAnyOrientation_Live() => Oracle.Live("", WrittenDataFilesGiveLammpsTheSameEnergyInAnyOrientationCheck);

    private void WrittenDataFilesGiveLammpsTheSameEnergyInAnyOrientationCheck()
    {
        // One Cu–Ni structure in four lattice-equivalent descriptions: lower-triangular, rotated,
        // with c replaced by c + a + b (tilts beyond LAMMPS's limits), and left-handed (a and b swapped).
        var rng = new Random(7);
        var cell = Cell.FromParameters(7.4, 7.1, 7.6, 84, 97, 103);
        var frac = Enumerable.Range(0, 24).Select(_ => new Vec3(rng.NextDouble(), rng.NextDouble(), rng.NextDouble())).ToArray();
        // Keep atoms apart (EAM is fine with any geometry, but spread them like a solid).
        var z = Enumerable.Range(0, 24).Select(i => i % 3 == 0 ? 28 : 29).ToImmutableArray();
        var baseS = new Structure(z, frac.Select(cell.ToCartesian).ToImmutableArray(), cell, Pbc.All);
        var rot = Rotation(0.3, -1.1, 2.0);
        var rotated = new Structure(z, baseS.Positions.Select(p => Apply(rot, p)).ToImmutableArray(),
            new Cell(Apply(rot, cell.A), Apply(rot, cell.B), Apply(rot, cell.C)), Pbc.All);
        var sheared = new Structure(z, baseS.Positions, new Cell(cell.A, cell.B, cell.C + cell.A + cell.B), Pbc.All);
        var leftHanded = new Structure(z, baseS.Positions, new Cell(cell.B, cell.A, cell.C), Pbc.All);
        Assert.True(leftHanded.Cell.Determinant < 0);
        var paths = new List<string>();
        foreach (var (s, tag) in new[] { (baseS, "base"), (rotated, "rotated"), (sheared, "sheared"), (leftHanded, "left-handed") })
        {
            string path = files[$"written_{tag}.data"];
            using (var w = new StreamWriter(path)) new LammpsDataWriter().Write(w, s);
            paths.Add(path);
            // Our reader gives back the same lattice and the same neighbour distances.
            var back = Ok(ReadFile(new LammpsDataReader(), path))[0];
            Assert.Equal(s.AtomicNumbers.ToArray(), back.AtomicNumbers.ToArray());
            Assert.Equal(s.Cell.Volume, back.Cell.Volume, 9);
            Assert.Equal(Distances(baseS), Distances(back));
            Assert.Equal(0, back.Cell.A.Y);
            Assert.Equal(0, back.Cell.A.Z);
            Assert.Equal(0, back.Cell.B.Z);
            Assert.True(Math.Abs(back.Cell.B.X) <= back.Cell.A.X / 2 && Math.Abs(back.Cell.C.X) <= back.Cell.A.X / 2
                && Math.Abs(back.Cell.C.Y) <= back.Cell.B.Y / 2, $"{tag}: tilts beyond LAMMPS's limits");
        }
        // Types in order of Z: Ni (28) is type 1, Cu (29) type 2.
        using var doc = PythonOracle.Run("lammps_energy.py", new { files = paths, elements = new[] { "Ni", "Cu" } });
        var e = Numbers(doc.RootElement.GetProperty("energies"));
        Assert.Equal(e[0], e[1], 8);
        Assert.Equal(e[0], e[2], 8);
        Assert.Equal(e[0], e[3], 8);
        Assert.Contains("xy xz yz", File.ReadAllText(paths[0]));
    }

    [Fact]
    public void OrthogonalCellsStayOrthogonalAndExact()
    {
        var cell = Cell.FromParameters(4, 5, 6, 90, 90, 90);
        var s = new Structure(["Cu", "Ni"], [new Vec3(0.5, 1, 1.5), new Vec3(2, 2.5, 3)], cell, Pbc.All);
        var text = new StringWriter();
        new LammpsDataWriter().Write(text, s);
        Assert.DoesNotContain("xy xz yz", text.ToString());
        var back = Ok(ReadText(new LammpsDataReader(), text.ToString()))[0];
        Assert.Equal(cell, back.Cell);
        Assert.Equal(new[] { 29, 28 }, back.AtomicNumbers.ToArray());
        Close(Flat(s.Positions), Flat(back.Positions), 1e-15, "positions");
    }

    private static double[] Distances(Structure s)
    {
        var nl = NeighborList.Build(s, 4.0);
        var d = new List<double>();
        for (int i = 0; i < s.AtomCount; i++) d.AddRange(nl.DistancesOf(i).ToArray());
        return d.Order().Select(x => Math.Round(x, 9)).ToArray();
    }

    private static double[,] Rotation(double a, double b, double c)
    {
        double ca = Math.Cos(a), sa = Math.Sin(a), cb = Math.Cos(b), sb = Math.Sin(b), cc = Math.Cos(c), sc = Math.Sin(c);
        return new[,] { { cc * cb, cc * sb * sa - sc * ca, cc * sb * ca + sc * sa },
                        { sc * cb, sc * sb * sa + cc * ca, sc * sb * ca - cc * sa },
                        { -sb, cb * sa, cb * ca } };
    }

    private static Vec3 Apply(double[,] r, Vec3 v) =>
        new(r[0, 0] * v.X + r[0, 1] * v.Y + r[0, 2] * v.Z, r[1, 0] * v.X + r[1, 1] * v.Y + r[1, 2] * v.Z, r[2, 0] * v.X + r[2, 1] * v.Y + r[2, 2] * v.Z);
}
