using System.Collections.Immutable;
using System.Text.Json;
using AtomCuration.Geometry;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Geometry;

public class VoronoiTessellationTests
{
    [Fact]
    public void FacetsMatchPymatgenVoronoiNN() => Oracle.Frozen(FacetsMatchPymatgenVoronoiNNCheck);

    [SkippableFact]
    [Trait("Oracle", "pymatgen")]
    public void FacetsMatchPymatgenVoronoiNN_Live() => Oracle.Live("", FacetsMatchPymatgenVoronoiNNCheck);

    private void FacetsMatchPymatgenVoronoiNNCheck()
    {
        var cases = SeedCases.All();
        using var doc = PythonOracle.Run("pymatgen_seed.py", cases.Select(c => SeedCases.ToOracle(c.Structure)).ToList(), "voronoi");
        var results = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(cases.Count, results.Count);
        for (int c = 0; c < cases.Count; c++)
        {
            var cells = VoronoiTessellation.Compute(cases[c].Structure);
            var sites = results[c].EnumerateArray().ToList();
            Assert.Equal(cases[c].Structure.AtomCount, sites.Count);
            for (int i = 0; i < sites.Count; i++)
            {
                var ours = cells[i];
                Assert.True(ours.IsClosed, $"{cases[c].Name} site {i} open");
                var theirs = sites[i].EnumerateArray().ToList();
                var matched = new HashSet<int>();
                foreach (var f in theirs)
                {
                    var d = f.GetProperty("D").EnumerateArray().Select(x => x.GetDouble()).ToArray();
                    var dv = new Vec3(d[0], d[1], d[2]);
                    int k = Enumerable.Range(0, ours.Facets.Count).FirstOrDefault(k => (ours.Facets[k].Vector - dv).Length < 1e-6, -1);
                    double area = f.GetProperty("area").GetDouble();
                    if (k < 0)
                    {
                        // qhull may keep a sliver we drop as a touching plane.
                        Assert.True(area < 1e-8, $"{cases[c].Name} site {i}: pymatgen facet {dv} (area {area}) missing");
                        continue;
                    }
                    matched.Add(k);
                    var ff = ours.Facets[k];
                    Assert.True(Math.Abs(ff.Area - area) < 1e-8, $"{cases[c].Name} site {i} {dv}: area {ff.Area} vs {area}");
                    Assert.True(Math.Abs(ff.SolidAngle - f.GetProperty("solid_angle").GetDouble()) < 1e-8,
                        $"{cases[c].Name} site {i} {dv}: solid angle");
                    Assert.True(Math.Abs(ff.PlaneDistance - f.GetProperty("face_dist").GetDouble()) < 1e-10);
                    Assert.True(Math.Abs(ff.Volume - f.GetProperty("volume").GetDouble()) < 1e-8);
                }
                Assert.True(matched.Count >= 4, $"{cases[c].Name} site {i}: only {matched.Count} facets matched");
                for (int k = 0; k < ours.Facets.Count; k++)
                    Assert.True(matched.Contains(k) || ours.Facets[k].Area < 1e-8,
                        $"{cases[c].Name} site {i}: extra facet {ours.Facets[k]}");
            }
        }
    }

    [Fact]
    public void CellsTileTheUnitCellOfRandomTriclinicStructures()
    {
        var rng = new Random(5);
        for (int t = 0; t < 15; t++)
        {
            var cell = t < 12
                ? Cell.FromParameters(2 + 4 * rng.NextDouble(), 2 + 4 * rng.NextDouble(), 2 + 4 * rng.NextDouble(),
                    55 + 70 * rng.NextDouble(), 55 + 70 * rng.NextDouble(), 55 + 70 * rng.NextDouble())
                : new Cell(new Vec3(4, 0, 0), new Vec3(3.7, 1.2, 0), new Vec3(-3.5, 0.6, 1.5)); // strongly skewed
            int n = 1 + rng.Next(6);
            var pos = Enumerable.Range(0, n).Select(_ => cell.ToCartesian(new Vec3(rng.NextDouble() * 1.4 - 0.2,
                rng.NextDouble() * 1.4 - 0.2, rng.NextDouble() * 1.4 - 0.2))).ToImmutableArray();
            var s = new Structure(Enumerable.Repeat(26, n).ToImmutableArray(), pos, cell, Pbc.All);
            var cells = VoronoiTessellation.Compute(s);
            Assert.All(cells, c => Assert.True(c.IsClosed));
            Assert.Equal(cell.Volume, cells.Sum(c => c.Volume), 9);
            // Every facet has its mirror (j sees i through −S) with the same area.
            foreach (var c in cells)
            foreach (var f in c.Facets)
            {
                var mirror = cells[f.Neighbor].Facets.Where(g => g.Neighbor == c.Site && g.Shift == -f.Shift).ToList();
                Assert.Single(mirror);
                Assert.Equal(f.Area, mirror[0].Area, 9);
            }
        }
    }

    [Fact]
    public void FccCellIsTheRhombicDodecahedron()
    {
        const double a = 3.615;
        var cell = VoronoiTessellation.Compute(SeedCases.All()[0].Structure)[0];
        Assert.Equal(12, cell.Facets.Count);
        Assert.Equal(a * a * a / 4, cell.Volume, 10);
        Assert.All(cell.Facets, f => Assert.Equal(a * a * Math.Sqrt(2) / 8, f.Area, 10));
        Assert.All(cell.Facets, f => Assert.Equal(4 * Math.PI / 12, f.SolidAngle, 10));
    }

    [Fact]
    public void SlabFacingVacuumIsOpen()
    {
        var cell = Cell.FromParameters(2.9, 2.9, 30, 90, 90, 90);
        var s = new Structure([26, 26], [new Vec3(0, 0, 10), new Vec3(1.45, 1.45, 11.45)], cell, new Pbc(true, true, false));
        var cells = VoronoiTessellation.Compute(s);
        Assert.All(cells, c => Assert.False(c.IsClosed));
    }
}
