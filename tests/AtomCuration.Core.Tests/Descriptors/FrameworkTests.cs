using AtomCuration.Options;
using System.Collections;
using AtomCuration.Descriptors;
using AtomCuration.Structures;
using static AtomCuration.Tests.Descriptors.TestStructures;

namespace AtomCuration.Tests.Descriptors;

public class FrameworkTests
{
    private static readonly Hashtable SmallAcsf = new() { ["g2"] = new[] { new[] { 0.5, 2.0 } }, ["g4"] = new[] { new object[] { 0.01, 1, 1 } } };

    [Fact]
    public void FlatParametersGoToTheOnlyKind()
    {
        var o = DescriptorOptions.Create([DescriptorKind.Acsf], new Hashtable { ["cutoff"] = 5, ["scale"] = 2.0 });
        var b = Assert.Single(o.Blocks);
        Assert.Equal(5.0, ((AcsfSettings)b.Settings).Cutoff);
        Assert.Equal(2.0, b.Scale);
        Assert.Equal(Aggregation.Mean, o.Aggregate);
    }

    [Fact]
    public void RejectsAmbiguousMisspeltOrOrphanParameters()
    {
        var unknown = Assert.Throws<DescriptorParameterException>(() => DescriptorOptions.Create([DescriptorKind.Acsf], new Hashtable { ["cutof"] = 5 }));
        Assert.Contains("'cutof'", unknown.Message);
        Assert.Contains("cutoff", unknown.Message);
        var orphan = Assert.Throws<DescriptorParameterException>(() => DescriptorOptions.Create(parameters: new Hashtable { ["cutoff"] = 5 }));
        Assert.Contains("-Kind", orphan.Message);
        var other = Assert.Throws<DescriptorParameterException>(() =>
            DescriptorOptions.Create([DescriptorKind.Acsf], new Hashtable { ["Soap"] = new Hashtable() }));
        Assert.Contains("Soap", other.Message);
        var agg = Assert.Throws<DescriptorParameterException>(() =>
            DescriptorOptions.Create([DescriptorKind.Acsf], new Hashtable { ["aggregate"] = "Median" }));
        Assert.Contains("Mean, Stats, Sum, None", agg.Message);
        var scale = Assert.Throws<DescriptorParameterException>(() =>
            DescriptorOptions.Create([DescriptorKind.Acsf], new Hashtable { ["scale"] = -1 }));
        Assert.Contains("(0, ∞)", scale.Message);
    }

    [Theory]
    [InlineData("SortedL2", true)]
    [InlineData("sortedl2", true)]
    [InlineData(" Eigenspectrum ", true)]
    [InlineData("0", false)]
    [InlineData("-1", false)]
    [InlineData("SortedL2, None", false)]
    [InlineData("", false)]
    public void EnumParametersTakeNamesOnlyAndNamesMayHoldDigits(string value, bool accepted)
    {
        var create = () => DescriptorOptions.Create([DescriptorKind.CoulombMatrix], new Hashtable { ["permutation"] = value, ["maxAtoms"] = 4 });
        if (accepted) Assert.NotNull(create());
        else Assert.Contains("is not one of SortedL2, Eigenspectrum, None", Assert.Throws<DescriptorParameterException>(create).Message);
    }

    [Fact]
    public void PresetIsOverriddenKeyByKey()
    {
        Assert.Contains("LocalEnvironment", DescriptorPresets.Names);
        var o = DescriptorOptions.Create(parameters: new Hashtable { ["Acsf"] = new Hashtable { ["cutoff"] = 5.5 } }, preset: "localenvironment");
        var acsf = (AcsfSettings)Assert.Single(o.Blocks).Settings;
        Assert.Equal(5.5, acsf.Cutoff);
        Assert.Equal(AcsfForm.Modified, acsf.Form);
        Assert.True(o.PerAtom);
        Assert.False(DescriptorOptions.Create(preset: "LocalEnvironment", perAtom: false).PerAtom);
        var e = Assert.Throws<DescriptorParameterException>(() => DescriptorOptions.Create(preset: "Nope"));
        Assert.Contains("LocalEnvironment", e.Message);
    }

