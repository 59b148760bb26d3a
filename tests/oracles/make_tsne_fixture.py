#!/usr/bin/env python3
"""Writes fixtures/tsne_blobs.json: seeded Gaussian blobs and scikit-learn's t-SNE trustworthiness
on them (exact at perplexity 20 on the first 300 points, Barnes–Hut at perplexity 30 on all 500).
scikit-learn's t-SNE takes minutes on a loaded 2-core machine, so the tests read this fixture and
only call sklearn.manifold.trustworthiness (embedding_reference.py) on our embedding.
Run: /usr/bin/python3 tests/oracles/make_tsne_fixture.py
"""
import json
import os

import numpy as np
from sklearn.manifold import TSNE, trustworthiness

rng = np.random.RandomState(7)
centers = rng.uniform(-10, 10, size=(5, 10))
X = np.vstack([centers[i % 5] + 2.5 * rng.randn(10) for i in range(500)])
small = X[:300]
exact = TSNE(perplexity=20, init="pca", learning_rate="auto", method="exact", random_state=0).fit_transform(small)
bh = TSNE(perplexity=30, init="pca", learning_rate="auto", method="barnes_hut", random_state=0).fit_transform(X)
out = {
    "X": X.tolist(),
    "exact_n": 300, "exact_perplexity": 20, "exact_trust": float(trustworthiness(small, exact, n_neighbors=5)),
    "bh_perplexity": 30, "bh_trust": float(trustworthiness(X, bh, n_neighbors=5)),
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "tsne_blobs.json"), "w") as f:
    json.dump(out, f)
print(out["exact_trust"], out["bh_trust"])
