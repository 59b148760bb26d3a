using System.Collections.Immutable;
using System.Xml;
using AtomCuration.Structures;
using AtomCuration.Options;

namespace AtomCuration.IO;

/// <summary>
/// Reads every ionic step (<c>&lt;calculation&gt;</c>) of a VASP vasprun.xml with a forward-only
/// <see cref="XmlReader"/>: the document is never held in memory, only the step being read.
/// Species come from <c>atominfo</c>; each step gives the cell and fractional positions of its
/// <c>structure</c>, the <c>forces</c> (eV/Å), the <c>stress</c> (kB, converted to eV/Å³ with
/// ASE's sign) and the energy chosen by <see cref="ReadOptions.OutcarEnergy"/>:
/// <c>e_fr_energy</c> (default, force-consistent, as for the OUTCAR), <c>e_wo_entrp</c>, or the
/// σ→0 energy.
/// </summary>
/// <remarks>
/// The energy without entropy and the σ→0 energy are taken as ASE takes the latter:
/// <c>e_fr_energy</c> of the step plus (<c>e_wo_entrp</c> or <c>e_0_energy</c> −
/// <c>e_fr_energy</c>) of its last electronic step. VASP 5 writes the step's own
/// <c>e_wo_entrp</c>/<c>e_0_energy</c> shifted by one slot (the σ→0 value under
/// <c>e_wo_entrp</c>, −TS under <c>e_0_energy</c>), while the electronic-step blocks are right
/// but lack a van der Waals correction; the difference is free of both problems, and the result
/// equals the OUTCAR's values for the same run. Only <c>&lt;calculation&gt;</c> elements are
/// read: VASP's machine-learned force field (ML_LMLFF) writes its own steps outside them, so
/// those non-DFT labels never come out. A step with bad numbers is skipped; malformed XML (for instance
/// a file cut off while VASP was running) ends the file after the complete steps before it.
/// </remarks>
public sealed class VasprunReader : IStructureReader
{
    /// <inheritdoc />
    public StructureFormat Format => StructureFormat.Vasprun;

    /// <inheritdoc />
    public int Sniff(string fileName, string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (head.Contains("<modeling>", StringComparison.Ordinal)) return 2;
        string name = Path.GetFileName(fileName ?? "");
        return name.StartsWith("vasprun", StringComparison.OrdinalIgnoreCase) &&
               name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
    }

