using AtomCuration.Descriptors;
using AtomCuration.Structures;
using static AtomCuration.Tests.Descriptors.TestStructures;

namespace AtomCuration.Tests.Descriptors;

public class AcsfTests
{
    private static double Fc(double r, double rc) => r < rc ? 0.5 * (Math.Cos(Math.PI * r / rc) + 1) : 0;

    private static readonly AcsfSettings Small = new()
    {
        Cutoff = 4.0,
        G2 = [new(0.5, 0.0), new(2.0, 2.5)],
        G4 = [new(0.1, 1, -1), new(0.1, 4, 1), new(0.02, 2.5, 1)],
        G5 = [new(0.1, 2, -1), new(0.3, 1, 1)],
    };

    [Fact]
    public void DimerGivesTheRadialFormulaAndNoAngularTerm()
    {
        var d = new AcsfDescriptor(Small, SpeciesSet.FromSymbols(["Ti"]));
        var rows = d.ComputeAtoms(Dimer(22, 2.9));
        double fc = Fc(2.9, 4.0);
        Assert.Equal(Math.Exp(-0.5 * 2.9 * 2.9) * fc, rows[0], 14);
        Assert.Equal(Math.Exp(-2.0 * 0.4 * 0.4) * fc, rows[1], 14);
        Assert.All(rows.Skip(2).Take(5), v => Assert.Equal(0, v));
        Assert.Equal(rows.AsSpan(0, 7).ToArray(), rows.AsSpan(7, 7).ToArray());
        Assert.Equal("G2[Ti-Ti](eta=2.0,Rs=2.5)", d.Labels[1]);
        Assert.Equal("G4[Ti-Ti-Ti](eta=0.1,zeta=1.0,lambda=-1.0)", d.Labels[2]);
    }

    [Theory]
    [InlineData(AcsfForm.Standard, 0.0, AngularPairCounting.Once)]
    [InlineData(AcsfForm.Modified, 0.0, AngularPairCounting.Twice)]
    [InlineData(AcsfForm.Modified, 30.0, AngularPairCounting.Once)]
    public void TrimerMatchesHandComputedAngularTerms(AcsfForm form, double thetaSDeg, AngularPairCounting counting)
    {
        // Centre at the origin, neighbours at 2.1 Å along x and 2.6 Å at 70° in the xy plane.
        double r1 = 2.1, r2 = 2.6, theta = 70 * Math.PI / 180, rc = 4.0;
        var s = Molecule([22, 22, 22], Vec3.Zero, new Vec3(r1, 0, 0), new Vec3(r2 * Math.Cos(theta), r2 * Math.Sin(theta), 0));
        var settings = Small with { Form = form, ThetaS = thetaSDeg, AngularPairs = counting };
        var rows = new AcsfDescriptor(settings, SpeciesSet.FromSymbols(["Ti"])).ComputeAtoms(s);
        double r12 = Math.Sqrt(r1 * r1 + r2 * r2 - 2 * r1 * r2 * Math.Cos(theta));
        double unit = form == AcsfForm.Modified ? 1 / (rc * rc) : 1, thetaS = thetaSDeg * Math.PI / 180;
        double pairs = counting == AngularPairCounting.Twice ? 2 : 1;
        double Ang(AngularFunction f, bool jk) =>
            pairs * Math.Pow(2, 1 - f.Zeta) * Math.Pow(1 + f.Lambda * Math.Cos(theta - thetaS), f.Zeta)
            * Math.Exp(-f.Eta * unit * (r1 * r1 + r2 * r2 + (jk ? r12 * r12 : 0))) * Fc(r1, rc) * Fc(r2, rc) * (jk ? Fc(r12, rc) : 1);
        double[] expected =
        [
            Math.Exp(-0.5 * unit * r1 * r1) * Fc(r1, rc) + Math.Exp(-0.5 * unit * r2 * r2) * Fc(r2, rc),
            Math.Exp(-2.0 * unit * (r1 - 2.5) * (r1 - 2.5)) * Fc(r1, rc) + Math.Exp(-2.0 * unit * (r2 - 2.5) * (r2 - 2.5)) * Fc(r2, rc),
            .. Small.G4!.Select(f => Ang(f, true)),
            .. Small.G5!.Select(f => Ang(f, false)),
        ];
        AssertClose(expected, rows.AsSpan(0, 7), 1e-13, $"{form}");
    }

