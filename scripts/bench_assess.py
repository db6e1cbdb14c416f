"""Benchmark (not a test): the time one assess() call takes in CPython.

    .venv/bin/python scripts/bench_assess.py
"""

import pathlib
import statistics
import sys
import timeit

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import checker  # noqa: E402
from checker.i18n import DEFAULT_LANGUAGE, LANGUAGES  # noqa: E402
from tests.profiles import COMPLETE  # noqa: E402

PROFILES = {
    "complete profile": COMPLETE,
    "empty answers": {},
    "every rule failing": dict(COMPLETE, region="no", repairs_per_quarter=10, email="a@gmail.com",
                               legal_name="iPhone Fix AB", addresses=["Box 12, 111 22 Stockholm"]),
}


def main():
    checker.assess({}, DEFAULT_LANGUAGE)  # load the catalog once, as the page does at start
    print(f"assess() per call, CPython {sys.version.split()[0]}, median of 7 runs:")
    for name, answers in PROFILES.items():
        for lang in LANGUAGES:
            timer = timeit.Timer(lambda: checker.assess(answers, lang))
            calls, _ = timer.autorange()
            per_call = statistics.median(timer.repeat(7, calls)) / calls
            print(f"  {name:<20} {lang}  {per_call * 1e6:8.1f} µs")


if __name__ == "__main__":
    main()