    /// <inheritdoc />
    public IEnumerable<ReadResult> Read(TextReader text, string? source, ReadOptions options, RunContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
        };
        var parser = new Parser(XmlReader.Create(text, settings), source, options.OutcarEnergy);
        return FrameLoop.Run(source, parser.Next);
    }

    private sealed class Parser(XmlReader xml, string? source, OutcarEnergy energyChoice)
    {
        private ImmutableArray<int> _numbers = [];

        private long Line => (xml as IXmlLineInfo)?.LineNumber ?? 0;

        private StructureFormatException Error(string problem, int? frame) => new(source, Line, frame, problem);

        public Structure? Next(int frame)
        {
            try
            {
                while (xml.Read())
                {
                    if (xml.NodeType != XmlNodeType.Element) continue;
                    if (xml.Name == "atominfo") ReadAtomInfo();
                    else if (xml.Name == "calculation" && xml.Depth == 1) return ReadCalculation(frame);
                }
                if (frame == 0) throw new FatalReadException(Error("no <calculation> (ionic step) in this file", null));
                return null;
            }
            catch (XmlException e)
            {
                throw new FatalReadException(new StructureFormatException(source, e.LineNumber, frame,
                    $"malformed XML, reading stops here ({e.Message})", e));
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.DecoderFallbackException)
            {
                throw new FatalReadException(new StructureFormatException(source, Line, frame,
                    $"the file could not be read to its end ({e.Message})", e));
            }
        }

        // Leaves the reader on </atominfo>, so that the caller's Read() finds the next element.
        private void ReadAtomInfo()
        {
            int depth = xml.Depth;
            bool inAtoms = false;
            var numbers = new List<int>();
            xml.Read();
            while (xml.Depth > depth)
            {
                if (xml.NodeType == XmlNodeType.Element && xml.Name == "array")
                    inAtoms = xml.GetAttribute("name") == "atoms";
                if (inAtoms && xml.NodeType == XmlNodeType.Element && xml.Name == "rc")
                {
                    xml.Read(); // the first <c> of the row is the element
                    string symbol = xml.ReadElementContentAsString().Trim();
                    var e = SpeciesNames.FromPotcarLabel(symbol)
                        ?? throw new FatalReadException(Error($"'{symbol}' in atominfo is not an element", null));
                    numbers.Add(e.Z);
                }
                else xml.Read();
            }
            _numbers = [.. numbers];
        }

        private Structure ReadCalculation(int frame)
        {
            if (_numbers.Length == 0) throw new FatalReadException(Error("a calculation before the atominfo species", frame));
            int n = _numbers.Length, depth = xml.Depth;
            Vec3[]? basis = null, fractional = null, forces = null, stressRows = null;
            double[]? stepEnergy = null, lastScf = null;
            StructureFormatException? error = null;
            xml.Read();
            while (xml.Depth > depth)
            {
                if (xml.NodeType != XmlNodeType.Element) { xml.Read(); continue; }
                int d = xml.Depth - depth;
                string name = xml.Name;
                try
                {
                    if (d == 1 && name == "structure") (basis, fractional) = ReadStructure(n, frame);
                    else if (d == 1 && name == "varray" && xml.GetAttribute("name") == "forces") forces = ReadVectors(n, "forces", frame);
                    else if (d == 1 && name == "varray" && xml.GetAttribute("name") == "stress") stressRows = ReadVectors(3, "stress", frame);
                    else if (d == 1 && name == "energy") stepEnergy = ReadEnergies(frame);
                    else if (d == 2 && name == "energy") lastScf = ReadEnergies(frame);
                    else if (d == 1 && name != "scstep") xml.Skip(); // eigenvalues, dos, …: not needed, skipped fast
                    else xml.Read();
                }
                catch (StructureFormatException e)
                {
                    // Keep reading to the end of this step so that the next one starts cleanly.
                    error ??= e;
                    xml.Skip();
                }
            }
            if (error is not null) throw error;
            if (basis is null || fractional is null) throw Error("a calculation without a structure", frame);
            if (forces is null) throw Error("a calculation without forces", frame);
            if (stepEnergy is null) throw Error("a calculation without its energy block", frame);
            var cell = new Cell(basis[0], basis[1], basis[2]);
            var positions = new Vec3[n];
            for (int i = 0; i < n; i++) positions[i] = cell.ToCartesian(fractional[i]);
            // The tensor is symmetric; like ASE, take the upper triangle for the shear components.
            Voigt? stress = stressRows is null ? null
                : KiloBar.ToStress(stressRows[0].X, stressRows[1].Y, stressRows[2].Z, stressRows[1].Z, stressRows[0].Z, stressRows[0].Y);
            return new Structure(_numbers, Structure.Own(positions), cell, Pbc.All)
            {
                Energy = ChooseEnergy(stepEnergy, lastScf, frame),
                Forces = Structure.Own(forces),
                Stress = stress,
            };
        }

        // Energies are stored as [e_fr_energy, e_wo_entrp, e_0_energy]; NaN marks a missing one.
        private double ChooseEnergy(double[] step, double[]? lastScf, int frame)
        {
            if (double.IsNaN(step[0])) throw Error("the step's energy block has no e_fr_energy", frame);
            int k = energyChoice switch { OutcarEnergy.EnergyWithoutEntropy => 1, OutcarEnergy.SigmaZero => 2, _ => 0 };
            if (k == 0) return step[0];
            string name = k == 1 ? "e_wo_entrp" : "e_0_energy";
            if (lastScf is null || double.IsNaN(lastScf[0]) || double.IsNaN(lastScf[k]))
                throw Error($"no electronic step with e_fr_energy and {name}", frame);
            return step[0] + (lastScf[k] - lastScf[0]);
        }

        private double[] ReadEnergies(int frame)
        {
            var e = new[] { double.NaN, double.NaN, double.NaN };
            int depth = xml.Depth;
            xml.Read();
            while (xml.Depth > depth)
            {
                int k = xml.NodeType != XmlNodeType.Element || xml.Name != "i" ? -1
                    : xml.GetAttribute("name") switch { "e_fr_energy" => 0, "e_wo_entrp" => 1, "e_0_energy" => 2, _ => -1 };
                if (k >= 0) e[k] = ParseScalar(xml.ReadElementContentAsString(), frame);
                else xml.Read();
            }
            xml.Read();
            return e;
        }

        private (Vec3[] Basis, Vec3[] Fractional) ReadStructure(int n, int frame)
        {
            Vec3[]? basis = null, positions = null;
            int depth = xml.Depth;
            xml.Read();
            while (xml.Depth > depth)
            {
                if (xml.NodeType == XmlNodeType.Element && xml.Name == "varray")
                {
                    string? name = xml.GetAttribute("name");
                    if (name == "basis") basis = ReadVectors(3, "basis", frame);
                    else if (name == "positions") positions = ReadVectors(n, "positions", frame);
                    else xml.Skip();
                }
                else xml.Read();
            }
            xml.Read();
            if (basis is null || positions is null) throw Error("a structure without basis or positions", frame);
            return (basis, positions);
        }

        // Reads <varray> of exactly `count` <v> rows of three numbers; leaves the reader after </varray>.
        private Vec3[] ReadVectors(int count, string what, int frame)
        {
            var rows = new Vec3[count];
            int k = 0, depth = xml.Depth;
            Span<double> v = stackalloc double[3];
            if (xml.IsEmptyElement) { xml.Read(); throw Error($"empty {what}", frame); }
            xml.Read();
            while (xml.Depth > depth)
            {
                if (xml.NodeType == XmlNodeType.Element && xml.Name == "v")
                {
                    if (k == count) throw Error($"more than {count} rows in {what}", frame);
                    var rest = xml.ReadElementContentAsString().AsSpan();
                    for (int c = 0; c < 3; c++)
                    {
                        if (!Tokens.Next(ref rest, out var t)) throw Error($"a row of {what} with fewer than 3 numbers", frame);
                        v[c] = ParseScalar(t, frame);
                    }
                    if (Tokens.Next(ref rest, out _)) throw Error($"a row of {what} with more than 3 numbers", frame);
                    rows[k++] = new Vec3(v[0], v[1], v[2]);
                }
                else xml.Read();
            }
            xml.Read();
            if (k != count) throw Error($"{k} rows in {what}, expected {count}", frame);
            return rows;
        }

        private double ParseScalar(ReadOnlySpan<char> text, int frame) =>
            Tokens.TryFinite(text.Trim(), out double v) is { } problem ? throw Error(problem, frame) : v;
    }
}
