#!/usr/bin/python3
"""Oracle: DScribe's own numerical SOAP reference coefficients, for the system they belong to.

DScribe's test suite stores c_nlm for a 27-atom H cluster computed by scipy tplquad projection
of the Gaussian density onto DScribe's orthonormalised GTO basis and real spherical harmonics
(tests/gto_coefficients_1_20_2.0_0.1.npy: n_max 1, l_max 20, r_cut 2.0, sigma 0.1; the centre is
the atom at the origin). That file is copied, unchanged, to
tests/AtomCuration.Core.Tests/Descriptors/Data/ (Apache-2.0, see the README there). This script
rebuilds the system exactly as DScribe's tests do (a 3x3x3 grid jittered by numpy's
RandomState(42), atom 13 moved to the origin) and prints it with the coefficients as JSON.
"""
import json
import sys

import numpy as np

path = sys.argv[1]
coeffs = np.load(path)  # (centres, species, n, l, m + l)
x, y, z = np.meshgrid(np.arange(-1, 2), np.arange(-1, 2), np.arange(-1, 2))
positions = np.column_stack((x.ravel(), y.ravel(), z.ravel())).astype(float)
positions += np.random.RandomState(42).random((27, 3)) - 0.5
positions[13, :] = [0, 0, 0]
l_max = coeffs.shape[3] - 1
flat = [coeffs[0, 0, 0, l, m + l] for l in range(l_max + 1) for m in range(-l, l + 1)]
json.dump({"positions": positions.tolist(), "lmax": l_max, "coefficients": flat}, sys.stdout)
