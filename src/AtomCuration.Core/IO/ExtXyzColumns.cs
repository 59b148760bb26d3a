using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>What a per-atom column of extended XYZ becomes.</summary>
internal enum ExtXyzRole
{
    /// <summary>Chemical symbol → atomic number.</summary>
    Species,
    /// <summary>Atomic number column <c>Z</c> (used when there is no species column).</summary>
    Numbers,
    /// <summary>Cartesian positions.</summary>
    Positions,
    /// <summary>Forces.</summary>
    Forces,
    /// <summary>Anything else: kept as an <see cref="AtomProperty"/>.</summary>
    Property,
}

/// <summary>One <c>name:type:count</c> entry of the Properties key.</summary>
internal sealed record ExtXyzColumn(string Name, AtomPropertyType Type, int Count, ExtXyzRole Role);

/// <summary>
/// The Properties key of an extended XYZ frame, e.g. <c>species:S:1:pos:R:3:forces:R:3</c>.
/// <c>species</c> must be S:1, <c>pos</c> and <c>forces</c> R:3; <c>Z</c> gives the atomic
/// numbers only when there is no species column. Without the key ASE assumes
/// <c>species:S:1:pos:R:3</c>, and so do we.
/// </summary>
internal sealed class ExtXyzColumns
{
    public const string Default = "species:S:1:pos:R:3";

    private ExtXyzColumns(string text, ExtXyzColumn[] columns)
    {
        Text = text;
        Columns = columns;
        TokensPerLine = columns.Sum(c => c.Count);
    }

    /// <summary>The Properties string this layout was parsed from.</summary>
    public string Text { get; }

    /// <summary>Columns in file order.</summary>
    public ExtXyzColumn[] Columns { get; }

    /// <summary>Whitespace-separated values on each atom line.</summary>
    public int TokensPerLine { get; }

    /// <summary>Parses a Properties value; the error text says what was expected.</summary>
    public static ExtXyzColumns Parse(string text, out string? error)
    {
        error = null;
        var fields = text.Split(':');
        if (fields.Length % 3 != 0)
        {
            error = $"Properties '{text}' is not a list of name:type:count triples";
            return null!;
        }
        var columns = new List<ExtXyzColumn>();
        bool hasSpecies = false;
        for (int i = 0; i < fields.Length; i += 3)
        {
            string name = fields[i];
            AtomPropertyType? type = fields[i + 1] switch
            {
                "R" => AtomPropertyType.Real,
                "I" => AtomPropertyType.Integer,
                "S" => AtomPropertyType.String,
                "L" => AtomPropertyType.Logical,
                _ => null,
            };
            if (name.Length == 0 || type is null || !int.TryParse(fields[i + 2], out int count) || count < 1 || count > 1000)
            {
                error = $"Properties entry '{name}:{fields[i + 1]}:{fields[i + 2]}' is not name:R|I|S|L:count";
                return null!;
            }
            if (columns.Any(c => c.Name == name))
            {
                error = $"Properties names '{name}' twice";
                return null!;
            }
            var role = name switch
            {
                "species" => ExtXyzRole.Species,
                "pos" => ExtXyzRole.Positions,
                "forces" => ExtXyzRole.Forces,
                _ => ExtXyzRole.Property,
            };
            string? need = role switch
            {
                ExtXyzRole.Species when type != AtomPropertyType.String || count != 1 => "species:S:1",
                ExtXyzRole.Positions or ExtXyzRole.Forces when type != AtomPropertyType.Real || count != 3 => $"{name}:R:3",
                _ => null,
            };
            if (need is not null)
            {
                error = $"Properties entry '{name}:{fields[i + 1]}:{count}' should be {need}";
                return null!;
            }
            hasSpecies |= role == ExtXyzRole.Species;
            columns.Add(new ExtXyzColumn(name, type.Value, count, role));
        }
        if (!hasSpecies)
        {
            int z = columns.FindIndex(c => c.Name == "Z" && c.Type == AtomPropertyType.Integer && c.Count == 1);
            if (z >= 0) columns[z] = columns[z] with { Role = ExtXyzRole.Numbers };
            else
            {
                error = $"Properties '{text}' has neither a species:S:1 nor a Z:I:1 column";
                return null!;
            }
        }
        if (!columns.Any(c => c.Role == ExtXyzRole.Positions))
        {
            error = $"Properties '{text}' has no pos:R:3 column";
            return null!;
        }
        return new ExtXyzColumns(text, columns.ToArray());
    }
}
