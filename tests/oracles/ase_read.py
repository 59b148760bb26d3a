#!/usr/bin/python3
"""Oracle: what ASE 3.22 reads from structure files (ase.io.read(path, ':')).

stdin: {"files": [path, ...], "format": ASE format name or null, "details": bool}
stdout: {"files": [one object per file]} with flat arrays over all frames:
  count, natoms[], numbers[], positions[] (3 per atom), cell[] (9 per frame, rows),
  pbc[] (3 per frame), energy[] (null when absent), free_energy[], forces[] (3 per atom,
  only when every frame has forces) , stress[] (6 per frame, Voigt, null-filled when absent),
  config_type[] (null when absent); with details also info[] (dict per frame, numpy values
  as lists) and arrays[] (dict per frame of per-atom arrays other than numbers/positions).
Floats go through json (repr), so they are exact.
"""
import json
import sys

import numpy as np
import ase.io


def plain(v):
    if isinstance(v, np.ndarray):
        return v.tolist()
    if isinstance(v, (np.bool_,)):
        return bool(v)
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, np.floating):
        return float(v)
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    return v


def summarise(frames, details):
    out = {"count": len(frames), "natoms": [], "numbers": [], "positions": [], "cell": [], "pbc": [],
           "energy": [], "free_energy": [], "forces": [], "stress": [], "config_type": []}
    if details:
        out["info"] = []
        out["arrays"] = []
    all_forces = True
    for a in frames:
        res = a.calc.results if a.calc is not None else {}
        out["natoms"].append(len(a))
        out["numbers"].extend(int(z) for z in a.numbers)
        out["positions"].extend(a.positions.ravel().tolist())
        out["cell"].extend(np.asarray(a.cell).ravel().tolist())
        out["pbc"].extend(bool(p) for p in a.pbc)
        out["energy"].append(float(res["energy"]) if "energy" in res else None)
        out["free_energy"].append(float(res["free_energy"]) if "free_energy" in res else None)
        out["stress"].extend(np.asarray(res["stress"]).ravel().tolist() if "stress" in res else [None] * 6)
        if "forces" in res:
            out["forces"].extend(np.asarray(res["forces"]).ravel().tolist())
        else:
            all_forces = False
        out["config_type"].append(a.info.get("config_type"))
        if details:
            out["info"].append({k: plain(v) for k, v in a.info.items()})
            out["arrays"].append({k: plain(v) for k, v in a.arrays.items() if k not in ("numbers", "positions")})
    if not all_forces:
        out["forces"] = None
    return out


req = json.load(sys.stdin)
result = []
for path in req["files"]:
    kw = {"format": req["format"]} if req.get("format") else {}
    result.append(summarise(ase.io.read(path, ":", **kw), req.get("details", False)))
json.dump({"files": result}, sys.stdout, separators=(",", ":"))
