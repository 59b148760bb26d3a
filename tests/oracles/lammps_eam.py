#!/usr/bin/python3
"""Oracle: energies, per-atom energies, forces and pressure from LAMMPS's pair_style eam family,
computed by Debian's `lmp` executable (one input script for all structures, `clear` between them).

stdin JSON: {"style": "eam"|"eam/alloy"|"eam/fs", "potential": path, "elements": [symbols in type order]
             (ignored for "eam"), "structures": [{"cell": [9 row-major], "positions": [[x,y,z]...],
             "symbols": [...]}]}
stdout JSON: {"results": [{"energy": eV, "atom_energies": [...], "forces": [[...]...] (eV/A, input frame),
              "pressure": [xx, yy, zz, yz, xz, xy] (bar, metal units, input frame)}]}
Cells are rotated to LAMMPS's lower-triangular form; results are rotated back.
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np


def lower_triangular(cell):
    """Rotation q with cell @ q lower triangular (LAMMPS's restricted triclinic form)."""
    q, r = np.linalg.qr(cell.T)
    q = q * np.sign(np.diag(r))
    if np.linalg.det(q) < 0:
        raise SystemExit("left-handed cell")
    return q, cell @ q


def script_for(k, style, potential, elements, s, work):
    cell = np.array(s["cell"], dtype=float).reshape(3, 3)
    pos = np.array(s["positions"], dtype=float)
    symbols = s["symbols"]
    q, low = lower_triangular(cell)
    new_pos = np.linalg.solve(cell.T, pos.T).T @ low
    types = elements if style != "eam" else sorted(set(symbols))
    lines = [
        "clear", "units metal", "atom_style atomic", "atom_modify map array", "boundary p p p", "box tilt large",
        "region box prism 0 %.17g 0 %.17g 0 %.17g %.17g %.17g %.17g units box"
        % (low[0, 0], low[1, 1], low[2, 2], low[1, 0], low[2, 0], low[2, 1]),
        "create_box %d box" % len(types),
    ]
    lines += ["mass %d 1.0" % (t + 1) for t in range(len(types))]
    lines += ["create_atoms %d single %.17g %.17g %.17g remap yes units box" % (types.index(sym) + 1, *p)
              for p, sym in zip(new_pos, symbols)]
    lines.append("pair_style %s" % style)
    lines.append("pair_coeff * * %s" % potential if style == "eam"
                 else "pair_coeff * * %s %s" % (potential, " ".join(elements)))
    out = os.path.join(work, "s%d" % k)
    lines += [
        "neighbor 1.0 bin",
        "compute peatom all pe/atom",
        "compute press all pressure NULL virial",
        "thermo_style custom step pe c_press[1] c_press[2] c_press[3] c_press[4] c_press[5] c_press[6]",
        "dump d all custom 1 %s.dump id fx fy fz c_peatom" % out,
        "dump_modify d format float %.17g sort id",
        "run 0",
        'print "$(pe:%%.17g) $(c_press[1]:%%.17g) $(c_press[2]:%%.17g) $(c_press[3]:%%.17g) '
        '$(c_press[4]:%%.17g) $(c_press[5]:%%.17g) $(c_press[6]:%%.17g)" file %s.thermo screen no' % out,
        "undump d",
    ]
    return lines, q, out


def parse(q, out):
    vals = [float(x) for x in open(out + ".thermo").read().split()]
    energy, p = vals[0], vals[1:]  # xx yy zz xy xz yz
    rows = open(out + ".dump").read().splitlines()
    start = rows.index(next(r for r in rows if r.startswith("ITEM: ATOMS"))) + 1
    data = np.array([[float(x) for x in r.split()] for r in rows[start:] if r.strip()])
    pm = np.array([[p[0], p[3], p[4]], [p[3], p[1], p[5]], [p[4], p[5], p[2]]])
    pm = q @ pm @ q.T
    return {
        "energy": energy,
        "atom_energies": data[:, 4].tolist(),
        "forces": (data[:, 1:4] @ q.T).tolist(),
        "pressure": [pm[0, 0], pm[1, 1], pm[2, 2], pm[1, 2], pm[0, 2], pm[0, 1]],
    }


def main():
    inp = json.load(sys.stdin)
    with tempfile.TemporaryDirectory() as work:
        lines, jobs = [], []
        for k, s in enumerate(inp["structures"]):
            l, q, out = script_for(k, inp["style"], inp["potential"], inp.get("elements", []), s, work)
            lines += l
            jobs.append((q, out))
        script = os.path.join(work, "in.lmp")
        with open(script, "w") as fh:
            fh.write("\n".join(lines) + "\n")
        res = subprocess.run(["lmp", "-in", script, "-log", "none", "-nocite"],
                             cwd=work, capture_output=True, text=True)
        if res.returncode != 0:
            raise SystemExit("lmp failed: %s %s" % ([l for l in res.stdout.splitlines() if "ERROR" in l], res.stderr[-2000:]))
        json.dump({"results": [parse(q, out) for q, out in jobs]}, sys.stdout)


if __name__ == "__main__":
    main()
