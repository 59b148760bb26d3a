#!/usr/bin/python3
"""Oracle: the Ziegler-Biersack-Littmark pair energy and force from LAMMPS's pair_style zbl
(Debian's `lmp`, command pair_write), for Pd-Pd, Pd-Cu and Cu-Cu at 0.5-4.0 A.

pair_style zbl adds a constant below its inner cutoff (10 A here, so the switching polynomial
never acts on the tabulated points): energies are compared as differences to the value at 4 A,
forces directly. Writes tests/oracles/fixtures/lammps_zbl.json:
{"pairs": [{"za": 46, "zb": 46, "r": [...], "energy": [...], "force": [...]}]}
"""
import json
import os
import subprocess
import tempfile

PAIRS = [(46, 46), (46, 29), (29, 29)]
POINTS = 15

with tempfile.TemporaryDirectory() as work:
    lines = ["units metal", "atom_style atomic", "boundary f f f", "region box block -20 20 -20 20 -20 20",
             "create_box 2 box", "mass 1 106.42", "mass 2 63.546", "pair_style zbl 10.0 11.0",
             "pair_coeff 1 1 46 46", "pair_coeff 2 2 29 29", "pair_coeff 1 2 46 29"]
    types = {46: 1, 29: 2}
    for za, zb in PAIRS:
        lines.append(f"pair_write {types[za]} {types[zb]} {POINTS} r 0.5 4.0 zbl.table Z{za}_{zb}")
    with open(os.path.join(work, "in.zbl"), "w") as f:
        f.write("\n".join(lines) + "\n")
    subprocess.run(["lmp", "-in", "in.zbl", "-log", "none", "-screen", "none"], cwd=work, check=True)
    out, current = [], None
    with open(os.path.join(work, "zbl.table")) as f:
        for line in f:
            t = line.split()
            if not t or t[0].startswith("#") or t[0] == "N":
                continue
            if t[0].startswith("Z"):
                za, zb = map(int, t[0][1:].split("_"))
                current = {"za": za, "zb": zb, "r": [], "energy": [], "force": []}
                out.append(current)
                continue
            current["r"].append(float(t[1]))
            current["energy"].append(float(t[2]))
            current["force"].append(float(t[3]))

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "lammps_zbl.json"), "w") as f:
    json.dump({"pairs": out}, f, indent=1)
