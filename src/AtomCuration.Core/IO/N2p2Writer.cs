using System.Globalization;
using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>
/// Writes n2p2 / RuNNer <c>input.data</c> blocks that <see cref="N2p2Reader"/> reads back with its defaults
/// (to the last bit or two: the unit conversion rounds): <c>begin</c>, <c>comment</c> lines (the Info comment
/// the structure was read with, else its id), three
/// <c>lattice</c> lines for a periodic cell, <c>atom x y z element charge 0 fx fy fz</c> per atom,
/// <c>energy</c>, <c>charge</c>, <c>end</c>.
/// </summary>
/// <remarks>
/// Units follow the RuNNer convention, as the reader's default does: lengths in Bohr (Å ÷
/// <see cref="N2p2Reader.Bohr"/>), energies in Hartree (eV ÷ <see cref="N2p2Reader.Hartree"/>), forces in
/// Hartree/Bohr. n2p2 trains on energies and forces, so a structure without both is refused rather than
/// written with made-up zeros; n2p2 knows fully periodic cells and molecules only, so a structure
/// periodic along some axes but not others is refused too. Atomic charges come from the per-atom property
/// <c>charges</c> (0 without it), the total charge from <c>Info["charge"]</c> (else their sum).
/// </remarks>
public sealed class N2p2Writer : IStructureWriter
{
    /// <inheritdoc />
    public StructureFormat Format => StructureFormat.N2p2;

    /// <inheritdoc />
    public bool SupportsMultipleFrames => true;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The structure lacks energy or forces, or is partly periodic.</exception>
    public void Write(TextWriter text, Structure structure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(structure);
        if (structure.Energy is not { } energy || structure.Forces is not { } forces)
            throw new ArgumentException($"{structure.Id}: n2p2 input.data needs the energy and the forces of every structure.");
        if (structure.Pbc.Any && structure.Pbc != Pbc.All)
            throw new ArgumentException($"{structure.Id}: periodic along some axes only ({structure.Pbc}); n2p2 knows fully periodic cells and molecules.");
        const double forceUnit = N2p2Reader.Hartree / N2p2Reader.Bohr;
        double[]? charges = structure.AtomProperties.FirstOrDefault(p => p.Name == "charges" && p.Columns == 1)?.Values as double[];
        text.Write("begin\n");
        foreach (string line in CommentOf(structure).ReplaceLineEndings("\n").Split('\n'))
        {
            text.Write("comment ");
            text.Write(line);
            text.Write('\n');
        }
        if (structure.Pbc == Pbc.All)
            foreach (var v in new[] { structure.Cell.A, structure.Cell.B, structure.Cell.C })
            {
                text.Write("lattice");
                WriteVec(text, v / N2p2Reader.Bohr);
                text.Write('\n');
            }
        for (int i = 0; i < structure.AtomCount; i++)
        {
            text.Write("atom");
            WriteVec(text, structure.Positions[i] / N2p2Reader.Bohr);
            text.Write(' ');
            text.Write(Elements.FromZ(structure.AtomicNumbers[i]).Symbol);
            text.Write(' ');
            text.Write(Real(charges?[i] ?? 0));
            text.Write(" 0");
            WriteVec(text, forces[i] / forceUnit);
            text.Write('\n');
        }
        double total = structure.GetInfo("charge") is double q ? q : charges?.Sum() ?? 0;
        text.Write("energy ");
        text.Write(Real(energy / N2p2Reader.Hartree));
        text.Write("\ncharge ");
        text.Write(Real(total));
        text.Write("\nend\n");
    }

    /// <summary>The Info comment the structure was read with (one <c>comment</c> line each of its lines), else its id.</summary>
    private static string CommentOf(Structure s) => s.GetInfo("comment") is string { Length: > 0 } comment ? comment : s.Id;

    private static void WriteVec(TextWriter text, Vec3 v)
    {
        for (int k = 0; k < 3; k++)
        {
            text.Write(' ');
            text.Write(Real(v[k]));
        }
    }

    private static string Real(double v) => FastNumberParser.FormatReal(v);
}
