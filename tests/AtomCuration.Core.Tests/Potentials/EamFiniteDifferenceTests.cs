using System.Collections.Immutable;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;

namespace AtomCuration.Tests.Potentials;

/// <summary>Forces and stress are −∂E/∂r and (1/V)∂E/∂ε: checked by central differences, independent of LAMMPS.</summary>
public class EamFiniteDifferenceTests
{
    public static TheoryData<string> Potentials => new() { "zjw-Ti", "zjw-CuNi", "zjw-Zr eam/fs table", "zjw-CuNi setfl table" };

    public static TheoryData<string> ForcePotentials => new() { "zjw-Ti", "zjw-CuNi", "zjw-Zr eam/fs table", "zjw-CuNi setfl table", "zjw-Cu cluster" };

    private static (EamPotential, Structure) Setup(string name, Random rng)
    {
        return name switch
        {
            "zjw-Ti" => (ZhouJohnsonWadley.Published("Ti"), EamTestStructures.Hcp(["Ti"], 2.95, 4.68, 2, rng, 0.15, 0.03)),
            "zjw-CuNi" => (ZhouJohnsonWadley.Published("Cu", "Ni"), EamTestStructures.Triclinic(["Cu", "Ni"], 6, 11.8, rng, 2.1)),
            "zjw-Cu cluster" => (ZhouJohnsonWadley.Published("Cu"), new Structure(
                Enumerable.Repeat("Cu", 13), Enumerable.Range(0, 13).Select(k => 2.3 * EamTestStructures.RandomUnitBall(rng) * 1.6), Cell.Empty, Pbc.None)),
            "zjw-Zr eam/fs table" => (GeneratedEam.Table(EamFileFormat.FinnisSinclair, "Zr"), EamTestStructures.Hcp(["Zr"], 3.23, 5.15, 2, rng, 0.15, 0.03, true)),
            _ => (GeneratedEam.Table(EamFileFormat.Setfl, "Cu", "Ni"), EamTestStructures.Fcc(["Cu", "Ni"], 3.56, 2, rng, 0.15, 0.03)),
        };
    }

    [Theory]
    [MemberData(nameof(ForcePotentials))]
    public void ForcesAreMinusEnergyGradient(string name)
    {
        var (potential, s) = Setup(name, new Random(5));
        var result = EamEvaluator.Evaluate(potential, s);
        Assert.Equal(s.Pbc.A, result.Stress is not null);
        const double h = 1e-5;
        foreach (int i in new[] { 0, s.AtomCount / 2, s.AtomCount - 1 })
            for (int axis = 0; axis < 3; axis++)
            {
                var delta = new Vec3(axis == 0 ? h : 0, axis == 1 ? h : 0, axis == 2 ? h : 0);
                double ep = EamEvaluator.Evaluate(potential, Move(s, i, delta)).Energy;
                double em = EamEvaluator.Evaluate(potential, Move(s, i, -delta)).Energy;
                double fd = -(ep - em) / (2 * h);
                Assert.True(Math.Abs(fd - result.Forces[i][axis]) < 1e-5 * Math.Max(1, Math.Abs(fd)),
                    $"{name} atom {i} axis {axis}: force {result.Forces[i][axis]} vs finite difference {fd}");
            }
    }

    [Theory]
    [MemberData(nameof(Potentials))]
    public void StressIsStrainDerivativeOverVolume(string name)
    {
        var (potential, s) = Setup(name, new Random(6));
        var stress = EamEvaluator.Evaluate(potential, s).Stress!.Value.ToMatrix();
        const double h = 1e-6;
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++)
            {
                double ep = EamEvaluator.Evaluate(potential, Deform(s, a, b, h)).Energy;
                double em = EamEvaluator.Evaluate(potential, Deform(s, a, b, -h)).Energy;
                double fd = (ep - em) / (2 * h) / s.Cell.Volume;
                Assert.True(Math.Abs(fd - stress[3 * a + b]) < 1e-6, $"{name} stress[{a},{b}] {stress[3 * a + b]} vs finite difference {fd}");
            }
    }

    [Fact]
    public void PerAtomEnergiesSumToTotalAndTranslationDoesNotMatter()
    {
        var potential = ZhouJohnsonWadley.Published("Ti");
        var s = EamTestStructures.Hcp(["Ti"], 2.95, 4.68, 2, new Random(3), 0.1, 0.02);
        var r = EamEvaluator.Evaluate(potential, s);
        Assert.Equal(r.Energy, r.AtomEnergies.Sum(), 10);
        var shifted = s.WithPositions(s.Positions.Select(p => p + new Vec3(0.37, -1.1, 2.3)).ToImmutableArray());
        Assert.Equal(r.Energy, EamEvaluator.Evaluate(potential, shifted).Energy, 9);
        var total = r.Forces.Aggregate(Vec3.Zero, (x, y) => x + y);
        Assert.True(total.Length < 1e-10);
    }

    private static Structure Move(Structure s, int i, Vec3 delta) =>
        s.WithPositions(s.Positions.SetItem(i, s.Positions[i] + delta));

    private static Structure Deform(Structure s, int a, int b, double h)
    {
        Vec3 Apply(Vec3 v)
        {
            double[] c = [v.X, v.Y, v.Z];
            c[a] += h * c[b];
            return new Vec3(c[0], c[1], c[2]);
        }
        var cell = new Cell(Apply(s.Cell.A), Apply(s.Cell.B), Apply(s.Cell.C));
        return s.WithPositions(s.Positions.Select(Apply).ToImmutableArray(), cell);
    }
}
