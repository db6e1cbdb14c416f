"""The case table's named profiles (tests/cases/profiles.json), for the tests and
benchmarks that start from one. CPython only; the runtimes read the table through
case_runner."""

import json
import pathlib

PROFILES = json.loads((pathlib.Path(__file__).parent / "cases" / "profiles.json").read_text(encoding="utf-8"))
# A repair shop that meets every requirement.
COMPLETE = PROFILES["complete"]["answers"]
