#!/usr/bin/python3
"""Oracle: pymatgen's Voronoi cells, CrystalNN and order parameters for the seed fingerprint.

stdin: JSON list of {"cell": 9 numbers (rows), "positions": [[x,y,z]...], "numbers": [Z...],
"masses": {symbol: amu}}. argv[1]: "voronoi" or "fingerprint".

voronoi: per structure, per site, pymatgen VoronoiNN(cutoff=7).get_voronoi_polyhedra facets:
  {"D": neighbour image minus site (Cartesian), "area", "solid_angle", "face_dist", "volume"}.
timing: {"sites", "seconds", "cpu_seconds"} for CrystalNN.get_nn_data over every site (bench/SeedBench).
fingerprint: per structure {"sites": [{"cn": 24 CrystalNN weights (CN 1..24), "fp": the 62
  site values, "bond": average bond length}], "grdf": per-site 100 values, "vector": the 352}.

What is reproduced (matminer is not installed; its documented rules are re-stated here):
- CrystalNNFingerprint.from_preset("ops", distance_cutoffs=None, x_diff_weight=0,
  porous_adjustment=True, search_cutoff=7) with chem_info {"mass": masses}: for CN 1..24,
  "wt" = CrystalNN weight of that CN, then wt * op for each motif of that CN (matminer's
  motif list; LocalStructOrderParams type and parameters from pymatgen's cn_opt_params,
  defaults otherwise; a None op counts 0); then sum over CN with wt != 0 of
  wt * sum_neighbours (m_n - m_c) / CN, divided by the sum of those wt.
- AverageBondLength(VoronoiNN()): solid-angle-weighted mean neighbour distance.
- GRDF preset gaussian, width 0.1, spacing 0.1, cutoff 10: sum_j exp(-((r_j - c)/w)^2) over
  get_neighbors(site, 10) divided by the analytic bin volume.
- SiteStatsFingerprint stats (mean, std_dev=np.std, minimum, maximum), feature-major; GRDF mean.
"""
import json
import sys
from math import pi, sqrt

import numpy as np
from pymatgen.analysis.local_env import CrystalNN, LocalStructOrderParams, VoronoiNN, cn_opt_params
from pymatgen.core import Lattice, Structure
from scipy.special import erf

MOTIFS = {
    1: ["sgl_bd"],
    2: ["L-shaped", "water-like", "bent 120 degrees", "bent 150 degrees", "linear"],
    3: ["trigonal planar", "trigonal non-coplanar", "T-shaped"],
    4: ["square co-planar", "tetrahedral", "rectangular see-saw-like", "see-saw-like", "trigonal pyramidal"],
    5: ["pentagonal planar", "square pyramidal", "trigonal bipyramidal"],
    6: ["hexagonal planar", "octahedral", "pentagonal pyramidal"],
    7: ["hexagonal pyramidal", "pentagonal bipyramidal"],
    8: ["body-centered cubic", "hexagonal bipyramidal"],
    9: ["q2", "q4", "q6"],
    10: ["q2", "q4", "q6"],
    11: ["q2", "q4", "q6"],
    12: ["cuboctahedral", "q2", "q4", "q6"],
}


def make_structure(case):
    lattice = Lattice(np.array(case["cell"]).reshape(3, 3))
    return Structure(lattice, case["numbers"], case["positions"], coords_are_cartesian=True)


def order_parameter(cn, motif):
    params = cn_opt_params.get(cn, {}).get(motif)
    if params is None:
        return LocalStructOrderParams([motif], parameters=[None])
    return LocalStructOrderParams([params[0]], parameters=[params[1] if len(params) > 1 else None])


OPS = {cn: [order_parameter(cn, m) for m in motifs] for cn, motifs in MOTIFS.items()}
CNN = CrystalNN(weighted_cn=False, cation_anion=False, distance_cutoffs=None, x_diff_weight=0,
                porous_adjustment=True, search_cutoff=7)
CENTRES = np.arange(0.0, 10.0, 0.1)
WIDTH = 0.1
CUTOFF = 10.0


def gauss_volume(c):
    g = lambda r: np.exp(-(((r - c) / WIDTH) ** 2))
    return pi * WIDTH * (sqrt(pi) * (2 * c * c + WIDTH * WIDTH) * (erf((CUTOFF - c) / WIDTH) + erf(c / WIDTH))
                         + 2 * WIDTH * (c * g(0.0) - (c + CUTOFF) * g(CUTOFF)))


VOLUMES = np.array([gauss_volume(c) for c in CENTRES])


