"""Property-based: any JSON-shaped input gives a full report, never an exception,
from assess(), the e-mail draft and the command line."""

import json
import pathlib
import subprocess
import sys

from hypothesis import HealthCheck, given, settings, strategies as st

import checker
from checker.i18n import LANGUAGES
from checker.questions import QUESTIONS

ROOT = pathlib.Path(__file__).resolve().parents[2]
IDS = [row["id"] for row in checker.assess({})["requirements"]]
STATUSES = {"met", "not_met", "unclear", "unanswered"}
VERDICTS = {"ready", "needs_attention", "incomplete", "not_eligible"}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
# Mostly real question keys, so the values reach every parser and rule.
answer_keys = st.sampled_from([question.key for question in QUESTIONS]) | st.text(max_size=12)
answers = st.dictionaries(answer_keys, json_values, max_size=12)
plausible = st.fixed_dictionaries({}, optional={
    question.key: (st.sampled_from([value for value, _ in question.choices] + ["", "maybe"])
                   if question.choices else st.integers(-5, 300) | st.text(max_size=40) | st.lists(st.text(max_size=30), max_size=3))
    for question in QUESTIONS})


def assert_full_report(report, lang):
    assert report["verdict"] in VERDICTS
    assert report["lang"] == lang
    assert [row["id"] for row in report["requirements"]] == IDS
    for row in report["requirements"]:
        assert row["status"] in STATUSES
        assert isinstance(row["title"], str) and row["title"]
        assert isinstance(row["message"], str) and row["message"]
    for error in report["errors"]:
        assert isinstance(error["field"], str) and isinstance(error["message"], str) and error["message"]
    assert len(report["notes"]) == 4
    json.dumps(report)  # always serialisable


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers | json_values, st.sampled_from(LANGUAGES))
def test_assess_never_raises_on_any_json(value, lang):
    assert_full_report(checker.assess(value, lang), lang)
    draft = checker.draft_email(value, lang)
    assert draft["to"] == "aasp_application_euro@apple.com" and draft["body"]


@settings(max_examples=400, deadline=None)
@given(plausible, st.sampled_from(LANGUAGES))
def test_plausible_answers_give_a_consistent_verdict(value, lang):
    report = checker.assess(value, lang)
    assert_full_report(report, lang)
    statuses = {row["status"] for row in report["requirements"]}
    expected = ("not_eligible" if "not_met" in statuses else "incomplete" if "unanswered" in statuses
                else "needs_attention" if "unclear" in statuses else "ready")
    assert report["verdict"] == expected


@settings(max_examples=25, deadline=None)
@given(answers | json_values)
def test_command_line_reports_objects_and_refuses_the_rest_in_one_line(value):
    text = json.dumps(value)
    done = subprocess.run([sys.executable, "-m", "checker", "--json"], input=text, capture_output=True,
                          text=True, cwd=ROOT, timeout=60)
    if isinstance(value, dict):
        assert done.returncode == 0, done.stderr
        assert_full_report(json.loads(done.stdout), "sv")
    else:
        assert done.returncode == 2
        assert done.stdout == "" and done.stderr.count("\n") == 1
