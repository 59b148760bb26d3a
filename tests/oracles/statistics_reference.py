#!/usr/bin/env python3
"""Reference values for tests/AtomCuration.Core.Tests/Statistics (SciPy 1.10, scikit-learn 1.2, NumPy 1.24).

Writes one JSON document on stdout: every case carries its inputs and SciPy's/sklearn's answer.
The frozen copy is tests/oracles/fixtures/statistics_reference.json:
    /usr/bin/python3 tests/oracles/statistics_reference.py > tests/oracles/fixtures/statistics_reference.json
Holm's correction has no SciPy/sklearn implementation here (statsmodels is not installed); its
cases are the step-down definition written out below, checked against hand-worked values in the tests.
"""
import json
import sys

import numpy as np
import scipy
import sklearn
from scipy import stats
from scipy.spatial.distance import cdist
from sklearn.metrics import silhouette_score

rng = np.random.default_rng(20261206)
ALTS = ["two-sided", "less", "greater"]


def rounded(a, decimals):
    return np.round(a, decimals).tolist()


def mwu_cases():
    out = []
    samples = [
        (rng.normal(0, 1, 5), rng.normal(0.5, 1, 6)),                  # small, no ties: auto = exact
        (rounded(rng.normal(0, 1, 6), 0), rounded(rng.normal(1, 1, 7), 0)),  # small with ties: auto = asymptotic
        (rng.normal(0, 1, 20), rng.normal(0.3, 1, 20)),                # large: asymptotic
        (rng.normal(0, 1, 12), rng.normal(0.8, 1, 10)),                # exact forced at 12 x 10
        (rounded(rng.normal(10, 2, 25), 0), rounded(rng.normal(11, 2, 18), 0)),  # many ties
        (rng.normal(0, 1, 3), rng.normal(3, 1, 4)),
        (rng.normal(0, 1, 8), rng.normal(2.5, 1, 8)),                  # extreme, small p
    ]
    for x, y in samples:
        x = list(map(float, x)); y = list(map(float, y))
        for alt in ALTS:
            for method in ["auto", "exact", "asymptotic"]:
                for cont in [True, False]:
                    if method != "asymptotic" and not cont:
                        continue
                    r = stats.mannwhitneyu(x, y, use_continuity=cont, alternative=alt, method=method)
                    out.append({"x": x, "y": y, "alternative": alt, "method": method, "continuity": cont,
                                "statistic": float(r.statistic), "pvalue": float(r.pvalue)})
    return out


def wilcoxon_cases():
    out = []
    samples = [
        (rng.normal(0, 1, 10), rng.normal(0.4, 1, 10)),                 # exact
        (rounded(rng.normal(0, 2, 20), 0), rounded(rng.normal(0.5, 2, 20), 0)),  # ties and zeros
        (rng.normal(0, 1, 60), rng.normal(0.2, 1, 60)),                 # approx
        (rng.normal(0, 1, 20), rng.normal(1.0, 1, 20)),                 # exact, small p
        (np.round(rng.normal(0, 1, 15) * 4) / 4 + 0.125, np.zeros(15)),  # ties in |d|, no zeros: exact with ties
    ]
    for x, y in samples:
        x = list(map(float, x)); y = list(map(float, y))
        for alt in ALTS:
            for method in ["auto", "exact", "approx"]:
                for zm in ["wilcox", "pratt", "zsplit"]:
                    for corr in [False, True]:
                        if method != "approx" and corr:
                            continue
                        try:
                            with np.errstate(all="ignore"):
                                import warnings
                                with warnings.catch_warnings():
                                    warnings.simplefilter("ignore")
                                    r = stats.wilcoxon(x, y, zero_method=zm, correction=corr, alternative=alt, method=method)
                        except ValueError:
                            continue
                        out.append({"x": x, "y": y, "alternative": alt, "method": method, "zero_method": zm,
                                    "correction": corr, "statistic": float(r.statistic), "pvalue": float(r.pvalue)})
    return out


