#!/usr/bin/python3
"""Oracle: what ASE 3.22 reads from structure files (ase.io.read(path, ':')).

stdin: {"files": [path, ...], "format": ASE format name or null, "details": bool,
        "out": directory for the binary arrays}
Binary arrays (little-endian, raw, one file each, over all frames of file i) are written
as <out>/<i>.<name>.f8 (float64) or .i8 (int64):
  natoms.i8, numbers.i8, positions.f8 (3 per atom), cell.f8 (9 per frame, rows),
  pbc.i8 (3 per frame), energy.f8 and free_energy.f8 (NaN when absent), forces.f8
  (3 per atom, NaN when absent), stress.f8 (6 per frame, Voigt, NaN when absent).
stdout: {"files": [{"count", "config_type": [...] (null when absent), and with details
  "info": [dict per frame, numpy values as lists], "arrays": [dict per frame of per-atom
  arrays other than numbers/positions]}]}.
Binary output keeps the cross-check of ~160k atoms within seconds and exact to the bit.
"""
import json
import os
import sys

import numpy as np
import ase.io


def plain(v):
    if isinstance(v, np.ndarray):
        return v.tolist()
    if isinstance(v, np.bool_):
        return bool(v)
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, np.floating):
        return float(v)
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    return v


def result(a, key, shape):
    res = a.calc.results if a.calc is not None else {}
    if key in res:
        return np.asarray(res[key], dtype=float).reshape(shape)
    return np.full(shape, np.nan)


def save(prefix, name, values, dtype):
    np.ascontiguousarray(np.asarray(values, dtype=dtype)).tofile(prefix + "." + name)


def summarise(frames, prefix, details):
    n = len(frames)
    save(prefix, "natoms.i8", [len(a) for a in frames], "<i8")
    save(prefix, "numbers.i8", np.concatenate([a.numbers for a in frames]) if n else [], "<i8")
    save(prefix, "positions.f8", np.concatenate([a.positions for a in frames]) if n else [], "<f8")
    save(prefix, "cell.f8", [np.asarray(a.cell) for a in frames], "<f8")
    save(prefix, "pbc.i8", [a.pbc for a in frames], "<i8")
    save(prefix, "energy.f8", [result(a, "energy", ()) for a in frames], "<f8")
    save(prefix, "free_energy.f8", [result(a, "free_energy", ()) for a in frames], "<f8")
    save(prefix, "forces.f8", np.concatenate([result(a, "forces", (len(a), 3)) for a in frames]) if n else [], "<f8")
    save(prefix, "stress.f8", [result(a, "stress", (6,)) for a in frames], "<f8")
    out = {"count": n, "config_type": [a.info.get("config_type") for a in frames]}
    if details:
        out["info"] = [{k: plain(v) for k, v in a.info.items()} for a in frames]
        out["arrays"] = [{k: plain(v) for k, v in a.arrays.items() if k not in ("numbers", "positions")}
                         for a in frames]
    return out


req = json.load(sys.stdin)
summaries = []
for i, path in enumerate(req["files"]):
    kw = {"format": req["format"]} if req.get("format") else {}
    summaries.append(summarise(ase.io.read(path, ":", **kw), os.path.join(req["out"], str(i)), req.get("details", False)))
json.dump({"files": summaries}, sys.stdout, separators=(",", ":"))
