#!/usr/bin/python3
"""Oracle: real LAMMPS reads data files and reports their Cu–Ni EAM potential energy.

stdin: JSON {"files": [data file paths], "elements": [element of type 1, type 2, ...]}.
For each file runs `lmp`: read_data, pair_style eam/alloy with
/usr/share/lammps/potentials/CuNi.eam.alloy mapped by "elements", run 0.
stdout: JSON {"energies": [eV per file]}. A file LAMMPS rejects fails the script.
"""
import json
import os
import subprocess
import sys
import tempfile

req = json.load(sys.stdin)
energies = []
with tempfile.TemporaryDirectory() as tmp:
    for path in req["files"]:
        script = f"""
units metal
atom_style atomic
boundary p p p
read_data {os.path.abspath(path)}
pair_style eam/alloy
pair_coeff * * /usr/share/lammps/potentials/CuNi.eam.alloy {' '.join(req['elements'])}
thermo_style custom pe
thermo_modify format float %.15g
run 0
variable e equal pe
print "ENERGY ${{e}}"
"""
        with open(os.path.join(tmp, "in.e"), "w") as f:
            f.write(script)
        run = subprocess.run(["lmp", "-in", "in.e", "-log", "none"], cwd=tmp, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"LAMMPS rejected {path}:\n{run.stdout[-2000:]}")
        line = [l for l in run.stdout.splitlines() if l.startswith("ENERGY ")][-1]
        energies.append(float(line.split()[1]))
json.dump({"energies": energies}, sys.stdout)
