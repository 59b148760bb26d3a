using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using AtomCuration.IO;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;
using static AtomCuration.Tests.IO.IOTestSupport;

namespace AtomCuration.Tests.IO;

/// <summary>
/// Cross-checks against ASE 3.22 (tests/oracles/ase_read.py): every bundled dataset reads to
/// exactly what ASE reads, and the extended XYZ we write reads back in ASE equal to the
/// original. Numbers go through JSON as Python's repr, so the comparison is bitwise.
/// </summary>
public class AseCrossCheckTests
{
    /// <summary>What ASE read from one file (see tests/oracles/ase_read.py); NaN marks an absent label.</summary>
    internal sealed record AseFrames(int Count, long[] Natoms, long[] Numbers, double[] Positions, double[] Cell, long[] Pbc,
        double[] Energy, double[] FreeEnergy, double[] Forces, double[] Stress, JsonElement ConfigType, JsonElement? Info, JsonElement? Arrays);

    /// <summary>Runs the ASE oracle on <paramref name="files"/>; arrays come back as raw binary, exact to the bit.</summary>
    internal static AseFrames[] AseRead(IEnumerable<string> files, bool details = false, string? format = null)
    {
        using var tmp = new TempDir();
        using var doc = PythonOracle.Run("ase_read.py", new { files = files.ToArray(), details, format, @out = tmp.Path });
        return doc.RootElement.GetProperty("files").EnumerateArray().Select((f, i) =>
        {
            string P(string name) => tmp.File($"{i}.{name}");
            double[] F(string name) => MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(P(name + ".f8"))).ToArray();
            long[] L(string name) => MemoryMarshal.Cast<byte, long>(File.ReadAllBytes(P(name + ".i8"))).ToArray();
            return new AseFrames(f.GetProperty("count").GetInt32(), L("natoms"), L("numbers"), F("positions"), F("cell"), L("pbc"),
                F("energy"), F("free_energy"), F("forces"), F("stress"), f.GetProperty("config_type").Clone(),
                details ? f.GetProperty("info").Clone() : null, details ? f.GetProperty("arrays").Clone() : null);
        }).ToArray();
    }

    /// <summary>
    /// Asserts that ASE's reading of a file matches our structures exactly (NaN in ASE's arrays = absent).
    /// <paramref name="positionTolerance"/> (relative, for |x| ≥ 1 Å) is for positions ASE converts from fractional
    /// coordinates with numpy's matrix product, whose last bit depends on the BLAS numpy is linked against.
    /// </summary>
    internal static void AssertMatchesAse(string name, IReadOnlyList<Structure> ours, AseFrames ase, double positionTolerance = 0)
    {
        Assert.True(ase.Count == ours.Count, $"{name}: ASE reads {ase.Count} frames, we read {ours.Count}");
        var configType = ase.ConfigType.EnumerateArray().ToArray();
        int atom = 0;
        for (int f = 0; f < ours.Count; f++)
        {
            var s = ours[f];
            string where = name + " frame " + f;
            Check(ase.Natoms[f] == s.AtomCount, () => $"{where}: atom count");
            Check(f == s.FrameIndex, () => $"{where}: frame index");
            for (int k = 0; k < 9; k++) Check(ase.Cell[9 * f + k] == s.Cell[k / 3][k % 3], () => $"{where}: cell[{k}]");
            for (int k = 0; k < 3; k++) Check(ase.Pbc[3 * f + k] != 0 == s.Pbc[k], () => $"{where}: pbc");
            double e = ase.Energy[f];
            Check(double.IsNaN(e) ? s.Energy is null : e == s.Energy, () => $"{where}: energy {e} vs {s.Energy}");
            if (double.IsNaN(ase.Stress[6 * f])) Check(s.Stress is null, () => $"{where}: stress");
            else
                for (int k = 0; k < 6; k++)
                    Check(ase.Stress[6 * f + k] == s.Stress?[k], () => $"{where}: stress[{k}]");
            string? ct = configType[f].ValueKind == JsonValueKind.Null ? null : configType[f].ToString();
            Check(ct == s.ConfigType, () => $"{where}: config_type");
            bool aseForces = !double.IsNaN(ase.Forces[3 * atom]);
            Check(aseForces == (s.Forces is not null), () => $"{where}: forces present");
            for (int i = 0; i < s.AtomCount; i++, atom++)
            {
                Check(ase.Numbers[atom] == s.AtomicNumbers[i], () => $"{where}: Z of atom {i}");
                for (int k = 0; k < 3; k++)
                {
                    double x = ase.Positions[3 * atom + k], y = s.Positions[i][k];
                    Check(x == y || Math.Abs(x - y) <= positionTolerance * Math.Max(1, Math.Abs(x)), () => $"{where}: position of atom {i}: ASE {x:R}, ours {y:R}");
                    if (aseForces) Check(ase.Forces[3 * atom + k] == s.Forces!.Value[i][k], () => $"{where}: force on atom {i}");
                }
            }
        }
        Assert.Equal(ase.Positions.Length, 3 * atom);
    }

    /// <summary>Fails with a message built only on failure (millions of checks run here).</summary>
    private static void Check(bool ok, Func<string> message)
    {
        if (!ok) Assert.Fail(message());
    }

    [Fact]
    public void BundledDatasetsAndOurRewritesReadAsAseReadsThem() => Oracle.Frozen(BundledDatasetsAndOurRewritesReadAsAseReadsThemCheck);

    [SkippableFact]
    [Trait("Oracle", "ase")]
    public void BundledDatasetsAndOurRewritesReadAsAseReadsThem_Live() => Oracle.Live("", BundledDatasetsAndOurRewritesReadAsAseReadsThemCheck);

    private void BundledDatasetsAndOurRewritesReadAsAseReadsThemCheck()
    {
        using var tmp = new TempDir();
        Assert.True(Datasets.Length >= 3, $"only {Datasets.Length} bundled datasets");
        // We read the .gz directly; ASE reads the decompressed copy and our rewrite of every frame.
        var plain = Datasets.Select(d => Gunzip(d, tmp.Path)).ToList();
        var ours = Datasets.Select(d => ReadAll(d)).ToList();
        var rewritten = new List<string>();
        for (int i = 0; i < Datasets.Length; i++)
        {
            string path = tmp.File($"ours-{i}.extxyz");
            using (var w = StructureFileWriter.Open(path))
            {
                // Without their source path: the origin a writer records would make the file depend on where the clone lives.
                foreach (var s in ours[i]) w.Write(new Structure(s) { SourcePath = null });
                w.Complete();
            }
            rewritten.Add(path);
        }
        var ase = AseRead(plain.Concat(rewritten));
        for (int i = 0; i < Datasets.Length; i++)
        {
            string name = Path.GetFileName(Datasets[i]);
            Assert.True(ours[i].Count >= 30, name);
            AssertMatchesAse(name, ours[i], ase[i]);
            AssertMatchesAse("rewritten " + name, ours[i], ase[Datasets.Length + i]);
        }
        Assert.Equal(59, ours[Array.IndexOf(Datasets, TestData.Cu)].Count);
    }

    /// <summary>A frame with every kind of Info value and atom property we carry.</summary>
    internal static Structure RichStructure()
    {
        var cell = Cell.FromParameters(5.1, 5.3, 5.7, 88, 95, 101);
        var pos = ImmutableArray.Create(new Vec3(0.1, 0.2, 0.3), new Vec3(2.5, 2.6, 2.7), new Vec3(1e-17, -3.25, 4.000000000000001));
        var info = new Dictionary<string, object>
        {
            ["config_type"] = "bulk",
            ["uid"] = "007",
            ["note"] = "two words",
            ["path"] = @"C:\dir\x y",
            ["quote"] = "say \"hi\" {x} [y]",
            ["num_str"] = "123",
            ["tf"] = "T",
            ["empty"] = "",
            ["n"] = 42L,
            ["x"] = 1.5,
            ["whole"] = 2.0,
            ["tiny"] = 1e-300,
            ["flag"] = true,
            ["off"] = false,
            ["v"] = new[] { 1.0, 2.5, 3.0 },
            ["one"] = new[] { 4.0 },
            ["ints"] = new long[] { 1, -2, 3 },
            ["names"] = new[] { "a", "b c" },
            ["bools"] = new[] { true, false, true },
            ["free_energy"] = -1.25,
            ["virial"] = new[] { 1.0, 0.5, 0.25, 0.5, 2.0, 0.125, 0.25, 0.125, 3.0 },
        };
        return new Structure(ImmutableArray.Create(26, 8, 1), pos, cell, new Pbc(true, true, false))
        {
            Energy = -12.345678901234567,
            Forces = ImmutableArray.Create(new Vec3(0.1, -0.2, 0.3), new Vec3(1e-9, 0, -0.0), new Vec3(5, 6, 7)),
            Stress = new Voigt(0.01, 0.02, 0.03, -0.004, 0.005, -0.006),
            Info = info,
            AtomProperties =
            [
                new AtomProperty("tags", AtomPropertyType.Integer, 1, new long[] { 1, 2, 3 }),
                new AtomProperty("magmoms", AtomPropertyType.Real, 1, new[] { 2.2, -0.1, 0.0 }),
                new AtomProperty("vel", AtomPropertyType.Real, 3, new[] { 1.0, 2, 3, 4, 5, 6, 7, 8, 9.5 }),
                new AtomProperty("label", AtomPropertyType.String, 1, new[] { "core", "shell", "x" }),
                new AtomProperty("mask", AtomPropertyType.Logical, 1, new[] { true, false, true }),
            ],
        };
    }

    [Fact]
    public void AseReadsEveryInfoValueAndPropertyWeWrite() => Oracle.Frozen(AseReadsEveryInfoValueAndPropertyWeWriteCheck);

    [SkippableFact]
    [Trait("Oracle", "ase")]
    public void AseReadsEveryInfoValueAndPropertyWeWrite_Live() => Oracle.Live("", AseReadsEveryInfoValueAndPropertyWeWriteCheck);

    private void AseReadsEveryInfoValueAndPropertyWeWriteCheck()
    {
        using var tmp = new TempDir();
        var s = RichStructure();
        var molecule = new Structure(ImmutableArray.Create(6, 8), ImmutableArray.Create(Vec3.Zero, new Vec3(0, 0, 1.128)), Cell.Empty, Pbc.None)
        {
            Energy = -14.5,
        };
        string path = tmp.File("rich.extxyz");
        using (var w = StructureFileWriter.Open(path))
        {
            w.Write(s);
            w.Write(molecule);
            w.Complete();
        }
        var ase = AseRead([path], details: true)[0];
        AssertMatchesAse("rich", ReadAll(path), ase);
        Assert.Equal(s.Stress, ReadAll(path)[0].Stress);
        var info = ase.Info!.Value[0];
        foreach (var (key, value) in s.Info)
        {
            Assert.True(info.TryGetProperty(key, out var got), $"ASE lost Info '{key}'");
            AssertJsonEquals(key, value, got);
        }
        var known = s.Info.Keys.Concat(["energy", "stress", "free_energy"]).ToHashSet();
        foreach (var p in info.EnumerateObject()) Assert.Contains(p.Name, known);
        var arrays = ase.Arrays!.Value[0];
        foreach (var p in s.AtomProperties)
        {
            Assert.True(arrays.TryGetProperty(p.Name, out var got), $"ASE lost property '{p.Name}'");
            var flat = got.EnumerateArray().SelectMany(e => e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().ToArray() : new[] { e }).ToArray();
            AssertJsonEquals(p.Name, p.Raw, flat);
        }
    }

    private static void AssertJsonEquals(string key, object expected, JsonElement actual)
    {
        if (key == "virial")
        {
            // ASE keeps virial as a 3×3 matrix read in Fortran order: M[r][c] = v[r + 3c].
            var v = ((System.Collections.IEnumerable)expected).Cast<double>().ToArray();
            for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++)
                Assert.Equal(v[r + 3 * c], actual[r][c].GetDouble());
            return;
        }
        if (expected is System.Collections.IEnumerable a and not string)
        {
            AssertJsonEquals(key, a.Cast<object>().ToArray(), actual.EnumerateArray().ToArray());
            return;
        }
        object got = expected switch
        {
            string => actual.GetString()!,
            long => actual.GetInt64(),
            double => actual.GetDouble(),
            bool => actual.GetBoolean(),
            _ => throw new InvalidOperationException(key),
        };
        Assert.True(expected.Equals(got), $"Info '{key}': wrote {expected}, ASE read {actual}");
        if (expected is long) Assert.Equal(JsonValueKind.Number, actual.ValueKind);
        if (expected is double) Assert.True(actual.ToString().Contains('.') || actual.ToString().Contains('e'), $"'{key}' lost its real type: {actual}");
    }

    private static void AssertJsonEquals(string key, Array expected, JsonElement[] actual)
    {
        Assert.True(expected.Length == actual.Length, $"'{key}': {expected.Length} values written, ASE read {actual.Length}");
        for (int i = 0; i < actual.Length; i++) AssertJsonEquals(key, expected.GetValue(i)!, actual[i]);
    }

    [Fact]
    public void HandWrittenCommentLinesReadAsAseReadsThem() => Oracle.Frozen(HandWrittenCommentLinesReadAsAseReadsThemCheck);

    [SkippableFact]
    [Trait("Oracle", "ase")]
    public void HandWrittenCommentLinesReadAsAseReadsThem_Live() => Oracle.Live("", HandWrittenCommentLinesReadAsAseReadsThemCheck);

    private void HandWrittenCommentLinesReadAsAseReadsThemCheck()
    {
        using var tmp = new TempDir();
        string path = tmp.File("hand.extxyz");
        File.WriteAllText(path,
            "2\n" +
            "Lattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3:forces:R:3:tags:I:1 a = 3 b=[1, 2, 3] c={x y} " +
            "d='single q' e=\"esc \\\" q\" f=T g=\"T F T\" h=1e-3 bare i=-7 j=\"1 2.5\" free_energy=-3.5 energy=-3.25 " +
            "stress=\"1 2 3 2 5 6 3 6 9\" pbc=\"T T F\"\n" +
            "fe 0 0 0 0.5 -0.5 1 7\n" +
            "Fe 2 2 2 -0.5 0.5 -1 8\n");
        var ours = ReadAll(path)[0];
        var ase = AseRead([path], details: true)[0];
        AssertMatchesAse("hand", [ours], ase);
        Assert.Equal(-3.5, ase.FreeEnergy[0]);
        Assert.Equal(-3.5, (double)ours.Info["free_energy"]);
        var info = ase.Info!.Value[0];
        foreach (var (key, value) in ours.Info) AssertJsonEquals(key, value, info.GetProperty(key));
        Assert.Equal(new Voigt(1, 5, 9, 6, 3, 2), ours.Stress);
    }
}
