using AtomCuration.Structures;
using AtomCuration.Options;

namespace AtomCuration.IO;

/// <summary>
/// Reads every ionic step of a VASP OUTCAR: cell (the latest "direct lattice vectors"),
/// positions and forces ("POSITION … TOTAL-FORCE"), stress (the "in kB" line, converted to
/// eV/Å³ with ASE's sign) and the energy chosen by <see cref="ReadOptions.OutcarEnergy"/>.
/// Species come from the header: one TITEL line per POTCAR (or, failing that, the POTCAR:
/// lines) and "ions per type".
/// </summary>
/// <remarks>
/// The default energy is the free energy TOTEN because it is the one VASP's forces are the
/// derivatives of (force-consistent), so energy and force labels describe the same surface;
/// it is the energy ASE reports as <c>free_energy</c> and with
/// <c>get_potential_energy(force_consistent=True)</c>. (ASE's plain <c>get_potential_energy()</c>
/// returns the σ→0 value, available here as <see cref="OutcarEnergy.SigmaZero"/>.)
/// Steps computed by VASP's machine-learned force field (ML_LMLFF: "TOTAL-FORCE … (ML)" and
/// "ML FREE ENERGIE") are not DFT labels and are passed over. A step whose block is damaged is
/// skipped and reading resumes at the next step; damage in the header (species, ions per type)
/// ends the file.
/// </remarks>
public sealed class OutcarReader : IStructureReader
{
    /// <inheritdoc />
    public StructureFormat Format => StructureFormat.Outcar;

