#!/usr/bin/env python3
"""Reference embeddings for tests/AtomCuration.Core.Tests/Embedding.

JSON on stdin: {"X": [[...]], "tsne": [[x, y], ...] (ours), "mds": true, "smacof": true}. Returns the
trustworthiness of our t-SNE (sklearn.manifold.trustworthiness; scikit-learn's own t-SNE figure is
in fixtures/tsne_blobs.json, made by make_tsne_fixture.py), the classical-MDS eigen-solution, and
scikit-learn's SMACOF stress on the same distances.
"""
import json
import sys

import numpy as np
from sklearn.manifold import MDS, trustworthiness


def main():
    c = json.load(sys.stdin)
    X = np.array(c["X"], dtype=float)
    out = {}
    if "tsne" in c:
        out["trust_ours"] = float(trustworthiness(X, np.array(c["tsne"]), n_neighbors=5))
    D = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    if "mds" in c:
        n = len(X)
        J = np.eye(n) - np.ones((n, n)) / n
        B = -0.5 * J @ (D ** 2) @ J
        w, V = np.linalg.eigh(B)
        idx = np.argsort(w)[::-1][:2]
        out["mds"] = (V[:, idx] * np.sqrt(np.maximum(w[idx], 0))).tolist()
    if "smacof" in c:
        m = MDS(n_components=2, dissimilarity="precomputed", n_init=4, random_state=0, normalized_stress=False).fit(D)
        out["stress_theirs"] = float(m.stress_)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
