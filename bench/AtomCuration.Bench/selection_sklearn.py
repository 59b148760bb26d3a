#!/usr/bin/env python3
"""scikit-learn / NumPy side of the selection benchmarks: same data (raw float64 file), same task.
usage: selection_sklearn.py kmeans PATH N D K N_INIT | fps PATH N D K | tsne PATH N D PERPLEXITY
"""
import sys
import time

import numpy as np

kind, path = sys.argv[1], sys.argv[2]
n, d = int(sys.argv[3]), int(sys.argv[4])
X = np.fromfile(path, dtype="<f8").reshape(n, d)
t = time.perf_counter()
if kind == "kmeans":
    from sklearn.cluster import KMeans
    k, n_init = int(sys.argv[5]), int(sys.argv[6])
    km = KMeans(n_clusters=k, n_init=n_init, algorithm="lloyd", random_state=0).fit(X)
    print(f"scikit-learn KMeans(lloyd, n_init={n_init}): {time.perf_counter() - t:.2f} s, inertia {km.inertia_:.6g}, iterations {km.n_iter_}")
elif kind == "fps":
    k = int(sys.argv[5])
    start = int(np.argmax(((X - X.mean(axis=0)) ** 2).sum(axis=1)))
    mind = ((X - X[start]) ** 2).sum(axis=1)
    for _ in range(k - 1):
        nxt = int(np.argmax(mind))
        mind = np.minimum(mind, ((X - X[nxt]) ** 2).sum(axis=1))
    print(f"NumPy FPS ({k} picks): {time.perf_counter() - t:.2f} s, covering radius {np.sqrt(mind.max()):.6g}")
elif kind == "tsne":
    from sklearn.manifold import TSNE
    TSNE(perplexity=float(sys.argv[5]), init="pca", learning_rate="auto", random_state=0).fit_transform(X)
    print(f"scikit-learn TSNE (barnes_hut): {time.perf_counter() - t:.2f} s")
