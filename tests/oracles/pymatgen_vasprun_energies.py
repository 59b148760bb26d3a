#!/usr/bin/python3
"""Oracle: the three energies of every ionic step of a vasprun.xml as pymatgen parses them.

stdin: JSON {"path": str}. stdout: JSON list, one per ionic step, of {"step": {...},
"last_scf": {...}}, each {"e_fr_energy", "e_wo_entrp", "e_0_energy"}: the step's own energy
block and that of its last electronic step, from pymatgen.io.vasp.Vasprun(...).ionic_steps.
"""
import json
import sys

from pymatgen.io.vasp import Vasprun

req = json.load(sys.stdin)
run = Vasprun(req["path"], parse_dos=False, parse_eigen=False, parse_potcar_file=False)
KEYS = ("e_fr_energy", "e_wo_entrp", "e_0_energy")
json.dump([{"step": {k: float(s[k]) for k in KEYS},
            "last_scf": {k: float(s["electronic_steps"][-1][k]) for k in KEYS}} for s in run.ionic_steps],
          sys.stdout)
