"""The case table (tests/cases.json) against checker.assess in CPython, one test per row.

The same tests/case_runner.py runs the table in Pyodide and MicroPython
(tests/test_runtimes.py).
"""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
for _path in (str(ROOT), str(ROOT / "tests")):
    if _path not in sys.path:
        sys.path.insert(0, _path)

import case_runner  # noqa: E402

CASES = json.loads((ROOT / "tests" / "cases.json").read_text(encoding="utf-8"))
CASE_KEYS = {"name", "lang", "answers", "verdict", "statuses", "error_fields"}


def _assess():
    import checker

    return checker.assess


def test_the_table_is_well_formed():
    names = [case.get("name") for case in CASES]
    assert CASES, "tests/cases.json has no cases"
    assert len(set(names)) == len(names), "duplicate case names: " + repr(sorted({n for n in names if names.count(n) > 1}))
    for case in CASES:
        name = case.get("name")
        assert isinstance(name, str) and name, case
        assert set(case) <= CASE_KEYS, (name, sorted(set(case) - CASE_KEYS))
        assert "answers" in case, name  # any JSON value: assess must cope with non-objects too
        assert case.get("lang", "sv") in ("sv", "en"), name
        assert case.get("verdict") in case_runner.VERDICTS, name
        assert set(case.get("statuses", {})) <= set(case_runner.REQUIREMENT_IDS), (name, case.get("statuses"))
        if "error_fields" in case:
            assert isinstance(case["error_fields"], list), name


@pytest.mark.parametrize("case", CASES, ids=[str(case.get("name")) for case in CASES])
def test_case(case):
    problems = case_runner.check_case(case, _assess())
    assert not problems, "\n".join(["case " + repr(case.get("name")) + ":"] + ["  * " + p for p in problems])


def test_run_all_counts_every_case():
    result = case_runner.run_all(CASES, _assess())
    assert result == {"ran": len(CASES), "failures": {}}


def test_run_all_reports_mismatches():
    """The runner itself: a wrong expectation, a bad report and a raising assess are caught."""
    good = {"verdict": "incomplete", "lang": "sv", "errors": [], "notes": ["a", "b", "c", "d"],
            "requirements": [{"id": i, "status": "unanswered", "title": "t", "message": "m"}
                             for i in case_runner.REQUIREMENT_IDS]}

    def fake(answers, lang="sv"):
        if answers.get("raise"):
            raise ValueError("boom")
        if answers.get("broken"):
            return {"verdict": "ready", "lang": lang, "requirements": good["requirements"][1:],
                    "errors": [{"field": "x"}], "notes": ["a"]}
        return dict(good, lang=lang)

    cases = [
        {"name": "ok", "answers": {}, "verdict": "incomplete", "statuses": {"region": "unanswered"}, "error_fields": []},
        {"name": "wrong", "answers": {}, "verdict": "ready", "statuses": {"region": "met"}, "error_fields": ["x"]},
        {"name": "lang", "lang": "en", "answers": {}, "verdict": "incomplete"},
        {"name": "raises", "answers": {"raise": True}, "verdict": "incomplete"},
        {"name": "broken", "answers": {"broken": True}, "verdict": "ready"},
    ]
    result = case_runner.run_all(cases, fake)
    assert result["ran"] == 5
    assert sorted(result["failures"]) == ["broken", "raises", "wrong"]
    assert len(result["failures"]["wrong"]) == 3
    assert "ValueError: boom" in result["failures"]["raises"][0]
    broken = "\n".join(result["failures"]["broken"])
    for text in ("missing ['region']", "errors[0]: message", "notes: expected 4, got 1"):
        assert text in broken
