#!/usr/bin/python3
"""Writes fixtures/dscribe_soap.json.gz: DScribe 2.1.1's SOAP vectors for a set of structures.

DScribe is neither on PyPI's mirror here nor in Debian, so CI cannot import it; the tests read this
fixture (structures + DScribe's output) and compare our SOAP to it to 1e-8 relative
(tests/AtomCuration.Core.Tests/Descriptors/SoapDScribeTests.cs).

To regenerate: build DScribe 2.1.1 from its public source (tag v2.1.1) with Debian's pybind11-dev,
python3-pybind11, libeigen3-dev and python3-sparse (`python3 setup.py build_ext --inplace` with
dependencies/eigen pointing at /usr/include/eigen3), then
    PYTHONPATH=/path/to/dscribe /usr/bin/python3 tests/oracles/make_dscribe_soap_fixture.py
Nothing of DScribe is kept in this repository; only its numbers are.

Every case passes all of DScribe's SOAP settings explicitly, so the fixture does not depend on
DScribe's defaults (its sigma default is 1.0; ours is 0.5). The later cases use DScribe's `weighting`
(poly/pow/exp, with and without w0, only w0; r_cut inferred from the weighting where "rcut" is null) and
`compression` (mu2, mu1nu1, crossover, with and without species_weighting), on both radial bases.
Not included: polynomial mu2 with unequal species weights. DScribe 2.1.1 pairs the weights with the
wrong neighbours there (soapGeneral.cpp indexes its weights without the central atom but the species
weights with it), so its numbers disagree with its own off-mode blocks combined as
sum_{Z,Z'} w_Z w_Z' p^{ZZ'}; the GTO path and the other modes agree with that identity.

Each case also records "dscribe_beta_error": how far DScribe's Loewdin weights (scipy
sqrtm(inv(S)) in double) are from the exact ones (60-digit mpmath, mpmath_soap.py), as a fraction
of the largest weight. At the default settings it is ~1e-10; for ill-conditioned bases (many radial
functions, a short or long r_cut) it reaches 1e-6, and DScribe's vectors carry that error while
ours do not (SoapBasisPrecisionTests); the comparison allows for it.
"""
import gzip
import json
import os

import numpy as np
from ase import Atoms
from ase.build import bulk, fcc111, molecule
from ase.io import read
from dscribe.descriptors import SOAP
from scipy.linalg import sqrtm

import mpmath_soap

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def rattled(atoms, seed, amplitude):
    atoms = atoms.copy()
    atoms.positions += amplitude * (np.random.RandomState(seed).random_sample(atoms.positions.shape) - 0.5)
    return atoms


def hcp_ti36():
    return rattled(bulk("Ti", "hcp", a=2.95, c=4.68).repeat((3, 3, 2)), 1, 0.2)


def triclinic_tial():
    """Ten Ti/Al atoms placed at random in a skewed cell, none closer than 2.2 Å to another."""
    cell = [[6.3, 0.0, 0.0], [1.3, 5.9, 0.0], [-0.8, 1.0, 6.2]]
    atoms = Atoms(cell=cell, pbc=True)
    rng = np.random.RandomState(2)
    while len(atoms) < 10:
        trial = atoms + Atoms(numbers=[22 if len(atoms) % 2 == 0 else 13], cell=cell, pbc=True,
                              scaled_positions=[rng.random_sample(3)])
        if len(trial) == 1 or trial.get_distances(len(trial) - 1, range(len(trial) - 1), mic=True).min() >= 2.2:
            atoms = trial
    return atoms


def slab_cuni():
    slab = fcc111("Cu", size=(2, 2, 3), vacuum=5.0, a=3.6)
    slab.numbers[[1, 4, 10]] = 28
    slab.pbc = (True, True, False)
    return rattled(slab, 4, 0.15)


def cluster_hco():
    atoms = molecule("CH3CH2OH")
    atoms.set_cell(None)
    atoms.pbc = False
    return rattled(atoms, 5, 0.05)


def one_atom_cu():
    return bulk("Cu", "fcc", a=3.6)


def dft_cu_frame():
    path = os.path.join(REPO, "examples", "data", "Cu_SNAP_sample.extxyz.gz")
    return read(path, index=3)


def beta_error(descriptor, settings):
    """Largest |beta_DScribe - beta_exact| / max|beta_exact| over all l."""
    r_cut, n_max, l_max = settings["r_cut"], settings["n_max"], settings["l_max"]
    if settings["rbf"] == "gto":
        _, betas = descriptor.get_basis_gto(r_cut, n_max, l_max)
        pairs = [(betas[l], mpmath_soap.gto_beta(r_cut, n_max, l)[1]) for l in range(l_max + 1)]
    else:
        # DScribe's get_basis_poly returns the basis on its grid, not beta: rebuild beta its way.
        k = np.arange(1, n_max + 1)[:, None] + np.arange(1, n_max + 1)[None, :]
        S = 2 * r_cut ** (7.0 + k) / ((5.0 + k) * (6.0 + k) * (7.0 + k))
        pairs = [(np.real(sqrtm(np.linalg.inv(S))), mpmath_soap.poly_beta(r_cut, n_max))]
    worst = 0.0
    for ours, exact in pairs:
        exact = np.array(mpmath_soap.to_list(exact))
        worst = max(worst, np.abs(ours - exact).max() / np.abs(exact).max())
    return worst


