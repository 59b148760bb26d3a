#!/usr/bin/python3
"""Oracle: real LAMMPS (Debian `lmp`) writes dump and data files for the reader tests.

stdin: JSON {"dir": output directory}. Runs a short Cu–Ni EAM (CuNi.eam.alloy) NVE run in a
triclinic box (periodic) and one in an orthogonal slab (p p s), dumping every 5 steps in
several styles, and writes data files in the atomic and charge styles. stdout: JSON
{"files": [names written]}. Types: 1 = Cu, 2 = Ni.
"""
import json
import os
import subprocess
import sys

COMMON = """
units metal
boundary {boundary}
atom_style {style}
lattice fcc 3.6
region box {region}
create_box 2 box
create_atoms 1 box
set type 1 type/fraction 2 0.3 12345
mass 1 63.546
mass 2 58.6934
pair_style eam/alloy
pair_coeff * * /usr/share/lammps/potentials/CuNi.eam.alloy Cu Ni
velocity all create 800 4321
displace_atoms all random 0.1 0.1 0.1 999
fix 1 all nve
"""

TRICLINIC = COMMON.format(boundary="p p p", style="atomic",
                          region="prism 0 3 0 3 0 3 0.7 -0.4 0.3 units lattice") + """
compute pe all pe/atom
dump d1 all custom 5 tri_element.dump id type element x y z fx fy fz
dump_modify d1 element Cu Ni
dump d2 all custom 5 tri_scaled.lammpstrj id type xs ys zs fx fy fz
dump d3 all custom 5 tri_unwrapped.dump id type xu yu zu vx vy vz c_pe
dump d4 all atom 5 tri_atom.dump
run 10
write_data tri_atomic.data
"""

SLAB = COMMON.format(boundary="p p s", style="charge", region="block 0 3 0 2 0 2 units lattice") + """
set type 1 charge 0.5
set type 2 charge -0.25
dump d1 all custom 5 slab.dump id type x y z fx fy fz
run 5
write_data slab_charge.data
"""

out = json.load(sys.stdin)["dir"]
os.makedirs(out, exist_ok=True)
for name, script in (("in.tri", TRICLINIC), ("in.slab", SLAB)):
    with open(os.path.join(out, name), "w") as f:
        f.write(script)
    subprocess.run(["lmp", "-in", name, "-log", "none", "-screen", "none"], cwd=out, check=True)
json.dump({"files": sorted(f for f in os.listdir(out) if not f.startswith("in."))}, sys.stdout)
