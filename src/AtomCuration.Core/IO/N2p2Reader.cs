using AtomCuration.Common;
using AtomCuration.Structures;
using AtomCuration.Options;

namespace AtomCuration.IO;

/// <summary>
/// Reads n2p2 / RuNNer <c>input.data</c>: blocks of <c>begin</c>, <c>comment</c> lines, zero or
/// three <c>lattice</c> lines, one <c>atom x y z element charge n fx fy fz</c> line per atom,
/// <c>energy</c>, <c>charge</c> and <c>end</c>. Without lattice lines the structure is a
/// molecule (no cell, not periodic).
/// </summary>
/// <remarks>
/// n2p2 itself has no units; the files it is trained on are, by the RuNNer convention, in
/// atomic units (Bohr, Hartree), and so are read by default: lengths × <see cref="Bohr"/>,
/// energies × <see cref="Hartree"/>, forces × Hartree/Bohr. The constants are CODATA 2014, the
/// values of <c>ase.units.Bohr</c> and <c>ase.units.Hartree</c> in ASE 3.22, so a file converted
/// with ASE reads back to the same numbers. For files already in Å and eV set
/// <see cref="ReadOptions.N2p2Units"/> to <see cref="IO.N2p2Units.Metal"/>. Atomic charges (e) become the per-atom property <c>charges</c>, the total
/// charge <c>Info["charge"]</c> and the comment <c>Info["comment"]</c>. A damaged block is skipped
/// and reading resumes at the next <c>begin</c>.
/// </remarks>
public sealed class N2p2Reader : IStructureReader
{
    /// <summary>1 Bohr in Å (CODATA 2014, as <c>ase.units.Bohr</c>).</summary>
    public const double Bohr = 0.5291772105638411;

    /// <summary>1 Hartree in eV (CODATA 2014, as <c>ase.units.Hartree</c>).</summary>
    public const double Hartree = 27.211386024367243;

    /// <summary>
    /// False reads every file as Å and eV, whatever <see cref="ReadOptions.N2p2Units"/> says; true (default)
    /// leaves the choice to <see cref="ReadOptions.N2p2Units"/>, which is what callers should set.
    /// </summary>
    public bool AtomicUnits { get; init; } = true;

    /// <inheritdoc />
    public StructureFormat Format => StructureFormat.N2p2;

