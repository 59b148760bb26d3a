namespace AtomCuration.Descriptors;

/// <summary>The descriptor kinds a fingerprint can be built from (Tab-completes in <c>Get-Descriptor -Kind</c>).</summary>
public enum DescriptorKind
{
    /// <summary>Atom-centred symmetry functions (Behler–Parrinello G2, G4, G5; standard or modified form). Per-atom.</summary>
    Acsf,

    /// <summary>Smooth overlap of atomic positions power spectrum (DScribe 2.1 conventions). Per-atom.</summary>
    Soap,

    /// <summary>Gaussian-smoothed partial radial distribution functions. Per structure.</summary>
    Rdf,

    /// <summary>Coulomb matrix of a finite structure (eigenvalues, sorted-L2 or unsorted). Per structure.</summary>
    CoulombMatrix,

    /// <summary>Sine matrix, the periodic relative of the Coulomb matrix. Per structure.</summary>
    SineMatrix,

    /// <summary>CrystalNN coordination weights, order parameters and local mass difference, 4 site statistics each (248; seed fingerprint). Per structure.</summary>
    CrystalNN,

    /// <summary>Voronoi average bond length, 4 site statistics (4; seed fingerprint). Per structure.</summary>
    BondLength,

    /// <summary>Gaussian generalised RDF averaged over sites (100 by default; seed fingerprint). Per structure.</summary>
    Grdf,

    /// <summary>SNAP bispectrum components (LAMMPS compute sna/atom: twojmax, rcutfac, rfac0, per-element radius and weight). Per-atom.</summary>
    Bispectrum,
}
