#!/usr/bin/python3
"""Oracle: scikit-learn's GaussianProcessRegressor (Matern nu=2.5 with one length scale per
dimension, times a ConstantKernel; alpha on the diagonal; normalize_y=True) on a fixed 2-D data
set: log marginal likelihood and posterior mean/std at fixed hyperparameters, and the log
marginal likelihood it reaches when it fits them (L-BFGS-B, 20 restarts).
Writes tests/oracles/fixtures/sklearn_gp.json."""
import json
import os

import numpy as np
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import ConstantKernel, Matern

x = np.array([[((7 * i) % 13) / 12.0, ((5 * i + 3) % 11) / 10.0] for i in range(14)])
y = np.sin(6 * x[:, 0]) + 0.5 * np.cos(4 * x[:, 1]) + 2 * x[:, 0] * x[:, 1]
query = np.array([[0.1, 0.2], [0.5, 0.5], [0.9, 0.3], [0.33, 0.77], [1.2, -0.1]])
alpha = 1e-4

fixed = GaussianProcessRegressor(ConstantKernel(1.7, "fixed") * Matern([0.3, 0.8], "fixed", nu=2.5),
                                 alpha=alpha, normalize_y=True, optimizer=None).fit(x, y)
mean, std = fixed.predict(query, return_std=True)

fitted = GaussianProcessRegressor(ConstantKernel(1.0, (1e-3, 1e3)) * Matern([1.0, 1.0], (1e-2, 1e2), nu=2.5),
                                  alpha=alpha, normalize_y=True, n_restarts_optimizer=20, random_state=0).fit(x, y)

out = {
    "x": x.tolist(), "y": y.tolist(), "query": query.tolist(), "alpha": alpha,
    "fixed": {"signal_variance": 1.7, "length_scales": [0.3, 0.8],
              "log_marginal_likelihood": fixed.log_marginal_likelihood_value_,
              "mean": mean.tolist(), "std": std.tolist()},
    "fitted": {"log_marginal_likelihood": fitted.log_marginal_likelihood_value_, "kernel": str(fitted.kernel_)},
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "sklearn_gp.json"), "w") as f:
    json.dump(out, f, indent=1)
