"""Property-based: any JSON-shaped input gives a full report, never an exception,
from assess(), the e-mail draft and the command line."""

import json
import pathlib
import subprocess
import sys

from hypothesis import HealthCheck, example, given, settings, strategies as st

import checker
from checker.i18n import LANGUAGES
from checker.questions import QUESTIONS

ROOT = pathlib.Path(__file__).resolve().parents[2]
IDS = [row["id"] for row in checker.assess({})["requirements"]]
STATUSES = {"met", "not_met", "unclear", "unanswered"}
VERDICTS = {"ready", "needs_attention", "incomplete", "not_eligible"}

# Text with lone surrogates and halves of pairs often enough to matter (JSON's "\ud800").
surrogates = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, exclude_categories=())
any_text = st.text(st.characters(exclude_categories=()) | surrogates)
# Built from their exponents: hypothesis cannot print an integer this long.
huge_integers = st.sampled_from([5000, 4299]).map(lambda digits: 10 ** digits) | st.just(5000).map(lambda digits: -10 ** digits)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | huge_integers | st.floats(allow_nan=True, allow_infinity=True)
    | st.text() | any_text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
# Mostly real question keys, so the values reach every parser and rule.
answer_keys = st.sampled_from([question.key for question in QUESTIONS]) | st.text(max_size=12) | any_text
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


def has_nan_or_infinity(value):
    """Python writes these as NaN and Infinity, which JSON does not have: such text is refused."""
    if isinstance(value, float):
        return value != value or value in (float("inf"), float("-inf"))
    if isinstance(value, dict):
        return any(has_nan_or_infinity(item) for item in value.values())
    if isinstance(value, list):
        return any(has_nan_or_infinity(item) for item in value)
    return False


def dumps(value):
    """JSON text for any value here, integers too long for CPython's int-to-text limit included."""
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return json.dumps(value)
    finally:
        sys.set_int_max_str_digits(limit)


def run_checker(args, data):
    return subprocess.run([sys.executable, "-m", "checker", *args], input=data, capture_output=True,
                          cwd=ROOT, timeout=60)


def assert_refused_in_one_line(done):
    assert done.returncode == 2, done.stdout[:200]
    stderr = done.stderr.decode("utf-8")
    assert done.stdout == b"" and stderr.count("\n") == 1 and stderr.startswith("checker: "), stderr
    assert "Traceback" not in stderr


@settings(max_examples=25, deadline=None)
@example({"region": float("inf")}, False)
@given(answers | json_values, st.booleans())
def test_command_line_reports_objects_and_refuses_the_rest_in_one_line(value, as_json):
    text = dumps(value)
    done = run_checker(["--json"] if as_json else ["--lang", "en"], text.encode("ascii"))
    if isinstance(value, dict) and not has_nan_or_infinity(value):
        assert done.returncode == 0, done.stderr
        if as_json:
            assert_full_report(json.loads(done.stdout), "sv")
        else:
            text = done.stdout.decode("utf-8")
            assert "Good to know:" in text
            assert not [ch for ch in text if (ord(ch) < 0x20 and ch not in "\t\n") or 0x7F <= ord(ch) <= 0x9F]
    else:
        assert_refused_in_one_line(done)


# Bytes near JSON: pieces of answers, escapes, byte order marks, invalid UTF-8.
json_bytes = st.lists(st.sampled_from([b"{", b"}", b"[", b"]", b'"', b":", b",", b"\\u", b"d800", b"\xef\xbb\xbf",
                                       b"\xff\xfe", b"\xc3", b"\xa5", b"\x00", b"\x1b", b"9" * 20, b'"legal_name"',
                                       b'"addresses"', b"true", b"null", b" "]) | st.binary(max_size=8),
                      max_size=30).map(b"".join)


@settings(max_examples=40, deadline=None)
@given(json_bytes | st.binary())
def test_command_line_never_gives_a_traceback_for_any_bytes(data):
    done = run_checker(["--lang", "en"], data)
    if done.returncode != 0:
        assert_refused_in_one_line(done)
    else:
        assert done.stderr == b"" and b"Good to know:" in done.stdout


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=20))
def test_punycode_matches_cpythons_codec(text):
    from checker.domains import punycode_decode, punycode_encode

    encoded = text.encode("punycode").decode("ascii")
    assert punycode_encode(text) == encoded
    assert punycode_decode(encoded) == text


@settings(max_examples=300, deadline=None)
@given(st.text("abcdefghijklmnopqrstuvwxyz0123456789-ABZ", max_size=20))
@example("8x0ccxb")  # CPython's codec gives four surrogates
@example("-yx0c")
@example("9" * 40)  # far beyond the last code point
def test_punycode_decodes_like_cpythons_codec_or_refuses(text):
    """Where CPython's codec decodes to a surrogate (not text), or fails, ours refuses."""
    from checker.domains import punycode_decode

    try:
        expected = text.encode("ascii").decode("punycode")
    except UnicodeError:
        expected = None
    if expected is not None and [ch for ch in expected if 0xD800 <= ord(ch) <= 0xDFFF]:
        expected = None
    assert punycode_decode(text) == expected
