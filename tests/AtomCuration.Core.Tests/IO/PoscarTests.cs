using System.Collections.Immutable;
using AtomCuration.IO;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;
using static AtomCuration.Tests.IO.IOTestSupport;

namespace AtomCuration.Tests.IO;

/// <summary>POSCAR/CONTCAR against ASE 3.22: files ASE writes, and hand-written VASP 4 / negative-scale / selective files ASE reads.</summary>
public class PoscarTests
{
    private static Structure Random(Random rng, int n, Cell cell)
    {
        int[] zs = [26, 8, 1, 78];
        var numbers = Enumerable.Range(0, n).Select(i => zs[(i * 7 / n + rng.Next(2)) % zs.Length]).ToImmutableArray();
        var pos = Enumerable.Range(0, n).Select(_ => cell.ToCartesian(new Vec3(rng.NextDouble(), rng.NextDouble(), rng.NextDouble()))).ToImmutableArray();
        return new Structure(numbers, pos, cell, Pbc.All);
    }

    [Fact]
    public void FilesAseWritesReadAsAseReadsThem() => Oracle.Frozen(FilesAseWritesReadAsAseReadsThemCheck);

    [SkippableFact]
    [Trait("Oracle", "ase")]
    public void FilesAseWritesReadAsAseReadsThem_Live() => Oracle.Live("", FilesAseWritesReadAsAseReadsThemCheck);

