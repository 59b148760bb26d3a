#!/usr/bin/env python3
"""Reference selections for tests/AtomCuration.Core.Tests/Selection.

JSON on stdin: a list of cases {"method": ..., "X": [[...]], ...}; JSON list of answers on stdout.
scikit-learn and SciPy give the facts for PCA, k-means, agglomerative and spectral clustering;
FPS, CUR, MaxVol, greedy DPP, the local-environment bank and the entropy estimator are small
independent NumPy implementations written from the papers' definitions (brute force where the
C# code is incremental: determinants instead of Cholesky updates, full SVDs instead of
analytic Gram updates, full distance scans instead of bounded ones).
"""
import json
import sys

import numpy as np


def pca(c):
    from sklearn.decomposition import PCA
    X = np.array(c["X"])
    p = PCA(n_components=c.get("n_components"), svd_solver="full").fit(X)
    return {"ratio": p.explained_variance_ratio_.tolist(), "n": int(p.n_components_)}


def kmeans(c):
    from sklearn.cluster import KMeans
    X = np.array(c["X"])
    km = KMeans(n_clusters=c["k"], n_init=c["n_init"], tol=c.get("tol", 1e-4), max_iter=c.get("max_iter", 300),
                algorithm="lloyd", random_state=c.get("seed", 0)).fit(X)
    return {"inertia": float(km.inertia_)}


def fps(c):
    X = np.array(c["X"])
    n = len(X)
    start = c.get("start")
    if start is None:
        start = int(np.argmax(((X - X.mean(axis=0)) ** 2).sum(axis=1)))
    sel = [start]
    mind = np.sqrt(((X - X[start]) ** 2).sum(axis=1))
    radii = []
    for _ in range(c["k"]):
        nxt = int(np.argmax(mind))  # first maximum = lowest index
        radii.append(float(mind[nxt]))
        if len(sel) == c["k"]:
            break
        sel.append(nxt)
        mind = np.minimum(mind, np.sqrt(((X - X[nxt]) ** 2).sum(axis=1)))
    return {"selected": sel, "radii": radii}


def cur(c):
    X = np.array(c["X"], dtype=float)
    r = c.get("r", 1)
    sel = []
    for _ in range(c["k"]):
        U, s, Vt = np.linalg.svd(X, full_matrices=False)
        keep = [j for j in range(min(r, len(s))) if s[j] ** 2 > 1e-12 * s[0] ** 2]
        lev = (U[:, keep] ** 2).sum(axis=1)
        lev[sel] = -1
        i = int(np.argmax(lev))
        sel.append(i)
        v = X[i] / np.linalg.norm(X[i])
        X = X - np.outer(X @ v, v)
    return {"selected": sel}


def maxvol(c):
    A = np.array(c["X"], dtype=float)
    k, tol = c["k"], c.get("tol", 1.01)
    if k < A.shape[1]:
        _, _, Vt = np.linalg.svd(A, full_matrices=False)
        A = A @ Vt[:k].T
    n, d = A.shape
    # Initial rows: LU with partial pivoting (scipy returns P with A = P L U).
    R = A.copy()
    rows, free = [], np.ones(n, bool)
    for j in range(d):
        cand = np.where(free)[0]
        p = cand[np.argmax(np.abs(R[cand, j]))]
        rows.append(int(p))
        free[p] = False
        R[free] -= np.outer(R[free, j] / R[p, j], R[p])
    for _ in range(10000):
        B = A @ np.linalg.inv(A[rows])
        flat = int(np.argmax(np.abs(B)))
        i, j = divmod(flat, d)
        if abs(B[i, j]) <= tol:
            break
        rows[j] = i
    while len(rows) < k:
        M = np.linalg.inv(A[rows].T @ A[rows])
        lev = np.einsum("ij,jk,ik->i", A, M, A)
        lev[rows] = -np.inf
        rows.append(int(np.argmax(lev)))
    return {"selected": rows}


def kernel_matrix(X, kind, gamma):
    if kind == "Linear":
        return X @ X.T
    if kind == "Cosine":
        Y = X / np.linalg.norm(X, axis=1)[:, None]
        K = Y @ Y.T
        np.fill_diagonal(K, 1.0)  # k(x, x) = 1 by definition; keeps the first pick's tie a tie
        return K
    if kind == "Rbf":
        D = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)
        return np.exp(-gamma * D)
    raise ValueError(kind)


