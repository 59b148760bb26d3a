#!/usr/bin/env bash
# Re-makes every frozen oracle output (tests/oracles/fixtures/frozen) by running the live cross-checks
# (xunit tests with an "Oracle" trait) with ATOMCURATION_RECORD_ORACLES=1. Needs the oracles
# (.ci/run's apt-get line). Outputs are deterministic: re-running without a change of input or oracle
# version leaves the folder unchanged (git status shows nothing).
set -euo pipefail
cd "$(dirname "$0")/../.."
rm -rf tests/oracles/fixtures/frozen
mkdir -p tests/oracles/fixtures/frozen
filter="Oracle=ase|Oracle=pymatgen|Oracle=sklearn|Oracle=scipy|Oracle=mpmath|Oracle=numpy|Oracle=lammps|Oracle=bgzip"
ATOMCURATION_RECORD_ORACLES=1 ATOMCURATION_REQUIRE_ORACLES=1 \
  dotnet test tests/AtomCuration.Core.Tests -c Release --nologo --filter "$filter"
ls tests/oracles/fixtures/frozen | wc -l
