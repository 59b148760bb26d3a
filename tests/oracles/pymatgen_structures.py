#!/usr/bin/python3
"""Oracle: structures of a pymatgen/mlearn JSON list as pymatgen builds them.

stdin: JSON {"path": str}. stdout: JSON list, one per element, of {"numbers", "cell" (9, rows),
"pbc", "positions" (Cartesian, Å)} from pymatgen.core.Structure.from_dict(element["structure"]).
"""
import json
import sys

from pymatgen.core import Structure

out = []
with open(json.load(sys.stdin)["path"]) as f:
    for doc in json.load(f):
        s = Structure.from_dict(doc["structure"])
        out.append({"numbers": [site.specie.Z for site in s], "cell": s.lattice.matrix.reshape(9).tolist(),
                    "pbc": list(map(bool, s.lattice.pbc)), "positions": s.cart_coords.tolist()})
json.dump(out, sys.stdout)
