namespace AtomCuration.IO;

/// <summary>File formats for structures. <see cref="Auto"/> sniffs from the name, then the content.</summary>
public enum StructureFormat
{
    /// <summary>Decide from the file name, then from the first lines.</summary>
    Auto,
    /// <summary>Extended XYZ in ASE's dialect (plain XYZ is read by the same reader).</summary>
    ExtXyz,
    /// <summary>VASP POSCAR / CONTCAR.</summary>
    Poscar,
    /// <summary>VASP OUTCAR, every ionic step.</summary>
    Outcar,
    /// <summary>VASP vasprun.xml, every ionic step, streamed.</summary>
    Vasprun,
    /// <summary>LAMMPS dump (atom or custom style).</summary>
    LammpsDump,
    /// <summary>LAMMPS data file (atomic or charge style).</summary>
    LammpsData,
    /// <summary>pymatgen / mlearn JSON: a list of {structure, outputs{energy, forces, virial_stress}}.</summary>
    PymatgenJson,
    /// <summary>n2p2 / RuNNer input.data.</summary>
    N2p2,
    /// <summary>MLIP (moment tensor potential) .cfg configurations.</summary>
    MlipCfg,
    /// <summary>FitSNAP JSON: one configuration a file, in folders by group.</summary>
    FitSnapJson,
}