    [Fact]
    public void ReadsTheSameShapeFromYaml()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                kinds: [Acsf]
                species: [Ti, O]
                aggregate: Stats
                Acsf:
                  cutoff: 4.5
                  form: modified
                  g2: [[1.0, 0.0], [2, 1.5]]
                  g4Eta: [0.5]
                  g4Zeta: [1, 2]
                  g4Lambda: [-1, 1]
                  scale: 0.5
                """);
            var o = DescriptorOptions.FromYamlFile(path);
            var acsf = (AcsfSettings)o.Blocks[0].Settings;
            Assert.Equal(4.5, acsf.Cutoff);
            Assert.Equal(AcsfForm.Modified, acsf.Form);
            Assert.Equal(2, acsf.RadialFunctions.Count);
            Assert.Equal(4, acsf.G4Functions.Count);
            Assert.Equal(0.5, o.Blocks[0].Scale);
            Assert.Equal(Aggregation.Stats, o.Aggregate);
            Assert.Equal(["Ti", "O"], o.Species!);
            File.WriteAllText(path, "Acsf: { cutoff: 99 }");
            var e = Assert.Throws<DescriptorParameterException>(() => DescriptorOptions.FromYamlFile(path));
            Assert.Equal("cutoff", e.ParamName);
            Assert.Contains("Acsf.cutoff: Cutoff must be in (0, 30]; got 99", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void StatsAreFeatureMajorWithPopulationStd()
    {
        double[] rows = [1, 10, 2, 20, 6, 60]; // 3 atoms × 2 columns
        var v = new double[8];
        Aggregator.Apply(Aggregation.Stats, rows, 3, 2, v);
        TestStructures.AssertClose([3, Math.Sqrt(14.0 / 3), 1, 6, 30, Math.Sqrt(1400.0 / 3), 10, 60], v, 1e-15);
        Assert.Equal(["a.mean", "a.std", "a.min", "a.max", "b.mean", "b.std", "b.min", "b.max"], Aggregator.Labels(Aggregation.Stats, ["a", "b"]));
        var sum = new double[2];
        Aggregator.Apply(Aggregation.Sum, rows, 3, 2, sum);
        Assert.Equal([9.0, 90.0], sum);
    }

    [Fact]
    public void SpeciesAreSortedByAtomicNumberWhateverTheOrderGiven()
    {
        var set = SpeciesSet.FromSymbols(["Ti", "O", "Ti"]);
        Assert.Equal([8, 22], set.AtomicNumbers);
        Assert.Equal(["O", "Ti"], set.Symbols);
        Assert.Equal([0, 1, 2], new[] { set.PairIndex(0, 0), set.PairIndex(1, 0), set.PairIndex(1, 1) });
        var e = Assert.Throws<ArgumentException>(() => set.IndicesOf(Dimer(29, 2.5)));
        Assert.Contains("Cu", e.Message);
    }

    [Fact]
    public void AttachStreamsInOrderOnTwoThreadsAndMatchesOneAtATime()
    {
        var pool = Enumerable.Range(0, 25).Select(k => new Structure(k % 3 == 0 ? HcpTi36(k) : Rattle(Supercell(Hcp(), 1 + k % 2, 2, 1), k, 0.2)) { Id = $"s{k}" }).ToList();
        var options = DescriptorOptions.Create([DescriptorKind.Acsf], SmallAcsf, perAtom: true, aggregate: Aggregation.Stats);
        var result = DescriptorCalculator.Attach(pool, options, new RunContext { ThrottleLimit = 2 }).ToList();
        Assert.Equal(pool.Select(s => s.Id), result.Select(s => s.Id));
        var single = DescriptorCalculator.Bind(options, SpeciesSet.FromSymbols(["Ti"]));
        foreach (var s in result)
        {
            var (v, atoms, _) = single.Compute(s);
            Assert.Equal(v, s.Descriptor!.Value.ToArray());
            Assert.Equal(atoms!.Values.ToArray(), s.AtomDescriptors!.Values.ToArray());
            Assert.Equal(s.AtomCount, s.AtomDescriptors.Rows);
            Assert.Equal(8, s.DescriptorLabels!.Count);
            Assert.Equal("G2[Ti-Ti](eta=0.5,Rs=2.0).mean", s.DescriptorLabels[0]);
        }
    }

    [Fact]
    public void ScaleMultipliesTheBlockAndNoneAttachesRowsOnly()
    {
        var s = HcpTi36(1);
        var plain = DescriptorCalculator.Attach([s], DescriptorOptions.Create([DescriptorKind.Acsf], SmallAcsf)).Single();
        var scaled = DescriptorCalculator.Attach([s], DescriptorOptions.Create([DescriptorKind.Acsf],
            new Hashtable(SmallAcsf) { ["scale"] = 3.0 })).Single();
        TestStructures.AssertClose(plain.Descriptor!.Value.Select(x => 3 * x).ToArray(), scaled.Descriptor!.Value.AsSpan(), 1e-15);
        Assert.Null(plain.AtomDescriptors);
        var none = DescriptorCalculator.Attach([s], DescriptorOptions.Create([DescriptorKind.Acsf], SmallAcsf, aggregate: Aggregation.None)).Single();
        Assert.Null(none.Descriptor);
        Assert.Equal(36, none.AtomDescriptors!.Rows);
    }

    [Fact]
    public void SpeciesComeFromTheFirstStructureUnlessGiven()
    {
        var ti = Dimer(22, 2.5);
        var tio = Molecule([8, 22], Vec3.Zero, new Vec3(1.9, 0, 0));
        var options = DescriptorOptions.Create([DescriptorKind.Acsf], SmallAcsf);
        Assert.Throws<ArgumentException>(() => DescriptorCalculator.Attach([ti, tio], options).ToList());
        var both = DescriptorCalculator.Attach([ti, tio], options with { Species = ["Ti", "O"] }).ToList();
        Assert.StartsWith("G2[O-O]", both[0].DescriptorLabels![0]);
    }

    [Fact]
    public void CompositeConcatenatesScaledBlocksInKindOrder()
    {
        var s = HcpTi36(8);
        var options = DescriptorOptions.Create([DescriptorKind.Rdf, DescriptorKind.Acsf], new Hashtable
        {
            ["Acsf"] = SmallAcsf,
            ["Rdf"] = new Hashtable { ["cutoff"] = 6.0, ["scale"] = 0.5 },
        }, perAtom: true);
        var result = DescriptorCalculator.Attach([s], options).Single();
        var species = SpeciesSet.FromStructure(s);
        var rdf = new RdfDescriptor(new RdfSettings { Cutoff = 6.0 }, species);
        var acsf = new AcsfDescriptor((AcsfSettings)options.Blocks[1].Settings, species);
        var rows = acsf.ComputeAtoms(s);
        var mean = new double[2];
        Aggregator.Apply(Aggregation.Mean, rows, s.AtomCount, 2, mean);
        double[] expected = [.. rdf.ComputeStructure(s).Select(x => 0.5 * x), .. mean];
        TestStructures.AssertClose(expected, result.Descriptor!.Value.AsSpan(), 1e-15);
        Assert.Equal([.. rdf.Labels, .. acsf.Labels], result.DescriptorLabels!);
        Assert.Equal(acsf.Labels, result.AtomDescriptors!.Labels);
        Assert.Equal(rows, result.AtomDescriptors.Values.ToArray());
    }

    [Fact]
    public void EveryPresetParsesAndDescribesHcpTitanium()
    {
        var s = HcpTi36(30);
        foreach (var name in DescriptorPresets.Names)
        {
            var preset = DescriptorPresets.Get(name);
            Assert.False(string.IsNullOrWhiteSpace(preset.Description));
            var result = DescriptorCalculator.Attach([s], DescriptorOptions.Create(preset: name)).Single();
            Assert.True(result.Descriptor is { Length: > 0 } || result.AtomDescriptors is not null, name);
        }
        Assert.Subset(new HashSet<string>(DescriptorPresets.Names), new HashSet<string> { "AverageSoap", "LocalEnvironment", "Rdf100", "SeedFingerprint" });
    }

    [Fact]
    public void PushStreamReturnsBatchesInOrderAndReportsBadStructures()
    {
        var options = DescriptorOptions.Create([DescriptorKind.Acsf], SmallAcsf, species: ["Ti"]);
        var stream = new DescriptorStream(options, new RunContext { ThrottleLimit = 1 });
        var outcomes = new List<DescriptorOutcome>();
        var input = Enumerable.Range(0, 19).Select(k => k == 11 ? new Structure(Dimer(29, 2.5)) { Id = "bad" } : new Structure(Rattle(Hcp(), k, 0.2)) { Id = $"s{k}" }).ToList();
        foreach (var s in input) outcomes.AddRange(stream.Push(s));
        Assert.Equal(16, outcomes.Count); // two full batches of 8 so far
        outcomes.AddRange(stream.Complete());
        Assert.Equal(input.Select(s => s.Id), outcomes.Select(o => o.Input.Id));
        Assert.Single(outcomes, o => !o.Succeeded);
        Assert.Contains("Cu", outcomes[11].Error!.Message);
        Assert.All(outcomes.Where(o => o.Succeeded), o => Assert.Equal(2, o.Output!.Descriptor!.Value.Length));
    }

    [Fact]
    public void SupercellGivesTheSameStructureVector()
    {
        var s = WithSpecies(HcpTi36(40), i => i % 6 == 0 ? 8 : 22);
        var options = DescriptorOptions.Create([DescriptorKind.Acsf, DescriptorKind.Soap, DescriptorKind.Rdf], new Hashtable
        {
            ["Soap"] = new Hashtable { ["nmax"] = 3, ["lmax"] = 3 },
            ["Rdf"] = new Hashtable { ["cutoff"] = 6.0 },
            ["species"] = new[] { "Ti", "O" },
        }, aggregate: Aggregation.Stats);
        var result = DescriptorCalculator.Attach([s, Supercell(s, 2, 2, 2)], options).ToList();
        TestStructures.AssertClose(result[0].Descriptor!.Value.AsSpan(), result[1].Descriptor!.Value.AsSpan(), 1e-10, "supercell");
    }

    [Fact]
    public void IsolatedAtomHasOnlyItsSelfTerm()
    {
        var atom = Molecule([22], Vec3.Zero);
        var species = SpeciesSet.FromStructure(atom);
        Assert.All(new AcsfDescriptor(new AcsfSettings(), species).ComputeAtoms(atom), v => Assert.Equal(0, v));
        Assert.All(new RdfDescriptor(new RdfSettings(), species).ComputeStructure(atom), v => Assert.Equal(0, v));
        var soap = new SoapDescriptor(new SoapSettings { NMax = 2, LMax = 2 }, species);
        var row = soap.ComputeAtoms(atom);
        Assert.True(row[0] > 0);
        Assert.All(soap.Labels.Select((l, k) => (l, k)).Where(t => !t.l.EndsWith("l=0)")), t => Assert.Equal(0, row[t.k], 15));
    }
}
