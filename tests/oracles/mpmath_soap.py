#!/usr/bin/python3
"""Oracle: the SOAP radial bases' Loewdin weights, and the l = 0 power spectrum, in 60-digit mpmath.

The overlap matrices of DScribe's radial bases are badly conditioned (GTO: ~1e12 at n_max 10,
r_cut 3.5; polynomial: ~1e16 at n_max 8), so any double-precision S^(-1/2) -- DScribe's
scipy sqrtm(inv(S)) included -- carries an error of about cond(S) * 1e-16. This oracle gives the
exact answer for the same inputs: the alphas are taken as the doubles DScribe's NumPy code
produces, everything after that runs at 60 digits.

stdin: JSON object
  {"kind": "gto_beta", "rcut", "nmax", "lmax"}  -> {"beta": [l][n][k]} (beta_l = S_l^(-1/2))
  {"kind": "poly_beta", "rcut", "nmax"}         -> {"beta": [n][a]}
  {"kind": "gto_l0", "rcut", "nmax", "sigma", "positions": [[x,y,z]...] relative to the centre,
   "species": [index...], "nspecies"}           -> {"p": [[[p_{n n'} for species pair (a, b)]]]}
     the l = 0 power spectrum pi sqrt(8) c^a_n00 c^b_n'00 of the centre at the origin, with
     DScribe's closed-form GTO projection and neighbour cutoff r_cut + sigma sqrt(-2 ln 1e-3).
The module's functions are also used by make_dscribe_soap_fixture.py.
"""
import json
import sys

import mpmath as mp
import numpy as np

mp.mp.dps = 60


def gto_alphas(rcut, nmax, l):
    """DScribe's alphas, as the doubles its NumPy code computes."""
    a = np.linspace(1, rcut, nmax)
    return -np.log(1e-3 / np.power(a, l)) / a**2


def inverse_sqrt(S):
    E, Q = mp.eigsy(S)
    return Q * mp.diag([1 / mp.sqrt(e) for e in E]) * Q.T


def gto_beta(rcut, nmax, l):
    alpha = [mp.mpf(float(x)) for x in gto_alphas(rcut, nmax, l)]
    S = mp.matrix(nmax, nmax)
    for i in range(nmax):
        for j in range(nmax):
            S[i, j] = mp.gamma(l + mp.mpf(3) / 2) / 2 * (alpha[i] + alpha[j]) ** (-l - mp.mpf(3) / 2)
    return alpha, inverse_sqrt(S)


def poly_beta(rcut, nmax):
    rc = mp.mpf(rcut)
    S = mp.matrix(nmax, nmax)
    for i in range(1, nmax + 1):
        for j in range(1, nmax + 1):
            S[i - 1, j - 1] = 2 * rc ** (7 + i + j) / ((5 + i + j) * (6 + i + j) * (7 + i + j))
    return inverse_sqrt(S)


def to_list(M):
    return [[float(M[i, j]) for j in range(M.cols)] for i in range(M.rows)]


def gto_l0(case):
    rcut, nmax, sigma = case["rcut"], case["nmax"], mp.mpf(case["sigma"])
    alpha, beta = gto_beta(rcut, nmax, 0)
    cutoff = mp.mpf(rcut) + sigma * mp.sqrt(-2 * mp.log(mp.mpf("1e-3")))
    y00 = 1 / (2 * mp.sqrt(mp.pi))
    c = [[mp.mpf(0)] * nmax for _ in range(case["nspecies"])]
    for pos, sp in zip(case["positions"], case["species"]):
        r2 = sum(mp.mpf(x) ** 2 for x in pos)
        if mp.sqrt(r2) > cutoff:
            continue
        for k in range(nmax):
            d = 1 + 2 * alpha[k] * sigma**2
            radial = (2 * mp.pi) ** mp.mpf(1.5) * sigma**3 * d ** mp.mpf(-1.5) * mp.exp(-alpha[k] * r2 / d)
            for n in range(nmax):
                c[sp][n] += y00 * beta[n, k] * radial
    pre = mp.pi * mp.sqrt(8)
    return [[[float(pre * c[a][n] * c[b][m]) for m in range(nmax)] for n in range(nmax)]
            for a in range(case["nspecies"]) for b in range(case["nspecies"])]


def main():
    case = json.load(sys.stdin)
    if case["kind"] == "gto_beta":
        out = {"beta": [to_list(gto_beta(case["rcut"], case["nmax"], l)[1]) for l in range(case["lmax"] + 1)]}
    elif case["kind"] == "poly_beta":
        out = {"beta": to_list(poly_beta(case["rcut"], case["nmax"]))}
    else:
        out = {"p": gto_l0(case)}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
