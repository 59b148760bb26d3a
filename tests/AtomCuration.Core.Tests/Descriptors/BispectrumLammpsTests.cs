using System.Collections.Immutable;
using System.Text.Json;
using AtomCuration.Descriptors;
using AtomCuration.Descriptors.Bispectrum;
using AtomCuration.Structures;

namespace AtomCuration.Tests.Descriptors;

/// <summary>
/// The bispectrum against LAMMPS ML-SNAP (fixture lammps_snap.json.gz, made by tests/oracles/make_lammps_snap_fixture.py
/// with an lmp built from Debian's LAMMPS source): compute sna/atom rows, snad/atom gradients and snav/atom virials on
/// periodic (cubic, triclinic, a 2-atom cell seeing its own images) and finite structures, twojmax 2–8, up to three
/// elements with different radii and weights, bzeroflag off, quadraticflag, rmin0, switchflag off with bnormflag,
/// wselfallflag; and the SNAP energy of LAMMPS' own Ta06A unit test from E = Σ_i (β0 + β·B_i).
/// </summary>
public class BispectrumLammpsTests
{
    private const double Tolerance = 1e-10;
    private static readonly JsonDocument Fixture = DScribeFixture.Load("lammps_snap.json.gz");

    public static TheoryData<string> Cases => DScribeFixture.Names(Fixture, "cases");

    private static Structure StructureOf(JsonElement c)
    {
        var cell = c.GetProperty("cell").EnumerateArray().Select(Vec).ToArray();
        bool periodic = c.GetProperty("periodic").GetBoolean();
        return new Structure(c.GetProperty("symbols").EnumerateArray().Select(e => e.GetString()!),
            c.GetProperty("positions").EnumerateArray().Select(Vec), new Cell(cell[0], cell[1], cell[2]),
            new Pbc(periodic, periodic, periodic));
    }

