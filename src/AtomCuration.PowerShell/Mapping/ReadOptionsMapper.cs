using System.Collections;
using AtomCuration.IO;

namespace AtomCuration.PowerShell.Mapping;

/// <summary>Turns Import-Structure's parameters into Core's <see cref="ReadOptions"/> (plain, testable without PowerShell).</summary>
public static class ReadOptionsMapper
{
    /// <summary>Builds read options; throws <see cref="ArgumentException"/> naming the bad parameter.</summary>
    public static ReadOptions Map(StructureFormat format, string? index, IDictionary? typeMap, string[]? species,
        OutcarEnergy outcarEnergy, N2p2Units n2p2Units = N2p2Units.Atomic)
    {
        FrameSlice slice;
        try
        {
            slice = string.IsNullOrWhiteSpace(index) ? FrameSlice.All : FrameSlice.Parse(index);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"-Index: {e.Message}", nameof(index), e);
        }
        return new ReadOptions
        {
            Format = format,
            Index = slice,
            TypeMap = typeMap is null ? null : MapTypes(typeMap),
            Species = species is { Length: > 0 } ? species.Select(CheckSymbol).ToArray() : null,
            OutcarEnergy = outcarEnergy,
            N2p2Units = n2p2Units,
        };
    }

    private static Dictionary<int, string> MapTypes(IDictionary typeMap)
    {
        var map = new Dictionary<int, string>();
        foreach (DictionaryEntry e in typeMap)
        {
            if (!int.TryParse(Convert.ToString(e.Key, System.Globalization.CultureInfo.InvariantCulture), out int type) || type < 1)
                throw new ArgumentException($"-TypeMap: key '{e.Key}' is not a LAMMPS atom type (a positive integer).", nameof(typeMap));
            map[type] = CheckSymbol(Convert.ToString(e.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }
        return map;
    }

    private static string CheckSymbol(string symbol) =>
        Structures.Elements.TryFromSymbol(symbol, out var element) ? element.Symbol
            : throw new ArgumentException($"'{symbol}' is not a chemical symbol (H…Pu).");
}
