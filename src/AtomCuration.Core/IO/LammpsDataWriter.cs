using System.Globalization;
using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>
/// Writes a structure as a LAMMPS data file in the <c>atomic</c> style: a header with the
/// counts and box, a <c>Masses</c> section (standard masses, the element named in a comment) and
/// the <c>Atoms</c> section. Atom types are numbered in order of atomic number (the lightest
/// element is type 1), so a pair_coeff line lists the elements in that order.
/// </summary>
/// <remarks>
/// LAMMPS boxes are lower-triangular: a = (lx, 0, 0), b = (xy, ly, 0), c = (xz, yz, lz). The cell
/// is rotated into that form (lx = |a|, xy = b·â, ly = |â×b|, xz = c·â, yz = (b·c − xy·xz)/ly,
/// lz = √(|c|² − xz² − yz²)), which keeps every length and angle, and positions are rotated with
/// it by going through fractional coordinates. Tilts are then brought within LAMMPS's limits
/// (|xy|, |xz| ≤ lx/2, |yz| ≤ ly/2) by adding lattice vectors, which leaves the lattice unchanged,
/// and atoms are wrapped into the box along periodic axes. The tilt line is written only when a
/// tilt is non-zero. Only species and positions are written: energies, forces, stress, Info and
/// per-atom properties are not carried by this format. The cell must be full rank; a
/// left-handed cell is described by (a, b, −c), the same lattice with a right-handed basis.
/// </remarks>
public sealed class LammpsDataWriter : IStructureWriter
{
    /// <inheritdoc />
    public StructureFormat Format => StructureFormat.LammpsData;

    /// <inheritdoc />
    public bool SupportsMultipleFrames => false;

    /// <inheritdoc />
    public void Write(TextWriter text, Structure structure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(structure);
        var (box, positions) = ToLammpsBox(structure);
        var species = structure.Species; // ascending Z
        var typeOf = new Dictionary<int, int>();
        for (int t = 0; t < species.Count; t++) typeOf[species[t]] = t + 1;
        var inv = CultureInfo.InvariantCulture;
        string title = $"LAMMPS data file written by AtomCuration: {structure.Formula} ({structure.Id})".Replace('\n', ' ').Replace('\r', ' ');
        text.WriteLine(title);
        text.WriteLine();
        text.WriteLine(string.Create(inv, $"{structure.AtomCount} atoms"));
        text.WriteLine(string.Create(inv, $"{species.Count} atom types"));
        text.WriteLine();
        text.WriteLine(string.Create(inv, $"0 {box.A.X:R} xlo xhi"));
        text.WriteLine(string.Create(inv, $"0 {box.B.Y:R} ylo yhi"));
        text.WriteLine(string.Create(inv, $"0 {box.C.Z:R} zlo zhi"));
        if (box.B.X != 0 || box.C.X != 0 || box.C.Y != 0)
            text.WriteLine(string.Create(inv, $"{box.B.X:R} {box.C.X:R} {box.C.Y:R} xy xz yz"));
        text.WriteLine();
        text.WriteLine("Masses");
        text.WriteLine();
        for (int t = 0; t < species.Count; t++)
        {
            var e = Elements.FromZ(species[t]);
            text.WriteLine(string.Create(inv, $"{t + 1} {e.Mass:R} # {e.Symbol}"));
        }
        text.WriteLine();
        text.WriteLine("Atoms # atomic");
        text.WriteLine();
        for (int i = 0; i < positions.Length; i++)
        {
            var p = positions[i];
            text.WriteLine(string.Create(inv, $"{i + 1} {typeOf[structure.AtomicNumbers[i]]} {p.X:R} {p.Y:R} {p.Z:R}"));
        }
    }

    /// <summary>The LAMMPS box (lower-triangular rows, tilts within limits) and the positions in it.</summary>
    internal static (Cell Box, Vec3[] Positions) ToLammpsBox(Structure s)
    {
        var cell = s.Cell;
        if (!cell.IsFullRank) throw new ArgumentException("A LAMMPS data file needs a full-rank cell; this structure has none.");
        // LAMMPS boxes are right-handed; −c spans the same lattice, so a left-handed cell is flipped that way.
        Vec3 a = cell.A, b = cell.B, c = cell.Determinant < 0 ? -cell.C : cell.C;
        double lx = a.Length;
        var ahat = a / lx;
        double xy = Vec3.Dot(b, ahat);
        double ly = Vec3.Cross(ahat, b).Length;
        double xz = Vec3.Dot(c, ahat);
        double yz = (Vec3.Dot(b, c) - xy * xz) / ly;
        double lz = Math.Sqrt(Math.Max(0, c.LengthSquared - xz * xz - yz * yz));
        var rotated = new Cell(new Vec3(lx, 0, 0), new Vec3(xy, ly, 0), new Vec3(xz, yz, lz));

        // Lattice-preserving reduction of the tilts (c first, as its xz changes with b's multiple).
        double k = Math.Round(yz / ly);
        yz -= k * ly;
        xz -= k * xy;
        xz -= Math.Round(xz / lx) * lx;
        xy -= Math.Round(xy / lx) * lx;
        double scale = Math.Max(lx, Math.Max(ly, lz)) * 1e-12;
        if (Math.Abs(xy) < scale) xy = 0;
        if (Math.Abs(xz) < scale) xz = 0;
        if (Math.Abs(yz) < scale) yz = 0;
        var box = new Cell(new Vec3(lx, 0, 0), new Vec3(xy, ly, 0), new Vec3(xz, yz, lz));

        var basis = new Cell(a, b, c);
        var positions = new Vec3[s.AtomCount];
        for (int i = 0; i < positions.Length; i++)
        {
            var r = rotated.ToCartesian(basis.ToFractional(s.Positions[i]));
            positions[i] = box.Wrap(r, s.Pbc);
        }
        return (box, positions);
    }
}
