#!/usr/bin/python3
"""Fixture: LAMMPS ML-SNAP per-atom bispectrum (compute sna/atom), its gradients (compute snad/atom) and
virial contributions (compute snav/atom) on deterministic structures, plus the SNAP share of the energy of
LAMMPS' own SNAP unit test (unittest/force-styles/tests/manybody-pair-snap.yaml: 64 atoms, Ta06A potential
with ZBL) -> fixtures/lammps_snap.json.gz, read by BispectrumLammpsTests.

Debian's `lmp` lacks ML-SNAP. Build one from Debian's LAMMPS source outside this repository (e.g. add a
deb-src entry, `apt-get source lammps`, cmake ../cmake -D PKG_ML-SNAP=on -D BUILD_MPI=off, make lmp) and run

    LMP_SNAP=/path/to/lmp LAMMPS_SRC=/path/to/lammps-source ./make_lammps_snap_fixture.py

LAMMPS_SRC is read only for the unit test's data file (data.manybody), its reference energy (the yaml's
init_vdwl) and the Ta06A coefficients; the fixture stores just those numbers, with attribution (LAMMPS,
GPL-2; Ta06A: Thompson, Swiler, Trott, Foiles and Tucker, J. Comput. Phys. 285, 316 (2015)).
"""
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

LMP = os.environ.get("LMP_SNAP")
SRC = os.environ.get("LAMMPS_SRC")
if not LMP or not SRC:
    sys.exit("set LMP_SNAP (an lmp built with ML-SNAP) and LAMMPS_SRC (its source tree)")

Z = {"W": 74, "Ta": 73, "Mo": 42, "Nb": 41}


def random_cell_structure(rng, cell, n, symbols, dmin):
    """n atoms placed uniformly in the (lower-triangular) cell, at least dmin apart (periodic), given symbols cyclically."""
    pos = []
    inv = np.linalg.inv(cell)
    while len(pos) < n:
        p = rng.random(3) @ cell
        ok = True
        for q in pos:
            d = p - q
            f = d @ inv
            f -= np.round(f)
            if np.linalg.norm(f @ cell) < dmin:
                ok = False
                break
        if ok:
            pos.append(p)
    return np.array(pos), [symbols[k % len(symbols)] for k in range(n)]


def bcc(a, reps, rng, rattle):
    base = np.array([[0, 0, 0], [0.5, 0.5, 0.5]])
    pos = [(b + np.array([i, j, k])) * a for i in range(reps) for j in range(reps) for k in range(reps) for b in base]
    pos = np.array(pos) + rattle * (rng.random((len(pos), 3)) - 0.5)
    cell = np.eye(3) * a * reps
    pos = np.mod(pos @ np.linalg.inv(cell), 1.0) @ cell
    return cell, pos


def cases():
    rng = np.random.default_rng(20261206)
    out = []
    cell, pos = bcc(3.165, 2, rng, 0.3)
    out.append(dict(name="bcc_W_2j2_defaults", cell=cell, pos=pos, symbols=["W"] * len(pos), elements=["W"], periodic=True,
                    twojmax=2, rcutfac=1.0, rfac0=0.99363, radius={"W": 2.4}, weight={"W": 1.0}, kw={}))
    cell = np.array([[8.1, 0, 0], [1.7, 7.6, 0], [-1.2, 0.9, 7.9]])
    pos, sym = random_cell_structure(rng, cell, 14, ["W", "Ta"], 2.1)
    out.append(dict(name="triclinic_WTa_2j4_bzero0", cell=cell, pos=pos, symbols=sym, elements=["W", "Ta"], periodic=True,
                    twojmax=4, rcutfac=0.95, rfac0=0.99363, radius={"W": 2.2, "Ta": 2.6}, weight={"W": 1.0, "Ta": 0.7},
                    kw={"bzeroflag": 0}))
    cell = np.array([[7.4, 0, 0], [2.1, 7.0, 0], [1.3, -1.6, 7.7]])
    pos, sym = random_cell_structure(rng, cell, 12, ["W", "Mo"], 2.2)
    out.append(dict(name="triclinic_WMo_2j4_quadratic", cell=cell, pos=pos, symbols=sym, elements=["W", "Mo"], periodic=True,
                    twojmax=4, rcutfac=1.1, rfac0=0.97, radius={"W": 2.0, "Mo": 1.8}, weight={"W": 1.0, "Mo": 1.3},
                    kw={"quadraticflag": 1}))
    cell = np.array([[9.0, 0, 0], [-2.5, 8.2, 0], [0.8, 1.9, 8.4]])
    pos, sym = random_cell_structure(rng, cell, 18, ["W", "Ta", "Nb"], 2.0)
    out.append(dict(name="triclinic_WTaNb_2j6_rmin0", cell=cell, pos=pos, symbols=sym, elements=["W", "Ta", "Nb"], periodic=True,
                    twojmax=6, rcutfac=1.0, rfac0=0.99363, radius={"W": 2.3, "Ta": 2.5, "Nb": 2.1},
                    weight={"W": 1.0, "Ta": 0.8, "Nb": -0.4}, kw={"rmin0": 0.6}))
    cell, pos = bcc(3.165, 2, rng, 0.4)
    sym = ["W" if k % 4 else "Ta" for k in range(len(pos))]
    out.append(dict(name="bcc_WTa_2j8_bnorm_noswitch", cell=cell, pos=pos, symbols=sym, elements=["W", "Ta"], periodic=True,
                    twojmax=8, rcutfac=0.9, rfac0=0.99363, radius={"W": 2.5, "Ta": 2.6}, weight={"W": 1.0, "Ta": 0.9},
                    kw={"switchflag": 0, "bnormflag": 1}))
    cell = np.array([[3.1, 0, 0], [1.2, 2.9, 0], [0.7, 0.9, 3.3]])
    pos, sym = random_cell_structure(rng, cell, 2, ["W", "Ta"], 1.6)
    out.append(dict(name="small_triclinic_images_2j8_wselfall", cell=cell, pos=pos, symbols=sym, elements=["W", "Ta"], periodic=True,
                    twojmax=8, rcutfac=1.2, rfac0=0.99363, radius={"W": 2.3, "Ta": 2.4}, weight={"W": 1.0, "Ta": 1.1},
                    kw={"wselfallflag": 1}))
    cell = np.eye(3) * 30.0
    pos = 15.0 + 2.2 * (rng.random((9, 3)) - 0.5) * 2
    out.append(dict(name="cluster_nonperiodic_2j6", cell=cell, pos=pos, symbols=["Mo"] * 9, elements=["Mo"], periodic=False,
                    twojmax=6, rcutfac=1.0, rfac0=0.99363, radius={"Mo": 2.6}, weight={"Mo": 1.0}, kw={}))
    return out


