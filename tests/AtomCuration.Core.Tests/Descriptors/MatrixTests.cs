using System.Collections;
using AtomCuration.Descriptors;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;
using static AtomCuration.Tests.Descriptors.TestStructures;

namespace AtomCuration.Tests.Descriptors;

public class MatrixTests
{
    private static MatrixDescriptor Cm(MatrixPermutation p, int max) =>
        new CoulombMatrixDescriptor(new MatrixSettings(DescriptorKind.CoulombMatrix) { Permutation = p, MaxAtoms = max });

    [Fact]
    public void DimerGivesTheHandValuesPaddedWithZeros()
    {
        var h2 = Dimer(1, 0.74);
        double off = 1 / 0.74;
        Assert.Equal([0.5, off, 0, off, 0.5, 0, 0, 0, 0], Cm(MatrixPermutation.SortedL2, 3).ComputeStructure(h2));
        var eig = Cm(MatrixPermutation.Eigenspectrum, 3).ComputeStructure(h2);
        AssertClose([0.5 + off, 0.5 - off, 0], eig, 1e-14);
        Assert.Equal("cm_eig(k=2)", Cm(MatrixPermutation.Eigenspectrum, 3).Labels[2]);
        Assert.Equal("cm(i=1,j=2)", Cm(MatrixPermutation.None, 3).Labels[5]);
    }

    [Fact]
    public void SortedL2AndEigenspectrumAreInvariantToPermutationAndRotation()
    {
        var rng = new Random(5);
        var s = Molecule([8, 1, 1, 6, 7], Enumerable.Range(0, 5).Select(_ => new Vec3(3 * rng.NextDouble(), 3 * rng.NextDouble(), 3 * rng.NextDouble())).ToArray());
        foreach (var p in new[] { MatrixPermutation.SortedL2, MatrixPermutation.Eigenspectrum })
        {
            var d = Cm(p, 7);
            var v = d.ComputeStructure(s);
            AssertClose(v, d.ComputeStructure(Permute(s, [3, 0, 4, 2, 1])), 1e-12, $"{p} permuted");
            AssertClose(v, d.ComputeStructure(RotateTranslate(s, 3, new Vec3(5, 5, 5))), 1e-10, $"{p} rotated");
        }
        var sorted = Cm(MatrixPermutation.SortedL2, 5).ComputeStructure(s);
        var rowNorms = Enumerable.Range(0, 5).Select(i => Math.Sqrt(sorted.Skip(5 * i).Take(5).Sum(x => x * x))).ToArray();
        Assert.Equal(rowNorms.OrderByDescending(x => x), rowNorms);
    }

    [Fact]
    public void MatchesNumpyForCoulombEigenvaluesAndTheSineMatrix() => Oracle.Frozen(MatchesNumpyForCoulombEigenvaluesAndTheSineMatrixCheck);

    [SkippableFact]
    [Trait("Oracle", "numpy")]
    public void MatchesNumpyForCoulombEigenvaluesAndTheSineMatrix_Live() => Oracle.Live("", MatchesNumpyForCoulombEigenvaluesAndTheSineMatrixCheck);

    private void MatchesNumpyForCoulombEigenvaluesAndTheSineMatrixCheck()
    {
        var s = Rattle(WithSpecies(Supercell(Hcp(), 2, 1, 1), i => new[] { 22, 8, 8, 13 }[i]), 3, 0.3);
        using var doc = PythonOracle.Run("matrix_descriptors.py", new
        {
            numbers = s.AtomicNumbers.ToArray(),
            positions = s.Positions.Select(p => new[] { p.X, p.Y, p.Z }).ToArray(),
            cell = s.Cell.ToRows(),
        });
        double[] Get(string name) => doc.RootElement.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        AssertClose(Get("cm"), Cm(MatrixPermutation.None, 4).ComputeStructure(s), 1e-12, "cm");
        AssertClose(Get("cm_eig"), Cm(MatrixPermutation.Eigenspectrum, 4).ComputeStructure(s), 1e-12, "eig");
        var sine = new SineMatrixDescriptor(new MatrixSettings(DescriptorKind.SineMatrix) { Permutation = MatrixPermutation.None, MaxAtoms = 4 });
        AssertClose(Get("sm"), sine.ComputeStructure(s), 1e-12, "sm");
        AssertClose(sine.ComputeStructure(s), sine.ComputeStructure(RotateTranslate(s, 8, new Vec3(1, 2, 3))), 1e-10, "sm rotated");
        Assert.Throws<ArgumentException>(() => sine.ComputeStructure(Dimer(1, 0.7)));
    }

    [Fact]
    public void StreamingNeedsMaxAtomsAndAttachAllPadsToTheLargest()
    {
        var pool = new[] { Dimer(1, 0.74), Molecule([8, 1, 1], Vec3.Zero, new Vec3(0.96, 0, 0), new Vec3(-0.24, 0.93, 0)) };
        var options = DescriptorOptions.Create([DescriptorKind.CoulombMatrix], new Hashtable { ["permutation"] = "eigenspectrum" });
        var e = Assert.Throws<DescriptorParameterException>(() => DescriptorCalculator.Attach(pool, options with { Species = ["H", "O"] }).ToList());
        Assert.Contains("'maxAtoms'", e.Message);
        var all = DescriptorCalculator.AttachAll(pool, options with { Species = ["H", "O"] });
        Assert.All(all, s => Assert.Equal(3, s.Descriptor!.Value.Length));
        Assert.Equal(0, all[0].Descriptor!.Value[2]);
        var small = DescriptorOptions.Create([DescriptorKind.CoulombMatrix], new Hashtable { ["maxAtoms"] = 2, ["species"] = new[] { "H", "O" } });
        var outcomes = DescriptorCalculator.TryAttach(pool, small).ToList();
        Assert.True(outcomes[0].Succeeded);
        Assert.Contains("'maxAtoms' = 2", outcomes[1].Error!.Message);
    }
}
