#!/usr/bin/python3
"""Oracle: SOAP expansion coefficients by brute-force quadrature (numpy/scipy only).

Builds the radial basis from the documented DScribe 2.1 conventions (GTO: a_k = linspace(1,
r_cut, n_max), alpha_lk = -ln(1e-3 / a_k^l) / a_k^2, Loewdin beta = sqrtm(inv(S)) with the
analytic overlap on [0, inf); polynomial: (r_cut - r)^(a+2), a = 1..n_max, overlap with weight
r^2 on [0, r_cut]) and projects the Gaussian-smeared density rho_Z(r) = sum_j exp(-|r - r_j|^2 /
2 sigma^2) on g_nl(r) Y_lm(r_hat) with a 3-D product rule: Gauss-Legendre in r and cos(theta),
the trapezoid rule in phi. Real Y_lm from scipy's complex sph_harm: m > 0: sqrt2 (-1)^m Re Y_l^m,
m < 0: sqrt2 (-1)^m Im Y_l^|m|, m = 0: Y_l^0.

stdin: JSON list of {"positions": [[x,y,z]...] relative to the centre (centre included),
"species": [index...], "nspecies", "rcut", "sigma", "nmax", "lmax", "rbf": "gto"|"polynomial"}.
stdout: JSON list of flattened c[species][n][lm], lm = l^2 + l + m.
"""
import json
import sys

import numpy as np
from scipy.linalg import sqrtm
from scipy.special import gamma, sph_harm


def radial_basis(case, r):
    nmax, lmax, rcut = case["nmax"], case["lmax"], case["rcut"]
    g = np.zeros((lmax + 1, nmax, len(r)))
    if case["rbf"] == "gto":
        a = np.linspace(1, rcut, nmax)
        for l in range(lmax + 1):
            alpha = -np.log(1e-3 / a ** l) / a ** 2
            S = 0.5 * gamma(l + 1.5) * (alpha[:, None] + alpha[None, :]) ** (-l - 1.5)
            beta = np.real(sqrtm(np.linalg.inv(S)))
            prim = r[None, :] ** l * np.exp(-alpha[:, None] * r[None, :] ** 2)
            g[l] = beta @ prim
    else:
        idx = np.arange(1, nmax + 1)
        ab = idx[:, None] + idx[None, :]
        S = 2 * rcut ** (7.0 + ab) / ((5.0 + ab) * (6.0 + ab) * (7.0 + ab))
        beta = np.real(sqrtm(np.linalg.inv(S)))
        prim = np.clip(rcut - r, 0, None)[None, :] ** (idx[:, None] + 2.0)
        for l in range(lmax + 1):
            g[l] = beta @ prim
    return g


def real_ylm(lmax, theta, phi):
    out = []
    for l in range(lmax + 1):
        for m in range(-l, l + 1):
            y = sph_harm(abs(m), l, phi, theta)
            if m > 0:
                out.append(np.sqrt(2) * (-1) ** m * y.real)
            elif m < 0:
                out.append(np.sqrt(2) * (-1) ** m * y.imag)
            else:
                out.append(y.real)
    return np.array(out)


results = []
for case in json.load(sys.stdin):
    pos = np.array(case["positions"], dtype=float)
    spec = np.array(case["species"])
    sigma, nmax, lmax = case["sigma"], case["nmax"], case["lmax"]
    rmax = case["rcut"] if case["rbf"] != "gto" else np.max(np.linalg.norm(pos, axis=1)) + 9 * sigma
    xr, wr = np.polynomial.legendre.leggauss(case.get("nr", 110))
    r = 0.5 * rmax * (xr + 1)
    wr = 0.5 * rmax * wr
    xt, wt = np.polynomial.legendre.leggauss(case.get("nt", 80))
    theta = np.arccos(xt)
    nphi = case.get("nphi", 160)
    phi = np.arange(nphi) * 2 * np.pi / nphi
    wphi = np.full(nphi, 2 * np.pi / nphi)
    T, P = np.meshgrid(theta, phi, indexing="ij")
    wang = (wt[:, None] * wphi[None, :]).ravel()
    u = np.stack([np.sin(T) * np.cos(P), np.sin(T) * np.sin(P), np.cos(T)], axis=-1).reshape(-1, 3)
    Y = real_ylm(lmax, T.ravel(), P.ravel())  # (lm, angles)
    WY = (Y * wang[None, :]).T  # (angles, lm)
    g = radial_basis(case, r)  # (l, n, r)
    c = np.zeros((case["nspecies"], nmax, (lmax + 1) ** 2))
    for z in range(case["nspecies"]):
        rho = np.zeros((len(r), u.shape[0]))
        for p in pos[spec == z]:
            d2 = (r[:, None, None] * u[None, :, :] - p[None, None, :]) ** 2
            rho += np.exp(-d2.sum(axis=-1) / (2 * sigma ** 2))
        A = rho @ WY  # (r, lm)
        for l in range(lmax + 1):
            sl = slice(l * l, (l + 1) ** 2)
            c[z, :, sl] = (g[l] * (wr * r ** 2)[None, :]) @ A[:, sl]
    results.append(c.ravel().tolist())
json.dump(results, sys.stdout)
