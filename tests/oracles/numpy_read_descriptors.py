#!/usr/bin/python3
"""Oracle: how NumPy and Python's csv module read descriptor exports.

stdin: JSON {"npy": path, "csv": path}. stdout: JSON {"shape", "descr", "fortran_order",
"values" (row-major floats, repr round-trip), "version", "csv_header", "csv_ids",
"csv_values"} using numpy.load and numpy.lib.format (never our own parsing).
"""
import csv
import json
import sys

import numpy as np

req = json.load(sys.stdin)
with open(req["npy"], "rb") as f:
    version = np.lib.format.read_magic(f)
    shape, fortran_order, dtype = np.lib.format._read_array_header(f, version)
arr = np.load(req["npy"], allow_pickle=False)
with open(req["csv"], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
out = {
    "shape": list(arr.shape),
    "header_shape": list(shape),
    "descr": dtype.str,
    "fortran_order": bool(fortran_order),
    "c_contiguous": bool(arr.flags["C_CONTIGUOUS"]),
    "version": list(version),
    "values": [float(v) for v in arr.ravel(order="C")],
    "csv_header": rows[0],
    "csv_ids": [r[0] for r in rows[1:]],
    "csv_values": [float(v) for r in rows[1:] for v in r[1:]],
}
json.dump(out, sys.stdout)
