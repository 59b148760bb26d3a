#!/usr/bin/env python3
"""Reference values for RematchKernelTests (NumPy 1.24, SciPy 1.10): the REMatch kernel of De, Bartók, Csányi and
Ceriotti, PCCP 18, 13754 (2016), DOI 10.1039/C6CP00415F, with DScribe 2.1's REMatchKernel conventions
(K = sum P*C, P the entropy-regularised transport plan with uniform marginals, E = exp(-(1 - C)/alpha),
linear C = x.y or rbf C = exp(-gamma |x - y|^2), gamma default 1/features, normalised K_ij / sqrt(K_ii K_jj)).

DScribe is not packaged for Debian, so two independent routes stand in for it:
  * "sinkhorn": NumPy Sinkhorn scaling with DScribe's documented start (u = 1/n, v = 1/m), order (v then u)
    and stopping rule (relative squared change, checked on sweeps whose index is not a multiple of 5),
    at DScribe's default threshold 1e-6 — the numbers a DScribe user sees;
  * "exact": the transport plan from SciPy's root finder on the marginal equations in log-scaling space
    (a convex dual minimised by BFGS, then polished by a root finder with the analytic Jacobian; no Sinkhorn at all), i.e. the converged optimum the kernel is defined by.
Writes one JSON document on stdout; the frozen copy is tests/oracles/fixtures/rematch_reference.json:
    /usr/bin/python3 tests/oracles/rematch_reference.py > tests/oracles/fixtures/rematch_reference.json
"""
import json

import numpy as np
import scipy
from scipy.optimize import minimize, root

rng = np.random.default_rng(20261206)


def local(a, b, metric, gamma):
    if metric == "linear":
        return a @ b.T
    d2 = ((a[:, None, :] - b[None, :, :]) ** 2).sum(axis=2)
    return np.exp(-gamma * d2)


def sinkhorn(c, alpha, threshold):
    n, m = c.shape
    e = np.exp(-(1.0 - c) / alpha)
    u = np.full(n, 1.0 / n)
    v = np.full(m, 1.0 / m)
    sweep, error = 0, 1.0
    while error > threshold:
        u0, v0 = u, v
        v = (1.0 / m) / (e.T @ u)
        u = (1.0 / n) / (e @ v)
        if sweep % 5:
            error = ((u - u0) ** 2).sum() / (u ** 2).sum() + ((v - v0) ** 2).sum() / (v ** 2).sum()
        sweep += 1
    return float(((u[:, None] * e * v[None, :]) * c).sum())


def exact(c, alpha):
    n, m = c.shape
    logk = -(1.0 - c) / alpha

    def plan(z):
        x, y = z[:n], np.append(z[n:], 0.0)  # the last log-scaling is fixed: P is invariant under (u t, v / t)
        return np.exp(x[:, None] + logk + y[None, :])

    def residual(z):
        p = plan(z)
        return np.concatenate([p.sum(axis=1) - 1.0 / n, (p.sum(axis=0) - 1.0 / m)[:-1]])

    def dual(z):
        # Convex: its gradient is the marginal residual, so its minimiser solves the marginal equations.
        return plan(z).sum() - z[:n].sum() / n - z[n:].sum() / m, residual(z)

    def jacobian(z):
        p = plan(z)
        j = np.zeros((n + m - 1, n + m - 1))
        j[:n, :n] = np.diag(p.sum(axis=1))
        j[:n, n:] = p[:, :-1]
        j[n:, :n] = p[:, :-1].T
        j[n:, n:] = np.diag(p.sum(axis=0)[:-1])
        return j

    z0 = np.concatenate([np.full(n, -np.log(n)), np.full(m - 1, -np.log(m))])
    start = minimize(dual, z0, jac=True, method="BFGS", options={"gtol": 1e-12})
    sol = root(residual, start.x, jac=jacobian, method="hybr")
    assert np.abs(residual(sol.x)).max() < 1e-14, (np.abs(residual(sol.x)).max(), sol.message)
    return float((plan(sol.x) * c).sum())


def normalised(k):
    d = np.sqrt(np.diag(k))
    return k / d[:, None] / d[None, :]


def unit_rows(g):
    return g / np.linalg.norm(g, axis=1, keepdims=True)


# Four structures of 3, 4, 2 and 5 environments with 6 features each (positive, like SOAP power spectra);
# the fourth repeats two environments of the first, so that matches are not all alike.
structures = [np.round(rng.uniform(0.0, 1.0, (n, 6)), 6) for n in (3, 4, 2)]
structures.append(np.vstack([structures[0][:2], np.round(rng.uniform(0.0, 1.0, (3, 6)), 6)]))
cases = []
for metric, alpha, gamma, unit in [("linear", 0.1, None, True), ("linear", 0.5, None, True), ("linear", 2.0, None, True),
                                   ("rbf", 0.1, 0.8, False), ("rbf", 0.3, None, False)]:
    envs = [unit_rows(g) if unit else g for g in structures]
    g = gamma if gamma is not None else 1.0 / envs[0].shape[1]
    n = len(envs)
    # Sinkhorn stopped early is not exactly symmetric in (A, B): the kernel matrix is the upper triangle, mirrored.
    ks = np.array([[sinkhorn(local(envs[min(i, j)], envs[max(i, j)], metric, g), alpha, 1e-6) for j in range(n)] for i in range(n)])
    ke = np.array([[exact(local(envs[i], envs[j], metric, g), alpha) for j in range(n)] for i in range(n)])
    cases.append({
        "metric": metric, "alpha": alpha, "gamma": gamma, "unit_rows": unit,
        "sinkhorn": ks.tolist(), "sinkhorn_normalised": normalised(ks).tolist(),
        "exact": ke.tolist(), "exact_normalised": normalised(ke).tolist(),
    })
print(json.dumps({"numpy": np.__version__, "scipy": scipy.__version__,
                  "structures": [g.tolist() for g in structures], "cases": cases}, indent=1))