    /// <inheritdoc />
    public int Sniff(string fileName, string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (head.TrimStart().StartsWith("vasp.", StringComparison.Ordinal) || head.Contains(" POTCAR:", StringComparison.Ordinal))
            return 2;
        return Path.GetFileName(fileName ?? "").StartsWith("OUTCAR", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
    }

    /// <inheritdoc />
    public IEnumerable<ReadResult> Read(TextReader text, string? source, ReadOptions options, RunContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var parser = new Parser(new LineSource(text, source), options.OutcarEnergy);
        return FrameLoop.Run(source, parser.Next);
    }

    private sealed class Parser(LineSource lines, OutcarEnergy energyChoice)
    {
        private readonly List<Element> _titel = [];
        private readonly List<Element> _potcar = [];
        private int[]? _ionsPerType;
        private int[]? _numbers;
        private Cell? _cell;

        // True after a failure outside an energy block: the rest of that ionic step, up to its
        // energy block, belongs to the bad frame and is skipped.
        private bool _skipToEnergy;

        // A guard against a damaged count allocating gigabytes; DFT cells are far smaller.
        private const int MaxAtoms = 1_000_000;

        public Structure? Next(int frame)
        {
            if (_skipToEnergy && !SkipPastEnergyHeader()) return null;
            _skipToEnergy = true;
            Vec3[]? positions = null, forces = null;
            Voigt? stress = null;
            bool started = false;
            Span<double> six = stackalloc double[6];
            while (lines.Next())
            {
                var line = lines.Current;
                if (_numbers is null && line.Contains("TITEL", StringComparison.Ordinal)) AddSpecies(_titel, line, "TITEL");
                else if (_numbers is null && line.Contains("POTCAR:", StringComparison.Ordinal)) AddSpecies(_potcar, line, "POTCAR:");
                else if (line.Contains("ions per type", StringComparison.Ordinal)) ReadIonsPerType(line);
                else if (line.Contains("direct lattice vectors", StringComparison.Ordinal)) _cell = ReadCell(frame);
                else if (line.TrimStart().StartsWith("in kB"))
                {
                    var rest = line[(line.IndexOf("kB", StringComparison.Ordinal) + 2)..];
                    Tokens.Doubles(ref rest, six, lines, frame, "the stress (in kB)");
                    // VASP order xx yy zz xy yz zx.
                    stress = KiloBar.ToStress(six[0], six[1], six[2], six[4], six[5], six[3]);
                    started = true;
                }
                else if (line.Contains("POSITION", StringComparison.Ordinal) && line.Contains("TOTAL-FORCE", StringComparison.Ordinal))
                {
                    (positions, forces) = ReadPositionsAndForces(frame);
                    started = true;
                }
                else if (line.Contains("FREE ENERGIE OF THE ION-ELECTRON SYSTEM", StringComparison.Ordinal))
                {
                    _skipToEnergy = false; // whatever happens now, the step ends here
                    if (line.TrimStart().StartsWith("ML"))
                    {
                        // A step of VASP's machine-learned force field: its labels are not DFT; forget the step.
                        (positions, forces, stress, started) = (null, null, null, false);
                        _skipToEnergy = true;
                        continue;
                    }
                    double energy = ReadEnergy(frame);
                    if (positions is null || forces is null)
                        throw lines.Error("an energy block without a preceding POSITION/TOTAL-FORCE block", frame);
                    return new Structure(Structure.Own(_numbers!), Structure.Own(positions), _cell!, Pbc.All)
                    {
                        Energy = energy,
                        Forces = Structure.Own(forces),
                        Stress = stress,
                    };
                }
            }
            _skipToEnergy = false;
            if (started) throw lines.Error("the file ends inside an ionic step (no energy block after the forces)", frame);
            if (frame == 0) throw new FatalReadException(lines.Error("no complete ionic step (POSITION/TOTAL-FORCE and energy) in this file", null));
            return null;
        }

        private bool SkipPastEnergyHeader()
        {
            _skipToEnergy = false;
            while (lines.Next())
                if (lines.Current.Contains("FREE ENERGIE OF THE ION-ELECTRON SYSTEM", StringComparison.Ordinal)) return true;
            return false;
        }

        private void AddSpecies(List<Element> into, ReadOnlySpan<char> line, string key)
        {
            // "TITEL  = PAW_PBE Fe_pv 06Sep2000" or " POTCAR:    PAW_PBE Fe_pv 06Sep2000": the label is the second word.
            var rest = line[(line.IndexOf(key, StringComparison.Ordinal) + key.Length)..].TrimStart().TrimStart('=');
            if (!Tokens.Next(ref rest, out _) || !Tokens.Next(ref rest, out var label)) return;
            var e = SpeciesNames.FromPotcarLabel(label)
                ?? throw new FatalReadException(lines.Error($"'{label.ToString()}' in a {key} line names no element", null));
            into.Add(e);
        }

        private void ReadIonsPerType(ReadOnlySpan<char> line)
        {
            var rest = line[(line.IndexOf('=') + 1)..];
            var counts = new List<int>();
            while (Tokens.Next(ref rest, out var t))
            {
                long n = FastNumberParser.TryParseLong(t, out long v) ? v : 0;
                if (n is < 1 or > int.MaxValue)
                    throw new FatalReadException(lines.Error($"'{t.ToString()}' in 'ions per type' is not a positive count", null));
                counts.Add((int)n);
            }
            _ionsPerType = [.. counts];
            var species = _titel.Count > 0 ? _titel : FirstHalf(_potcar);
            if (species.Count != counts.Count)
                throw new FatalReadException(lines.Error(
                    $"{counts.Count} ion types but {species.Count} species in the POTCAR header (TITEL/POTCAR: lines)", null));
            long total = counts.Sum(c => (long)c);
            if (total > MaxAtoms)
                throw new FatalReadException(lines.Error($"{total} ions in 'ions per type': more than the {MaxAtoms} a DFT cell can have", null));
            _numbers = new int[total];
            for (int t = 0, k = 0; t < counts.Count; t++)
                for (int i = 0; i < counts[t]; i++) _numbers[k++] = species[t].Z;
        }

        // The POTCAR: lines list each potential once at the top and once more where it is read.
        private static List<Element> FirstHalf(List<Element> potcar) =>
            potcar.Count % 2 == 0 && potcar.Take(potcar.Count / 2).SequenceEqual(potcar.Skip(potcar.Count / 2))
                ? potcar.Take(potcar.Count / 2).ToList() : potcar;

        private Cell ReadCell(int frame)
        {
            Span<double> m = stackalloc double[9];
            for (int r = 0; r < 3; r++)
            {
                var rest = lines.Require("a lattice vector", frame);
                Tokens.Doubles(ref rest, m.Slice(3 * r, 3), lines, frame, "a lattice vector");
            }
            return Cell.FromRows(m);
        }

        private (Vec3[] Positions, Vec3[] Forces) ReadPositionsAndForces(int frame)
        {
            int n = _numbers?.Length
                ?? throw new FatalReadException(lines.Error("positions before 'ions per type' in the header", frame));
            if (_cell is null) throw new FatalReadException(lines.Error("positions before any 'direct lattice vectors'", frame));
            lines.Require("the dashed line under POSITION", frame);
            var positions = new Vec3[n];
            var forces = new Vec3[n];
            Span<double> v = stackalloc double[6];
            for (int i = 0; i < n; i++)
            {
                var rest = lines.Next() ? lines.Current : throw lines.Error($"the file ends after {i} of {n} atom lines", frame);
                Tokens.Doubles(ref rest, v, lines, frame, "an atom's position and force");
                positions[i] = new Vec3(v[0], v[1], v[2]);
                forces[i] = new Vec3(v[3], v[4], v[5]);
            }
            var end = lines.Require("the dashed line closing the positions", frame);
            if (!end.TrimStart().StartsWith("---"))
                throw lines.Error($"expected {n} atoms and a dashed line, found '{end.Trim().ToString()}'", frame);
            return (positions, forces);
        }

        private double ReadEnergy(int frame)
        {
            double? toten = null;
            for (int k = 0; k < 8; k++)
            {
                var line = lines.Require("the energies of the ionic step", frame);
                if (line.Contains("TOTEN", StringComparison.Ordinal)) toten = Tokens.After(line, "TOTEN", lines, frame);
                else if (line.Contains("sigma->0", StringComparison.Ordinal))
                {
                    if (toten is null) break;
                    return energyChoice switch
                    {
                        OutcarEnergy.EnergyWithoutEntropy => Tokens.After(line, "entropy", lines, frame),
                        OutcarEnergy.SigmaZero => Tokens.After(line, "sigma->0)", lines, frame),
                        _ => toten.Value,
                    };
                }
            }
            throw lines.Error("expected 'free  energy   TOTEN' and 'energy  without entropy … energy(sigma->0)' lines", frame);
        }
    }
}
