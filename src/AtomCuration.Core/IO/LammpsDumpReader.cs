using AtomCuration.Common;
using AtomCuration.Structures;
using AtomCuration.Options;

namespace AtomCuration.IO;

/// <summary>
/// Reads every frame of a LAMMPS text dump (<c>dump atom</c> and <c>dump custom</c>):
/// orthogonal and triclinic boxes, positions from <c>x y z</c>, <c>xs ys zs</c>, <c>xu yu zu</c>
/// or <c>xsu ysu zsu</c> (in that order of preference), forces from <c>fx fy fz</c>, species from
/// an <c>element</c> column, else from <see cref="ReadOptions.TypeMap"/>, else the type number is
/// taken as the atomic number (ASE's convention) with a warning, once per file, saying how to pass the type map. Atoms are sorted by <c>id</c> when there is one
/// (as ASE does); every other numeric column becomes a one-column
/// <see cref="Structure.AtomProperties"/> entry, and the timestep goes to <c>Info["timestep"]</c>.
/// </summary>
/// <remarks>
/// A triclinic box is written by LAMMPS as bounding-box bounds plus tilts; the box itself is
/// xlo = xlo_bound − min(0, xy, xz, xy+xz), xhi = xhi_bound − max(0, xy, xz, xy+xz),
/// ylo = ylo_bound − min(0, yz), yhi = yhi_bound − max(0, yz), and the cell rows are
/// (xhi−xlo, 0, 0), (xy, yhi−ylo, 0), (xz, yz, zhi−zlo). Positions are LAMMPS's Cartesian
/// coordinates: scaled columns become origin + fractional·cell, so all four position styles give
/// the same numbers (ASE leaves out the origin for scaled columns). Boundary flags <c>pp</c> are
/// periodic, anything else (f, s, m) is not. A damaged frame is skipped and reading resumes at the
/// next <c>ITEM: TIMESTEP</c>.
/// </remarks>
public sealed class LammpsDumpReader : IStructureReader
{
    /// <inheritdoc />
    public StructureFormat Format => StructureFormat.LammpsDump;

