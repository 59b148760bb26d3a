#!/usr/bin/env python3
"""Inertia of scikit-learn's MiniBatchKMeans, the quality oracle of the mini-batch k-means over descriptor stores.

JSON on stdin: {"X": [[...]], "k": clusters, "batch_size": b, "max_iter": epochs, "seeds": [...]}; one fit per seed
with n_init=1, k-means++ initialisation, no early stopping (max_no_improvement=None, tol=0) and no reassignment of
small clusters (reassignment_ratio=0: a scikit-learn addition, not part of Sculley 2010), so that it runs
max_iter * n / b steps as the C# code does. JSON on stdout: {"inertia": [...]} (over all rows, per seed).
"""
import json
import sys

import numpy as np
from sklearn.cluster import MiniBatchKMeans

c = json.load(sys.stdin)
X = np.array(c["X"])
out = []
for seed in c["seeds"]:
    km = MiniBatchKMeans(n_clusters=c["k"], batch_size=c["batch_size"], max_iter=c["max_iter"], n_init=1,
                         init="k-means++", max_no_improvement=None, tol=0.0, reassignment_ratio=0.0,
                         random_state=seed).fit(X)
    out.append(float(((X - km.cluster_centers_[km.predict(X)]) ** 2).sum()))
json.dump({"inertia": out}, sys.stdout)
