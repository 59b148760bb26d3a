#!/usr/bin/env python3
"""scikit-learn / NumPy side of the selection benchmarks: same data (raw float64 file), same task.
usage: selection_sklearn.py kmeans PATH N D K N_INIT [ALGORITHM [TOL [MAX_ITER]]] | fps PATH N D K | tsne PATH N D PERPLEXITY
k-means defaults: algorithm lloyd, tol 1e-4 (scikit-learn's), max_iter 300. The BLAS is the one the dynamic
linker finds: Debian's default alternative, or OpenBLAS with
LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-pthread for that command only; it is printed.
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
    import sklearn
    k, n_init = int(sys.argv[5]), int(sys.argv[6])
    algorithm = sys.argv[7] if len(sys.argv) > 7 else "lloyd"
    tol = float(sys.argv[8]) if len(sys.argv) > 8 else 1e-4
    max_iter = int(sys.argv[9]) if len(sys.argv) > 9 else 300
    seed = int(sys.argv[10]) if len(sys.argv) > 10 else 0
    try:
        from threadpoolctl import threadpool_info
        blas = "; ".join(f"{i['internal_api']} {i.get('version')} ({i['filepath']}, {i['num_threads']} threads, {i.get('architecture')})"
                         for i in threadpool_info() if i["user_api"] == "blas") or "no BLAS seen by threadpoolctl"
    except ImportError:
        blas = "threadpoolctl not installed"
    t = time.perf_counter()
    c = time.process_time()
    km = KMeans(n_clusters=k, n_init=n_init, algorithm=algorithm, tol=tol, max_iter=max_iter, random_state=seed).fit(X)
    print(f"scikit-learn {sklearn.__version__} KMeans({algorithm}, n_init={n_init}, tol={tol:g}, max_iter={max_iter}, random_state={seed}), NumPy {np.__version__}, BLAS {blas}: "
          f"{time.perf_counter() - t:.2f} s wall, {time.process_time() - c:.2f} s CPU, inertia {km.inertia_:.6g}, iterations {km.n_iter_}")
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
