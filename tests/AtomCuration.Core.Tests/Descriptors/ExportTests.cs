using System.Collections.Immutable;
using System.Text.Json;
using AtomCuration.Descriptors;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Descriptors;

public class ExportTests
{
    private static IReadOnlyList<Structure> Rows()
    {
        string[] labels = ["G2[Ti-Ti](eta=0.5,Rs=2.0)", "soap[Ti-Ti](n=1,n'=2,l=3)", "plain \"quoted\""];
        double[][] values = [[Math.PI, -0.0, 1e-310], [1.0 / 3, 6.02214076e23, -2.5e-17], [0.1, 0.2, 0.30000000000000004]];
        return values.Select((v, k) => new Structure(TestStructures.Dimer(22, 2 + k))
        {
            Id = k == 1 ? "pool, part 1#1" : $"s{k}",
            Descriptor = v.ToImmutableArray(),
            DescriptorLabels = labels,
        }).ToList();
    }

    [Fact]
    public void NumpyReadsNpyAndCsvBitForBit() => Oracle.Frozen(NumpyReadsNpyAndCsvBitForBitCheck);

    [SkippableFact]
    [Trait("Oracle", "numpy")]
    public void NumpyReadsNpyAndCsvBitForBit_Live() => Oracle.Live("", NumpyReadsNpyAndCsvBitForBitCheck);

    private void NumpyReadsNpyAndCsvBitForBitCheck()
    {
        var dir = Directory.CreateTempSubdirectory("desc-export");
        try
        {
            string npy = Path.Combine(dir.FullName, "x.npy"), csv = Path.Combine(dir.FullName, "x.csv");
            var rows = Rows();
            Assert.Equal(3, DescriptorWriter.WriteAll(npy, rows));
            Assert.Equal(3, DescriptorWriter.WriteAll(csv, rows));
            using var doc = PythonOracle.Run("numpy_read_descriptors.py", new { npy, csv });
            var r = doc.RootElement;
            Assert.Equal([3, 3], r.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal("<f8", r.GetProperty("descr").GetString());
            Assert.False(r.GetProperty("fortran_order").GetBoolean());
            Assert.Equal([1, 0], r.GetProperty("version").EnumerateArray().Select(e => e.GetInt32()));
            var expected = rows.SelectMany(s => s.Descriptor!.Value).ToArray();
            var npyValues = r.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var csvValues = r.GetProperty("csv_values").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), npyValues.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), csvValues.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(["id", .. rows[0].DescriptorLabels!], r.GetProperty("csv_header").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(rows.Select(s => s.Id), r.GetProperty("csv_ids").EnumerateArray().Select(e => e.GetString()));
            using var sidecar = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.FullName, "x.json")));
            Assert.Equal(rows[0].DescriptorLabels!, sidecar.RootElement.GetProperty("labels").EnumerateArray().Select(e => e.GetString()!));
            Assert.Equal(rows.Select(s => s.Id), sidecar.RootElement.GetProperty("ids").EnumerateArray().Select(e => e.GetString()!));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void RejectsRowsWithOtherColumnsOrNoDescriptor()
    {
        var path = Path.Combine(Path.GetTempPath(), $"desc-{Guid.NewGuid():N}.csv");
        try
        {
            using var w = DescriptorWriter.Open(path);
            var rows = Rows();
            w.Write(rows[0]);
            Assert.Throws<ArgumentException>(() => w.Write(new Structure(rows[1]) { DescriptorLabels = ["a", "b", "c"] }));
            Assert.Throws<ArgumentException>(() => w.Write(TestStructures.Dimer(22, 2)));
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Throws<ArgumentException>(() => DescriptorWriter.Open("x.h5"));
    }
}
