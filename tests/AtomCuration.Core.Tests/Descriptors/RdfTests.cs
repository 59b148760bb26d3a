using AtomCuration.Descriptors;
using AtomCuration.Structures;
using static AtomCuration.Tests.Descriptors.TestStructures;

namespace AtomCuration.Tests.Descriptors;

public class RdfTests
{
    /// <summary>Σ ρ V_k g[k] over the bins whose centres lie in [from, to): the neighbours of an atom in that shell range.</summary>
    private static double Integrate(double[] g, Structure s, double from, double to, double spacing = 0.1)
    {
        double rho = s.AtomCount / s.Cell.Volume, sum = 0;
        for (int k = 0; k < g.Length; k++)
        {
            double centre = (k + 0.5) * spacing;
            if (centre < from || centre >= to) continue;
            sum += rho * 4 * Math.PI / 3 * (Math.Pow(k + 1, 3) - Math.Pow(k, 3)) * Math.Pow(spacing, 3) * g[k];
        }
        return sum;
    }

    public static TheoryData<string, double, double, double> Shells => new()
    {
        // lattice, window (Å), coordination: fcc a = 3.615 (12 at 2.556, 6 at 3.615, 24 at 4.427)
        { "fcc", 2.0, 3.1, 12 }, { "fcc", 3.1, 4.0, 6 }, { "fcc", 4.0, 4.8, 24 },
        // bcc a = 3.3: 8 at 2.858 and 6 at 3.3 overlap after smoothing, so integrate them together; 12 at 4.667
        { "bcc", 2.2, 3.9, 14 }, { "bcc", 4.2, 5.1, 12 },
        // ideal hcp a = 2.95: 12 at a, 6 at √2·a = 4.172
        { "hcp", 2.3, 3.6, 12 }, { "hcp", 3.8, 4.5, 6 },
    };

    private static Structure Lattice(string name) => name switch
    {
        "fcc" => Fcc(29, 3.615),
        "bcc" => Bcc(26, 3.3),
        _ => Hcp(22, 2.95, 2.95 * Math.Sqrt(8.0 / 3)),
    };

    [Theory]
    [MemberData(nameof(Shells))]
    public void IntegratesToTheCoordinationNumbersOfIdealShells(string lattice, double from, double to, double coordination)
    {
        var s = Lattice(lattice);
        // σ = 0.05 Å keeps the Gaussian tails (≥ 6σ from each window edge) below 1e−7.
        var d = new RdfDescriptor(new RdfSettings { Width = 0.05 }, SpeciesSet.FromStructure(s));
        Assert.Equal(100, d.Labels.Count);
        Assert.Equal(coordination, Integrate(d.ComputeStructure(s), s, from, to), 6);
    }

    [Fact]
    public void SupercellRotationAndPermutationGiveTheSameRdf()
    {
        var s = WithSpecies(HcpTi36(2), i => i % 4 == 0 ? 8 : 22);
        var d = new RdfDescriptor(new RdfSettings(), SpeciesSet.FromStructure(s));
        Assert.Equal(300, d.Labels.Count);
        Assert.Equal("rdf[O-Ti](r=2.55)", d.Labels[125]);
        var g = d.ComputeStructure(s);
        AssertClose(g, d.ComputeStructure(Supercell(s, 2, 2, 2)), 1e-10, "supercell");
        AssertClose(g, d.ComputeStructure(RotateTranslate(s, 4, new Vec3(1, 2, 3))), 1e-10, "rotated");
        AssertClose(g, d.ComputeStructure(Permute(s, Shuffled(s.AtomCount, 9))), 1e-10, "permuted");
    }

    [Fact]
    public void PartialRdfsAddUpToTheTotal()
    {
        var s = WithSpecies(HcpTi36(6), i => i % 3 == 0 ? 8 : 22);
        var species = SpeciesSet.FromStructure(s);
        var partial = new RdfDescriptor(new RdfSettings(), species).ComputeStructure(s);
        var total = new RdfDescriptor(new RdfSettings { Partial = false }, species).ComputeStructure(s);
        double n = s.AtomCount, nO = 12, nTi = 24;
        // N² g = Σ_ab (2 − δ_ab) N_a N_b g_ab (unlike pairs are stored once).
        var sum = Enumerable.Range(0, 100).Select(k =>
            (nO * nO * partial[k] + 2 * nO * nTi * partial[100 + k] + nTi * nTi * partial[200 + k]) / (n * n)).ToArray();
        AssertClose(total, sum, 1e-12, "total");
    }

    [Fact]
    public void DimerIsOneGaussianOverTheShellVolume()
    {
        var d = new RdfDescriptor(new RdfSettings { Cutoff = 4, Spacing = 0.5, Width = 0.2 }, SpeciesSet.FromSymbols(["Cu"]));
        var g = d.ComputeStructure(Dimer(29, 2.3));
        // bin [2.0, 2.5): Φ((2.5 − 2.3)/0.2) − Φ((2.0 − 2.3)/0.2) = Φ(1) − Φ(−1.5), one neighbour per atom, ρ = 2 / 1 Å³.
        double mass = 0.8413447460685429 - 0.0668072012688581, volume = 4 * Math.PI / 3 * (2.5 * 2.5 * 2.5 - 8);
        Assert.Equal(mass / (2 * volume), g[4], 12);
    }
}
