using System.Collections;
using System.Globalization;
using AtomCuration.Options;

namespace AtomCuration.IO;

/// <summary>
/// Which frames of a file to read: one index or slice (<see cref="FrameSlice"/>, Python's semantics, e.g.
/// <c>::-1</c> reverses), or several, comma-separated or as a list (<c>2,49</c>, <c>0:10,-1</c>) — what a
/// PowerShell user passes as <c>-Index 2,49</c>. Several parts select, like <c>Select-Object -Index</c>, every
/// frame that any part names, in file order and each once.
/// </summary>
public sealed record FrameSelection
{
    private FrameSelection(IReadOnlyList<FrameSlice> parts) => Parts = parts;

    /// <summary>Every frame.</summary>
    public static FrameSelection All { get; } = new([FrameSlice.All]);

    /// <summary>The indices and slices, at least one.</summary>
    public IReadOnlyList<FrameSlice> Parts { get; }

    /// <summary>A selection of <paramref name="parts"/>.</summary>
    /// <exception cref="ArgumentException">No part.</exception>
    public static FrameSelection Of(params FrameSlice[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length == 0) throw new ArgumentException("A frame selection needs at least one index or slice.", nameof(parts));
        return new FrameSelection(parts.ToArray());
    }

    /// <summary>Parses comma-separated indices and slices: <c>5</c>, <c>-1</c>, <c>0:100:10</c>, <c>2,49</c>.</summary>
    /// <exception cref="FormatException">A part is not an index or slice.</exception>
    public static FrameSelection Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new FrameSelection(text.Split(',').Select(FrameSlice.Parse).ToArray());
    }

    /// <summary>One index or slice.</summary>
    public static implicit operator FrameSelection(FrameSlice slice) => Of(slice);

    /// <summary>Equal when the parts are equal, in order.</summary>
    public bool Equals(FrameSelection? other) => other is not null && Parts.SequenceEqual(other.Parts);

    /// <inheritdoc />
    public override int GetHashCode() => Parts.Aggregate(0, (h, p) => HashCode.Combine(h, p));

    /// <inheritdoc />
    public override string ToString() => string.Join(",", Parts);

    /// <summary>Reads a selection from text (<c>"2,49"</c>), a number, or a list of those (PowerShell's <c>-Index 2,49</c>, a YAML list).</summary>
    public sealed class Converter : IOptionConverter
    {
        /// <inheritdoc />
        public string Shape => "frame index or slice (5, -1, 0:100:10), or a list of them";

        /// <inheritdoc />
        public object? Convert(object? value, string name)
        {
            var parts = value switch
            {
                null => null,
                string s => [s],
                IEnumerable many => many.Cast<object?>().Select(Text).ToArray(),
                _ => [Text(value)],
            };
            if (parts is null) return null;
            try
            {
                return Parse(string.Join(",", parts));
            }
            catch (FormatException e)
            {
                throw new OptionsException($"{name}: {e.Message}", name, e);
            }
        }

        /// <inheritdoc />
        public object? ToPlain(object? value) => value?.ToString();

        private static string Text(object? part) => System.Convert.ToString(part, CultureInfo.InvariantCulture) ?? "";
    }
}
