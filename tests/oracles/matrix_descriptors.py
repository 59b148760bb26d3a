#!/usr/bin/python3
"""Oracle: Coulomb-matrix eigenvalues and the sine matrix with numpy, from the defining formulas.

stdin: JSON {"numbers": [Z...], "positions": [[x,y,z]...], "cell": 9 numbers (rows)}.
stdout: JSON {"cm": n*n row-major, "cm_eig": eigenvalues (numpy.linalg.eigvalsh) sorted by
|value| descending, "sm": n*n row-major}. Sine matrix per Faber et al. (2015) with B the matrix
whose COLUMNS are the lattice vectors: phi = || B . sin^2(pi B^-1 (r_i - r_j)) ||.
"""
import json
import sys

import numpy as np

req = json.load(sys.stdin)
Z = np.array(req["numbers"], dtype=float)
R = np.array(req["positions"], dtype=float)
B = np.array(req["cell"], dtype=float).reshape(3, 3).T
n = len(Z)
cm = np.zeros((n, n))
sm = np.zeros((n, n))
Binv = np.linalg.inv(B)
for i in range(n):
    for j in range(n):
        if i == j:
            cm[i, j] = sm[i, j] = 0.5 * Z[i] ** 2.4
        else:
            cm[i, j] = Z[i] * Z[j] / np.linalg.norm(R[i] - R[j])
            sm[i, j] = Z[i] * Z[j] / np.linalg.norm(B @ np.sin(np.pi * (Binv @ (R[i] - R[j]))) ** 2)
eig = np.linalg.eigvalsh(cm)
eig = eig[np.argsort(-np.abs(eig), kind="stable")]
json.dump({"cm": cm.ravel().tolist(), "cm_eig": eig.tolist(), "sm": sm.ravel().tolist()}, sys.stdout)
