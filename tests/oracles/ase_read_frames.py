#!/usr/bin/python3
"""Oracle: every frame of a file as ASE 3.22 reads it.

stdin: JSON list of requests {"path": str, "format": ASE format name, "kwargs": {...}
(optional, passed to ase.io.read; "Z_of_type" keys are turned into ints)}, answered in one
process to pay ASE's import once. stdout: JSON list (one per request) of lists of frames, each
{"numbers", "cell" (9, rows), "pbc", "positions", "celldisp" (origin), and when present "forces", "stress"
(Voigt xx yy zz yz xz xy, eV/Å³), "energy" (ASE's potential energy: σ→0 for VASP),
"free_energy" (force-consistent), "charges"}.
"""
import json
import sys

from ase.io import read


def frame(a):
    f = {"numbers": a.numbers.tolist(), "cell": a.cell.array.reshape(9).tolist(),
         "pbc": a.pbc.tolist(), "positions": a.positions.tolist(),
         "celldisp": a.get_celldisp().reshape(3).tolist()}
    if "initial_charges" in a.arrays:
        f["charges"] = a.arrays["initial_charges"].tolist()
    res = a.calc.results if a.calc is not None else {}
    if res.get("forces") is not None:
        f["forces"] = res["forces"].tolist()
    if res.get("stress") is not None:
        f["stress"] = list(map(float, res["stress"]))
    if res.get("energy") is not None:
        f["energy"] = float(res["energy"])
    if res.get("free_energy") is not None:
        f["free_energy"] = float(res["free_energy"])
    return f


def read_all(req):
    kwargs = dict(req.get("kwargs") or {})
    if "Z_of_type" in kwargs:
        kwargs["Z_of_type"] = {int(k): v for k, v in kwargs["Z_of_type"].items()}
    return [frame(a) for a in read(req["path"], index=":", format=req["format"], **kwargs)]


json.dump([read_all(req) for req in json.load(sys.stdin)], sys.stdout)
