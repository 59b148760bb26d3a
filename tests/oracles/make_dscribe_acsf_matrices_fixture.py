#!/usr/bin/python3
"""Writes fixtures/dscribe_acsf_matrices.json.gz: DScribe 2.1.1's ACSF, Coulomb matrix and sine matrix.

As for make_dscribe_soap_fixture.py (same structures, same way of obtaining DScribe): DScribe cannot
be installed here, so its output is stored once with the inputs and
tests/AtomCuration.Core.Tests/Descriptors/DScribeAcsfMatricesTests.cs compares ours to it. Run
    PYTHONPATH=/path/to/dscribe /usr/bin/python3 tests/oracles/make_dscribe_acsf_matrices_fixture.py

ACSF: every case passes explicit G2 [eta, Rs], G4 and G5 [eta, zeta, lambda] lists to both sides
(standard form; DScribe counts each unordered neighbour pair of an angle once). A G2 with eta = 0
reproduces DScribe's G1. DScribe 2.1.1 evaluates (1 + lambda cos)^zeta without clamping cos to
[-1, 1], so a non-integer zeta on an exactly collinear triplet (the fcc(111) slab has them) gives
NaN; those entries are stored as null and the test requires ours to be finite there (we clamp). DScribe's per-atom row is not resolved by the centre's element; ours is
(the centre's block), the test maps one onto the other by DScribe's documented column order.
"""
import gzip
import json
import os

import numpy as np
from dscribe.descriptors import ACSF, CoulombMatrix, SineMatrix

from make_dscribe_soap_fixture import HERE, cluster_hco, hcp_ti36, slab_cuni, triclinic_tial


def default_acsf(cutoff):
    """AtomCuration's default set: 24 G2 on a grid of Rs with eta = 1/(2 spacing^2), 16 G4."""
    spacing = cutoff / 24
    g2 = [[1 / (2 * spacing**2), k * spacing] for k in range(24)]
    g4 = [[eta / cutoff**2, zeta, lam] for eta in (0.18, 1.8) for zeta in (1.0, 2, 4, 16) for lam in (-1.0, 1)]
    return g2, g4


G2_SMALL = [[0.0, 0.0], [0.5, 1.5], [2.0, 2.6], [1.0, 3.4]]
G4_SMALL = [[0.005, 1.0, 1.0], [0.02, 2.0, -1.0], [0.01, 4.0, 1.0]]
G5_SMALL = [[0.008, 1.0, -1.0], [0.03, 2.5, 1.0]]

ACSF_CASES = [
    # name, structure, species, cutoff, g2, g4, g5
    ("hcp Ti 36, default set", hcp_ti36, ["Ti"], 6.0) + tuple(default_acsf(6.0)) + ([],),
    ("triclinic TiAl, G2 G4 G5", triclinic_tial, ["Al", "Ti"], 5.0, G2_SMALL, G4_SMALL, G5_SMALL),
    ("CuNi slab, G2 G4 G5", slab_cuni, ["Cu", "Ni"], 5.5, G2_SMALL, G4_SMALL, G5_SMALL),
    ("ethanol cluster, G2 G4 G5", cluster_hco, ["H", "C", "O"], 4.0, G2_SMALL, G4_SMALL, G5_SMALL),
]

MATRIX_CASES = [
    # name, kind, structure, n_atoms_max, permutation
    ("Coulomb, ethanol, sorted_l2", "CoulombMatrix", cluster_hco, 12, "sorted_l2"),
    ("Coulomb, ethanol, eigenspectrum", "CoulombMatrix", cluster_hco, 12, "eigenspectrum"),
    ("Coulomb, ethanol, none", "CoulombMatrix", cluster_hco, 12, "none"),
    ("sine, triclinic TiAl, sorted_l2", "SineMatrix", triclinic_tial, 12, "sorted_l2"),
    ("sine, triclinic TiAl, eigenspectrum", "SineMatrix", triclinic_tial, 12, "eigenspectrum"),
    ("sine, hcp Ti 36, sorted_l2", "SineMatrix", hcp_ti36, 36, "sorted_l2"),
]


def finite_or_none(values):
    return [v if np.isfinite(v) else None for v in values.ravel().tolist()]


def structure(atoms):
    return {"numbers": atoms.numbers.tolist(), "positions": atoms.positions.tolist(),
            "cell": atoms.cell.array.tolist(), "pbc": atoms.pbc.tolist()}


def main():
    out = {"dscribe": "2.1.1", "acsf": [], "matrices": []}
    for name, make, species, cutoff, g2, g4, g5 in ACSF_CASES:
        atoms = make()
        acsf = ACSF(species=species, r_cut=cutoff, g2_params=g2 or None, g4_params=g4 or None,
                    g5_params=g5 or None, periodic=bool(atoms.pbc.any()))
        values = np.asarray(acsf.create(atoms), dtype=float)
        out["acsf"].append(dict(structure(atoms), name=name, species=species, cutoff=cutoff,
                                g2=g2, g4=g4, g5=g5, shape=list(values.shape), values=finite_or_none(values)))
        print(f"{name}: {values.shape}")
    for name, kind, make, n_max, permutation in MATRIX_CASES:
        atoms = make()
        cls = CoulombMatrix if kind == "CoulombMatrix" else SineMatrix
        values = np.asarray(cls(n_atoms_max=n_max, permutation=permutation).create(atoms), dtype=float)
        out["matrices"].append(dict(structure(atoms), name=name, kind=kind, maxAtoms=n_max,
                                    permutation=permutation, values=finite_or_none(values)))
        print(f"{name}: {values.shape}")
    text = json.dumps(out).encode()
    with open(os.path.join(HERE, "fixtures", "dscribe_acsf_matrices.json.gz"), "wb") as f:
        f.write(gzip.compress(text, mtime=0))


if __name__ == "__main__":
    main()
