using System.Globalization;
using System.Text;
using AtomCuration.IO;

namespace AtomCuration.Potentials.Eam;

/// <summary>
/// Writes an <see cref="EamPotential"/> as a DYNAMO table LAMMPS reads (layouts in
/// <see cref="EamFileReader"/>), sampling every function on the chosen grids: setfl
/// (eam/alloy), eam/fs (Finnis–Sinclair potentials), or funcfl (single element, pair term
/// converted to the effective charge Z(r) = √(r·φ(r) / (27.2·0.529)), which needs r·φ ≥ 0).
/// Numbers carry 17 significant digits so a table read back is the table written.
/// </summary>
public static class EamFileWriter
{
    /// <summary>
    /// Writes to a file; the format comes from the name unless given (eam/fs potentials always write eam/fs).
    /// The table goes to a temporary file moved over <paramref name="path"/> once complete (<see cref="AtomicFile"/>),
    /// so a failure leaves the previous file as it was.
    /// </summary>
    /// <param name="potential">The potential to tabulate.</param>
    /// <param name="path">Target file.</param>
    /// <param name="resolution">Grids to sample on.</param>
    /// <param name="format">File format; from the name when null.</param>
    /// <param name="comment">Text for the header lines.</param>
    /// <param name="noClobber">Refuse when <paramref name="path"/> exists.</param>
    public static void Write(EamPotential potential, string path, EamTableResolution resolution, EamFileFormat? format = null,
        string? comment = null, bool noClobber = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fmt = format ?? EamFileFormats.FromPath(path);
        using var file = AtomicFile.Create(path, noClobber);
        using (var writer = new StreamWriter(file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
            Write(potential, writer, resolution, fmt, comment);
        file.Commit();
    }

    /// <summary>Writes to a text writer.</summary>
    /// <exception cref="ArgumentException">The format cannot hold the potential (funcfl with several elements or r·φ &lt; 0; setfl with host-dependent densities).</exception>
    public static void Write(EamPotential potential, TextWriter writer, EamTableResolution resolution, EamFileFormat format, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(potential);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(resolution);
        resolution.Validate();
        writer.NewLine = "\n";
        string note = (comment ?? "Written by AtomCuration").ReplaceLineEndings(" ");
        switch (format)
        {
            case EamFileFormat.Funcfl:
                WriteFuncfl(potential, writer, resolution, note);
                break;
            case EamFileFormat.Setfl when potential.IsFinnisSinclair:
                throw new ArgumentException("A Finnis–Sinclair potential (host-dependent densities) needs the eam/fs format.");
            default:
                WriteSetfl(potential, writer, resolution, note, format == EamFileFormat.FinnisSinclair);
                break;
        }
    }

    private static void WriteSetfl(EamPotential p, TextWriter w, EamTableResolution g, string note, bool fs)
    {
        w.WriteLine(note);
        w.WriteLine($"UNITS: metal  {(fs ? "eam/fs" : "eam/alloy")}  cutoff {F(p.Cutoff)}");
        w.WriteLine($"elements: {string.Join(" ", p.Elements.Select(e => e.Symbol))}");
        w.WriteLine($"{p.ElementCount} {string.Join(" ", p.Elements.Select(e => e.Symbol))}");
        w.WriteLine($"{g.RhoCount} {F(g.RhoStep)} {g.RCount} {F(g.RStep)} {F(p.Cutoff)}");
        for (int a = 0; a < p.ElementCount; a++)
        {
            var e = p.Elements[a];
            w.WriteLine($"{e.AtomicNumber} {F(e.Mass)} {F(e.LatticeConstant)} {(string.IsNullOrWhiteSpace(e.LatticeType) ? "none" : e.LatticeType)}");
            Values(w, p.Embedding(a).Sample(g.RhoCount, g.RhoStep));
            if (fs)
                for (int host = 0; host < p.ElementCount; host++) Values(w, p.Density(host, a).Sample(g.RCount, g.RStep));
            else
                Values(w, p.Density(a, a).Sample(g.RCount, g.RStep));
        }
        for (int a = 0; a < p.ElementCount; a++)
            for (int b = 0; b <= a; b++) Values(w, RTimesPhi(p.Pair(a, b), g.RCount, g.RStep));
    }

    private static void WriteFuncfl(EamPotential p, TextWriter w, EamTableResolution g, string note)
    {
        if (p.ElementCount != 1) throw new ArgumentException($"funcfl holds one element; this potential has {p.ElementCount}.");
        var rphi = RTimesPhi(p.Pair(0, 0), g.RCount, g.RStep);
        var z = new double[rphi.Length];
        double roundoff = 1e-12 * rphi.Max(Math.Abs); // a pair term that reaches zero at the cutoff may dip below by rounding
        for (int k = 0; k < z.Length; k++)
        {
            if (rphi[k] < 0 && rphi[k] > -roundoff) rphi[k] = 0;
            if (rphi[k] < 0)
                throw new ArgumentException($"funcfl needs r·φ(r) ≥ 0, but it is {rphi[k]:G4} at r = {k * g.RStep:F3} Å; write setfl instead.");
            z[k] = Math.Sqrt(rphi[k] / EamFileReader.HartreeBohr);
        }
        var e = p.Elements[0];
        w.WriteLine(note);
        w.WriteLine($"{e.AtomicNumber} {F(e.Mass)} {F(e.LatticeConstant)} {(string.IsNullOrWhiteSpace(e.LatticeType) ? "none" : e.LatticeType)}");
        w.WriteLine($"{g.RhoCount} {F(g.RhoStep)} {g.RCount} {F(g.RStep)} {F(p.Cutoff)}");
        Values(w, p.Embedding(0).Sample(g.RhoCount, g.RhoStep));
        Values(w, z);
        Values(w, p.Density(0, 0).Sample(g.RCount, g.RStep));
    }

    /// <summary>r·φ(r) on the grid, taken from the underlying r·φ table when there is one (r = 0 included).</summary>
    private static double[] RTimesPhi(IRadialFunction pair, int count, double step)
    {
        if (pair is PairFromRTimesPhi wrapped) return wrapped.RTimesPhi.Sample(count, step);
        var values = new double[count];
        for (int k = 1; k < count; k++) values[k] = k * step * pair.Value(k * step);
        return values;
    }

    private static void Values(TextWriter w, double[] values)
    {
        var sb = new StringBuilder();
        for (int k = 0; k < values.Length; k++)
        {
            if (!double.IsFinite(values[k])) throw new ArgumentException($"Cannot write a non-finite table value ({values[k]}) at index {k}.");
            sb.Append(F(values[k]));
            sb.Append(k % 5 == 4 || k == values.Length - 1 ? '\n' : ' ');
        }
        w.Write(sb);
    }

    private static string F(double v) => v.ToString("G17", CultureInfo.InvariantCulture);
}