def dpp_greedy(c):
    X = np.array(c["X"], dtype=float)
    L = kernel_matrix(X, c["kernel"], c.get("gamma", 1.0))
    sel = []
    for _ in range(c["k"]):
        best, bestval = -1, -np.inf
        for i in range(len(X)):
            if i in sel:
                continue
            S = sel + [i]
            val = np.linalg.det(L[np.ix_(S, S)])
            if val > bestval:
                best, bestval = i, val
        sel.append(best)
    return {"selected": sel}


def leb(c):
    structures = [np.array(s, dtype=float) for s in c["structures"]]
    species = c["species"]
    thresholds = {int(k): v for k, v in c["thresholds"].items()}
    allrows = np.vstack(structures)
    lo, hi = allrows.min(axis=0), allrows.max(axis=0)
    span = np.where(hi > lo, hi - lo, np.inf)
    bank = {}
    selected = []
    for s in c.get("order", range(len(structures))):
        G = (structures[s] - lo) / span
        added = False
        for a, g in enumerate(G):
            z = species[s][a]
            entries = bank.setdefault(z, [])
            dmin = min((np.sqrt(((g - e) ** 2).sum()) for e in entries), default=np.inf)
            if dmin > thresholds[z]:
                entries.append(g)
                added = True
        if added:
            selected.append(s)
    return {"selected": selected}


def nn_entropy(E, k=1):
    """Eqs. 2-3 of paper 004 (k = 1); k > 1 uses the k-th nearest distance."""
    n = len(E)
    D = np.sqrt(((E[:, None, :] - E[None, :, :]) ** 2).sum(axis=2))
    np.fill_diagonal(D, np.inf)
    return float(np.mean(np.log(n * np.sort(D, axis=1)[:, k - 1])))


def entropy(c):
    structures = [np.array(s, dtype=float) for s in c["structures"]]
    sel, values = [], []
    for _ in range(c["k"]):
        best, bestval = -1, -np.inf
        for i in range(len(structures)):
            if i in sel:
                continue
            E = np.vstack([structures[j] for j in sel + [i]])
            k = c.get("neighbours", 1)
            val = nn_entropy(E, k) if len(E) > k else -np.inf
            if val > bestval:
                best, bestval = i, val
        sel.append(best)
        values.append(bestval)
    return {"selected": sel, "entropy": values}


def hybrid(c):
    """Eq. 11 of paper 003: (1 - delta) * normalised average linear kernel of the per-atom
    descriptors + delta * Laplacian kernel exp(-gamma |a - b|_1) of the structure descriptors."""
    means = np.array([np.mean(np.array(s, dtype=float), axis=0) for s in c["structures"]])
    K1 = means @ means.T
    K1 = K1 / np.sqrt(np.outer(np.diag(K1), np.diag(K1)))
    X = np.array(c["X"], dtype=float)
    K2 = np.exp(-c["gamma"] * np.abs(X[:, None, :] - X[None, :, :]).sum(axis=2))
    return {"K": ((1 - c["delta"]) * K1 + c["delta"] * K2).tolist()}


def agglomerative(c):
    from sklearn.cluster import AgglomerativeClustering
    X = np.array(c["X"], dtype=float)
    if c["linkage"] == "ward":
        m = AgglomerativeClustering(n_clusters=c["k"], linkage="ward").fit(X)
    else:
        D = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
        m = AgglomerativeClustering(n_clusters=c["k"], linkage="average", metric="precomputed").fit(D)
    return {"labels": m.labels_.tolist()}


def spectral(c):
    from sklearn.cluster import SpectralClustering
    from sklearn.metrics import adjusted_rand_score
    K = np.array(c["K"], dtype=float)
    m = SpectralClustering(n_clusters=c["k"], affinity="precomputed", random_state=0).fit(K)
    return {"labels": m.labels_.tolist(), "ari": float(adjusted_rand_score(m.labels_, c["ours"]))}


def main():
    cases = json.load(sys.stdin)
    out = [globals()[c["method"]](c) for c in cases]
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
