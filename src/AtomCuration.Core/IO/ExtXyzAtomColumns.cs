using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>
/// The per-atom columns of one extended XYZ frame, filled line by line from spans (no
/// splitting, no per-number allocation) and handed to the <see cref="Structure"/> without
/// copying. Arrays start at the declared atom count, capped so that a corrupt count cannot
/// allocate gigabytes before the frame fails.
/// </summary>
internal sealed class ExtXyzAtomColumns
{
    private const int InitialCap = 1 << 16;

    private readonly ExtXyzColumns _layout;
    private readonly int _count;
    private int[] _numbers;
    private Vec3[] _positions;
    private Vec3[]? _forces;
    private readonly Array[] _extra;
    private int _capacity;

    // Per frame: optimised from the first call (see LineSource.Next).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ExtXyzAtomColumns(ExtXyzColumns layout, int count)
    {
        _layout = layout;
        _count = count;
        _capacity = Math.Min(count, InitialCap);
        _numbers = new int[_capacity];
        _positions = new Vec3[_capacity];
        _extra = new Array[layout.Columns.Length];
        for (int c = 0; c < layout.Columns.Length; c++)
        {
            var col = layout.Columns[c];
            if (col.Role == ExtXyzRole.Forces) _forces = new Vec3[_capacity];
            else if (col.Role == ExtXyzRole.Property) _extra[c] = NewArray(col.Type, _capacity * col.Count);
        }
    }

    private static Array NewArray(AtomPropertyType type, int length) => type switch
    {
        AtomPropertyType.Real => new double[length],
        AtomPropertyType.Integer => new long[length],
        AtomPropertyType.String => new string[length],
        _ => new bool[length],
    };

    private void Grow()
    {
        int cap = (int)Math.Min((long)_capacity * 2, _count);
        Array.Resize(ref _numbers, cap);
        Array.Resize(ref _positions, cap);
        if (_forces is not null) Array.Resize(ref _forces, cap);
        for (int c = 0; c < _extra.Length; c++)
        {
            if (_extra[c] is not { } old) continue;
            var grown = NewArray(_layout.Columns[c].Type, cap * _layout.Columns[c].Count);
            Array.Copy(old, grown, old.Length);
            _extra[c] = grown;
        }
        _capacity = cap;
    }

    private string WrongCount(ReadOnlySpan<char> line) =>
        $"an atom line has {Tokens.Count(line)} values but Properties={_layout.Text} needs {_layout.TokensPerLine}";

    /// <summary>Parses atom <paramref name="atom"/>'s line; returns what was wrong, or null.</summary>
    public string? ParseLine(ReadOnlySpan<char> line, int atom, SymbolLookupCache species)
    {
        string? problem = ParseValues(line, atom, species);
        // A line with the wrong number of values is most often a lost or extra line: say that first.
        return problem is not null && Tokens.Count(line) != _layout.TokensPerLine ? WrongCount(line) : problem;
    }

    // Hot per atom line: optimised from the first call (see LineSource.Next).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? ParseValues(ReadOnlySpan<char> line, int atom, SymbolLookupCache species)
    {
        if (atom == _capacity) Grow();
        int pos = 0;
        var columns = _layout.Columns;
        for (int c = 0; c < columns.Length; c++)
        {
            var col = columns[c];
            switch (col.Role)
            {
                case ExtXyzRole.Species:
                {
                    if (!Tokens.Next(line, ref pos, out var tok)) return WrongCount(line);
                    int z = species.Lookup(tok);
                    if (z == 0) return $"'{tok}' is not a chemical symbol (H…Pu)";
                    _numbers[atom] = z;
                    break;
                }
                case ExtXyzRole.Numbers:
                {
                    if (!Tokens.Next(line, ref pos, out var tok)) return WrongCount(line);
                    if (!FastNumberParser.TryParseLong(tok, out long z) || z is < 1 or > Elements.MaxZ)
                        return $"Z should be an atomic number 1…{Elements.MaxZ} but is '{tok}'";
                    _numbers[atom] = (int)z;
                    break;
                }
                case ExtXyzRole.Positions:
                case ExtXyzRole.Forces:
                {
                    double x = 0, y = 0, z = 0;
                    for (int k = 0; k < 3; k++)
                    {
                        if (!Tokens.Next(line, ref pos, out var tok)) return WrongCount(line);
                        if (!FastNumberParser.TryParseDouble(tok, out double v)) return $"{col.Name} has '{tok}' where a number should be";
                        if (!double.IsFinite(v)) return $"{col.Name} has a non-finite value '{tok}'";
                        if (k == 0) x = v;
                        else if (k == 1) y = v;
                        else z = v;
                    }
                    (col.Role == ExtXyzRole.Positions ? _positions : _forces!)[atom] = new Vec3(x, y, z);
                    break;
                }
                default:
                {
                    string? problem = ParseProperty(line, ref pos, col, _extra[c], atom * col.Count);
                    if (problem is not null) return problem;
                    break;
                }
            }
        }
        return Tokens.Next(line, ref pos, out _) ? WrongCount(line) : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? ParseProperty(ReadOnlySpan<char> line, ref int pos, ExtXyzColumn col, Array values, int offset)
    {
        for (int k = 0; k < col.Count; k++)
        {
            if (!Tokens.Next(line, ref pos, out var tok)) return WrongCount(line);
            bool ok = true;
            switch (values)
            {
                case double[] d:
                    ok = FastNumberParser.TryParseDouble(tok, out d[offset + k]);
                    break;
                case long[] l:
                    ok = FastNumberParser.TryParseLong(tok, out l[offset + k]);
                    break;
                case bool[] b:
                    ok = FastNumberParser.TryParseBool(tok, out b[offset + k]);
                    break;
                case string[] s:
                    s[offset + k] = tok.ToString();
                    break;
            }
            if (!ok) return $"{col.Name} ({col.Type}) has '{tok}' where a {col.Type.ToString().ToLowerInvariant()} value should be";
        }
        return null;
    }

    /// <summary>The structure; throws <see cref="ArgumentException"/> when the atoms and header disagree.</summary>
    // Per frame: optimised from the first call (see LineSource.Next).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Structure Build(ExtXyzHeader header, string? source, int frame)
    {
        if (_capacity != _count) throw new InvalidOperationException("Build before every atom line was parsed.");
        var properties = ImmutableArray<AtomProperty>.Empty;
        for (int c = 0; c < _extra.Length; c++)
            if (_extra[c] is { } values)
                properties = properties.Add(new AtomProperty(_layout.Columns[c].Name, _layout.Columns[c].Type, _layout.Columns[c].Count, values));
        return new Structure(Structure.Own(_numbers), Structure.Own(_positions), header.Cell, header.Pbc)
        {
            Energy = header.Energy,
            Stress = header.Stress,
            Forces = _forces is null ? null : Structure.Own(_forces),
            Info = FrozenInfo.Adopt(header.Info),
            AtomProperties = properties,
            SourcePath = source,
            FrameIndex = frame,
        };
    }
}