    private void FilesAseWritesReadAsAseReadsThemCheck()
    {
        using var tmp = new TempDir();
        var rng = new Random(11);
        var cases = new List<(string Path, Structure S, object Kwargs, int[]? Fixed)>();
        for (int k = 0; k < 6; k++)
        {
            var cell = Cell.FromParameters(3 + 4 * rng.NextDouble(), 3 + 4 * rng.NextDouble(), 3 + 4 * rng.NextDouble(),
                70 + 40 * rng.NextDouble(), 70 + 40 * rng.NextDouble(), 70 + 40 * rng.NextDouble());
            var s = Random(rng, 1 + rng.Next(9), cell);
            object kwargs = (k % 3) switch
            {
                0 => new { direct = true },
                1 => new { direct = false, vasp5 = true },
                _ => (object)new { direct = true, vasp5 = true, sort = false },
            };
            int[]? fix = k % 2 == 1 ? [0] : null;
            cases.Add((tmp.File($"POSCAR_{k}"), s, kwargs, fix));
        }
        PythonOracle.Run("ase_write.py", new
        {
            items = cases.Select(c => new
            {
                path = c.Path, format = "vasp", numbers = c.S.AtomicNumbers.ToArray(),
                positions = c.S.Positions.SelectMany(p => new[] { p.X, p.Y, p.Z }).ToArray(),
                cell = c.S.Cell.ToRows(), pbc = new[] { true, true, true }, kwargs = c.Kwargs, @fixed = c.Fixed,
            }).ToArray(),
        }).Dispose();
        var paths = cases.Select(c => c.Path).ToList();
        var ase = AseCrossCheckTests.AseRead(paths, format: "vasp");
        for (int k = 0; k < cases.Count; k++)
        {
            // ASE 3.22 writes VASP 4 by default (no species line): give the species as a user would.
            var written = File.ReadAllLines(cases[k].Path);
            var options = new ReadOptions();
            if (long.TryParse(written[5].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], out _))
                options = options with { Species = written[0].Split(' ', StringSplitOptions.RemoveEmptyEntries) };
            var ours = ReadAll(cases[k].Path, options);
            AseCrossCheckTests.AssertMatchesAse(cases[k].Path, ours, ase[k], positionTolerance: 1e-14);
            var flags = ours[0].AtomProperties.SingleOrDefault(p => p.Name == PoscarReader.SelectiveDynamicsProperty);
            Assert.Equal(cases[k].Fixed is not null, flags is not null);
            if (flags is not null) Assert.Equal([false, false, false], (flags.ToArray<bool>())[..3]);
        }
    }

    [Fact]
    public void HandWrittenVasp4NegativeScaleAndSelectiveReadAsAseReadsThem() => Oracle.Frozen(HandWrittenVasp4NegativeScaleAndSelectiveReadAsAseReadsThemCheck);

    [SkippableFact]
    [Trait("Oracle", "ase")]
    public void HandWrittenVasp4NegativeScaleAndSelectiveReadAsAseReadsThem_Live() => Oracle.Live("", HandWrittenVasp4NegativeScaleAndSelectiveReadAsAseReadsThemCheck);

    private void HandWrittenVasp4NegativeScaleAndSelectiveReadAsAseReadsThemCheck()
    {
        using var tmp = new TempDir();
        string v4 = tmp.File("v4.vasp"), negative = tmp.File("neg.vasp"), selective = tmp.File("sel.vasp"), triple = tmp.File("cart.vasp");
        File.WriteAllText(v4, "Fe O\n 2.0\n 1.4 0 0\n 0 1.5 0\n 0.1 0.2 1.6\n 1 2\nDirect\n 0 0 0\n 0.5 0.5 0.5\n 0.25 0.75 0.1\n");
        File.WriteAllText(negative, "negative\n -64.0\n 1 0 0\n 0.2 1 0\n 0 0 1\n Cu\n 2\ndirect\n 0 0 0\n 0.5 0.5 0.5\n");
        File.WriteAllText(selective, "sel\n1.0\n3 0 0\n0 3 0\n0 0 3\nTi O\n1 1\nSelective dynamics\nCartesian\n0.1 0.2 0.3 T F T\n1.5 1.5 1.5 F F F\n");
        File.WriteAllText(triple, "cart\n1.5\n2 0 0\n0 2 0\n0 0 2\nH\n1\nkartesian\n0.5 0.25 1\n");
        // ASE 3.22 multiplies by a negative scale instead of reading it as a volume (VASP's
        // meaning), so ASE reads the same cell with the equivalent positive scale, 64^(1/3) = 4.
        string positive = tmp.File("pos.vasp");
        File.WriteAllText(positive, File.ReadAllText(negative).Replace(" -64.0\n", " 4.0\n"));
        string[] files = [v4, negative, selective, triple];
        var ase = AseCrossCheckTests.AseRead(files.Select(f => f == negative ? positive : f), format: "vasp");
        for (int k = 0; k < files.Length; k++)
            AseCrossCheckTests.AssertMatchesAse(files[k], ReadAll(files[k]), ase[k]);
        Assert.Equal(64.0, ReadAll(negative)[0].Cell.Volume, 12);
        var flags = ReadAll(selective)[0].AtomProperties.Single().ToArray<bool>();
        Assert.Equal([true, false, true, false, false, false], flags);
        // POTCAR-style suffixes (which ASE 3.22 rejects) are dropped.
        var suffixed = ReadOne(File.ReadAllText(negative).Replace(" Cu\n", " Cu_pv/abc123\n"), source: "POSCAR");
        Assert.Equal([29, 29], suffixed.AtomicNumbers.ToArray());
        // Species given explicitly win over the comment line.
        var given = ReadAll(v4, new ReadOptions { Species = ["Ni", "N"] })[0];
        Assert.Equal([28, 7, 7], given.AtomicNumbers.ToArray());
    }

    [Fact]
    public void WriterRoundTripsAndAseReadsIt() => Oracle.Frozen(WriterRoundTripsAndAseReadsItCheck);

    [SkippableFact]
    [Trait("Oracle", "ase")]
    public void WriterRoundTripsAndAseReadsIt_Live() => Oracle.Live("", WriterRoundTripsAndAseReadsItCheck);

    private void WriterRoundTripsAndAseReadsItCheck()
    {
        using var tmp = new TempDir();
        var cell = Cell.FromParameters(4.1, 5.2, 6.3, 80, 95, 110);
        var s = new Structure(Random(new Random(2), 7, cell))
        {
            Info = new Dictionary<string, object> { ["comment"] = "my structure" },
            AtomProperties = [new AtomProperty(PoscarReader.SelectiveDynamicsProperty, AtomPropertyType.Logical, 3, Enumerable.Range(0, 21).Select(i => i % 4 != 0).ToArray())],
        };
        string path = tmp.File("CONTCAR");
        using (var w = StructureFileWriter.Open(path))
        {
            w.Write(s);
            w.Complete();
        }
        var back = ReadAll(path)[0];
        AssertSame(new Structure(s) { SourcePath = path }, back);
        var ase = AseCrossCheckTests.AseRead([path], format: "vasp")[0];
        AseCrossCheckTests.AssertMatchesAse(path, [back], ase);
        Assert.Throws<ArgumentException>(() => new PoscarWriter().Write(new StringWriter(),
            new Structure(ImmutableArray.Create(1), ImmutableArray.Create(Vec3.Zero), Cell.Empty, Pbc.None)));
    }
}