    private static BispectrumSettings SettingsOf(JsonElement c)
    {
        var kw = c.GetProperty("keywords");
        bool Flag(string name, bool fallback) => kw.TryGetProperty(name, out var v) ? v.GetInt32() != 0 : fallback;
        return new BispectrumSettings
        {
            TwoJMax = c.GetProperty("twojmax").GetInt32(),
            RCutFac = c.GetProperty("rcutfac").GetDouble(),
            RFac0 = c.GetProperty("rfac0").GetDouble(),
            RMin0 = kw.TryGetProperty("rmin0", out var r) ? r.GetDouble() : 0,
            SwitchFlag = Flag("switchflag", true),
            BZeroFlag = Flag("bzeroflag", true),
            QuadraticFlag = Flag("quadraticflag", false),
            BNormFlag = Flag("bnormflag", false),
            WSelfAllFlag = Flag("wselfallflag", false),
            Radius = c.GetProperty("radius").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()),
            Weight = c.GetProperty("weight").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RowsEqualComputeSnaAtom(string name)
    {
        var c = DScribeFixture.Case(Fixture, "cases", name);
        var s = StructureOf(c);
        var d = new BispectrumDescriptor(SettingsOf(c), SpeciesSet.FromStructure(s));
        Assert.Equal(c.GetProperty("columns").GetInt32(), d.Labels.Count);
        var rows = d.ComputeAtoms(s);
        var expected = DScribeFixture.Rows(c.GetProperty("sna"));
        int w = d.Labels.Count;
        for (int i = 0; i < s.AtomCount; i++)
            DScribeFixture.AssertRelativelyClose(expected[i], rows.AsSpan(i * w, w), Tolerance, $"{name} atom {i}");
    }

    /// <summary>
    /// snad/atom for atom k, block of centre type t: −Σ_{i of type t} ∂B_i/∂r_k (x, y, z blocks of the columns);
    /// snav/atom: −Σ_{i of type t} ∂B_i/∂r_k ⊗ r_k over every image of k, Voigt xx yy zz yz xz xy.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void GradientsAndVirialsEqualComputeSnadAndSnavAtom(string name)
    {
        var c = DScribeFixture.Case(Fixture, "cases", name);
        var s = StructureOf(c);
        var elements = c.GetProperty("elements").EnumerateArray().Select(e => e.GetString()!).ToList();
        var type = s.Symbols.Select(e => elements.IndexOf(e)).ToArray();
        var calc = new BispectrumCalculator(SettingsOf(c), SpeciesSet.FromStructure(s));
        var g = calc.ComputeWithGradients(s);
        int n = s.AtomCount, cols = g.ColumnCount, nt = elements.Count;
        var snad = new double[n, 3 * cols * nt];
        var snav = new double[n, 6 * cols * nt];
        var der = g.Derivatives;
        for (int i = 0; i < n; i++)
        {
            var xi = s.Positions[i];
            for (int p = g.Offsets[i]; p < g.Offsets[i + 1]; p++)
            {
                int j = g.Neighbors[p];
                var xj = xi + g.Vectors[p];
                int o3 = 3 * cols * type[i], o6 = 6 * cols * type[i];
                for (int col = 0; col < cols; col++)
                {
                    double dx = der[g.DerivativeOffset(p) + col], dy = der[g.DerivativeOffset(p) + cols + col], dz = der[g.DerivativeOffset(p) + 2 * cols + col];
                    double[] dd = [dx, dy, dz];
                    for (int a = 0; a < 3; a++)
                    {
                        snad[i, o3 + a * cols + col] += dd[a];
                        snad[j, o3 + a * cols + col] -= dd[a];
                    }
                    double[] vi = [dx * xi.X, dy * xi.Y, dz * xi.Z, dy * xi.Z, dx * xi.Z, dx * xi.Y];
                    double[] vj = [dx * xj.X, dy * xj.Y, dz * xj.Z, dy * xj.Z, dx * xj.Z, dx * xj.Y];
                    for (int v = 0; v < 6; v++)
                    {
                        snav[i, o6 + v * cols + col] += vi[v];
                        snav[j, o6 + v * cols + col] -= vj[v];
                    }
                }
            }
        }
        var expectedD = DScribeFixture.Rows(c.GetProperty("snad"));
        var expectedV = DScribeFixture.Rows(c.GetProperty("snav"));
        for (int k = 0; k < n; k++)
        {
            DScribeFixture.AssertRelativelyClose(expectedD[k], Row(snad, k), Tolerance, $"{name} snad atom {k}");
            DScribeFixture.AssertRelativelyClose(expectedV[k], Row(snav, k), Tolerance, $"{name} snav atom {k}");
        }
    }

    [Fact]
    public void Ta06AUnitTestSnapEnergyIsSumOfBetaDotB()
    {
        var t = Fixture.RootElement.GetProperty("ta06a");
        var cell = t.GetProperty("cell").EnumerateArray().Select(Vec).ToArray();
        var s = new Structure(Enumerable.Repeat("Ta", 64), t.GetProperty("positions").EnumerateArray().Select(Vec),
            new Cell(cell[0], cell[1], cell[2]), new Pbc(true, true, true));
        var settings = new BispectrumSettings
        {
            TwoJMax = t.GetProperty("twojmax").GetInt32(), RCutFac = t.GetProperty("rcutfac").GetDouble(),
            RFac0 = t.GetProperty("rfac0").GetDouble(), RMin0 = t.GetProperty("rmin0").GetDouble(),
            BZeroFlag = t.GetProperty("bzeroflag").GetInt32() != 0, QuadraticFlag = false,
            Radius = new Dictionary<string, double> { ["Ta"] = t.GetProperty("radius").GetDouble() },
            Weight = new Dictionary<string, double> { ["Ta"] = t.GetProperty("weight").GetDouble() },
        };
        var beta = DScribeFixture.Doubles(t.GetProperty("beta"));
        var d = new BispectrumDescriptor(settings, SpeciesSet.FromSymbols(["Ta"]));
        Assert.Equal(beta.Length - 1, d.Labels.Count);
        var rows = d.ComputeAtoms(s);
        double energy = 0;
        for (int i = 0; i < 64; i++)
        {
            energy += beta[0];
            for (int k = 0; k < d.Labels.Count; k++) energy += beta[k + 1] * rows[i * d.Labels.Count + k];
        }
        double snap = t.GetProperty("lammps_snap_energy").GetDouble();
        Assert.Equal(snap, energy, Tolerance * Math.Abs(snap));
        // The unit test's reference total (yaml init_vdwl, ZBL + SNAP) is reproduced with LAMMPS' ZBL share.
        double total = t.GetProperty("yaml_total_energy").GetDouble(), zbl = t.GetProperty("lammps_zbl_energy").GetDouble();
        Assert.Equal(total, energy + zbl, 1e-9 * Math.Abs(total));
    }

    private static double[] Row(double[,] m, int k) => Enumerable.Range(0, m.GetLength(1)).Select(c => m[k, c]).ToArray();

    private static Vec3 Vec(JsonElement e) => new(e[0].GetDouble(), e[1].GetDouble(), e[2].GetDouble());
}
