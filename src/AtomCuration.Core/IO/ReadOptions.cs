using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>Which OUTCAR energy becomes <c>Structure.Energy</c>.</summary>
public enum OutcarEnergy
{
    /// <summary>
    /// The free energy TOTEN, the energy VASP's forces are derivatives of. Default. ASE 3.22 keeps
    /// this value as <c>free_energy</c> (<c>get_potential_energy(force_consistent=True)</c>), but its
    /// plain <c>get_potential_energy()</c> returns the σ→0 value (<see cref="SigmaZero"/>).
    /// </summary>
    FreeEnergy,
    /// <summary>The energy without entropy.</summary>
    EnergyWithoutEntropy,
    /// <summary>The σ→0 extrapolated energy.</summary>
    SigmaZero,
}

/// <summary>Units of an n2p2 / RuNNer <c>input.data</c> file.</summary>
public enum N2p2Units
{
    /// <summary>Bohr and Hartree (the RuNNer convention). Default.</summary>
    Atomic,
    /// <summary>Å and eV (LAMMPS <c>metal</c> units), read as written.</summary>
    Metal,
}

/// <summary>Options every reader understands; each format uses the ones that apply to it.</summary>
public sealed record ReadOptions
{
    /// <summary>Format; <see cref="StructureFormat.Auto"/> sniffs.</summary>
    public StructureFormat Format { get; init; } = StructureFormat.Auto;

    /// <summary>Which frames to keep, e.g. <c>:</c>, <c>-1</c>, <c>0:100:10</c>.</summary>
    public FrameSlice Index { get; init; } = FrameSlice.All;

    /// <summary>Element symbol of each LAMMPS atom type (dump and data files).</summary>
    public IReadOnlyDictionary<int, string>? TypeMap { get; init; }

    /// <summary>Species in POSCAR order, for VASP 4 files that lack the species line.</summary>
    public IReadOnlyList<string>? Species { get; init; }

    /// <summary>Which OUTCAR energy to use.</summary>
    public OutcarEnergy OutcarEnergy { get; init; } = OutcarEnergy.FreeEnergy;

    /// <summary>Units of an n2p2 <c>input.data</c> file: atomic (Bohr, Hartree; default) or metal (Å, eV).</summary>
    public N2p2Units N2p2Units { get; init; } = N2p2Units.Atomic;

    /// <summary>
    /// What names the file in each structure's <see cref="Structure.Id"/> (<c>name#frame</c>); null = the file
    /// name. Import-Structure gives the path relative to the current location, so that ids stay unique when
    /// many files share a name (every OUTCAR below a folder).
    /// </summary>
    public string? SourceName { get; init; }
}