def soap(species, periodic, **kw):
    settings = dict(r_cut=5.0, n_max=8, l_max=6, sigma=0.5, rbf="gto", weighting=None,
                    average="off", compression={"mode": "off", "species_weighting": None}, sparse=False)
    settings.update(kw)
    return settings, SOAP(species=species, periodic=periodic, dtype="float64", **settings)


CASES = [
    # name, structure, species, overrides
    ("hcp Ti 36, default", hcp_ti36, ["Ti"], {}),
    ("triclinic TiAl, default", triclinic_tial, ["Al", "Ti"], {}),
    ("triclinic TiAl, no crossover", triclinic_tial, ["Al", "Ti"], {"compression": {"mode": "crossover", "species_weighting": None}}),
    ("triclinic TiAl, inner average", triclinic_tial, ["Al", "Ti"], {"average": "inner"}),
    ("triclinic TiAl, outer average", triclinic_tial, ["Al", "Ti"], {"average": "outer"}),
    ("triclinic TiAl, polynomial", triclinic_tial, ["Al", "Ti"], {"rbf": "polynomial", "n_max": 6, "l_max": 5}),
    ("CuNi slab, default", slab_cuni, ["Cu", "Ni"], {}),
    ("ethanol cluster, default", cluster_hco, ["H", "C", "O"], {}),
    ("ethanol cluster, r_cut 3.5 sigma 0.3 n_max 10 l_max 9", cluster_hco, ["H", "C", "O"],
     {"r_cut": 3.5, "sigma": 0.3, "n_max": 10, "l_max": 9}),
    ("1-atom fcc Cu, default", one_atom_cu, ["Cu"], {}),
    ("1-atom fcc Cu, polynomial r_cut 6", one_atom_cu, ["Cu"], {"rbf": "polynomial", "r_cut": 6.0}),
    ("Cu DFT frame 3, default", dft_cu_frame, ["Cu"], {}),
]

SMALL = {"n_max": 5, "l_max": 4}
TIAL_WEIGHTS = {"Al": 0.6, "Ti": 1.7}
HCO_WEIGHTS = {"H": 0.4, "C": 1.3, "O": 2.2}


def weighted(**kw):
    return dict(SMALL, **kw)


def compressed(mode, species_weighting=None, **kw):
    return dict(SMALL, compression={"mode": mode, "species_weighting": species_weighting}, **kw)


