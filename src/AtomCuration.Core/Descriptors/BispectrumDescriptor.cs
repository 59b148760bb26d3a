using AtomCuration.Descriptors.Bispectrum;
using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// SNAP bispectrum components per atom, LAMMPS <c>compute sna/atom</c>'s definition and column order (see
/// <see cref="BispectrumSettings"/> for the formulas). Labels <c>B[2j1,2j2,2j]</c>; with quadraticflag also
/// <c>0.5*B[..]^2</c> and <c>B[..]*B[..]</c>. Gradients: <see cref="BispectrumCalculator.ComputeWithGradients"/>.
/// </summary>
public sealed class BispectrumDescriptor : Descriptor
{
    private readonly SpeciesSet _species;

    /// <summary>Configures <paramref name="settings"/> for <paramref name="species"/> (radius and weight must name each species when given).</summary>
    public BispectrumDescriptor(BispectrumSettings settings, SpeciesSet species)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        _species = species;
        var probe = new BispectrumCalculator(settings, species); // validates radius/weight against the species
        var linear = probe.Triples.Select(t => $"B[{t.J1},{t.J2},{t.J}]").ToArray();
        var labels = new List<string>(linear);
        if (settings.QuadraticFlag)
            for (int a = 0; a < linear.Length; a++)
            {
                labels.Add($"0.5*{linear[a]}^2");
                for (int b = a + 1; b < linear.Length; b++) labels.Add($"{linear[a]}*{linear[b]}");
            }
        Labels = labels;
    }

    /// <summary>The settings.</summary>
    public BispectrumSettings Settings { get; }

    /// <inheritdoc />
    public override DescriptorKind Kind => DescriptorKind.Bispectrum;

    /// <inheritdoc />
    public override IReadOnlyList<string> Labels { get; }

    /// <inheritdoc />
    public override bool IsLocal => true;

    /// <summary>A new calculator (one per thread) for these settings and species; it also gives gradients.</summary>
    public BispectrumCalculator CreateCalculator() => new(Settings, _species);

    /// <inheritdoc />
    public override void ComputeAtoms(Structure structure, Span<double> rows) => CreateCalculator().Compute(structure, rows);
}
