namespace AtomCuration.Potentials.Eam;

/// <summary>The DYNAMO tabulated EAM file formats LAMMPS reads.</summary>
public enum EamFileFormat
{
    /// <summary>Multi-element setfl (pair_style eam/alloy): *.eam.alloy, *.setfl.</summary>
    Setfl,

    /// <summary>Multi-element Finnis–Sinclair setfl variant (pair_style eam/fs): *.eam.fs.</summary>
    FinnisSinclair,

    /// <summary>Single-element funcfl (pair_style eam): *.eam, effective charge Z(r) instead of φ(r).</summary>
    Funcfl,
}

/// <summary>Format detection from a file name.</summary>
public static class EamFileFormats
{
    /// <summary>The format a file name implies (.eam.fs, .eam, anything else setfl), ignoring a trailing .gz.</summary>
    public static EamFileFormat FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal)) name = name[..^3];
        if (name.EndsWith(".fs", StringComparison.Ordinal)) return EamFileFormat.FinnisSinclair;
        if (name.EndsWith(".eam", StringComparison.Ordinal) || name.EndsWith(".funcfl", StringComparison.Ordinal)) return EamFileFormat.Funcfl;
        return EamFileFormat.Setfl;
    }
}
