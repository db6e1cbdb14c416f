"""The case table's named profiles (tests/cases/), for the tests and benchmarks
that start from one. CPython only; read through case_runner, which adds the answers
that topic files give a profile, as every runtime does."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import case_runner  # noqa: E402

PROFILES, _ = case_runner.load_table(str(pathlib.Path(__file__).parent / "cases"))
# A repair shop that meets every requirement.
COMPLETE = PROFILES["complete"]["answers"]
