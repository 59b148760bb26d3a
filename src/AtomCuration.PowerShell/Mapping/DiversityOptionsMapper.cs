using System.Globalization;
using AtomCuration.Selection;

namespace AtomCuration.PowerShell.Mapping;

/// <summary>Turns Measure-Diversity's parameters into Core's <see cref="EntropyOptions"/> (plain, testable without PowerShell).</summary>
public static class DiversityOptionsMapper
{
    /// <summary>The entropy estimator's options; arguments left null keep Core's defaults (1st neighbour, floor 1e-12). Throws <see cref="ArgumentException"/> naming the bad parameter and its range.</summary>
    public static EntropyOptions Map(int? neighbours, double? bandwidth, int throttleLimit)
    {
        if (neighbours is < 1 or > 1000) throw new ArgumentException($"-Neighbours must be in [1, 1000]; got {neighbours}.", nameof(neighbours));
        if (bandwidth is double h && !(h > 0 && double.IsFinite(h)))
            throw new ArgumentException($"-Bandwidth must be in (0, ∞); got {h.ToString("R", CultureInfo.InvariantCulture)}.", nameof(bandwidth));
        var defaults = new EntropyOptions();
        return defaults with
        {
            Neighbours = neighbours ?? defaults.Neighbours,
            Bandwidth = bandwidth ?? defaults.Bandwidth,
            Threads = throttleLimit,
        };
    }
}
