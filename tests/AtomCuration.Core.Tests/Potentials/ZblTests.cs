using System.Text.Json;
using AtomCuration.Potentials.Eam;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Potentials;

/// <summary>The Ziegler–Biersack–Littmark repulsion against LAMMPS's pair_style zbl, and the C² core that joins it to a fitted pair term.</summary>
public class ZblTests
{
    [Fact]
    public void ZblMatchesLammpsPairStyleZbl()
    {
        // Frozen from tests/oracles/lammps_zbl.py (Debian's lmp, pair_write); energies as differences to 4 Å (LAMMPS adds a constant).
        using var doc = JsonDocument.Parse(File.ReadAllText(PythonOracle.OraclePath(Path.Combine("fixtures", "lammps_zbl.json"))));
        int checkedPairs = 0;
        foreach (var pair in doc.RootElement.GetProperty("pairs").EnumerateArray())
        {
            var zbl = new ZblRepulsion(pair.GetProperty("za").GetInt32(), pair.GetProperty("zb").GetInt32());
            var r = pair.GetProperty("r").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            var e = pair.GetProperty("energy").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            var f = pair.GetProperty("force").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            double ours4 = zbl.Value(r[^1]);
            for (int k = 0; k < r.Length; k++)
            {
                double v = zbl.Evaluate(r[k], out double d);
                Assert.True(Math.Abs((v - ours4) - (e[k] - e[^1])) < 1e-9 * Math.Max(1, Math.Abs(e[k])), $"Z {zbl.Za}-{zbl.Zb} at {r[k]} Å: {v - ours4} vs {e[k] - e[^1]}");
                Assert.True(Math.Abs(-d - f[k]) < 1e-9 * Math.Max(1, Math.Abs(f[k])), $"Z {zbl.Za}-{zbl.Zb} force at {r[k]} Å: {-d} vs {f[k]}");
            }
            checkedPairs++;
        }
        Assert.Equal(3, checkedPairs);
    }

    [Fact]
    public void CurvatureMatchesFiniteDifferences()
    {
        var zbl = new ZblRepulsion(46, 29);
        foreach (double r in new[] { 0.3, 1.0, 2.5 })
        {
            zbl.Evaluate(r, out double d, out double c);
            double h = 1e-5;
            Assert.True(Math.Abs((zbl.Value(r + h) - zbl.Value(r - h)) / (2 * h) - d) < 1e-7 * Math.Abs(d), $"slope at {r}");
            zbl.Evaluate(r + h, out double dp);
            zbl.Evaluate(r - h, out double dm);
            Assert.True(Math.Abs((dp - dm) / (2 * h) - c) < 1e-6 * Math.Abs(c), $"curvature at {r}");
        }
    }

    [Fact]
    public void CoreIsTwiceContinuouslyDifferentiableMonotoneAndZblAtShortRange()
    {
        // A smooth, repulsive, convex stand-in for a fitted Pd pair term.
        var fitted = new ZjwPair(ZhouJohnsonWadleyParameters.Published["Pd"]);
        double r0 = 2.4;
        var core = new ZblCore(fitted, 46, 46, r0);
        foreach (double join in new[] { core.R0, core.R2, core.R1 })
        {
            double h = 1e-9;
            double below = core.Evaluate(join - h, out double dBelow), above = core.Evaluate(join + h, out double dAbove);
            Assert.True(Math.Abs(above - below) < 1e-5, $"value jumps at {join:F3} Å: {below} vs {above}");
            Assert.True(Math.Abs(dAbove - dBelow) < 1e-3 * Math.Max(1, Math.Abs(dAbove)), $"slope jumps at {join:F3} Å: {dBelow} vs {dAbove}");
            double Curv(double x) { core.Evaluate(x + 1e-4, out double p); core.Evaluate(x - 1e-4, out double m); return (p - m) / 2e-4; }
            double cBelow = Curv(join - 2e-4), cAbove = Curv(join + 2e-4);
            Assert.True(Math.Abs(cAbove - cBelow) < 0.02 * Math.Max(1, Math.Abs(cAbove)), $"curvature jumps at {join:F3} Å: {cBelow} vs {cAbove}");
        }
        double previous = core.Value(r0);
        for (double r = r0 - 0.01; r > 0.2; r -= 0.01)
        {
            double v = core.Evaluate(r, out double d);
            Assert.True(v > previous && d < 0, $"not monotone repulsive at {r:F2} Å");
            previous = v;
        }
        Assert.Equal(new ZblRepulsion(46, 46).Value(1.0), core.Value(1.0), 12);
        Assert.Equal(fitted.Value(2.6), core.Value(2.6), 15);
    }
}
