using AtomCuration.Structures;
using AtomCuration.Options;

namespace AtomCuration.IO;

/// <summary>
/// Reads MLIP <c>.cfg</c> files (see <see cref="MlipCfgFormat"/> for the format and the stress sign), every
/// configuration a frame. Elements of the 0-based atom types come from <see cref="ReadOptions.TypeMap"/>
/// (keys are the types as written, e.g. <c>@{0 = 'Cu'; 1 = 'Ni'}</c>), else from the configuration's
/// <c>Feature atom_types</c> line; a configuration with neither is an error, never a guess. AtomData
/// columns other than id, type, positions and forces become per-atom properties; other Features become
/// Info entries (text). Supercell lines make those lattice vectors periodic; without any the
/// configuration is a molecule.
/// </summary>
public sealed class MlipCfgReader : IStructureReader
{
    /// <inheritdoc />
    public StructureFormat Format => StructureFormat.MlipCfg;

    /// <inheritdoc />
    public int Sniff(string fileName, string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (head.TrimStart().StartsWith("BEGIN_CFG", StringComparison.Ordinal)) return 2;
        return Path.GetExtension(fileName ?? "").Equals(".cfg", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
    }

    /// <inheritdoc />
    public IEnumerable<ReadResult> Read(TextReader text, string? source, ReadOptions options, RunContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var parser = new Parser(new LineSource(text, source), options.TypeMap);
        return FrameLoop.Run(source, parser.ReadConfiguration);
    }

    private sealed class Parser(LineSource lines, IReadOnlyDictionary<int, string>? typeMap)
    {
        private bool _resync;

        public Structure? ReadConfiguration(int frame)
        {
            string? line;
            bool junk = false;
            while ((line = lines.ReadLine()) is not null && line.Trim() != "BEGIN_CFG")
                if (!_resync && !string.IsNullOrWhiteSpace(line)) junk = true;
            if (junk)
            {
                if (line is not null) lines.Unread();
                throw lines.Error("text outside a BEGIN_CFG … END_CFG block", frame);
            }
            if (line is null) return null;
            _resync = true; // until END_CFG, a failure skips the rest of this configuration
            var c = new Configuration();
            while (true)
            {
                var rest = lines.Require("END_CFG", frame);
                if (!Tokens.Next(ref rest, out var key)) continue;
                switch (key)
                {
                    case "Size":
                        c.Size = (int)Tokens.Long(lines.Require("the atom count", frame).Trim(), lines, frame, "Size");
                        if (c.Size <= 0) throw lines.Error($"Size {c.Size}: a configuration needs atoms", frame);
                        break;
                    case "Supercell":
                        ReadSupercell(c, frame);
                        break;
                    case "AtomData:":
                        ReadAtoms(c, rest, frame);
                        break;
                    case "Energy":
                        c.Energy = Tokens.Double(lines.Require("the energy", frame).Trim(), lines, frame, "Energy");
                        break;
                    case "PlusStress:":
                        ReadPlusStress(c, rest, frame);
                        break;
                    case "Feature":
                        if (!Tokens.Next(ref rest, out var name)) throw lines.Error("a Feature line without a name", frame);
                        c.Features[name.ToString()] = rest.Trim().ToString();
                        break;
                    case "END_CFG":
                        _resync = false;
                        return Build(c, frame);
                    case "BEGIN_CFG":
                        lines.Unread();
                        throw lines.Error("BEGIN_CFG before the END_CFG of the previous configuration", frame);
                    default:
                        throw lines.Error($"unknown keyword '{key.ToString()}' (expected Size, Supercell, AtomData:, Energy, PlusStress:, Feature or END_CFG)", frame);
                }
            }
        }

        private void ReadSupercell(Configuration c, int frame)
        {
            Span<double> v = stackalloc double[3];
            while (lines.Next())
            {
                var rest = lines.Current;
                var probe = rest;
                if (Tokens.Count(rest) != 3 || !Tokens.Next(ref probe, out var first) || !FastNumberParser.TryParseDouble(first, out _))
                {
                    lines.Unread();
                    break;
                }
                if (c.Lattice.Count == 3) throw lines.Error("more than three Supercell vectors", frame);
                Tokens.Doubles(ref rest, v, lines, frame, "a Supercell vector");
                c.Lattice.Add(new Vec3(v[0], v[1], v[2]));
            }
            if (c.Lattice.Count == 0) throw lines.Error("Supercell without vectors", frame);
        }

        private void ReadAtoms(Configuration c, ReadOnlySpan<char> header, int frame)
        {
            if (c.Size == 0) throw lines.Error("AtomData before Size", frame);
            var columns = new List<string>();
            while (Tokens.Next(ref header, out var name)) columns.Add(name.ToString());
            int Col(string name) => columns.IndexOf(name);
            int type = Col("type"), x = Col("cartes_x"), y = Col("cartes_y"), z = Col("cartes_z");
            int dx = Col("direct1"), dy = Col("direct2"), dz = Col("direct3");
            int fx = Col("fx"), fy = Col("fy"), fz = Col("fz");
            bool direct = x < 0 && dx >= 0;
            if (type < 0 || (direct ? dy < 0 || dz < 0 : x < 0 || y < 0 || z < 0))
                throw lines.Error($"AtomData needs the columns type and cartes_x cartes_y cartes_z (or direct1 direct2 direct3); found {string.Join(' ', columns)}", frame);
            if (direct && c.Lattice.Count != 3) throw lines.Error("direct coordinates need three Supercell vectors before AtomData", frame);
            bool hasForces = fx >= 0 && fy >= 0 && fz >= 0;
            var known = new[] { Col("id"), type, x, y, z, dx, dy, dz, fx, fy, fz };
            var extra = Enumerable.Range(0, columns.Count).Where(i => !known.Contains(i)).ToArray();
            var cell = direct ? new Cell(c.Lattice[0], c.Lattice[1], c.Lattice[2]) : null;
            var values = new double[columns.Count];
            c.Types = new int[c.Size];
            c.Positions = new Vec3[c.Size];
            c.Forces = hasForces ? new Vec3[c.Size] : null;
            c.Extra = extra.Select(i => (columns[i], new double[c.Size])).ToArray();
            for (int a = 0; a < c.Size; a++)
            {
                var rest = lines.Require($"atom {a + 1} of {c.Size}", frame);
                if (Tokens.Count(rest) != columns.Count)
                    throw lines.Error($"atom {a + 1}: {Tokens.Count(rest)} values for the {columns.Count} AtomData columns", frame);
                Tokens.Doubles(ref rest, values, lines, frame, $"atom {a + 1}");
                double t = values[type];
                if (t != Math.Floor(t) || t < 0) throw lines.Error($"atom {a + 1}: type {t} is not a non-negative integer", frame);
                c.Types[a] = (int)t;
                c.Positions[a] = direct
                    ? cell!.ToCartesian(new Vec3(values[dx], values[dy], values[dz]))
                    : new Vec3(values[x], values[y], values[z]);
                if (c.Forces is { } f) f[a] = new Vec3(values[fx], values[fy], values[fz]);
                for (int k = 0; k < extra.Length; k++) c.Extra[k].Values[a] = values[extra[k]];
            }
        }

        private void ReadPlusStress(Configuration c, ReadOnlySpan<char> header, int frame)
        {
            var names = new List<string>();
            while (Tokens.Next(ref header, out var name)) names.Add(name.ToString());
            string[] order = ["xx", "yy", "zz", "yz", "xz", "xy"];
            if (names.Count != 6 || order.Any(n => !names.Contains(n)))
                throw lines.Error($"PlusStress needs the six columns xx yy zz yz xz xy; found {string.Join(' ', names)}", frame);
            var rest = lines.Require("the six PlusStress values", frame);
            var v = new double[6];
            Tokens.Doubles(ref rest, v, lines, frame, "PlusStress");
            c.PlusStress = order.Select(n => v[names.IndexOf(n)]).ToArray();
        }

        private Structure Build(Configuration c, int frame)
        {
            if (c.Types is null) throw lines.Error("a configuration without AtomData", frame);
            string[]? typeSymbols = c.Features.TryGetValue(MlipCfgFormat.AtomTypesFeature, out var listed)
                ? listed.Split(' ', StringSplitOptions.RemoveEmptyEntries) : null;
            var numbers = new int[c.Size];
            for (int a = 0; a < c.Size; a++)
            {
                int t = c.Types[a];
                string? symbol = typeMap is not null
                    ? typeMap.GetValueOrDefault(t) ?? throw lines.Error($"type {t} is not in the type map", frame)
                    : typeSymbols is not null && t < typeSymbols.Length ? typeSymbols[t]
                    : throw lines.Error($"type {t} has no element: give a type map (e.g. -TypeMap @{{{t} = 'Cu'}}) or a 'Feature {MlipCfgFormat.AtomTypesFeature}' line", frame);
                numbers[a] = Elements.TryFromSymbol(symbol, out var e) ? e.Z
                    : throw lines.Error($"'{symbol}' (type {t}) is not an element", frame);
            }
            var lattice = c.Lattice;
            var pbc = new Pbc(lattice.Count > 0, lattice.Count > 1, lattice.Count > 2);
            while (lattice.Count < 3) lattice.Add(Vec3.Zero);
            var cell = pbc.Any ? new Cell(lattice[0], lattice[1], lattice[2]) : Cell.Empty;
            Voigt? stress = null;
            if (c.PlusStress is { } ps)
            {
                if (pbc != Pbc.All) throw lines.Error("PlusStress needs three Supercell vectors (a volume)", frame);
                double scale = -1 / cell.Volume;
                stress = new Voigt(ps[0] * scale, ps[1] * scale, ps[2] * scale, ps[3] * scale, ps[4] * scale, ps[5] * scale);
            }
            var info = new Dictionary<string, object>();
            foreach (var (name, value) in c.Features)
                if (name != MlipCfgFormat.AtomTypesFeature) info[name] = value;
            return new Structure(Structure.Own(numbers), Structure.Own(c.Positions!), cell, pbc)
            {
                Energy = c.Energy,
                Forces = c.Forces is { } f ? Structure.Own(f) : null,
                Stress = stress,
                AtomProperties = c.Extra!.Select(e => new AtomProperty(e.Name, AtomPropertyType.Real, 1, e.Values)).ToArray(),
                Info = info,
            };
        }
    }

    private sealed class Configuration
    {
        public int Size;
        public readonly List<Vec3> Lattice = new(3);
        public int[]? Types;
        public Vec3[]? Positions;
        public Vec3[]? Forces;
        public (string Name, double[] Values)[]? Extra;
        public double? Energy;
        public double[]? PlusStress;
        public readonly Dictionary<string, string> Features = new(StringComparer.Ordinal);
    }
}