CASES += [
    # weighting, GTO; r_cut None = inferred from the weighting
    ("triclinic TiAl, weighting poly, r_cut inferred", triclinic_tial, ["Al", "Ti"],
     weighted(r_cut=None, weighting={"function": "poly", "r0": 4.5, "c": 1.5, "m": 2})),
    ("triclinic TiAl, weighting pow w0 0, r_cut inferred", triclinic_tial, ["Al", "Ti"],
     weighted(r_cut=None, weighting={"function": "pow", "r0": 2.0, "c": 1.0, "d": 1.0, "m": 4, "w0": 0.0})),
    ("hcp Ti 36, weighting pow w0 0.5, r_cut 4.5", hcp_ti36, ["Ti"],
     weighted(r_cut=4.5, weighting={"function": "pow", "r0": 2.5, "c": 2.0, "d": 0.5, "m": 3, "w0": 0.5})),
    ("ethanol cluster, weighting exp threshold 0.05, r_cut inferred", cluster_hco, ["H", "C", "O"],
     weighted(r_cut=None, weighting={"function": "exp", "r0": 1.0, "c": 0.2, "d": 0.5, "threshold": 0.05})),
    ("ethanol cluster, weighting exp w0 0.3, r_cut 4", cluster_hco, ["H", "C", "O"],
     weighted(r_cut=4.0, weighting={"function": "exp", "r0": 1.5, "c": 1.0, "d": 0.2, "w0": 0.3})),
    ("CuNi slab, weighting w0 0.25 only", slab_cuni, ["Cu", "Ni"],
     weighted(r_cut=4.0, weighting={"w0": 0.25})),
    # weighting, polynomial
    ("triclinic TiAl, polynomial, weighting poly w0 0.5, r_cut inferred", triclinic_tial, ["Al", "Ti"],
     weighted(rbf="polynomial", r_cut=None, weighting={"function": "poly", "r0": 4.0, "c": 1.0, "m": 3, "w0": 0.5})),
    ("ethanol cluster, polynomial, weighting pow, r_cut 4", cluster_hco, ["H", "C", "O"],
     weighted(rbf="polynomial", r_cut=4.0, weighting={"function": "pow", "r0": 1.5, "c": 1.0, "d": 1.0, "m": 2})),
    ("1-atom fcc Cu, polynomial, weighting exp w0 0, r_cut inferred", one_atom_cu, ["Cu"],
     weighted(rbf="polynomial", r_cut=None, weighting={"function": "exp", "r0": 1.2, "c": 1.0, "d": 0.01, "w0": 0.0})),
    ("CuNi slab, polynomial, weighting w0 0 only", slab_cuni, ["Cu", "Ni"],
     weighted(rbf="polynomial", r_cut=4.0, weighting={"w0": 0.0})),
    # compression, GTO
    ("triclinic TiAl, mu2", triclinic_tial, ["Al", "Ti"], compressed("mu2")),
    ("triclinic TiAl, mu2 species-weighted", triclinic_tial, ["Al", "Ti"], compressed("mu2", TIAL_WEIGHTS)),
    ("triclinic TiAl, mu1nu1", triclinic_tial, ["Al", "Ti"], compressed("mu1nu1")),
    ("triclinic TiAl, mu1nu1 species-weighted", triclinic_tial, ["Al", "Ti"], compressed("mu1nu1", TIAL_WEIGHTS)),
    ("triclinic TiAl, crossover species-weighted", triclinic_tial, ["Al", "Ti"], compressed("crossover", TIAL_WEIGHTS)),
    ("triclinic TiAl, off species-weighted", triclinic_tial, ["Al", "Ti"], compressed("off", TIAL_WEIGHTS)),
    ("triclinic TiAl, mu2 inner average", triclinic_tial, ["Al", "Ti"], compressed("mu2", TIAL_WEIGHTS, average="inner")),
    ("triclinic TiAl, mu1nu1 inner average species-weighted", triclinic_tial, ["Al", "Ti"],
     compressed("mu1nu1", TIAL_WEIGHTS, average="inner")),
    ("triclinic TiAl, mu1nu1 outer average", triclinic_tial, ["Al", "Ti"], compressed("mu1nu1", average="outer")),
    ("ethanol cluster, mu2 species-weighted", cluster_hco, ["H", "C", "O"], compressed("mu2", HCO_WEIGHTS)),
    ("ethanol cluster, mu1nu1 species-weighted", cluster_hco, ["H", "C", "O"], compressed("mu1nu1", HCO_WEIGHTS)),
    ("CuNi slab, mu1nu1 species-weighted with weighting pow", slab_cuni, ["Cu", "Ni"],
     compressed("mu1nu1", {"Cu": 1.0, "Ni": 0.3}, weighting={"function": "pow", "r0": 2.0, "c": 1.0, "d": 1.0, "m": 3, "w0": 1.0})),
    # compression, polynomial
    ("ethanol cluster, polynomial, mu2", cluster_hco, ["H", "C", "O"], compressed("mu2", rbf="polynomial")),
    ("triclinic TiAl, polynomial, mu1nu1 species-weighted", triclinic_tial, ["Al", "Ti"],
     compressed("mu1nu1", TIAL_WEIGHTS, rbf="polynomial")),
    ("CuNi slab, polynomial, crossover species-weighted, weighting poly", slab_cuni, ["Cu", "Ni"],
     compressed("crossover", {"Cu": 0.7, "Ni": 1.4}, rbf="polynomial",
                weighting={"function": "poly", "r0": 4.5, "c": 1.0, "m": 2})),
]


def main():
    out = {"dscribe": "2.1.1", "cases": []}
    for name, make, species, overrides in CASES:
        atoms = make()
        periodic = bool(atoms.pbc.any())
        given_weighting = dict(overrides["weighting"]) if overrides.get("weighting") else None
        settings, descriptor = soap(species, periodic, **overrides)
        values = np.asarray(descriptor.create(atoms), dtype=float)
        compression = settings["compression"]
        out["cases"].append({
            "name": name,
            "numbers": atoms.numbers.tolist(),
            "positions": atoms.positions.tolist(),
            "cell": atoms.cell.array.tolist(),
            "pbc": atoms.pbc.tolist(),
            "species": species,
            "rcut": settings["r_cut"], "nmax": settings["n_max"], "lmax": settings["l_max"],
            "sigma": settings["sigma"], "rbf": settings["rbf"], "crossover": compression["mode"] != "crossover",
            "average": settings["average"],
            "compression": compression["mode"],
            "species_weighting": compression["species_weighting"],
            "weighting": given_weighting,
            "rcut_used": descriptor._r_cut,
            "dscribe_beta_error": beta_error(descriptor, dict(settings, r_cut=descriptor._r_cut)),
            "shape": list(values.shape),
            "values": values.ravel().tolist(),
        })
        print(f"{name}: {values.shape}, DScribe beta error {out['cases'][-1]['dscribe_beta_error']:.1e}")
    text = json.dumps(out).encode()
    with open(os.path.join(HERE, "fixtures", "dscribe_soap.json.gz"), "wb") as f:
        f.write(gzip.compress(text, mtime=0))  # mtime 0: the same numbers give the same bytes


if __name__ == "__main__":
    main()
