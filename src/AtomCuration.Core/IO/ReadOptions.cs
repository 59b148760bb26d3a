namespace AtomCuration.IO;

/// <summary>Which OUTCAR energy becomes <c>Structure.Energy</c>.</summary>
public enum OutcarEnergy
{
    /// <summary>The free energy TOTEN (consistent with VASP's forces; ASE's choice). Default.</summary>
    FreeEnergy,
    /// <summary>The energy without entropy.</summary>
    EnergyWithoutEntropy,
    /// <summary>The σ→0 extrapolated energy.</summary>
    SigmaZero,
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
}
