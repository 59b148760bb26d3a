using AtomCuration.Options;
using System.Collections;
using AtomCuration.Descriptors;
using AtomCuration.Descriptors.Seed;
using AtomCuration.Structures;
using AtomCuration.Tests.Geometry;
using static AtomCuration.Tests.Descriptors.TestStructures;

namespace AtomCuration.Tests.Descriptors.Seed;

/// <summary>The seed blocks inside the descriptor framework: kinds, preset, warnings, parallel path.</summary>
public class SeedDescriptorTests
{
    private static readonly Hashtable NoParameters = new();

    [Fact]
    public void PresetGivesTheSeedFingerprintWithItsLabelsThroughTheParallelPath()
    {
        // Cu, Mo and Ti cells in one stream: the seed blocks are not resolved by element.
        var cases = SeedOracle.Cases;
        var options = DescriptorOptions.Create(preset: "SeedFingerprint");
        Assert.Equal([DescriptorKind.CrystalNN, DescriptorKind.BondLength, DescriptorKind.Grdf], options.Blocks.Select(b => b.Kind));
        var outcomes = DescriptorCalculator.TryAttach(cases.Select(c => c.Structure), options, new RunContext { ThrottleLimit = 2 }).ToList();
        Assert.Equal(cases.Count, outcomes.Count);
        for (int c = 0; c < cases.Count; c++)
        {
            var o = outcomes[c];
            Assert.True(o.Succeeded, o.Error?.Message);
            Assert.Same(cases[c].Structure, o.Input);
            Assert.Empty(o.Warnings);
            Assert.Equal(SeedFingerprint.Labels, o.Output!.DescriptorLabels);
            var got = o.Output.Descriptor!.Value.ToArray();
            Assert.Equal(352, got.Length);
            Assert.Equal(SeedFingerprint.Compute(cases[c].Structure).Values, got);
            // The bond-length and GRDF blocks straight against pymatgen/matminer (the CrystalNN block: SeedFingerprintTests).
            var want = SeedOracle.Doubles(SeedOracle.Results[c].GetProperty("vector"));
            for (int f = 248; f < 352; f++)
                Assert.True(Math.Abs(got[f] - want[f]) < 1e-6, $"{cases[c].Name} {SeedFingerprint.Labels[f]}: {got[f]} vs {want[f]}");
        }
    }

    [Fact]
    public void KindsWorkAloneAndTogetherInTheOrderGiven()
    {
        var s = SeedOracle.Cases[^1].Structure;
        var all = SeedFingerprint.Compute(s).Values;
        (DescriptorKind[] Kinds, double[] Want)[] cases =
        [
            ([DescriptorKind.CrystalNN], all[..248]),
            ([DescriptorKind.BondLength], all[248..252]),
            ([DescriptorKind.Grdf], all[252..]),
            ([DescriptorKind.Grdf, DescriptorKind.BondLength], [.. all[252..], .. all[248..252]]),
        ];
        foreach (var (kinds, want) in cases)
        {
            var o = DescriptorCalculator.Attach([s], DescriptorOptions.Create(kinds, NoParameters)).Single();
            Assert.Equal(want, o.Descriptor!.Value.ToArray());
            Assert.Equal(want.Length, o.DescriptorLabels!.Count);
        }
        // Seed blocks beside a per-atom block: aggregation touches the per-atom block only.
        var mixed = DescriptorOptions.Create([DescriptorKind.BondLength, DescriptorKind.Rdf], aggregate: Aggregation.Stats);
        var v = DescriptorCalculator.Attach([s], mixed).Single();
        Assert.Equal(all[248..252], v.Descriptor!.Value.AsSpan(0, 4).ToArray());
        Assert.Equal("mean Average bond length", v.DescriptorLabels![0]);
    }

    [Fact]
    public void InvariantToRotationPermutationAndSupercellOnTwoThreads()
    {
        var s = SeedCases.Displace(SeedCases.Hcp(2.95, 1.587, 2, 1, 1, "hcp"), 0.1, 3, "rattled");
        var variants = new[]
        {
            s,
            RotateTranslate(s, 5, new Vec3(0.3, -1.2, 2.0)),
            Permute(s, Shuffled(s.AtomCount, 4)),
            Supercell(s, 1, 2, 1),
        };
        var options = DescriptorOptions.Create(preset: "SeedFingerprint");
        var result = DescriptorCalculator.Attach(variants, options, new RunContext { ThrottleLimit = 2 }).ToList();
        var reference = result[0].Descriptor!.Value.ToArray();
        for (int k = 1; k < variants.Length; k++)
            AssertClose(reference, result[k].Descriptor!.Value.AsSpan(), 1e-8, $"variant {k}");
    }

    [Fact]
    public void OrderIsPreservedAndEqualsOneThread()
    {
        var pool = Enumerable.Range(0, 12)
            .Select(k => SeedCases.Displace(SeedCases.Hcp(2.95, 1.55 + 0.01 * k, 2, 1, 1, "hcp"), 0.05 * (k % 4), k, $"s{k}"))
            .ToList();
        var options = DescriptorOptions.Create(preset: "SeedFingerprint");
        var one = DescriptorCalculator.Attach(pool, options, new RunContext { ThrottleLimit = 1 }).ToList();
        var stream = new DescriptorStream(options, new RunContext { ThrottleLimit = 2 }); // seed blocks: no species needed
        var pushed = pool.SelectMany(stream.Push).ToList();
        pushed.AddRange(stream.Complete());
        Assert.Equal(pool.Count, pushed.Count);
        for (int k = 0; k < pool.Count; k++)
        {
            Assert.Same(pool[k], pushed[k].Input);
            Assert.Equal(one[k].Descriptor!.Value.ToArray(), pushed[k].Output!.Descriptor!.Value.ToArray());
        }
    }

