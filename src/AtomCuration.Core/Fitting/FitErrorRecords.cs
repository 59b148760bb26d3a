namespace AtomCuration.Fitting;

/// <summary>
/// How well a potential reproduces one labelled structure (ready for a parity plot). Each numeric member's name ends
/// in its unit (<c>EvPerAtom</c>, <c>MevPerAtom</c>, <c>MevPerAngstrom</c>, <c>Gpa</c>, <c>Fraction</c>, <c>Count</c>), so a
/// CSV written from these rows (<c>Export-Csv</c>) says in its header what each column is.
/// </summary>
/// <param name="Id">Structure id.</param>
/// <param name="Group">Value of the grouping Info key; without one, the structure's config type (null when it has none).</param>
/// <param name="AtomCount">Atoms in the structure.</param>
/// <param name="ReferenceEnergyEvPerAtom">Label (eV/atom).</param>
/// <param name="PredictedEnergyEvPerAtom">Prediction (eV/atom).</param>
/// <param name="EnergyErrorMevPerAtom">Predicted − reference (meV/atom).</param>
/// <param name="ForceRmseMevPerAngstrom">RMSE over force components (meV/Å), or null without force labels.</param>
/// <param name="MaxForceErrorMevPerAngstrom">Largest |ΔF| over atoms (meV/Å), or null without force labels.</param>
/// <param name="StressRmseGpa">RMSE over the six stress components (GPa), or null without stress labels.</param>
public sealed record StructureFitError(string Id, string? Group, int AtomCount, double ReferenceEnergyEvPerAtom, double PredictedEnergyEvPerAtom,
    double EnergyErrorMevPerAtom, double? ForceRmseMevPerAngstrom, double? MaxForceErrorMevPerAngstrom, double? StressRmseGpa)
{
    /// <summary>Fraction of the structure's pairs closer than the fit's shortest training distance, or null when the potential carries no training range (not an EamFitResult).</summary>
    public double? OutsideDistanceFraction { get; init; }

    /// <summary>Fraction of its atoms whose host density lies outside the fit's training range, or null when the potential carries no training range.</summary>
    public double? OutsideDensityFraction { get; init; }
}

/// <summary>A structure singled out as one of the worst cases.</summary>
/// <param name="Id">Structure id.</param>
/// <param name="Error">The error that ranks it (meV/atom for energy, meV/Å for force).</param>
public sealed record WorstCase(string Id, double Error);

/// <summary>Error statistics over a set of structures (all of them, or one group).</summary>
public sealed record FitErrorSummary
{
    /// <summary>Per-element energy offsets removed before comparing (eV/atom, by symbol), or null when none were fitted.</summary>
    public IReadOnlyDictionary<string, double>? EnergyOffsets { get; init; }

    /// <summary>Group value, or null for the whole set.</summary>
    public string? Group { get; init; }

    /// <summary>Structures.</summary>
    public required int Structures { get; init; }

    /// <summary>Atoms.</summary>
    public required long Atoms { get; init; }

    /// <summary>Energy RMSE (meV/atom).</summary>
    public required double EnergyRmse { get; init; }

    /// <summary>Energy MAE (meV/atom).</summary>
    public required double EnergyMae { get; init; }

    /// <summary>Force RMSE per component (meV/Å), or null when no structure has forces.</summary>
    public double? ForceRmse { get; init; }

    /// <summary>Force MAE per component (meV/Å), or null when no structure has forces.</summary>
    public double? ForceMae { get; init; }

    /// <summary>Force components compared.</summary>
    public long ForceComponents { get; init; }

    /// <summary>Stress RMSE per component (GPa), or null when no structure has stress labels.</summary>
    public double? StressRmse { get; init; }

    /// <summary>Fraction of all pairs (within the cutoff) closer than the fit's shortest training distance, or null when the potential carries no training range.</summary>
    public double? OutsideDistanceFraction { get; init; }

    /// <summary>Fraction of all atoms whose host density lies outside the fit's training range, or null when the potential carries no training range.</summary>
    public double? OutsideDensityFraction { get; init; }

    /// <summary>Structures with the largest |energy error| (meV/atom), worst first.</summary>
    public required IReadOnlyList<WorstCase> WorstEnergy { get; init; }

    /// <summary>Structures with the largest single-atom force error (meV/Å), worst first.</summary>
    public required IReadOnlyList<WorstCase> WorstForce { get; init; }
}

/// <summary>The result of <see cref="FitErrorAnalysis"/>: overall, per group and per structure.</summary>
/// <param name="Overall">All structures.</param>
/// <param name="Groups">One summary per value of the grouping key (ordered by value), empty when not grouping.</param>
/// <param name="PerStructure">One record per structure, in input order.</param>
public sealed record FitErrorReport(FitErrorSummary Overall, IReadOnlyList<FitErrorSummary> Groups, IReadOnlyList<StructureFitError> PerStructure)
{
    /// <summary>Structures the potential could not evaluate (each names the structure and why); they are in no statistic.</summary>
    public IReadOnlyList<AtomCuration.Potentials.Eam.EamOutcome> Failures { get; init; } = [];

    /// <summary>Per-element energy offsets removed before comparing (eV/atom, by symbol), or null when none were fitted.</summary>
    public IReadOnlyDictionary<string, double>? EnergyOffsets { get; init; }

    /// <summary>The structures compared, in the order of <see cref="PerStructure"/>.</summary>
    public IReadOnlyList<AtomCuration.Structures.Structure> Compared { get; init; } = [];

    /// <summary>Their predictions (offsets included), in the same order.</summary>
    public IReadOnlyList<Prediction> Predictions { get; init; } = [];
}

/// <summary>One atom's force, reference and predicted (eV/Å), for a force parity plot; the force members' names end in their unit, as those of <see cref="StructureFitError"/>.</summary>
/// <param name="Id">Structure id.</param>
/// <param name="Group">Its group, or null when not grouping.</param>
/// <param name="AtomIndex">Zero-based atom index.</param>
/// <param name="Element">Chemical symbol.</param>
/// <param name="ReferenceFxEvPerAngstrom">Reference force, x (eV/Å).</param>
/// <param name="ReferenceFyEvPerAngstrom">Reference force, y (eV/Å).</param>
/// <param name="ReferenceFzEvPerAngstrom">Reference force, z (eV/Å).</param>
/// <param name="PredictedFxEvPerAngstrom">Predicted force, x (eV/Å).</param>
/// <param name="PredictedFyEvPerAngstrom">Predicted force, y (eV/Å).</param>
/// <param name="PredictedFzEvPerAngstrom">Predicted force, z (eV/Å).</param>
public sealed record AtomForceError(string Id, string? Group, int AtomIndex, string Element,
    double ReferenceFxEvPerAngstrom, double ReferenceFyEvPerAngstrom, double ReferenceFzEvPerAngstrom,
    double PredictedFxEvPerAngstrom, double PredictedFyEvPerAngstrom, double PredictedFzEvPerAngstrom);
