"""The case table (tests/cases/) against checker.assess in CPython, one test per case.

The same tests/case_runner.py runs the table in Pyodide and MicroPython
(tests/checker/test_runtimes.py).
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
from checker import assess, strict_json  # noqa: E402
from checker.i18n import LANGUAGES  # noqa: E402
from checker.rules import RULES  # noqa: E402

TABLE = ROOT / "tests" / "cases"
PROFILES, CASES = case_runner.load_table(str(TABLE))
IDS = [rule.id for rule in RULES]
READ = case_runner.reader(strict_json)
STATUSES = ("met", "not_met", "unclear", "unanswered")


def test_the_table_is_well_formed():
    names = [case.get("name") for case in CASES]
    assert CASES, "tests/cases/ has no cases"
    assert len(set(names)) == len(names), "duplicate case names: " + repr(sorted({n for n in names if names.count(n) > 1}))
    for case in CASES:
        full, problems = case_runner.expand(case, PROFILES, IDS)
        assert not problems, (case.get("name"), problems)
        assert isinstance(full["name"], str) and full["name"], case
        if "fault" in full:
            assert hasattr(strict_json, full["fault"]), full["name"]
            continue
        assert full["lang"] in LANGUAGES, full["name"]
        assert set(full["statuses"].values()) <= set(STATUSES), full["name"]


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_a_profile_alone_gives_its_status_to_every_requirement(profile):
    """What every case assumes of its profile: unchanged, each row has the profile's status."""
    report = assess(PROFILES[profile]["answers"])
    assert {row["id"]: row["status"] for row in report["requirements"]} == {rid: PROFILES[profile]["status"] for rid in IDS}
    assert report["errors"] == []


@pytest.mark.parametrize("case", CASES, ids=[str(case.get("name")) for case in CASES])
def test_case(case):
    problems = case_runner.run_case(case, PROFILES, assess, IDS, READ)
    assert not problems, "\n".join(["case " + repr(case.get("name")) + ":"] + ["  * " + p for p in problems])


def test_run_all_counts_every_case():
    result = case_runner.run_all(PROFILES, CASES, assess, IDS, READ)
    assert result == {"ran": len(CASES), "failures": {}}


def test_a_case_expands_to_its_profile_with_its_changes():
    profiles = {"base": {"answers": {"a": 1, "b": [2], "c": 3}, "status": "met"}}
    full, problems = case_runner.expand(
        {"name": "n", "profile": "base", "answers": {"b": [4], "d": 5}, "without": ["c"], "verdict": "ready",
         "statuses": {"y": "unclear"}}, profiles, ["x", "y"])
    assert problems == []
    assert full == {"name": "n", "lang": "sv", "answers": {"a": 1, "b": [4], "d": 5}, "verdict": "ready",
                    "statuses": {"x": "met", "y": "unclear"}, "error_fields": []}
    full, problems = case_runner.expand(
        {"name": "raw", "profile": "base", "lang": "en", "input": ["a"], "verdict": "incomplete"}, profiles, ["x"])
    assert problems == [] and full["answers"] == ["a"] and full["lang"] == "en" and full["statuses"] == {"x": "met"}
    assert profiles["base"]["answers"] == {"a": 1, "b": [2], "c": 3}, "a case changed its profile"


def test_a_malformed_case_is_reported_not_run():
    profiles = {"base": {"answers": {"a": 1}, "status": "met"}}
    bad = [
        ({"name": "p", "profile": "nope", "verdict": "ready"}, "profile 'nope' is not one of ['base']"),
        ({"name": "k", "profile": "base", "verdict": "ready", "colour": 1}, "unknown keys ['colour']"),
        ({"name": "w", "profile": "base", "verdict": "ready", "without": ["z"]}, "without: 'z' is not in the profile"),
        ({"name": "i", "profile": "base", "verdict": "ready", "input": [], "answers": {}}, "takes no answers"),
        ({"name": "s", "profile": "base", "verdict": "ready", "statuses": {"zz": "met"}}, "'zz' is not a requirement ID"),
        ({"name": "v", "profile": "base", "verdict": "fine"}, "verdict 'fine'"),
        (["not", "a", "case"], "case is not an object"),
    ]
    for case, text in bad:
        _, problems = case_runner.expand(case, profiles, ["x"])
        assert any(text in p for p in problems), (case, problems)