    [Fact]
    public void SlabFallbackReachesTheCallerOnce()
    {
        var bulk = SeedCases.Hcp(2.95, 1.587, 2, 2, 2, "slab");
        var s = new Structure(bulk.AtomicNumbers, bulk.Positions, new Cell(bulk.Cell.A, bulk.Cell.B, bulk.Cell.C * 3), new Pbc(true, true, false)) { Id = "slab" };
        var options = DescriptorOptions.Create(preset: "SeedFingerprint");
        var o = DescriptorCalculator.TryAttach([s], options).Single();
        Assert.True(o.Succeeded);
        var w = Assert.Single(o.Warnings); // CrystalNN and BondLength share the fallback: reported once
        Assert.StartsWith("slab:", w);
        Assert.Contains("vacuum", w);
        Assert.Equal(SeedFingerprint.Compute(s).Values, o.Output!.Descriptor!.Value.ToArray());
        // The pull form never drops it: without a handler it throws, with one it hands it over.
        var e = Assert.Throws<InvalidOperationException>(() => DescriptorCalculator.Attach([s], options).ToList());
        Assert.Contains("slab:", e.Message);
        var seen = new List<string>();
        var attached = DescriptorCalculator.Attach([s], options, new RunContext { Warning = seen.Add }).Single();
        Assert.Equal([$"slab: {w}"], seen);
        Assert.NotNull(attached.Descriptor);
        // Direct use of a block also collects them.
        var d = (VoronoiBlockDescriptor)new VoronoiBlockSettings(DescriptorKind.BondLength).Create(SpeciesSet.FromStructure(s));
        var warnings = new List<string>();
        d.ComputeStructure(s, warnings);
        Assert.Equal([w], warnings);
        Assert.Throws<NotSupportedException>(() => d.ComputeStructure(s, new double[4]));
    }

    [Fact]
    public void GrdfParametersAreValidatedAndUsed()
    {
        var o = DescriptorOptions.Create([DescriptorKind.Grdf], new Hashtable { ["width"] = 0.2, ["spacing"] = 0.25, ["cutoff"] = 6 });
        var g = (GrdfSettings)Assert.Single(o.Blocks).Settings;
        Assert.Equal((0.2, 0.25, 6.0), (g.Width, g.Spacing, g.Cutoff));
        var s = SeedCases.Hcp(2.95, 1.587, 1, 1, 1, "hcp");
        var attached = DescriptorCalculator.Attach([s], o).Single();
        Assert.Equal(24, attached.DescriptorLabels!.Count);
        Assert.Equal("Gaussian center=0.25 width=0.2", attached.DescriptorLabels[1]);
        AssertClose(BruteForceGrdf(s, 0.2, 0.25, 6), attached.Descriptor!.Value.AsSpan(), 1e-7, "brute force");

        void Rejects(DescriptorKind kind, Hashtable p, params string[] parts)
        {
            var e = Assert.Throws<DescriptorParameterException>(() => DescriptorOptions.Create([kind], p));
            foreach (var part in parts) Assert.Contains(part, e.Message);
        }
        Rejects(DescriptorKind.Grdf, new Hashtable { ["width"] = 0 }, "Grdf.width", "[0.001, 5]");
        Rejects(DescriptorKind.Grdf, new Hashtable { ["cutoff"] = 40 }, "Grdf.cutoff", "(0, 30]");
        Rejects(DescriptorKind.Grdf, new Hashtable { ["spacing"] = 0.001, ["cutoff"] = 20 }, "Grdf.spacing", "10000");
        Rejects(DescriptorKind.Grdf, new Hashtable { ["bins"] = 10 }, "unknown key 'bins'", "valid keys: width, spacing, cutoff");
        Rejects(DescriptorKind.CrystalNN, new Hashtable { ["cutoff"] = 8 }, "CrystalNN: unknown key 'cutoff'", "settings are fixed", "'scale'");
        Rejects(DescriptorKind.BondLength, new Hashtable { ["scale"] = 0 }, "BondLength.scale", "(0, ∞)");
        var perAtom = DescriptorOptions.Create([DescriptorKind.Grdf], perAtom: true);
        var e = Assert.Throws<DescriptorParameterException>(() => new CompositeDescriptor(perAtom, SpeciesSet.FromStructure(s)));
        Assert.Contains("per-atom kind", e.Message);
    }

    /// <summary>matminer's GRDF written out: every neighbour image, volumes by trapezoidal quadrature.</summary>
    private static double[] BruteForceGrdf(Structure s, double width, double spacing, double cutoff)
    {
        int bins = (int)Math.Ceiling(cutoff / spacing - 1e-9);
        var g = new double[bins];
        var nl = NeighborList.Build(s, cutoff);
        for (int k = 0; k < bins; k++)
        {
            double c = k * spacing, volume = 0;
            const int steps = 200_000;
            for (int q = 0; q <= steps; q++)
            {
                double r = cutoff * q / steps, f = 4 * Math.PI * r * r * Math.Exp(-Math.Pow((r - c) / width, 2));
                volume += (q == 0 || q == steps ? 0.5 : 1) * f * cutoff / steps;
            }
            double sum = 0;
            foreach (double d in nl.Distances) sum += Math.Exp(-Math.Pow((d - c) / width, 2));
            g[k] = sum / volume / s.AtomCount;
        }
        return g;
    }
}