def run_lammps(script, work):
    path = os.path.join(work, "in.lmp")
    with open(path, "w") as f:
        f.write(script)
    r = subprocess.run([LMP, "-in", path, "-log", os.path.join(work, "log.lammps"), "-screen", "none"], cwd=work,
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"lmp failed: {r.stdout}\n{r.stderr}\n" + open(os.path.join(work, "log.lammps")).read()[-3000:])
    return open(os.path.join(work, "log.lammps")).read()


def write_data(path, cell, pos, types, ntypes):
    with open(path, "w") as f:
        f.write("fixture\n\n%d atoms\n%d atom types\n\n" % (len(pos), ntypes))
        f.write("0 %.17g xlo xhi\n0 %.17g ylo yhi\n0 %.17g zlo zhi\n" % (cell[0, 0], cell[1, 1], cell[2, 2]))
        f.write("%.17g %.17g %.17g xy xz yz\n\nMasses\n\n" % (cell[1, 0], cell[2, 0], cell[2, 1]))
        for t in range(ntypes):
            f.write("%d 1.0\n" % (t + 1))
        f.write("\nAtoms # atomic\n\n")
        for k, (p, t) in enumerate(zip(pos, types)):
            f.write("%d %d %.17g %.17g %.17g\n" % (k + 1, t, p[0], p[1], p[2]))


def read_dump(path, natoms):
    lines = open(path).read().splitlines()
    start = lines.index(next(l for l in lines if l.startswith("ITEM: ATOMS"))) + 1
    rows = [list(map(float, l.split())) for l in lines[start:start + natoms]]
    rows.sort(key=lambda r: r[0])
    return rows


def snap_case(c, work):
    elements = c["elements"]
    types = [elements.index(s) + 1 for s in c["symbols"]]
    data = os.path.join(work, "data.snap")
    write_data(data, c["cell"], c["pos"], types, len(elements))
    radii = " ".join("%.17g" % c["radius"][e] for e in elements)
    weights = " ".join("%.17g" % c["weight"][e] for e in elements)
    kw = " ".join("%s %s" % (k, v) for k, v in c["kw"].items())
    args = "%.17g %.17g %d %s %s %s" % (c["rcutfac"], c["rfac0"], c["twojmax"], radii, weights, kw)
    cutmax = 2 * max(c["radius"].values()) * c["rcutfac"]
    script = "\n".join([
        "units metal", "atom_style atomic", "atom_modify map array",
        "boundary p p p" if c["periodic"] else "boundary f f f",
        "read_data data.snap",
        "pair_style zero %.6f" % (cutmax + 0.5), "pair_coeff * *",
        "compute b all sna/atom " + args,
        "compute db all snad/atom " + args,
        "compute vb all snav/atom " + args,
        "dump d all custom 1 dump.snap id x y z c_b[*] c_db[*] c_vb[*]",
        "dump_modify d format float %.17g sort id",
        "run 0",
    ]) + "\n"
    run_lammps(script, work)
    return read_dump(os.path.join(work, "dump.snap"), len(c["pos"]))


def ncols(twojmax):
    n = 0
    for j1 in range(twojmax + 1):
        for j2 in range(j1 + 1):
            for j in range(j1 - j2, min(twojmax, j1 + j2) + 1, 2):
                if j >= j1:
                    n += 1
    return n


