#!/usr/bin/python3
"""Oracle: an n2p2 input.data file in atomic units written from ASE structures with known
values in Å and eV, converted with ASE's own constants.

stdin: JSON {"path": file to write}. Writes a periodic rattled Cu–Ni fcc cell (forces, energy,
charges) and a non-periodic H2O molecule, in Bohr and Hartree (ase.units.Bohr/Hartree).
stdout: JSON {"bohr", "hartree", "frames": [{"numbers", "cell" (9, or null), "positions",
"forces", "energy", "charges", "total_charge", "comment"}]} with the values in Å and eV.
"""
import json
import sys

import numpy as np
from ase.build import bulk, molecule
from ase.units import Bohr, Hartree

rng = np.random.default_rng(5)
cu = bulk("Cu", "fcc", a=3.61, cubic=True).repeat((2, 1, 1))
cu.symbols[[1, 4]] = "Ni"
cu.rattle(0.05, seed=3)
cu.set_cell(cu.cell.array + rng.normal(0, 0.05, (3, 3)), scale_atoms=True)
h2o = molecule("H2O")
frames = []
for atoms, comment in ((cu, "CuNi rattled"), (h2o, "water molecule")):
    n = len(atoms)
    frames.append({"numbers": atoms.numbers.tolist(),
                   "cell": atoms.cell.array.reshape(9).tolist() if atoms.pbc.any() else None,
                   "positions": atoms.positions.tolist(),
                   "forces": rng.normal(0, 0.5, (n, 3)).tolist(),
                   "energy": float(rng.normal(-3.5 * n, 1)),
                   "charges": rng.normal(0, 0.1, n).tolist(),
                   "total_charge": 0.0,
                   "comment": comment})
with open(json.load(sys.stdin)["path"], "w") as f:
    for fr, atoms in zip(frames, (cu, h2o)):
        f.write("begin\n")
        f.write(f"comment {fr['comment']}\n")
        if fr["cell"] is not None:
            for v in np.array(fr["cell"]).reshape(3, 3) / Bohr:
                f.write("lattice {:.16e} {:.16e} {:.16e}\n".format(*v))
        for p, s, q, F in zip(np.array(fr["positions"]) / Bohr, atoms.get_chemical_symbols(), fr["charges"],
                              np.array(fr["forces"]) / (Hartree / Bohr)):
            f.write("atom {:.16e} {:.16e} {:.16e} {} {:.16e} 0.0 {:.16e} {:.16e} {:.16e}\n".format(*p, s, q, *F))
        f.write("energy {:.16e}\n".format(fr["energy"] / Hartree))
        f.write("charge {:.16e}\n".format(fr["total_charge"]))
        f.write("end\n")
json.dump({"bohr": Bohr, "hartree": Hartree, "frames": frames}, sys.stdout)
