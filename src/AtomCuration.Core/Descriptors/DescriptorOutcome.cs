using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// What became of one input structure: the copy with descriptors attached, or the reason it
/// could not be described (e.g. an element outside the species set). A cmdlet writes the
/// output or a non-terminating error record and goes on with the next structure, and writes
/// each of <see cref="Warnings"/> (e.g. <c>WriteWarning</c>).
/// </summary>
/// <param name="Input">The structure as it came in.</param>
/// <param name="Output">The structure with descriptors attached, or null on failure.</param>
/// <param name="Error">Why it failed, or null.</param>
public sealed record DescriptorOutcome(Structure Input, Structure? Output, Exception? Error)
{
    /// <summary>True when <see cref="Output"/> is set.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Fallbacks taken while describing the structure (each names it and the fallback); empty when none.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
