#!/usr/bin/python3
"""Prints the elements table (H..Pu) that src/AtomCuration.Core/Structures/ElementData.cs holds.

Values are ASE 3.22's standard atomic masses (IUPAC 2016 conventional values; ASE's
``atomic_masses``) and covalent radii (Cordero et al., Dalton Trans. 2008; ASE's
``covalent_radii``). Run: /usr/bin/python3 tests/oracles/make_elements_table.py
"""
from ase.data import chemical_symbols, atomic_masses, covalent_radii

for z in range(1, 95):
    print(f'        new("{chemical_symbols[z]}", {z}, {atomic_masses[z]!r}, {covalent_radii[z]!r}),')
