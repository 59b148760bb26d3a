using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>
/// The loop every multi-frame reader shares: asks a frame parser for frames until it returns
/// null, stamps each structure with its source and frame index, and turns failures into
/// <see cref="ReadResult"/>s — a <see cref="StructureFormatException"/> (or a structure the
/// model rejects) skips one frame, a <see cref="FatalReadException"/> ends the source.
/// The parser resynchronises itself: after a bad frame it is called again and must first
/// find the start of the next frame.
/// </summary>
internal static class FrameLoop
{
    public static IEnumerable<ReadResult> Run(string? source, Func<int, Structure?> next)
    {
        for (int frame = 0; ; frame++)
        {
            ReadResult item;
            try
            {
                var s = next(frame);
                if (s is null) break;
                item = ReadResult.Ok(s with { SourcePath = source, FrameIndex = frame });
            }
            catch (FatalReadException e)
            {
                item = ReadResult.Fatal(e.Error);
            }
            catch (StructureFormatException e)
            {
                item = ReadResult.Skipped(e);
            }
            catch (ArgumentException e)
            {
                // The structure model refused the values (unknown element, singular periodic cell, …).
                item = ReadResult.Skipped(new StructureFormatException(source, null, frame, e.Message, e));
            }
            yield return item;
            if (item.IsFatal) break;
        }
    }
}

/// <summary>VASP's stress unit and sign, shared by the OUTCAR, vasprun.xml and pymatgen/mlearn JSON readers.</summary>
internal static class KiloBar
{
    /// <summary>1 GPa in eV/Å³ (CODATA 2014, bit-identical to <c>ase.units.GPa</c> in ASE 3.22).</summary>
    public const double GPa = 1 / Voigt.EvPerCubicAngstromToGPa;

    /// <summary>
    /// VASP prints the stress in kB (0.1 GPa) with pressure positive (compression &gt; 0); the
    /// model uses eV/Å³ with ASE's sign (tension &gt; 0), so σ = −0.1·GPa·p, evaluated in the
    /// order ASE uses (−p·0.1·GPa) so that values agree with ASE to the last bit.
    /// </summary>
    public static Voigt ToStress(double xx, double yy, double zz, double yz, double xz, double xy) =>
        new(Convert(xx), Convert(yy), Convert(zz), Convert(yz), Convert(xz), Convert(xy));

    private static double Convert(double p) => -p * 1e-1 * GPa;
}
