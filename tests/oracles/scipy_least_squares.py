#!/usr/bin/python3
"""Oracle: scipy.optimize.least_squares (method='lm') on y = a*exp(-b*x) + c*sin(d*x).

stdin JSON: {"x": [...], "y": [...], "start": [a, b, c, d]}
stdout JSON: {"parameters": [...], "cost": sum of squared residuals}
"""
import json
import sys

import numpy as np
from scipy.optimize import least_squares


def main():
    inp = json.load(sys.stdin)
    x = np.array(inp["x"])
    y = np.array(inp["y"])

    def residuals(p):
        return p[0] * np.exp(-p[1] * x) + p[2] * np.sin(p[3] * x) - y

    res = least_squares(residuals, np.array(inp["start"]), method="lm", xtol=1e-15, ftol=1e-15, gtol=1e-15)
    json.dump({"parameters": res.x.tolist(), "cost": float(np.sum(res.fun ** 2))}, sys.stdout)


if __name__ == "__main__":
    main()
