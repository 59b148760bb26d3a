using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>
/// Turns the ways files name species (POTCAR labels, masses, LAMMPS types) into atomic numbers.
/// Plain element symbols, one per atom line, go through <see cref="SymbolLookupCache"/> instead,
/// which every line reader uses so that no string is made per atom.
/// </summary>
internal static class SpeciesNames
{
    /// <summary>
    /// The element of a POTCAR label such as <c>Fe_pv</c>, <c>H.75</c>, <c>Sb</c> or <c>O_h</c>:
    /// the longest leading one- or two-letter chemical symbol. Null when there is none.
    /// </summary>
    public static Element? FromPotcarLabel(ReadOnlySpan<char> label)
    {
        label = label.Trim();
        if (label.Length == 0 || !char.IsAsciiLetterUpper(label[0])) return null;
        if (label.Length >= 2 && char.IsAsciiLetterLower(label[1]) &&
            Elements.TryFromSymbol(label[..2].ToString(), out var two))
            return two;
        return Elements.TryFromSymbol(label[..1].ToString(), out var one) ? one : null;
    }

    /// <summary>
    /// The element whose standard atomic mass is nearest to <paramref name="mass"/> (amu), when it
    /// is within <paramref name="tolerance"/> amu and clearly nearer than the runner-up; otherwise null.
    /// Isotope-scaled or made-up masses therefore fail loudly instead of picking a neighbour.
    /// </summary>
    public static Element? FromMass(double mass, double tolerance = 0.5)
    {
        Element? best = null, second = null;
        foreach (var e in Elements.All)
        {
            double d = Math.Abs(e.Mass - mass);
            if (best is null || d < Math.Abs(best.Mass - mass))
            {
                second = best;
                best = e;
            }
            else if (second is null || d < Math.Abs(second.Mass - mass))
            {
                second = e;
            }
        }
        if (best is null || Math.Abs(best.Mass - mass) > tolerance) return null;
        // Ar (39.948) and K (39.098), Co and Ni, Te and I … lie close; demand a clear winner.
        return second is not null && Math.Abs(second.Mass - mass) - Math.Abs(best.Mass - mass) < 0.05 ? null : best;
    }

    /// <summary>
    /// The atomic number a LAMMPS type map gives for <paramref name="type"/>; returns null on
    /// success, else what is wrong (type missing, or not an element symbol).
    /// </summary>
    public static string? FromTypeMap(IReadOnlyDictionary<int, string> typeMap, int type, out int z)
    {
        z = 0;
        if (!typeMap.TryGetValue(type, out var symbol)) return $"atom type {type} is not in the type map";
        if (!Elements.TryFromSymbol(symbol, out var e)) return $"the type map gives '{symbol}' for type {type}, not an element";
        z = e.Z;
        return null;
    }
}
