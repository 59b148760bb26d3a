#!/usr/bin/python3
"""Fixture maker: pymatgen seed fingerprints of real DFT Ta structures.

Reads the Ta_FitSNAP_JCP2014.extxyz.gz of the shared DFT data (path given as argv[2]) with ASE, keeps the first
frame of every config_type (A15/BCC/FCC bulk, elastic and volume scans, displaced cells,
generalised stacking faults, surfaces with vacuum, liquid) and writes to stdout JSON
{"inputs": [oracle input per frame, with "name"], "outputs": [{"cn": per-site CrystalNN
weights CN 1..24, "vector": the 352 values}]} computed by pymatgen_seed.py's fingerprint().
Committed output: tests/oracles/pymatgen_seed_ta_fixture.json (takes a few minutes).
"""
import gzip
import io
import json
import os
import sys

from ase.io import read

sys.argv = [sys.argv[0], "fingerprint"] + sys.argv[1:]
here = os.path.dirname(os.path.abspath(__file__))
source = open(os.path.join(here, "pymatgen_seed.py")).read().split("\nmode = sys.argv[1]")[0]
exec(compile(source, "pymatgen_seed.py", "exec"))

if len(sys.argv) < 3:
    raise SystemExit("usage: pymatgen_seed_ta.py PATH/Ta_FitSNAP_JCP2014.extxyz.gz")
path = sys.argv[2]
frames = read(io.StringIO(gzip.open(path, "rt").read()), index=":", format="extxyz")
seen, inputs = set(), []
for atoms in frames:
    kind = atoms.info.get("config_type")
    if kind in seen:
        continue
    seen.add(kind)
    inputs.append({"name": kind, "cell": atoms.cell.array.flatten().tolist(), "positions": atoms.positions.tolist(),
                   "numbers": atoms.numbers.tolist(), "masses": {"Ta": 180.94788}})
outputs = []
for case in inputs:
    r = fingerprint(case)  # noqa: F821 (defined by pymatgen_seed.py)
    outputs.append({"cn": [site["cn"] for site in r["sites"]], "vector": r["vector"]})
json.dump({"generator": "tests/oracles/pymatgen_seed_ta.py (python3-pymatgen 2022.11.7)", "inputs": inputs,
           "outputs": outputs}, sys.stdout)
