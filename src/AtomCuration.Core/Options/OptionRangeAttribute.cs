using System.Globalization;

namespace AtomCuration.Options;

/// <summary>
/// The one place a numeric option's valid range is written. <see cref="OptionRanges.Validate"/> checks it
/// (every options record's <c>Validate()</c> calls that), the recipe schema documents it, and the cmdlet
/// parameter that binds the property carries a <c>[ValidateRange]</c> equal to
/// [<see cref="SmallestAllowed"/>, <see cref="LargestAllowed"/>] (a reflection test compares them).
/// Bounds of ±∞ mean unbounded; floating-point values must always be finite.
/// </summary>
/// <param name="min">Lower bound (inclusive unless <see cref="MinExclusive"/>).</param>
/// <param name="max">Upper bound (inclusive unless <see cref="MaxExclusive"/>).</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class OptionRangeAttribute(double min, double max) : Attribute
{
    /// <summary>Lower bound.</summary>
    public double Min { get; } = min;

    /// <summary>Upper bound.</summary>
    public double Max { get; } = max;

    /// <summary>The lower bound itself is not allowed.</summary>
    public bool MinExclusive { get; set; }

    /// <summary>The upper bound itself is not allowed.</summary>
    public bool MaxExclusive { get; set; }

    /// <summary>The smallest value allowed for a property of type <paramref name="type"/> (int or double).</summary>
    public double SmallestAllowed(Type type) => IsInteger(type)
        ? (double.IsNegativeInfinity(Min) ? int.MinValue : MinExclusive ? Math.Floor(Min) + 1 : Math.Ceiling(Min))
        : double.IsNegativeInfinity(Min) ? double.MinValue : MinExclusive ? Math.BitIncrement(Min) : Min;

    /// <summary>The largest value allowed for a property of type <paramref name="type"/> (int or double).</summary>
    public double LargestAllowed(Type type) => IsInteger(type)
        ? (double.IsPositiveInfinity(Max) ? int.MaxValue : MaxExclusive ? Math.Ceiling(Max) - 1 : Math.Floor(Max))
        : double.IsPositiveInfinity(Max) ? double.MaxValue : MaxExclusive ? Math.BitDecrement(Max) : Max;

    /// <summary>Whether <paramref name="value"/> lies in the range (NaN and ±∞ never do).</summary>
    public bool Contains(double value) =>
        double.IsFinite(value)
        && (MinExclusive ? value > Min : value >= Min)
        && (MaxExclusive ? value < Max : value <= Max);

    /// <summary>The range in interval notation, e.g. <c>(0, ∞)</c> or <c>[2, 200]</c>.</summary>
    public override string ToString() =>
        $"{(MinExclusive || double.IsNegativeInfinity(Min) ? "(" : "[")}{Bound(Min)}, {Bound(Max)}{(MaxExclusive || double.IsPositiveInfinity(Max) ? ")" : "]")}";

    private static string Bound(double v) => double.IsPositiveInfinity(v) ? "∞" : double.IsNegativeInfinity(v) ? "-∞"
        : v == int.MaxValue ? "∞" : v.ToString("R", CultureInfo.InvariantCulture);

    private static bool IsInteger(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(int) || t == typeof(long);
    }
}
