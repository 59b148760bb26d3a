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
    public void UnpaddedMatrixKindsAndSpeciesNotGivenNeedTheWholePool()
    {
        string[] h = ["H"];
        Assert.True(DescriptorCalculator.NeedsWholePool(DescriptorOptions.Create([DescriptorKind.CoulombMatrix], species: h)));
        Assert.True(DescriptorCalculator.NeedsWholePool(DescriptorOptions.Create([DescriptorKind.Rdf, DescriptorKind.SineMatrix], species: h)));
        Assert.False(DescriptorCalculator.NeedsWholePool(DescriptorOptions.Create([DescriptorKind.CoulombMatrix], new Hashtable { ["maxAtoms"] = 4 }, species: h)));
        Assert.False(DescriptorCalculator.NeedsWholePool(DescriptorOptions.Create([DescriptorKind.Acsf, DescriptorKind.Rdf], species: h)));
        // Species-resolved columns without species: the pool decides them. The seed fingerprint resolves no element.
        Assert.True(DescriptorCalculator.NeedsWholePool(DescriptorOptions.Create([DescriptorKind.Acsf, DescriptorKind.Rdf])));
        Assert.False(DescriptorCalculator.NeedsWholePool(DescriptorOptions.Create(preset: "SeedFingerprint")));
    }

    /// <summary>Issue 15: a mixed pool (here H₂ then H₂O) takes the species of every structure, not of the first.</summary>
    [Fact]
    public void APoolHeldWholeTakesTheSpeciesOfEveryStructure()
    {
        var options = DescriptorOptions.Create([DescriptorKind.Rdf]);
        Assert.Equal(["H", "O"], DescriptorCalculator.ForPool(Pool, options).Species);
        var outcomes = DescriptorCalculator.TryAttachAll(Pool, options).ToList();
        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Error?.Message));
        Assert.Equal(outcomes[0].Output!.DescriptorLabels, outcomes[1].Output!.DescriptorLabels);
        // Streaming cannot look ahead: it needs the species, and says so before any structure.
        var e = Assert.Throws<DescriptorParameterException>(() => new DescriptorStream(options));
        Assert.Contains("-Species", e.Message);
        var streamed = new DescriptorStream(options with { Species = ["H", "O"] });
        var pushed = Pool.SelectMany(streamed.Push).ToList();
        pushed.AddRange(streamed.Complete());
        Assert.Equal(outcomes.Select(o => o.Output!.Descriptor!.Value.ToArray()), pushed.Select(o => o.Output!.Descriptor!.Value.ToArray()));
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
