#!/usr/bin/env python3
"""Cuts the bundled test samples out of the BSD-3 shared datasets (see README.md here).

Usage: python3 make_samples.py DATA_DIR   (DATA_DIR holds Ag_polymlp_Seko.extxyz.gz, Au_polymlp_Seko.extxyz.gz)
Every STEP-th frame is copied byte for byte (no re-formatting); gzip is written with mtime 0,
so the output is identical on every run.
"""
import gzip, os, sys

STEP = 20
SETS = {"Ag_polymlp_Seko.extxyz.gz": "Ag_polymlp_sample.extxyz.gz",
        "Au_polymlp_Seko.extxyz.gz": "Au_polymlp_sample.extxyz.gz"}


def frames(lines):
    i = 0
    while i < len(lines):
        n = int(lines[i])
        yield lines[i:i + n + 2]
        i += n + 2


def main(data_dir):
    here = os.path.dirname(os.path.abspath(__file__))
    for src, dst in SETS.items():
        with gzip.open(os.path.join(data_dir, src), "rt", newline="") as f:
            lines = f.read().splitlines(keepends=True)
        kept = [fr for k, fr in enumerate(frames(lines)) if k % STEP == 0]
        text = "".join(line for fr in kept for line in fr).encode()
        with open(os.path.join(here, dst), "wb") as raw:
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
                gz.write(text)
        print(dst, len(kept), "frames")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: make_samples.py DATA_DIR")
    main(sys.argv[1])
