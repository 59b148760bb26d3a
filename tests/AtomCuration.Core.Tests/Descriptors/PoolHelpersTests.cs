using System.Collections;
using AtomCuration.Descriptors;
using AtomCuration.Structures;
using static AtomCuration.Tests.Descriptors.TestStructures;

namespace AtomCuration.Tests.Descriptors;

public class PoolHelpersTests
{
    private static readonly Structure[] Pool =
        [Dimer(1, 0.74), Molecule([8, 1, 1], Vec3.Zero, new Vec3(0.96, 0, 0), new Vec3(-0.24, 0.93, 0))];

    [Fact]
    public void OnlyUnpaddedMatrixKindsNeedTheWholePool()
    {
        Assert.True(DescriptorCalculator.NeedsWholePool(DescriptorOptions.Create([DescriptorKind.CoulombMatrix])));
        Assert.True(DescriptorCalculator.NeedsWholePool(DescriptorOptions.Create([DescriptorKind.Rdf, DescriptorKind.SineMatrix])));
        Assert.False(DescriptorCalculator.NeedsWholePool(DescriptorOptions.Create([DescriptorKind.CoulombMatrix], new Hashtable { ["maxAtoms"] = 4 })));
        Assert.False(DescriptorCalculator.NeedsWholePool(DescriptorOptions.Create([DescriptorKind.Acsf, DescriptorKind.Rdf])));
    }

    [Fact]
    public void TryAttachAllPadsLikeAttachAllAndReportsFailuresAsOutcomes()
    {
        var options = DescriptorOptions.Create([DescriptorKind.CoulombMatrix], new Hashtable { ["species"] = new[] { "H", "O" } });
        var all = DescriptorCalculator.AttachAll(Pool, options);
        var outcomes = DescriptorCalculator.TryAttachAll(Pool, options).ToList();
        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        for (int i = 0; i < Pool.Length; i++)
            Assert.Equal(all[i].Descriptor!.Value.ToArray(), outcomes[i].Output!.Descriptor!.Value.ToArray());
        Assert.Equal(9, outcomes[0].Output!.Descriptor!.Value.Length);
        var onlyH = options with { Species = ["H"] };
        var mixed = DescriptorCalculator.TryAttachAll(Pool, onlyH).ToList();
        Assert.True(mixed[0].Succeeded);
        Assert.False(mixed[1].Succeeded);
        Assert.Same(Pool[1], mixed[1].Input);
    }
}
