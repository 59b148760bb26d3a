namespace AtomCuration.IO;

/// <summary>
/// What <see cref="MlipCfgReader"/> and <see cref="MlipCfgWriter"/> share about MLIP's <c>.cfg</c> files
/// (the training format of moment tensor potentials; Novikov, Gubaev, Podryabinkin, Shapeev, "The MLIP
/// package: moment tensor potentials with MPI and active learning", Mach. Learn.: Sci. Technol. 2, 025002
/// (2021), doi:10.1088/2632-2153/abc9fe).
/// </summary>
/// <remarks>
/// A configuration is <c>BEGIN_CFG</c>, <c>Size</c> (atom count), <c>Supercell</c> (one lattice vector a
/// line, one line per periodic direction), <c>AtomData:</c> with its column names (<c>id type cartes_x
/// cartes_y cartes_z fx fy fz</c>, more allowed), <c>Energy</c> (eV), <c>PlusStress: xx yy zz yz xz xy</c>
/// and <c>Feature name value</c> lines, then <c>END_CFG</c>. PlusStress is the virial in eV, stress times
/// volume with the opposite sign to ASE's stress: PlusStress = −σ·V, positive when the cell is compressed
/// (VASP's "FORCE on cell = −STRESS … Total" line, which is how MLIP converts OUTCARs). Atom types are
/// 0-based integers, not elements: the writer records its element of each type in a
/// <c>Feature atom_types</c> line (symbols in type order), which the reader uses when no type map is given.
/// </remarks>
internal static class MlipCfgFormat
{
    /// <summary>The Feature that names the element of each type, in type order.</summary>
    public const string AtomTypesFeature = "atom_types";
}