    /// <inheritdoc />
    public int Sniff(string fileName, string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (head.Contains("ITEM: TIMESTEP", StringComparison.Ordinal)) return 2;
        string name = fileName ?? "";
        return name.EndsWith(".dump", StringComparison.OrdinalIgnoreCase) ||
               name.EndsWith(".lammpstrj", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
    }

    /// <inheritdoc />
    public IEnumerable<ReadResult> Read(TextReader text, string? source, ReadOptions options, RunContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var parser = new Parser(new LineSource(text, source), options.TypeMap, context);
        return FrameLoop.Run(source, parser.Next);
    }

    private enum Role { Other, Id, Type, Element, Position, Scaled, Unwrapped, ScaledUnwrapped, Force }

    /// <summary>
    /// The warning for a dump that names no elements. It does not name the file, so that a cmdlet reading many
    /// dumps, which says each warning once, says this once.
    /// </summary>
    internal const string TypesAsElements =
        "LAMMPS dump without an element column and without a type map: atom type numbers are taken as atomic numbers " +
        "(type 1 = H, 2 = He, …), as ASE does. Name the elements with -TypeMap @{1='Cu'; 2='Ni'} (recipes: read.typeMap).";

    private sealed class Parser(LineSource lines, IReadOnlyDictionary<int, string>? typeMap, RunContext context)
    {
        private bool _warned;
        private const string FrameStart = "ITEM: TIMESTEP";
        private readonly SymbolLookupCache _species = new();
        private bool _resync;

        public Structure? Next(int frame)
        {
            if (!FindFrameStart(frame)) return null;
            _resync = true; // until this frame is complete, a failure means: look for the next one
            var info = new Dictionary<string, object>
            {
                ["timestep"] = Tokens.Long(Value(frame, "the timestep"), lines, frame, "the timestep"),
            };
            Expect("ITEM: NUMBER OF ATOMS", frame);
            long count = Tokens.Long(Value(frame, "the number of atoms"), lines, frame, "the number of atoms");
            if (count is < 1 or > 100_000_000) throw lines.Error($"{count} atoms: expected a positive count", frame);
            int n = (int)count;
            var (cell, origin, pbc) = ReadBox(frame);
            string header = Expect("ITEM: ATOMS", frame);
            var structure = ReadAtoms(header, n, cell, origin, pbc, frame);
            _resync = false;
            return new Structure(structure) { Info = info };
        }

        // Skips to "ITEM: TIMESTEP". Outside a resynchronisation, anything else that is not blank is an error.
        private bool FindFrameStart(int frame)
        {
            while (lines.ReadLine() is { } line)
            {
                if (line.StartsWith(FrameStart, StringComparison.Ordinal)) return true;
                if (_resync || string.IsNullOrWhiteSpace(line)) continue;
                if (line.StartsWith("ITEM: UNITS", StringComparison.Ordinal) || line.StartsWith("ITEM: TIME", StringComparison.Ordinal))
                {
                    lines.ReadLine(); // the value line of an optional header item
                    continue;
                }
                _resync = true;
                throw lines.Error($"expected '{FrameStart}', found '{Clip(line)}'", frame);
            }
            return false;
        }

        private static string Clip(string s) => s.Length > 60 ? s[..60] + "…" : s.Trim();

        private string Value(int frame, string what)
        {
            var rest = lines.Require(what, frame);
            if (!Tokens.Next(ref rest, out var t)) throw lines.Error($"expected {what}", frame);
            return t.ToString();
        }

        private string Expect(string item, int frame)
        {
            string line = lines.Require($"'{item}'", frame).ToString();
            if (!line.StartsWith(item, StringComparison.Ordinal))
            {
                if (line.StartsWith(FrameStart, StringComparison.Ordinal)) lines.Unread();
                throw lines.Error($"expected '{item}', found '{Clip(line)}'", frame);
            }
            return line;
        }

        private (Cell Cell, Vec3 Origin, Pbc Pbc) ReadBox(int frame)
        {
            string header = Expect("ITEM: BOX BOUNDS", frame);
            var rest = header.AsSpan("ITEM: BOX BOUNDS".Length);
            var words = new List<string>();
            while (Tokens.Next(ref rest, out var w)) words.Add(w.ToString());
            bool triclinic = words.Count >= 3 && words[0] == "xy" && words[1] == "xz" && words[2] == "yz";
            if (!triclinic && words.Count > 0 && words[0] is "abc" or "origin")
                throw lines.Error("general triclinic boxes (BOX BOUNDS abc origin) are not supported", frame);
            var flags = words.Skip(triclinic ? 3 : 0).ToList();
            if (flags.Count is not (0 or 3)) throw lines.Error("expected three boundary flags (e.g. pp pp pp) after BOX BOUNDS", frame);
            var pbc = flags.Count == 0 ? Pbc.All : new Pbc(flags[0] == "pp", flags[1] == "pp", flags[2] == "pp");
            Span<double> b = stackalloc double[9];
            for (int axis = 0; axis < 3; axis++)
            {
                var row = lines.Require("a box bounds line", frame);
                Tokens.Doubles(ref row, b.Slice(3 * axis, triclinic ? 3 : 2), lines, frame, "box bounds");
            }
            double xy = triclinic ? b[2] : 0, xz = triclinic ? b[5] : 0, yz = triclinic ? b[8] : 0;
            double xlo = b[0] - Math.Min(Math.Min(0, xy), Math.Min(xz, xy + xz));
            double xhi = b[1] - Math.Max(Math.Max(0, xy), Math.Max(xz, xy + xz));
            double ylo = b[3] - Math.Min(0, yz), yhi = b[4] - Math.Max(0, yz);
            double zlo = b[6], zhi = b[7];
            var cell = new Cell(new Vec3(xhi - xlo, 0, 0), new Vec3(xy, yhi - ylo, 0), new Vec3(xz, yz, zhi - zlo));
            return (cell, new Vec3(xlo, ylo, zlo), pbc);
        }

        private Structure ReadAtoms(string header, int n, Cell cell, Vec3 origin, Pbc pbc, int frame)
        {
            var names = new List<string>();
            var rest = header.AsSpan("ITEM: ATOMS".Length);
            while (Tokens.Next(ref rest, out var w)) names.Add(w.ToString());
            var (roles, axes) = Assign(names, frame);
            var positionRole = new[] { Role.Position, Role.Scaled, Role.Unwrapped, Role.ScaledUnwrapped }
                .FirstOrDefault(r => Enumerable.Range(0, 3).All(a => Find(roles, axes, r, a) >= 0), Role.Other);
            if (positionRole == Role.Other) throw lines.Error("no complete set of position columns (x y z, xs ys zs, xu yu zu or xsu ysu zsu)", frame);
            bool hasForces = Enumerable.Range(0, 3).All(a => Find(roles, axes, Role.Force, a) >= 0);
            bool hasElement = roles.Contains(Role.Element), hasType = roles.Contains(Role.Type), hasId = roles.Contains(Role.Id);
            if (!hasElement && !hasType) throw lines.Error("neither an 'element' nor a 'type' column", frame);
            var others = Enumerable.Range(0, names.Count).Where(c => roles[c] == Role.Other).ToArray();

            // Growable buffers: a damaged atom count must not allocate before the lines are there.
            int capacity = Math.Min(n, 1 << 16);
            var ids = new Buffer<long>(capacity);
            var numbers = new Buffer<int>(capacity);
            var pos = new Buffer<Vec3>(capacity);
            var forces = new Buffer<Vec3>(hasForces ? capacity : 0);
            var extra = others.Select(_ => new Buffer<double>(capacity)).ToArray();
            int ncol = names.Count;
            Span<double> p = stackalloc double[3], f = stackalloc double[3];
            for (int i = 0; i < n; i++)
            {
                if (!lines.Next()) throw lines.Error($"the file ends after {i} of {n} atom lines", frame);
                var cols = lines.Current;
                if (cols.StartsWith("ITEM:", StringComparison.Ordinal))
                {
                    lines.Unread();
                    throw lines.Error($"only {i} atom lines where {n} were announced", frame);
                }
                int c = 0, other = 0, z = 0;
                long id = 0;
                while (Tokens.Next(ref cols, out var t))
                {
                    if (c == ncol) throw lines.Error($"more than the {ncol} columns of the ATOMS header", frame);
                    switch (roles[c])
                    {
                        case Role.Id: id = Tokens.Long(t, lines, frame, "the atom id"); break;
                        case Role.Type:
                            int type = (int)Math.Clamp(Tokens.Long(t, lines, frame, "the atom type"), int.MinValue, int.MaxValue);
                            if (!hasElement) z = ZOfType(type, frame);
                            break;
                        case Role.Element:
                            z = _species.Lookup(t) is > 0 and var found ? found
                                : throw lines.Error($"'{t.ToString()}' in the element column is not an element", frame);
                            break;
                        case Role.Force: f[axes[c]] = Tokens.Double(t, lines, frame, names[c]); break;
                        case Role.Other: extra[other++].Add(Tokens.Double(t, lines, frame, names[c])); break;
                        default:
                            if (roles[c] == positionRole) p[axes[c]] = Tokens.Double(t, lines, frame, names[c]);
                            break;
                    }
                    c++;
                }
                if (c != ncol) throw lines.Error($"{c} columns where the ATOMS header has {ncol}", frame);
                var v = new Vec3(p[0], p[1], p[2]);
                ids.Add(id);
                numbers.Add(z);
                pos.Add(positionRole is Role.Scaled or Role.ScaledUnwrapped ? origin + cell.ToCartesian(v) : v);
                if (hasForces) forces.Add(new Vec3(f[0], f[1], f[2]));
            }
            CheckFrameEnd(n, ncol, frame);
            var (idArray, zArray, posArray) = (ids.ToArray(), numbers.ToArray(), pos.ToArray());
            var forceArray = hasForces ? forces.ToArray() : null;
            var extraArrays = extra.Select(b => b.ToArray()).ToArray();
            if (hasId)
            {
                SortById(idArray, zArray, posArray, forceArray, extraArrays);
                for (int i = 1; i < idArray.Length; i++)
                    if (idArray[i] == idArray[i - 1]) throw lines.Error($"atom id {idArray[i]} appears twice among the {n} atom lines", frame);
            }
            return new Structure(Structure.Own(zArray), Structure.Own(posArray), cell, pbc)
            {
                Forces = forceArray is null ? null : Structure.Own(forceArray),
                AtomProperties = others.Select((c, k) => new AtomProperty(names[c], AtomPropertyType.Real, 1, extraArrays[k])).ToArray(),
            };
        }

        // A line after the last atom with the ATOMS header's column count is one more atom line: the frame
        // holds more atoms than it announced (a count too small, a repeated line). Anything else is left to the next frame.
        private void CheckFrameEnd(int n, int ncol, int frame)
        {
            try
            {
                if (!lines.Next()) return;
            }
            catch (FatalReadException)
            {
                return; // left for the next frame to report
            }
            var next = lines.Current;
            var rest = next;
            int tokens = 0;
            while (Tokens.Next(ref rest, out _)) tokens++;
            if (tokens != ncol || next.StartsWith("ITEM:", StringComparison.Ordinal))
            {
                lines.Unread();
                return;
            }
            throw lines.Error($"more atom lines than the {n} announced (found '{Clip(next.ToString())}' where the next ITEM line should be)", frame);
        }

        private int ZOfType(int type, int frame)
        {
            if (typeMap is null)
            {
                if (!_warned) context.Warn(TypesAsElements);
                _warned = true;
                return type; // ASE's convention: the type number is the atomic number
            }
            return SpeciesNames.FromTypeMap(typeMap, type, out int z) is { } problem ? throw lines.Error(problem, frame) : z;
        }

        private static int Find(Role[] roles, int[] axes, Role role, int axis)
        {
            for (int c = 0; c < roles.Length; c++)
                if (roles[c] == role && axes[c] == axis) return c;
            return -1;
        }

        private (Role[] Roles, int[] Axes) Assign(List<string> names, int frame)
        {
            var roles = new Role[names.Count];
            var axes = new int[names.Count];
            for (int c = 0; c < names.Count; c++)
            {
                (roles[c], axes[c]) = names[c] switch
                {
                    "id" => (Role.Id, 0),
                    "type" => (Role.Type, 0),
                    "element" => (Role.Element, 0),
                    "x" or "y" or "z" => (Role.Position, Axis(names[c][0])),
                    "xs" or "ys" or "zs" => (Role.Scaled, Axis(names[c][0])),
                    "xu" or "yu" or "zu" => (Role.Unwrapped, Axis(names[c][0])),
                    "xsu" or "ysu" or "zsu" => (Role.ScaledUnwrapped, Axis(names[c][0])),
                    "fx" or "fy" or "fz" => (Role.Force, Axis(names[c][1])),
                    _ => (Role.Other, 0),
                };
                if (names.IndexOf(names[c]) != c) throw lines.Error($"column '{names[c]}' appears twice", frame);
            }
            return (roles, axes);
        }

        private static int Axis(char c) => c - 'x';

        private static void SortById(long[] ids, int[] numbers, Vec3[] pos, Vec3[]? forces, double[][] extra)
        {
            if (StrictlyIncreasing(ids)) return; // LAMMPS usually writes in id order; nothing to move
            var order = Enumerable.Range(0, ids.Length).ToArray();
            Array.Sort((long[])ids.Clone(), order);
            Permute(numbers, order);
            Permute(pos, order);
            if (forces is not null) Permute(forces, order);
            foreach (var column in extra) Permute(column, order);
        }

        private static bool StrictlyIncreasing(long[] ids)
        {
            for (int i = 1; i < ids.Length; i++)
                if (ids[i] <= ids[i - 1]) return false;
            return true;
        }

        private static void Permute<T>(T[] values, int[] order)
        {
            var copy = (T[])values.Clone();
            for (int i = 0; i < order.Length; i++) values[i] = copy[order[i]];
        }
    }
}