def canonical_order(s, idx):
    """Sort key for CrystalNN neighbours: pymatgen sorts by weight but leaves equal weights in
    qhull's ridge order, on which only the "bcc" parameter (pairs j < k) depends. Equal weights
    are ordered here by distance, then D, to 1e-8 A, as AtomCuration does."""
    nns = VoronoiNN(weight="solid_angle", cutoff=CNN.search_cutoff).get_nn_info(s, idx)
    raw = {}
    for x in nns:
        w = x["weight"] * x["poly_info"]["solid_angle"] / x["poly_info"]["area"]
        raw[tuple(np.round(x["site"].coords, 6))] = w
    top = max(raw.values())

    def key(site):
        w = raw[tuple(np.round(site.coords, 6))] / top
        D = site.coords - s[idx].coords
        return (-round(w, 3), -round(w * 1e9), round(np.linalg.norm(D) * 1e8),
                round(D[0] * 1e8), round(D[1] * 1e8), round(D[2] * 1e8))
    return key


def site_fingerprint(s, idx, masses):
    nndata = CNN.get_nn_data(s, idx)
    key = canonical_order(s, idx)
    fp, cn_w = [], []
    delta, sum_wt = 0.0, 0.0
    m_c = masses[s[idx].specie.symbol]
    for cn in range(1, 25):
        wt = nndata.cn_weights.get(cn, 0)
        cn_w.append(wt)
        fp.append(wt)
        neigh = sorted([d["site"] for d in nndata.cn_nninfo.get(cn, [])], key=key)
        if wt != 0:
            sum_wt += wt
            for nb in neigh:
                delta += wt * (masses[nb.specie.symbol] - m_c) / cn
        for op in OPS.get(cn, []):
            if wt == 0:
                fp.append(0.0)
            else:
                val = op.get_order_parameters([s[idx]] + neigh, 0, indices_neighs=list(range(1, len(neigh) + 1)))[0]
                fp.append(wt * (val or 0))
    fp.append(delta / sum_wt)
    return cn_w, fp


def bond_length(s, idx):
    nns = VoronoiNN().get_nn_info(s, idx)
    w = np.array([x["weight"] for x in nns])
    d = np.linalg.norm(np.array([x["site"].coords for x in nns]) - s[idx].coords, axis=1)
    return float(np.dot(w, d) / w.sum())


def grdf(s, idx):
    d = np.array([nb[1] for nb in s.get_neighbors(s[idx], CUTOFF)])
    return [float(np.exp(-(((d - c) / WIDTH) ** 2)).sum() / v) for c, v in zip(CENTRES, VOLUMES)]


def stats(columns):
    out = []
    for col in np.array(columns).T:
        out += [float(np.mean(col)), float(np.std(col)), float(np.min(col)), float(np.max(col))]
    return out


def fingerprint(case):
    s = make_structure(case)
    sites, fps, bonds, grdfs = [], [], [], []
    for idx in range(len(s)):
        cn_w, fp = site_fingerprint(s, idx, case["masses"])
        b = bond_length(s, idx)
        g = grdf(s, idx)
        sites.append({"cn": cn_w, "fp": fp, "bond": b})
        fps.append(fp)
        bonds.append([b])
        grdfs.append(g)
    vector = stats(fps) + stats(bonds) + np.mean(np.array(grdfs), axis=0).tolist()
    return {"sites": sites, "grdf": grdfs, "vector": vector}


def voronoi(case):
    s = make_structure(case)
    vnn = VoronoiNN(cutoff=7)
    out = []
    for idx in range(len(s)):
        facets = []
        for f in vnn.get_voronoi_polyhedra(s, idx).values():
            facets.append({"D": (f["site"].coords - s[idx].coords).tolist(), "area": f["area"],
                           "solid_angle": f["solid_angle"], "face_dist": f["face_dist"], "volume": f["volume"]})
        out.append(facets)
    return out


def timing(cases):
    """Wall time of CrystalNN.get_nn_data over every site (the benchmark's reference)."""
    import time
    structures = [make_structure(c) for c in cases]
    CNN.get_nn_data(structures[0], 0)  # warm-up
    start, cpu = time.perf_counter(), time.process_time()
    sites = 0
    for s in structures:
        for idx in range(len(s)):
            CNN.get_nn_data(s, idx)
            sites += 1
    return {"sites": sites, "seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu}


mode = sys.argv[1]
cases = json.load(sys.stdin)
if mode == "timing":
    json.dump(timing(cases), sys.stdout)
else:
    json.dump([voronoi(c) if mode == "voronoi" else fingerprint(c) for c in cases], sys.stdout)