def ta06a(work):
    tests = os.path.join(SRC, "unittest", "force-styles", "tests")
    yaml = open(os.path.join(tests, "manybody-pair-snap.yaml")).read()
    total = float(re.search(r"init_vdwl:\s*(\S+)", yaml).group(1))
    coeff_lines = [l.split("#")[0].strip() for l in open(os.path.join(SRC, "examples", "snap", "Ta06A.snapcoeff"))]
    coeff_lines = [l for l in coeff_lines if l]
    ncoeff = int(coeff_lines[0].split()[1])
    elem, radius, weight = coeff_lines[1].split()
    beta = [float(x) for x in coeff_lines[2:2 + ncoeff]]
    params = {}
    for l in open(os.path.join(SRC, "examples", "snap", "Ta06A.snapparam")):
        l = l.split("#")[0].split()
        if len(l) == 2:
            params[l[0]] = float(l[1])
    energies = {}
    for label, pair in [("snap", ["pair_style snap", "pair_coeff * * %s %s Ta Ta Ta Ta Ta Ta Ta Ta" % (
            os.path.join(SRC, "examples", "snap", "Ta06A.snapcoeff"), os.path.join(SRC, "examples", "snap", "Ta06A.snapparam"))]),
                        ("zbl", ["pair_style zbl 4.0 4.8", "pair_coeff * * 73 73"]),
                        ("total", ["pair_style hybrid/overlay zbl 4.0 4.8 snap", "pair_coeff * * zbl 73 73",
                                   "pair_coeff * * snap %s %s Ta Ta Ta Ta Ta Ta Ta Ta" % (
                                       os.path.join(SRC, "examples", "snap", "Ta06A.snapcoeff"),
                                       os.path.join(SRC, "examples", "snap", "Ta06A.snapparam"))])]:
        script = "\n".join(["units metal", "atom_style atomic", "atom_modify map array", "newton on on",
                            "pair_style zero 8.0", "read_data %s" % os.path.join(tests, "data.manybody")] + pair + [
            "dump d all custom 1 dump.ta id x y z", "dump_modify d format float %.17g sort id",
            "run 0", 'print "PE $(pe:%.17g)"']) + "\n"
        log = run_lammps(script, work)
        energies[label] = float(re.findall(r"^PE (\S+)", log, re.M)[-1])
    rows = read_dump(os.path.join(work, "dump.ta"), 64)
    box = open(os.path.join(tests, "data.manybody")).read()
    lo_hi = [list(map(float, m)) for m in re.findall(r"(\S+)\s+(\S+)\s+[xyz]lo [xyz]hi", box)]
    cell = np.diag([hi - lo for lo, hi in lo_hi])
    return dict(
        source="LAMMPS (GPL-2) unittest/force-styles/tests/manybody-pair-snap.yaml with data.manybody; "
               "Ta06A potential (examples/snap/Ta06A.snapcoeff, .snapparam) by Thompson, Swiler, Trott, Foiles and Tucker, "
               "J. Comput. Phys. 285, 316 (2015). Only the numbers needed are stored.",
        cell=cell.tolist(), positions=[r[1:4] for r in rows], symbols=["Ta"] * 64,
        radius=float(radius), weight=float(weight), beta=beta,
        twojmax=int(params["twojmax"]), rcutfac=params["rcutfac"], rfac0=params["rfac0"], rmin0=params["rmin0"],
        bzeroflag=int(params["bzeroflag"]), quadraticflag=int(params["quadraticflag"]),
        yaml_total_energy=total, lammps_total_energy=energies["total"], lammps_snap_energy=energies["snap"],
        lammps_zbl_energy=energies["zbl"])


def main():
    out = {"generator": "tests/oracles/make_lammps_snap_fixture.py", "lammps": subprocess.run(
        [LMP, "-h"], capture_output=True, text=True).stdout.splitlines()[1:3], "cases": []}
    with tempfile.TemporaryDirectory() as work:
        for c in cases():
            rows = snap_case(c, work)
            nb = ncols(c["twojmax"])
            nper = nb + (nb * (nb + 1) // 2 if c["kw"].get("quadraticflag") else 0)
            nt = len(c["elements"])
            out["cases"].append(dict(
                name=c["name"], periodic=c["periodic"], cell=np.asarray(c["cell"]).tolist(),
                positions=[r[1:4] for r in rows], symbols=c["symbols"], numbers=[Z[s] for s in c["symbols"]],
                elements=c["elements"], twojmax=c["twojmax"], rcutfac=c["rcutfac"], rfac0=c["rfac0"],
                radius=c["radius"], weight=c["weight"], keywords=c["kw"], columns=nper,
                sna=[r[4:4 + nper] for r in rows],
                snad=[r[4 + nper:4 + nper + 3 * nper * nt] for r in rows],
                snav=[r[4 + nper + 3 * nper * nt:] for r in rows]))
            assert all(len(r) == 4 + nper + 9 * nper * nt for r in rows), c["name"]
        out["ta06a"] = ta06a(work)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "lammps_snap.json.gz")
    with gzip.GzipFile(path, "wb", mtime=0) as f:
        f.write(json.dumps(out, indent=None, separators=(",", ":")).encode())
    print("wrote", path)


main()
