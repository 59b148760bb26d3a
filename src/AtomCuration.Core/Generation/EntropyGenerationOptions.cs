using AtomCuration.Descriptors;
using AtomCuration.Structures;

namespace AtomCuration.Generation;

/// <summary>How the annealing controls the temperature.</summary>
public enum Thermostat
{
    /// <summary>
    /// Langevin: after each velocity-Verlet step the velocities take the exact Ornstein–Uhlenbeck update
    /// v ← c·v + √((1 − c²) k_B T / m)·ξ, c = exp(−γ·dt), ξ standard normal (Bussi and Parrinello, Phys. Rev. E 75,
    /// 056707 (2007)). Samples the canonical ensemble at the current T. The default.
    /// </summary>
    Langevin,

    /// <summary>Berendsen: velocities scaled by √(1 + (dt/τ)(T/T_kin − 1)) each step (Berendsen et al., J. Chem. Phys. 81, 3684 (1984)); deterministic after the start.</summary>
    Berendsen,

    /// <summary>None: plain velocity Verlet (microcanonical; for checks of energy conservation).</summary>
    None,
}

/// <summary>
/// Settings of the entropy-maximising generator (paper 004, Karabin and Perez 2022). Defaults are the paper's
/// tungsten setting: 39 W atoms in a periodic 9.54 × 9.54 × 14.31 Å cell, the first 6 SNAP bispectrum components,
/// the Clarke–Smith repulsion (E0 = 1 eV, n = 8, m = 4, r0 = 2.7 Å, cut and shifted at 2.71 Å), and each cycle a
/// linear ramp of T from 10,000 K to 0 while K rises from 0 to 1000 eV. The paper gives neither the bispectrum
/// parameters nor the cycle length and time step: the bispectrum uses the published W SNAP potential's (Wood and
/// Thompson 2017: rcutfac 4.73442, R = 0.5, rfac0 0.99363, bzeroflag off; the first six components do not depend on
/// twojmax ≥ 3, so twojmax 3, the cheapest that holds them, gives that potential's numbers), and a cycle is 2,000 steps of 1 fs.
/// Any descriptor with position gradients may replace the bispectrum (ACSF: <see cref="AcsfSettings"/>).
/// </summary>
public sealed record EntropyGenerationOptions
{
    /// <summary>Element of every atom.</summary>
    public string Element { get; init; } = "W";

    /// <summary>Atoms per configuration.</summary>
    public int AtomCount { get; init; } = 39;

    /// <summary>The periodic cell (Å).</summary>
    public Cell Cell { get; init; } = new(new Vec3(9.54, 0, 0), new Vec3(0, 9.54, 0), new Vec3(0, 0, 14.31));

    /// <summary>
    /// The descriptor: bispectrum settings (one element; radius and weight may name it) or any other kind with position
    /// gradients (<see cref="DifferentiableDescriptors.Kinds"/>, e.g. <see cref="AcsfSettings"/>).
    /// </summary>
    public IDescriptorSettings Descriptor { get; init; } = new BispectrumSettings
    {
        TwoJMax = 3, RCutFac = 4.73442, RFac0 = 0.99363, RMin0 = 0, BZeroFlag = false,
        Radius = new Dictionary<string, double> { ["W"] = 0.5 }, Weight = new Dictionary<string, double> { ["W"] = 1.0 },
    };

    /// <summary>How many leading descriptor components (column order; LAMMPS order for the bispectrum) enter the entropy.</summary>
    public int Components { get; init; } = 6;

    /// <summary>The excluded-volume term.</summary>
    public ClarkeSmithRepulsion Repulsion { get; init; } = new();

    /// <summary>Final entropy weight K (eV) at the end of each cycle; K rises linearly from <see cref="StartEntropyWeight"/>. 0 = unbiased.</summary>
    public double EntropyWeight { get; init; } = 1000;

    /// <summary>K at the start of each cycle (eV).</summary>
    public double StartEntropyWeight { get; init; }

    /// <summary>Temperature at the start of each cycle (K).</summary>
    public double StartTemperature { get; init; } = 10_000;

    /// <summary>Temperature at the end of each cycle (K); equal to the start for a constant-temperature run (the paper's unbiased set: 10,000 K, K = 0).</summary>
    public double FinalTemperature { get; init; }

    /// <summary>Molecular-dynamics steps per cycle (one configuration per cycle).</summary>
    public int Steps { get; init; } = 2000;