def test_run_all_reports_mismatches():
    """The runner itself: a wrong expectation, a bad report and a raising assess are caught."""
    profiles = {"empty": {"answers": {}, "status": "unanswered"}}
    rows = [{"id": i, "status": "unanswered", "title": "t", "message": "m"} for i in IDS]
    good = {"verdict": "incomplete", "provisional": True, "questions_left": 2, "lang": "sv", "errors": [],
            "notes": ["a", "b", "c", "d"], "requirements": rows}

    def fake(answers, lang="sv"):
        if answers.get("raise"):
            raise ValueError("boom")
        if answers.get("broken"):
            return {"verdict": "ready", "lang": lang, "requirements": rows[1:], "errors": [{"field": "x"}], "notes": ["a"]}
        return dict(good, lang=lang)

    cases = [
        {"name": "ok", "profile": "empty", "verdict": "incomplete"},
        {"name": "wrong", "profile": "empty", "verdict": "ready", "statuses": {IDS[0]: "met"}, "error_fields": ["x"]},
        {"name": "lang", "profile": "empty", "lang": "en", "verdict": "incomplete"},
        {"name": "raises", "profile": "empty", "answers": {"raise": True}, "verdict": "incomplete"},
        {"name": "broken", "profile": "empty", "answers": {"broken": True}, "verdict": "ready"},
        {"name": "no such profile", "profile": "full", "verdict": "ready"},
    ]
    result = case_runner.run_all(profiles, cases, fake, IDS)
    assert result["ran"] == 6
    assert sorted(result["failures"]) == ["broken", "no such profile", "raises", "wrong"]
    assert len(result["failures"]["wrong"]) == 3
    assert "ValueError: boom" in result["failures"]["raises"][0]
    # A report whose provisional flag does not fit its rows is caught too.
    assert any("provisional" in problem for problem in result["failures"]["broken"])
    not_provisional = case_runner.run_all(profiles, cases[:1], lambda answers, lang="sv": dict(good, provisional=False), IDS)
    assert list(not_provisional["failures"]) == ["ok"]
    broken = "\n".join(result["failures"]["broken"])
    for text in ("missing [" + repr(IDS[0]) + "]", "errors[0]: message", "notes: expected 4, got 1"):
        assert text in broken


def _table(folder, files):
    for name, content in files.items():
        (folder / name).write_text(json.dumps(content), encoding="utf-8")
    return case_runner.load_table(str(folder))


def test_a_case_file_gives_a_profile_the_answers_to_its_questions(tmp_path):
    """A new requirement's file carries what a complete business answers: the
    profile has them for every case, in every file, and for tests/profiles.py."""
    case = {"name": "n", "profile": "base", "verdict": "ready"}
    profiles, cases = _table(tmp_path, {
        "profiles.json": {"base": {"answers": {"a": 1}, "status": "met"}, "empty": {"answers": {}, "status": "unanswered"}},
        "a.json": [case],
        "b.json": {"profile_answers": {"base": {"b": True}}, "cases": [dict(case, name="m")]},
    })
    assert profiles["base"]["answers"] == {"a": 1, "b": True}
    assert profiles["empty"]["answers"] == {}
    assert [c["name"] for c in cases] == ["n", "m"]
    full, problems = case_runner.expand(cases[0], profiles, ["x"])
    assert problems == [] and full["answers"] == {"a": 1, "b": True}


def test_a_profile_answer_is_given_once(tmp_path):
    base = {"profiles.json": {"base": {"answers": {"a": 1}, "status": "met"}}}
    bad = [
        ({"b.json": {"profile_answers": {"base": {"a": 2}}, "cases": []}}, "b.json: 'base' already has an answer to 'a'"),
        ({"b.json": {"profile_answers": {"base": {"c": 2}}, "cases": []},
          "c.json": {"profile_answers": {"base": {"c": 3}}, "cases": []}}, "c.json: 'base' already has an answer to 'c'"),
        ({"b.json": {"profile_answers": {"full": {"c": 2}}, "cases": []}}, "b.json: profile_answers names 'full'"),
        ({"b.json": {"profile_answers": {"base": [1]}, "cases": []}}, "profile_answers of 'base' is not an object"),
        ({"b.json": {"profile_answers": {"base": {"c": 2}}}}, "b.json: a case file is a list of cases or an object"),
        ({"b.json": "cases"}, "b.json: a case file is a list of cases or an object"),
    ]
    for i, (files, text) in enumerate(bad):
        folder = tmp_path / str(i)
        folder.mkdir()
        with pytest.raises(ValueError) as raised:
            _table(folder, dict(base, **files))
        assert text in str(raised.value), (files, str(raised.value))
