using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>The line-by-line parse of one POSCAR (see <see cref="PoscarReader"/>); every problem is a <see cref="StructureFormatException"/>.</summary>
internal sealed class PoscarParser(LineSource lines, string? source, ReadOptions options)
{
    private StructureFormatException Bad(string problem) => lines.Error(problem, 0);

    private string[] NextTokens(string what)
    {
        if (!lines.Next()) throw new StructureFormatException(source, lines.LineNumber + 1, 0, $"the file ends where {what} should be");
        return lines.Current.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    private double[] Reals(string[] tokens, int count, string what)
    {
        if (tokens.Length < count) throw Bad($"expected {what} ({count} numbers) but found {tokens.Length} values");
        var v = new double[count];
        for (int i = 0; i < count; i++)
        {
            if (!FastNumberParser.TryParseDouble(tokens[i], out v[i])) throw Bad($"expected {what} but '{tokens[i]}' is not a number");
            if (!double.IsFinite(v[i])) throw Bad($"{what} has a non-finite value '{tokens[i]}'");
        }
        return v;
    }

    public Structure Parse()
    {
        if (!lines.Next()) throw Bad("the file is empty");
        string comment = lines.Current.Trim().ToString();
        var scaleTokens = NextTokens("the scale factor");
        var scale = Reals(scaleTokens, scaleTokens.Length == 3 ? 3 : 1, "the scale factor");
        var rows = new Vec3[3];
        for (int i = 0; i < 3; i++)
        {
            var v = Reals(NextTokens($"lattice vector {i + 1}"), 3, $"lattice vector {i + 1}");
            rows[i] = new Vec3(v[0], v[1], v[2]);
        }
        var lattice = new Cell(rows[0], rows[1], rows[2]);
        Vec3 axisScale;
        if (scale.Length == 3)
        {
            if (scale.Any(s => s <= 0)) throw Bad("three scale factors must all be positive");
            axisScale = new Vec3(scale[0], scale[1], scale[2]);
        }
        else if (scale[0] < 0)
        {
            if (lattice.Volume == 0) throw Bad("a negative scale (target volume) needs a non-singular lattice");
            double s = Math.Cbrt(-scale[0] / lattice.Volume);
            axisScale = new Vec3(s, s, s);
        }
        else if (scale[0] == 0) throw Bad("the scale factor is zero");
        else axisScale = new Vec3(scale[0], scale[0], scale[0]);
        Vec3 Scale(Vec3 v) => new(v.X * axisScale.X, v.Y * axisScale.Y, v.Z * axisScale.Z);
        var cell = new Cell(Scale(rows[0]), Scale(rows[1]), Scale(rows[2]));

        var tokens = NextTokens("the species or counts line");
        string[] species;
        if (tokens.Length > 0 && long.TryParse(tokens[0], out _))
            species = options.Species?.ToArray() ?? SpeciesFromComment(comment, tokens.Length)
                ?? throw Bad("this VASP 4 file has no species line; give the species in order (ReadOptions.Species / -Species)");
        else
        {
            species = tokens.Select(t => t.Split('_', '/')[0]).ToArray();
            tokens = NextTokens("the atom counts");
        }
        if (tokens.Length != species.Length)
            throw Bad($"{species.Length} species ({string.Join(' ', species)}) but {tokens.Length} counts");
        var numbers = new List<int>();
        for (int i = 0; i < species.Length; i++)
        {
            if (!Elements.TryFromSymbol(species[i], out var element)) throw Bad($"'{species[i]}' is not a chemical symbol");
            if (!int.TryParse(tokens[i], out int count) || count < 0 || numbers.Count + (long)count > 10_000_000)
                throw Bad($"expected an atom count but found '{tokens[i]}'");
            numbers.AddRange(Enumerable.Repeat(element.Z, count));
        }
        if (numbers.Count == 0) throw Bad("the counts add up to 0 atoms");

        var mode = NextTokens("the coordinate mode (Direct or Cartesian)");
        bool selective = mode.Length > 0 && mode[0][0] is 'S' or 's';
        if (selective) mode = NextTokens("the coordinate mode (Direct or Cartesian)");
        if (mode.Length == 0) throw Bad("expected Direct or Cartesian but the line is empty");
        bool cartesian = mode[0][0] is 'C' or 'c' or 'K' or 'k';
        if (!cartesian && mode[0][0] is not ('D' or 'd'))
            throw Bad($"expected Direct or Cartesian but found '{mode[0]}'");
        if (!cartesian && !cell.IsFullRank) throw Bad("direct coordinates need a non-singular lattice");

        int n = numbers.Count;
        var positions = new Vec3[n];
        var flags = selective ? new bool[3 * n] : null;
        for (int a = 0; a < n; a++)
        {
            var t = NextTokens($"the position of atom {a + 1} of {n}");
            var v = Reals(t, 3, $"the position of atom {a + 1}");
            var p = new Vec3(v[0], v[1], v[2]);
            positions[a] = cartesian ? Scale(p) : cell.ToCartesian(p);
            if (flags is null) continue;
            if (t.Length < 6) throw Bad($"selective dynamics needs three T/F flags after the position of atom {a + 1}");
            for (int k = 0; k < 3; k++)
                if (!FastNumberParser.TryParseBool(t[3 + k], out flags[3 * a + k]))
                    throw Bad($"expected a T/F selective-dynamics flag but found '{t[3 + k]}'");
        }
        // Velocities and predictor-corrector data come after a blank line: another coordinate line
        // right after the last atom means the counts announce fewer atoms than the file lists.
        if (lines.Next() && LooksLikeCoordinates(lines.Current))
            throw Bad($"the species counts add up to {n} atoms but another coordinate line follows the last of them");
        try
        {
            return new Structure(Structure.Own(numbers.ToArray()), Structure.Own(positions), cell, Pbc.All)
            {
                Info = comment.Length > 0 ? new Dictionary<string, object> { ["comment"] = comment } : new Dictionary<string, object>(),
                AtomProperties = flags is null ? [] : [new AtomProperty(PoscarReader.SelectiveDynamicsProperty, AtomPropertyType.Logical, 3, flags)],
                SourcePath = source,
                FrameIndex = 0,
            };
        }
        catch (ArgumentException e)
        {
            throw Bad(e.Message);
        }
    }

    private static bool LooksLikeCoordinates(ReadOnlySpan<char> line)
    {
        int reals = 0;
        while (Tokens.Next(ref line, out var t) && reals < 3)
        {
            if (!FastNumberParser.TryParseDouble(t, out _)) return false;
            reals++;
        }
        return reals == 3;
    }

    /// <summary>ASE's fallback for VASP 4: the comment line names the species when its first tokens are all symbols.</summary>
    private static string[]? SpeciesFromComment(string comment, int groups)
    {
        var words = comment.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= groups && words.Take(groups).All(Elements.IsSymbol) ? words.Take(groups).ToArray() : null;
    }
}
