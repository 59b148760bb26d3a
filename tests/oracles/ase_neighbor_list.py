#!/usr/bin/python3
"""Oracle: ASE's neighbour list for the structures given on stdin.

stdin: JSON list of {"cell": 9 numbers (rows), "pbc": [bool]*3, "positions": [[x,y,z]...],
"numbers": [Z...], "cutoff": float, optional "pairs_only": bool}. stdout: JSON list (one per
structure) of {"i": [...], "j": [...], "d": [...], "D": [[...]...], "S": [[...]...]} from
ase.neighborlist.neighbor_list('ijdDS', atoms, cutoff); with "pairs_only" only i, j and S (large
cases, whose frozen output would otherwise be megabytes of distances).
"""
import json
import sys

import numpy as np
from ase import Atoms
from ase.neighborlist import neighbor_list

out = []
for case in json.load(sys.stdin):
    atoms = Atoms(numbers=case["numbers"], positions=case["positions"],
                  cell=np.array(case["cell"]).reshape(3, 3), pbc=case["pbc"])
    i, j, d, D, S = neighbor_list("ijdDS", atoms, case["cutoff"])
    if case.get("pairs_only"):
        out.append({"i": i.tolist(), "j": j.tolist(), "S": S.tolist()})
    else:
        out.append({"i": i.tolist(), "j": j.tolist(), "d": d.tolist(), "D": D.tolist(), "S": S.tolist()})
json.dump(out, sys.stdout)
