using AtomCuration.Potentials.Eam;

namespace AtomCuration.Tests.Potentials;

/// <summary>
/// Tabulated EAM potentials made by the tests themselves (no file outside the repository): the
/// published Zhou–Johnson–Wadley form (Zhou, Johnson, Wadley, PRB 69, 144113 (2004)) written as a
/// LAMMPS table and read back, so the table code paths (splines of setfl or eam/fs files) are exercised.
/// </summary>
internal static class GeneratedEam
{
    /// <summary>The published ZJW form of <paramref name="symbols"/> as a setfl or eam/fs table, read back.</summary>
    public static EamPotential Table(EamFileFormat format, params string[] symbols)
    {
        var model = ZhouJohnsonWadley.Published(symbols);
        return EamFileReader.Read(new StringReader(Text(model, format)), format, string.Join("", symbols) + (format == EamFileFormat.Setfl ? ".eam.alloy" : ".eam.fs"));
    }

    /// <summary>The file text of <paramref name="model"/> in <paramref name="format"/> (10,000 points per table).</summary>
    public static string Text(EamPotential model, EamFileFormat format)
    {
        var w = new StringWriter();
        EamFileWriter.Write(model, w, EamTableResolution.Covering(model.Cutoff, 60, 10000, 10000), format);
        return w.ToString();
    }
}
