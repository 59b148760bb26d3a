using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// A per-atom descriptor whose weighted sums E = Σ_i Σ_c λ_ic q_ic can be differentiated with respect to the positions,
/// as forces through a descriptor need (the entropy of paper 004): first the rows (<see cref="ComputeRetained"/>, which
/// keeps what the gradient needs), then, with λ known, ∂E/∂r for every atom (<see cref="AddWeightedGradient"/>) without
/// forming the full ∂q/∂r tensor. Implementations reuse their buffers: one instance per thread.
/// </summary>
public interface IDifferentiableDescriptor
{
    /// <summary>Columns per atom.</summary>
    int ColumnCount { get; }

    /// <summary>The largest pair distance read (Å): the pairs handed in must reach at least this far.</summary>
    double MaxCutoff { get; }

    /// <summary>Rows (atoms × <see cref="ColumnCount"/>) from full neighbour pairs; pairs beyond the descriptor's cutoffs are skipped.</summary>
    void ComputeRetained(NeighborPairs pairs, ReadOnlySpan<int> species, Span<double> rows);

    /// <summary>Adds ∂E/∂r_k of E = Σ_i Σ_c λ_ic q_ic (λ atoms × <see cref="ColumnCount"/>) for the structure of the last <see cref="ComputeRetained"/>.</summary>
    void AddWeightedGradient(ReadOnlySpan<double> coefficients, Span<Vec3> gradient);
}

/// <summary>The descriptors with position gradients: bispectrum (SNAP) and ACSF.</summary>
public static class DifferentiableDescriptors
{
    /// <summary>The kinds <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<DescriptorKind> Kinds { get; } = [DescriptorKind.Bispectrum, DescriptorKind.Acsf];

    /// <summary>
    /// The differentiable form of <paramref name="settings"/> for <paramref name="species"/>; for the bispectrum,
    /// <paramref name="leadingColumns"/> limits the work to the first that many linear components.
    /// </summary>
    /// <exception cref="ArgumentException">The kind has no position gradients here.</exception>
    public static IDifferentiableDescriptor Create(IDescriptorSettings settings, SpeciesSet species, int? leadingColumns = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings switch
        {
            BispectrumSettings b => new Bispectrum.BispectrumCalculator(b, species, leadingColumns),
            AcsfSettings a => new AcsfGradientCalculator(a, species),
            _ => throw new ArgumentException($"{settings.Kind} has no position gradients; use {string.Join(" or ", Kinds)}.", nameof(settings)),
        };
    }

    /// <summary>Columns per atom <see cref="Create"/> would give, without building it.</summary>
    public static int ColumnCount(IDescriptorSettings settings, SpeciesSet species) => settings switch
    {
        BispectrumSettings b => b.LinearCount + (b.QuadraticFlag ? b.LinearCount * (b.LinearCount + 1) / 2 : 0),
        AcsfSettings a => species.Count * AcsfGradientCalculator.CentreWidth(a, species),
        _ => throw new ArgumentException($"{settings.Kind} has no position gradients; use {string.Join(" or ", Kinds)}.", nameof(settings)),
    };
}
