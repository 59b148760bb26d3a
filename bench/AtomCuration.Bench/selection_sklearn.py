#!/usr/bin/env python3
"""scikit-learn / NumPy side of the selection benchmarks: same data (raw float64 file), same task.
usage: selection_sklearn.py kmeans PATH N D K N_INIT [ALGORITHM [TOL [MAX_ITER [SEED [INIT [LABELS]]]]]] | fps PATH N D K | tsne PATH N D PERPLEXITY
k-means defaults: algorithm lloyd, tol 1e-4 (scikit-learn's), max_iter 300, random_state 0; INIT is a raw float64
file of K × D starting centres (the bench's --dump-init), used as init= with n_init=1 instead of k-means++;
LABELS a raw int32 file of another run's labels (the bench's --dump-labels) to count the rows labelled differently. The BLAS is the one the dynamic
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
    init = np.fromfile(sys.argv[11], dtype="<f8").reshape(k, d) if len(sys.argv) > 11 else "k-means++"
    if not isinstance(init, str):
        n_init = 1
    try:
        from threadpoolctl import threadpool_info
        blas = "; ".join(f"{i['internal_api']} {i.get('version')} ({i['filepath']}, {i['num_threads']} threads, {i.get('architecture')})"
                         for i in threadpool_info() if i["user_api"] == "blas") or "no BLAS seen by threadpoolctl"
    except ImportError:
        blas = "threadpoolctl not installed"
    t = time.perf_counter()
    c = time.process_time()
    km = KMeans(n_clusters=k, init=init, n_init=n_init, algorithm=algorithm, tol=tol, max_iter=max_iter, random_state=seed).fit(X)
    start = "init from " + sys.argv[11] if len(sys.argv) > 11 else f"random_state={seed}"
    print(f"scikit-learn {sklearn.__version__} KMeans({algorithm}, n_init={n_init}, tol={tol:g}, max_iter={max_iter}, {start}), NumPy {np.__version__}, BLAS {blas}: "
          f"{time.perf_counter() - t:.2f} s wall, {time.process_time() - c:.2f} s CPU, inertia {km.inertia_!r}, iterations {km.n_iter_}")
    if len(sys.argv) > 12:  # LABELS: compare with another run's labels (raw int32), e.g. the bench's --dump-labels
        other = np.fromfile(sys.argv[12], dtype="<i4")
        print(f"labels differing from {sys.argv[12]}: {int((other != km.labels_).sum())} of {n}")
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