def correlation_cases():
    sp, kt = [], []
    pairs = []
    for n, tie in [(12, False), (30, True), (25, False), (40, False), (60, True)]:
        x = rng.normal(0, 1, n)
        y = 0.5 * x + rng.normal(0, 1, n)
        if tie:
            x = np.round(x * 2) / 2
            y = np.round(y * 2) / 2
        pairs.append((list(map(float, x)), list(map(float, y))))
    for x, y in pairs:
        for alt in ALTS:
            r = stats.spearmanr(x, y, alternative=alt)
            sp.append({"x": x, "y": y, "alternative": alt, "statistic": float(r.statistic), "pvalue": float(r.pvalue)})
            for method in ["auto", "asymptotic", "exact"]:
                try:
                    r = stats.kendalltau(x, y, alternative=alt, method=method)
                except ValueError:
                    continue
                kt.append({"x": x, "y": y, "alternative": alt, "method": method,
                           "statistic": float(r.statistic), "pvalue": float(r.pvalue)})
    return sp, kt


def ks_cases():
    out = []
    for n1, n2, shift, tie in [(10, 15, 0.5, False), (20, 20, 0.7, False), (30, 7, 0.0, False), (25, 40, 0.4, True), (8, 8, 2.0, False)]:
        x = rng.normal(0, 1, n1)
        y = rng.normal(shift, 1, n2)
        if tie:
            x = np.round(x, 1); y = np.round(y, 1)
        r = stats.ks_2samp(x, y, method="exact")
        out.append({"x": list(map(float, x)), "y": list(map(float, y)), "statistic": float(r.statistic), "pvalue": float(r.pvalue)})
    return out


def silhouette_cases():
    out = []
    for n, k, d in [(30, 3, 4), (50, 5, 2), (20, 2, 6)]:
        centres = rng.normal(0, 3, (k, d))
        labels = rng.integers(0, k, n)
        labels[:k] = np.arange(k)
        X = centres[labels] + rng.normal(0, 1, (n, d))
        D = cdist(X, X)
        s = silhouette_score(D, labels, metric="precomputed")
        out.append({"X": X.tolist(), "labels": labels.tolist(), "score": float(s)})
    # a singleton cluster
    X = rng.normal(0, 1, (10, 3))
    labels = np.array([0, 0, 0, 1, 1, 1, 1, 2, 2, 3])
    out.append({"X": X.tolist(), "labels": labels.tolist(), "score": float(silhouette_score(cdist(X, X), labels, metric="precomputed"))})
    return out


def quantile_cases():
    out = []
    for n in [1, 2, 5, 20, 21]:
        v = rng.normal(0, 1, n)
        for q in [0.0, 0.025, 0.25, 0.5, 0.75, 0.975, 1.0]:
            out.append({"values": v.tolist(), "q": q, "value": float(np.percentile(v, 100 * q))})
    return out


def holm(p):
    p = np.asarray(p, float)
    order = np.argsort(p, kind="stable")
    m = len(p)
    adj = np.empty(m)
    running = 0.0
    for k, i in enumerate(order):
        running = max(running, min(1.0, (m - k) * p[i]))
        adj[i] = running
    return adj.tolist()


def holm_cases():
    out = []
    for p in [[0.01, 0.04, 0.03, 0.005], [0.2, 0.2, 0.01], list(rng.uniform(0, 0.1, 7))]:
        out.append({"p": list(map(float, p)), "adjusted": holm(p)})
    return out


def main():
    sp, kt = correlation_cases()
    doc = {
        "versions": {"scipy": scipy.__version__, "sklearn": sklearn.__version__, "numpy": np.__version__},
        "mannwhitneyu": mwu_cases(),
        "wilcoxon": wilcoxon_cases(),
        "spearman": sp,
        "kendall": kt,
        "ks_2samp": ks_cases(),
        "silhouette": silhouette_cases(),
        "percentile": quantile_cases(),
        "holm": holm_cases(),
        "kolmogorov_limit": [{"lambda": l, "p": float(stats.kstwobign.sf(l))} for l in [0.3, 0.5, 0.8, 1.0, 1.36, 1.8, 2.5]],
    }
    json.dump(doc, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