    [Fact]
    public void BinaryClusterMatchesBruteForceDoubleSum()
    {
        var rng = new Random(7);
        var z = Enumerable.Range(0, 14).Select(_ => rng.Next(2) == 0 ? 8 : 22).ToArray();
        var pos = Enumerable.Range(0, 14).Select(_ => new Vec3(5 * rng.NextDouble(), 5 * rng.NextDouble(), 5 * rng.NextDouble())).ToArray();
        var s = Molecule(z, pos);
        var species = SpeciesSet.FromSymbols(["Ti", "O"]);
        var d = new AcsfDescriptor(Small, species);
        var rows = d.ComputeAtoms(s);
        int width = d.Labels.Count, perCentre = width / 2;
        Assert.Equal(2 * (2 * 2 + 3 * 5), width);
        for (int i = 0; i < s.AtomCount; i++)
        {
            var expected = new double[width];
            int c = species.IndexOf(z[i]), off = c * perCentre;
            for (int j = 0; j < s.AtomCount; j++)
            {
                if (j == i) continue;
                double rij = (pos[j] - pos[i]).Length;
                if (rij >= 4.0) continue;
                for (int f = 0; f < 2; f++)
                    expected[off + species.IndexOf(z[j]) * 2 + f] += Math.Exp(-Small.G2![f].Eta * Math.Pow(rij - Small.G2[f].Rs, 2)) * Fc(rij, 4.0);
                for (int k = 0; k < s.AtomCount; k++)
                {
                    if (k == i || k == j) continue;
                    double rik = (pos[k] - pos[i]).Length, rjk = (pos[k] - pos[j]).Length;
                    if (rik >= 4.0) continue;
                    double cos = Vec3.Dot(pos[j] - pos[i], pos[k] - pos[i]) / (rij * rik);
                    int pair = species.PairIndex(species.IndexOf(z[j]), species.IndexOf(z[k]));
                    for (int f = 0; f < 3; f++)
                    {
                        var g = Small.G4![f];
                        expected[off + 4 + pair * 3 + f] += 0.5 * Math.Pow(2, 1 - g.Zeta) * Math.Pow(1 + g.Lambda * cos, g.Zeta)
                            * Math.Exp(-g.Eta * (rij * rij + rik * rik + rjk * rjk)) * Fc(rij, 4) * Fc(rik, 4) * Fc(rjk, 4);
                    }
                    for (int f = 0; f < 2; f++)
                    {
                        var g = Small.G5![f];
                        expected[off + 4 + 9 + pair * 2 + f] += 0.5 * Math.Pow(2, 1 - g.Zeta) * Math.Pow(1 + g.Lambda * cos, g.Zeta)
                            * Math.Exp(-g.Eta * (rij * rij + rik * rik)) * Fc(rij, 4) * Fc(rik, 4);
                    }
                }
            }
            AssertClose(expected, rows.AsSpan(i * width, width), 1e-12, $"atom {i}");
        }
        Assert.Equal("G2[O-Ti](eta=0.5,Rs=0.0)", d.Labels[2]);
        Assert.Equal("G5[Ti-O-Ti](eta=0.1,zeta=2.0,lambda=-1.0)", d.Labels[perCentre + 4 + 9 + 2]);
    }

    [Fact]
    public void WithoutG5OnlyPairsWithinTheCutoffAreVisitedAndNothingChanges()
    {
        // G4 alone takes the path that skips k farther than Rc from j; the G4 columns must equal
        // those of the G4 + G5 pass (checked by brute force above), binary species and a crystal.
        var s = WithSpecies(HcpTi36(6), i => i % 3 == 0 ? 8 : 22);
        var species = SpeciesSet.FromSymbols(["Ti", "O"]);
        var g4Only = new AcsfSettings { G5 = [] };
        var both = g4Only with { G5 = [new(0.01, 1, 1)] };
        var rowsG4 = new AcsfDescriptor(g4Only, species).ComputeAtoms(s);
        var d = new AcsfDescriptor(both, species);
        var rowsBoth = d.ComputeAtoms(s);
        var keep = d.Labels.Select((l, c) => (l, c)).Where(t => !t.l.StartsWith("G5", StringComparison.Ordinal)).Select(t => t.c).ToArray();
        int wBoth = d.Labels.Count, w = keep.Length;
        Assert.Equal(rowsG4.Length, s.AtomCount * w);
        for (int i = 0; i < s.AtomCount; i++)
            AssertClose(keep.Select(c => rowsBoth[i * wBoth + c]).ToArray(), rowsG4.AsSpan(i * w, w), 1e-12, $"atom {i}");
    }

    public static TheoryData<string> Crystals => ["hcp Ti 36", "binary"];

    private static Structure Crystal(string name) => name switch
    {
        "hcp Ti 36" => HcpTi36(3),
        _ => WithSpecies(HcpTi36(4), i => i % 3 == 0 ? 8 : 22),
    };

    [Theory]
    [MemberData(nameof(Crystals))]
    public void InvariantToRotationTranslationPermutationAndSupercell(string name)
    {
        var s = Crystal(name);
        var species = SpeciesSet.FromSymbols(["Ti", "O"]);
        var d = new AcsfDescriptor(new AcsfSettings(), species);
        int w = d.Labels.Count;
        var rows = d.ComputeAtoms(s);
        Assert.Equal(2 * (2 * 24 + 3 * 16), w);
        AssertClose(rows, d.ComputeAtoms(RotateTranslate(s, 11, new Vec3(0.3, -7, 2))), 1e-10, "rotated");
        var order = Shuffled(s.AtomCount, 5);
        var permuted = d.ComputeAtoms(Permute(s, order));
        for (int k = 0; k < s.AtomCount; k++)
            AssertClose(rows.AsSpan(order[k] * w, w), permuted.AsSpan(k * w, w), 1e-10, "permuted");
        var super = d.ComputeAtoms(Supercell(s, 2, 2, 2));
        for (int k = 0; k < super.Length / w; k++)
            AssertClose(rows.AsSpan(k % s.AtomCount * w, w), super.AsSpan(k * w, w), 1e-10, "supercell");
    }