    /// <inheritdoc />
    public int Sniff(string fileName, string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (head.TrimStart().StartsWith("begin", StringComparison.Ordinal) &&
            (head.Contains("\natom ", StringComparison.Ordinal) || head.Contains("\nlattice ", StringComparison.Ordinal)))
            return 2;
        return Path.GetFileName(fileName ?? "").EndsWith("input.data", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
    }

    /// <inheritdoc />
    public IEnumerable<ReadResult> Read(TextReader text, string? source, ReadOptions options, RunContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        bool atomic = AtomicUnits && options.N2p2Units == N2p2Units.Atomic;
        var parser = new Parser(new LineSource(text, source), atomic ? Bohr : 1, atomic ? Hartree : 1);
        return FrameLoop.Run(source, parser.ReadBlock);
    }

    private sealed class Parser(LineSource lines, double length, double energyUnit)
    {
        private readonly SymbolLookupCache _species = new();
        private bool _resync;

        public Structure? ReadBlock(int frame)
        {
            // Find "begin". After a damaged block the rest of it is skipped silently; otherwise text
            // between blocks is an error, reported once.
            string? line;
            bool junk = false;
            while ((line = lines.ReadLine()) is not null && !IsBegin(line))
                if (!_resync && !string.IsNullOrWhiteSpace(line)) junk = true;
            if (junk)
            {
                if (line is not null) lines.Unread();
                throw lines.Error("text outside a begin … end block", frame);
            }
            if (line is null) return null;
            _resync = true; // until this block's 'end' is reached

            var lattice = new List<Vec3>(3);
            var numbers = new Buffer<int>(64);
            var positions = new Buffer<Vec3>(64);
            var forces = new Buffer<Vec3>(64);
            var charges = new Buffer<double>(64);
            var comments = new List<string>();
            double? energy = null, charge = null;
            Span<double> v = stackalloc double[3];
            Span<double> q = stackalloc double[2];
            while (true)
            {
                var rest = lines.Require("'end'", frame);
                if (!Tokens.Next(ref rest, out var key)) continue;
                switch (key)
                {
                    case "comment":
                        comments.Add(rest.Trim().ToString());
                        break;
                    case "lattice":
                        if (lattice.Count == 3) throw lines.Error("more than three lattice lines", frame);
                        Tokens.Doubles(ref rest, v, lines, frame, "a lattice vector");
                        lattice.Add(new Vec3(v[0], v[1], v[2]) * length);
                        break;
                    case "atom":
                        Tokens.Doubles(ref rest, v, lines, frame, "an atom position");
                        positions.Add(new Vec3(v[0], v[1], v[2]) * length);
                        if (!Tokens.Next(ref rest, out var symbol)) throw lines.Error("an atom line without an element", frame);
                        numbers.Add(_species.Lookup(symbol) is > 0 and var z ? z
                            : throw lines.Error($"'{symbol.ToString()}' is not an element", frame));
                        Tokens.Doubles(ref rest, q, lines, frame, "the atomic charge and n");
                        charges.Add(q[0]);
                        Tokens.Doubles(ref rest, v, lines, frame, "an atomic force");
                        forces.Add(new Vec3(v[0], v[1], v[2]) * (energyUnit / length));
                        break;
                    case "energy":
                        Tokens.Doubles(ref rest, v[..1], lines, frame, "the energy");
                        energy = v[0] * energyUnit;
                        break;
                    case "charge":
                        Tokens.Doubles(ref rest, v[..1], lines, frame, "the total charge");
                        charge = v[0];
                        break;
                    case "end":
                        _resync = false; // at a block boundary again, whatever Build finds
                        return Build(frame, lattice, numbers, positions, forces, charges, comments, energy, charge);
                    case "begin":
                        lines.Unread();
                        throw lines.Error("'begin' before the 'end' of the previous block", frame);
                    default:
                        throw lines.Error($"unknown keyword '{key.ToString()}' (expected comment, lattice, atom, energy, charge or end)", frame);
                }
            }
        }

        private Structure Build(int frame, List<Vec3> lattice, Buffer<int> numbers, Buffer<Vec3> positions,
            Buffer<Vec3> forces, Buffer<double> charges, List<string> comments, double? energy, double? charge)
        {
            if (lattice.Count is not (0 or 3)) throw lines.Error($"{lattice.Count} lattice lines: expected 0 or 3", frame);
            if (positions.Count == 0) throw lines.Error("a block with no atoms", frame);
            // Every n2p2 block carries its energy; without it the forces would come out with no energy, silently.
            if (energy is null) throw lines.Error("the block has no 'energy' line (n2p2 requires one per structure)", frame);
            var cell = lattice.Count == 3 ? new Cell(lattice[0], lattice[1], lattice[2]) : Cell.Empty;
            var info = new Dictionary<string, object>();
            if (comments.Count > 0) info["comment"] = string.Join("\n", comments);
            if (charge is { } c) info["charge"] = c;
            return new Structure(Structure.Own(numbers.ToArray()), Structure.Own(positions.ToArray()), cell,
                lattice.Count == 3 ? Pbc.All : Pbc.None)
            {
                Energy = energy,
                Forces = Structure.Own(forces.ToArray()),
                AtomProperties = [new AtomProperty("charges", AtomPropertyType.Real, 1, charges.ToArray())],
                Info = info,
            };
        }

        private static bool IsBegin(string line)
        {
            var rest = line.AsSpan();
            return Tokens.Next(ref rest, out var key) && key is "begin";
        }
    }
}
