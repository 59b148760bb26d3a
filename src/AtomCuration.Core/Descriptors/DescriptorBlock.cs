using AtomCuration.Options;

namespace AtomCuration.Descriptors;

/// <summary>One block of a composite fingerprint: a configured kind and the factor its columns are multiplied by.</summary>
/// <param name="Settings">The kind and its validated parameters.</param>
/// <param name="Scale">Multiplies every column of the block (per-atom rows and structure vector), to balance blocks in a distance.</param>
public sealed record DescriptorBlock(IDescriptorSettings Settings, [property: OptionRange(0, double.PositiveInfinity, MinExclusive = true)] double Scale = 1.0)
{
    /// <summary>A section's <c>scale</c>, converted and range-checked as the binder does for any option; <paramref name="name"/> names it in messages.</summary>
    public static double ScaleOf(object? value, string name)
    {
        double scale = (double)OptionsBinder.ConvertTo(typeof(double), value, null, name)!;
        OptionRanges.Check(OptionRanges.Of(typeof(DescriptorBlock).GetProperty(nameof(Scale))!)!, name, scale);
        return scale;
    }

    /// <summary>The kind of the block.</summary>
    public DescriptorKind Kind => Settings.Kind;
}