    [Fact]
    public void FccEnvironmentHasTwelveNeighboursAtTheShellDistance()
    {
        double a = 3.615, r = a / Math.Sqrt(2);
        var settings = new AcsfSettings { Cutoff = 3.0, G2 = [new(0, 0)], G4 = [new(0, 1, 1)], G5 = [new(0, 1, 1)] };
        var rows = new AcsfDescriptor(settings, SpeciesSet.FromSymbols(["Cu"])).ComputeAtoms(Fcc(29, a));
        Assert.Equal(12 * Fc(r, 3.0), rows[0], 12);
        // Σ over the 66 neighbour pairs of (1 + cos θ): fcc first-shell angles are 60° (24), 90° (12), 120° (24), 180° (6).
        // G5 sees all 66; G4's f_c(Rjk) keeps only the 60° pairs (Rjk = r; 90° gives Rjk = a > Rc).
        Assert.Equal((24 * 1.5 + 12 * 1.0 + 24 * 0.5 + 6 * 0.0) * Math.Pow(Fc(r, 3.0), 2), rows[2], 12);
        Assert.Equal(24 * 1.5 * Math.Pow(Fc(r, 3.0), 3), rows[1], 12);
    }

    [Theory]
    [InlineData("bcc", 3.5)]
    [InlineData("hcp", 3.5)]
    public void BccAndHcpEnvironmentsCountTheirShells(string lattice, double rc)
    {
        // bcc a = 3.3: 8 at √3/2·a, 6 at a; ideal hcp a = 2.95: 12 at a (next shell √2·a > Rc).
        var s = lattice == "bcc" ? Bcc(26, 3.3) : Hcp(22, 2.95, 2.95 * Math.Sqrt(8.0 / 3));
        double expected = lattice == "bcc" ? 8 * Fc(3.3 * Math.Sqrt(3) / 2, rc) + 6 * Fc(3.3, rc) : 12 * Fc(2.95, rc);
        var rows = new AcsfDescriptor(new AcsfSettings { Cutoff = rc, G2 = [new(0, 0)], G4 = [] }, SpeciesSet.FromStructure(s)).ComputeAtoms(s);
        Assert.All(rows, v => Assert.Equal(expected, v, 12));
    }

    [Theory]
    [InlineData("cutoff", -1.0, "(0, 30]")]
    [InlineData("thetaS", 10.0, "modified form")]
    [InlineData("angularPairs", "thrice", "Once, Twice")]
    public void RejectsBadParametersNamingThemAndTheirRange(string name, object value, string fragment)
    {
        var e = Assert.Throws<DescriptorParameterException>(() =>
            DescriptorSettings.Parse(DescriptorKind.Acsf, new Dictionary<string, object?> { [name] = value }));
        Assert.Equal(name, e.ParamName);
        Assert.Contains(fragment, e.Message);
    }

    [Fact]
    public void ParsesGridsAndTuples()
    {
        var s = (AcsfSettings)DescriptorSettings.Parse(DescriptorKind.Acsf, new Dictionary<string, object?>
        {
            ["g2Eta"] = new object[] { 1, "2.5" },
            ["g2Rs"] = new[] { 0.0, 1.0, 2.0 },
            ["g4"] = new[] { new object[] { 0.1, 2, -1 } },
            ["G5ETA"] = 0.2, ["g5Zeta"] = 1, ["g5Lambda"] = new[] { 1, -1 },
        });
        Assert.Equal(6, s.RadialFunctions.Count);
        Assert.Equal(new RadialFunction(2.5, 1.0), s.RadialFunctions[4]);
        Assert.Equal([new AngularFunction(0.1, 2, -1)], s.G4Functions);
        Assert.Equal(2, s.G5Functions.Count);
        var bad = Assert.Throws<DescriptorParameterException>(() => DescriptorSettings.Parse(DescriptorKind.Acsf,
            new Dictionary<string, object?> { ["g4"] = new[] { new object[] { 0.1, 2, 0.5 } } }));
        Assert.Contains("lambda must be +1 or −1", bad.Message);
        // PowerShell passes @(@(0.1, 2, -1)) as @(0.1, 2, -1): one function, not three.
        var unrolled = (AcsfSettings)DescriptorSettings.Parse(DescriptorKind.Acsf, new Dictionary<string, object?> { ["g4"] = new object[] { 0.1, 2, -1 } });
        Assert.Equal([new AngularFunction(0.1, 2, -1)], unrolled.G4Functions);
    }
}
