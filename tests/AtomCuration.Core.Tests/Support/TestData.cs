using System.Collections.Immutable;
using AtomCuration.IO;
using AtomCuration.Structures;

namespace AtomCuration.Tests.Support;

/// <summary>
/// The DFT data bundled in the repository (BSD-3 samples; attribution in tests/data/README.md and
/// examples/data/README.md). No test reads anything outside the repository.
/// </summary>
public static class TestData
{
    /// <summary>59 Cu frames (Li et al. 2018 SNAP training set), also the examples' data.</summary>
    public static string Cu => RepoPaths.Combine("examples", "data", "Cu_SNAP_sample.extxyz.gz");

    /// <summary>32 Ag frames (Seko, pypolymlp).</summary>
    public static string Ag => RepoPaths.Combine("tests", "data", "Ag_polymlp_sample.extxyz.gz");

    /// <summary>32 Au frames (Seko, pypolymlp).</summary>
    public static string Au => RepoPaths.Combine("tests", "data", "Au_polymlp_sample.extxyz.gz");

    /// <summary>Every bundled extended XYZ sample.</summary>
    public static string[] Datasets => [Cu, Ag, Au];

    /// <summary>
    /// Three small labelled frames cut from the first frame of each sample (its first 2, 3 and 1 atoms,
    /// with their forces and the frame's cell, energy, stress and Info): small cells for fuzzing.
    /// </summary>
    public static List<Structure> SmallFrames()
    {
        int[] keep = [2, 3, 1];
        return Datasets.Select((path, k) =>
        {
            var s = StructureIO.Read(path).First().Structure!;
            int n = keep[k];
            return new Structure(s.AtomicNumbers[..n], s.Positions[..n], s.Cell, s.Pbc)
            {
                Energy = s.Energy,
                Forces = s.Forces is { } f ? ImmutableArray.Create(f.AsSpan(0, n)) : null,
                Stress = s.Stress,
                Info = s.Info,
            };
        }).ToList();
    }
}
