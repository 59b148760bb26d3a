#!/usr/bin/python3
"""Oracle: files written by ASE 3.22 (ase.io.write), for our readers to read.

stdin: {"items": [{"path", "format", "numbers", "positions" (flat), "cell" (9, rows),
        "pbc" [3], "fixed": [atom indices held fixed (FixAtoms)] or absent,
        "kwargs": {extra write arguments, e.g. "direct": true}}]}
stdout: {"written": n}
"""
import json
import sys

import numpy as np
import ase.io
from ase import Atoms
from ase.constraints import FixAtoms

req = json.load(sys.stdin)
for item in req["items"]:
    atoms = Atoms(numbers=item["numbers"], positions=np.array(item["positions"]).reshape(-1, 3),
                  cell=np.array(item["cell"]).reshape(3, 3), pbc=item["pbc"])
    if item.get("fixed"):
        atoms.set_constraint(FixAtoms(indices=item["fixed"]))
    ase.io.write(item["path"], atoms, format=item["format"], **item.get("kwargs", {}))
json.dump({"written": len(req["items"])}, sys.stdout)
