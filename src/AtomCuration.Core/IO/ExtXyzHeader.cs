using System.Runtime.CompilerServices;
using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>
/// The interpreted comment line of an extended XYZ frame. <c>Lattice</c> (9 numbers, the
/// rows a, b, c), <c>pbc</c> (default T T T with a Lattice, else F F F), <c>Properties</c>,
/// <c>energy</c> and <c>stress</c> (9 numbers row-major, read as ASE does, or 6 in Voigt
/// order) become fields. <c>free_energy</c> stays in Info and is the energy when
/// <c>energy</c> is absent. <c>virial</c> stays in Info and gives stress = −virial/volume when
/// there is no <c>stress</c>. Everything else goes to Info. A line without any <c>=</c> is a
/// plain XYZ comment, kept as Info["comment"] (ASE would make each word a true flag).
/// </summary>
/// <remarks>Info values are stored frozen (<see cref="FrozenInfo.Freeze"/>), so the structure adopts the dictionary without a copy.</remarks>
internal sealed record ExtXyzHeader(ExtXyzColumns Columns, Cell Cell, Pbc Pbc, double? Energy, Voigt? Stress,
    Dictionary<string, object> Info)
{
    /// <summary>Parses the comment line; on failure returns null and says what was wrong in <paramref name="error"/>.</summary>
    // Hot per frame: optimised from the first call (see LineSource.Next).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ExtXyzHeader Parse(ReadOnlySpan<char> line, ref ExtXyzColumns? lastColumns, out string? error)
    {
        error = null;
        var info = new Dictionary<string, object>(StringComparer.Ordinal);
        string columnsText = ExtXyzColumns.Default;
        double[]? lattice = null, virial = null;
        Pbc? pbc = null;
        double? energy = null, freeEnergy = null;
        Voigt? stress = null;
        if (line.IndexOf('=') < 0)
        {
            var comment = line.Trim();
            if (!comment.IsEmpty) info["comment"] = comment.ToString();
        }
        else
        {
            var pairs = ExtXyzKeyValues.Split(line, out char unclosed);
            if (unclosed != '\0')
            {
                error = $"the comment line opens a {unclosed} that it never closes, which would swallow the rest of the line (energy=, stress=, …)";
                return null!;
            }
            foreach (var (key, raw) in pairs)
            {
                switch (key)
                {
                    case "Lattice":
                        lattice = Reals(key, raw, 9, 9, ref error);
                        break;
                    case "Properties":
                        columnsText = raw ?? "";
                        break;
                    case "pbc":
                        pbc = ParsePbc(raw, ref error);
                        break;
                    case "energy":
                        energy = Reals(key, raw, 1, 1, ref error)?[0];
                        break;
                    case "free_energy":
                        freeEnergy = Reals(key, raw, 1, 1, ref error)?[0];
                        if (freeEnergy is { } f) info[key] = f;
                        break;
                    case "stress":
                        var s = Reals(key, raw, 6, 9, ref error);
                        if (s is not null) stress = FromTensorOrVoigt(s);
                        break;
                    case "virial":
                        virial = Reals(key, raw, 9, 9, ref error);
                        if (virial is not null) info[key] = FrozenInfo.Freeze(virial);
                        break;
                    default:
                        // ASE leaves uid unconverted, so "007" stays a string.
                        info[key] = key.Equals("uid", StringComparison.OrdinalIgnoreCase) ? raw ?? "T" : FrozenInfo.Freeze(ExtXyzKeyValues.Convert(raw));
                        break;
                }
                if (error is not null) return null!;
            }
        }
        var columns = lastColumns is not null && lastColumns.Text == columnsText
            ? lastColumns
            : ExtXyzColumns.Parse(columnsText, out error);
        if (error is not null) return null!;
        lastColumns = columns;
        var cell = lattice is null ? Cell.Empty : Cell.FromRows(lattice);
        var periodic = pbc ?? (lattice is null ? Pbc.None : Pbc.All);
        if (periodic.Any && lattice is null)
        {
            error = $"pbc is \"{periodic}\" but there is no Lattice; a periodic frame needs its cell";
            return null!;
        }
        if (stress is null && virial is not null)
        {
            if (cell.Volume == 0)
            {
                error = "virial needs a Lattice with non-zero volume to become a stress";
                return null!;
            }
            stress = -1 / cell.Volume * FromTensorOrVoigt(virial);
        }
        return new ExtXyzHeader(columns, cell, periodic, energy ?? freeEnergy, stress, info);
    }

    /// <summary>Nine numbers as ASE reads a 3×3 key (Fortran order; the tensor is symmetric), or six in Voigt order.</summary>
    private static Voigt FromTensorOrVoigt(double[] v) => v.Length == 6
        ? new Voigt(v[0], v[1], v[2], v[3], v[4], v[5])
        : new Voigt(v[0], v[4], v[8], v[7], v[6], v[3]);

    // Tokens are parsed where they stand in the value (Lattice and stress come with every frame: no token strings).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[]? Reals(string key, string? raw, int countA, int countB, ref string? error)
    {
        var rest = raw.AsSpan();
        int count = ExtXyzKeyValues.CountTokens(rest);
        string expected = countA == countB ? (countA == 1 ? "a number" : $"{countA} numbers") : $"{countA} or {countB} numbers";
        if (count != countA && count != countB)
        {
            error = $"{key} should be {expected} but has {count} values";
            return null;
        }
        var values = new double[count];
        for (int i = 0; i < values.Length; i++)
        {
            var token = ExtXyzKeyValues.NextToken(ref rest);
            if (!FastNumberParser.TryParseDouble(token, out values[i]))
            {
                error = $"{key} should be {expected} but '{token}' is not a number";
                return null;
            }
            if (!double.IsFinite(values[i]))
            {
                error = $"{key} has a non-finite value '{token}'";
                return null;
            }
        }
        return values;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Pbc? ParsePbc(string? raw, ref string? error)
    {
        var rest = (raw ?? "T").AsSpan();
        var flags = new bool[ExtXyzKeyValues.CountTokens(rest)];
        for (int i = 0; i < flags.Length; i++)
        {
            var token = ExtXyzKeyValues.NextToken(ref rest);
            if (FastNumberParser.TryParseBool(token, out flags[i])) continue;
            if (token is "0" or "1")
            {
                flags[i] = token[0] == '1';
                continue;
            }
            flags = [];
            break;
        }
        if (flags.Length == 1) return new Pbc(flags[0], flags[0], flags[0]);
        if (flags.Length == 3) return new Pbc(flags[0], flags[1], flags[2]);
        error = $"pbc should be three of T/F (or one for all axes) but is '{raw}'";
        return null;
    }
}