    /// <summary>Time step (ps).</summary>
    public double TimeStep { get; init; } = 0.001;

    /// <summary>Atomic mass (amu); null = the element's standard atomic weight.</summary>
    public double? Mass { get; init; }

    /// <summary>The thermostat.</summary>
    public Thermostat Thermostat { get; init; } = Thermostat.Langevin;

    /// <summary>Langevin friction γ (1/ps) or 1/τ of Berendsen.</summary>
    public double Friction { get; init; } = 10;

    /// <summary>
    /// Skin of the Verlet neighbour list (Å): pairs within the cutoff plus this are searched again only after an atom moved
    /// half of it. Changes the work, not the physics (only the summation order, hence the last bits).
    /// </summary>
    public double NeighborSkin { get; init; } = 1.0;

    /// <summary>Smallest distance between atoms of the random start (Å).</summary>
    public double StartDistance { get; init; } = 2.0;

    /// <summary>Checks the settings; throws <see cref="ArgumentException"/> naming the one at fault.</summary>
    public void Validate()
    {
        if (!Elements.TryFromSymbol(Element, out _)) throw new ArgumentException($"'{Element}' is not a chemical symbol.", nameof(Element));
        if (AtomCount is < 2 or > 10_000) throw new ArgumentOutOfRangeException(nameof(AtomCount), AtomCount, "Between 2 and 10,000 atoms.");
        ArgumentNullException.ThrowIfNull(Cell);
        if (!(Cell.Volume > 1)) throw new ArgumentException("The cell needs a positive volume.", nameof(Cell));
        ArgumentNullException.ThrowIfNull(Descriptor);
        if (!DifferentiableDescriptors.Kinds.Contains(Descriptor.Kind))
            throw new ArgumentException($"{Descriptor.Kind} has no position gradients; use {string.Join(" or ", DifferentiableDescriptors.Kinds)}.", nameof(Descriptor));
        int available = Descriptor is BispectrumSettings b ? b.LinearCount : DifferentiableDescriptors.ColumnCount(Descriptor, SpeciesSet.FromSymbols([Element]));
        if (Components < 1 || Components > available)
            throw new ArgumentOutOfRangeException(nameof(Components), Components,
                Descriptor is BispectrumSettings bs ? $"twojmax {bs.TwoJMax} has {available} components." : $"The {Descriptor.Kind} descriptor has {available} columns.");
        ArgumentNullException.ThrowIfNull(Repulsion);
        Repulsion.Validate();
        Check(nameof(EntropyWeight), EntropyWeight, 0, 1e6);
        Check(nameof(StartEntropyWeight), StartEntropyWeight, 0, 1e6);
        Check(nameof(StartTemperature), StartTemperature, 0, 1e6);
        Check(nameof(FinalTemperature), FinalTemperature, 0, 1e6);
        if (Steps is < 1 or > 100_000_000) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "Between 1 and 1e8 steps.");
        if (!(TimeStep > 0 && TimeStep <= 0.01)) throw new ArgumentOutOfRangeException(nameof(TimeStep), TimeStep, "The time step must be in (0, 0.01] ps.");
        if (Mass is { } m && !(m > 0 && m < 1e4)) throw new ArgumentOutOfRangeException(nameof(Mass), m, "The mass must be in (0, 1e4) amu.");
        Check(nameof(Friction), Friction, 0, 1e4);
        if (!(NeighborSkin >= 0 && NeighborSkin <= 5)) throw new ArgumentOutOfRangeException(nameof(NeighborSkin), NeighborSkin, "The skin must be in [0, 5] Å.");
        if (!(StartDistance >= 0 && StartDistance < 10)) throw new ArgumentOutOfRangeException(nameof(StartDistance), StartDistance, "In [0, 10) Å.");
        if (AtomCount * Math.Pow(StartDistance, 3) > 1.2 * Cell.Volume)
            throw new ArgumentException($"{AtomCount} atoms {StartDistance} Å apart do not fit into {Cell.Volume:0.#} Å³; lower StartDistance.", nameof(StartDistance));
    }

    /// <summary>The atomic mass used (amu).</summary>
    public double MassOrDefault => Mass ?? Elements.FromSymbol(Element).Mass;

    private static void Check(string name, double value, double min, double max)
    {
        if (!(value >= min && value <= max)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{min}, {max}].");
    }
}
