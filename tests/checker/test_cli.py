"""The command line as DESIGN.md, "Command line", promises it."""

import json
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
IDS = [row["id"] for row in __import__("checker").assess({})["requirements"]]


def run(*args, stdin=""):
    return subprocess.run([sys.executable, "-m", "checker", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, timeout=60)


def test_json_report_of_a_complete_profile_lists_every_requirement_in_order():
    done = run("--json", stdin=json.dumps(COMPLETE))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert [row["id"] for row in report["requirements"]] == IDS
    assert report["verdict"] == "ready" and report["lang"] == "sv"


def test_readable_report_in_each_language(tmp_path):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"repairs_per_quarter": 150}), encoding="utf-8")
    swedish = run(str(answers))
    english = run("--lang", "en", str(answers))
    assert swedish.returncode == english.returncode == 0
    assert "50" in swedish.stdout and "reparationer" in swedish.stdout
    assert "repairs per quarter" in english.stdout
    assert "Not finished" in english.stdout or "Does not meet" in english.stdout


def test_exit_zero_whatever_the_verdict():
    done = run(stdin=json.dumps({"region": "no"}))
    assert done.returncode == 0 and done.stderr == ""


@pytest.mark.parametrize("stdin", ["", "{", "[1, 2]", "\"text\"", "42", "null", "[" * 100000, "\ufeff{}x"])
def test_input_that_is_not_a_json_object_exits_2_with_one_line(stdin):
    done = run(stdin=stdin)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("checker: ")
    assert "Traceback" not in done.stderr


def test_unreadable_file_exits_2(tmp_path):
    for path in [tmp_path / "missing.json", tmp_path]:
        done = run(str(path))
        assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    done = run(str(binary))
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr


def test_bad_option_exits_2_with_one_line():
    done = run("--lang", "de")
    assert done.returncode == 2 and done.stderr.count("\n") == 1


# --- Any bytes in, wherever the output goes (DESIGN.md, "Command line") ----------------------------

from checker.__main__ import MAX_INPUT_BYTES  # noqa: E402
from checker.questions import BOOL, CHOICE, COUNT, LINES, LONG_TEXT, QUESTIONS, TEXT  # noqa: E402
from checker.validation import MAX_ADDRESSES, MAX_LINE_LENGTH  # noqa: E402
from profiles import COMPLETE

# Terminal control characters a readable report must never print: C0 but tab and line feed, DEL, C1.
CONTROL = [chr(code) for code in list(range(0x20)) + list(range(0x7F, 0xA0)) if chr(code) not in "\t\n"]


def run_bytes(*args, stdin=b"", env=None):
    return subprocess.run([sys.executable, "-m", "checker", *args], input=stdin, capture_output=True,
                          cwd=ROOT, timeout=60, env=env)


def assert_one_line_error(done, *words):
    assert done.returncode == 2, (done.returncode, done.stderr)
    stderr = done.stderr if isinstance(done.stderr, str) else done.stderr.decode("utf-8", "replace")
    assert stderr.count("\n") == 1 and stderr.startswith("checker: "), stderr
    assert "Traceback" not in stderr
    for word in words:
        assert word in stderr, (word, stderr)


def test_a_lone_surrogate_is_an_error_entry_for_its_answer_not_a_traceback():
    stdin = '{"legal_name": "Nordic \\ud800 AB", "\\udc00x": 1, "dba": "Fixa \\ud83d\\udcf1"}'
    done = run("--json", "--lang", "en", stdin=stdin)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    errors = json.loads(done.stdout)["errors"]
    assert [error["field"] for error in errors] == ["legal_name", "\ufffdx"]
    assert "not text" in errors[0]["message"]
    readable = run("--lang", "en", stdin=stdin)
    assert readable.returncode == 0 and "legal_name: This answer contains a character that is not text" in readable.stdout


def test_an_integer_too_long_for_python_is_an_error_entry():
    digits = "9" * 5001
    stdin = '{"repairs_per_quarter": %s, "certified_technicians": -%s, "legal_name": %s, "extra": %s}' % (
        digits, digits, digits, digits)
    done = run("--json", "--lang", "en", stdin=stdin)
    assert done.returncode == 0, done.stderr
    errors = {error["field"]: error["message"] for error in json.loads(done.stdout)["errors"]}
    assert errors == {"repairs_per_quarter": "Enter a number from 0 to 1000000.",
                      "certified_technicians": "Enter a number from 0 to 10000.",
                      "legal_name": "Answer with text.", "extra": "This is not one of the self-check's questions."}


def test_input_up_to_the_stated_limit_is_read_and_over_it_refused():
    padded = b"{}" + b" " * (MAX_INPUT_BYTES - 2)
    assert run_bytes(stdin=padded).returncode == 0
    assert_one_line_error(run_bytes(stdin=padded + b" "), "larger than the limit of 1,000,000 bytes")


def test_an_endless_input_is_refused_at_the_limit():
    assert_one_line_error(run_bytes("/dev/zero"), "/dev/zero is larger than the limit")
    with open("/dev/zero", "rb") as zero:
        done = subprocess.run([sys.executable, "-m", "checker"], stdin=zero, capture_output=True, cwd=ROOT,
                              timeout=60)
    assert_one_line_error(done, "standard input is larger than the limit")


def test_byte_order_marks_are_accepted_and_other_encodings_refused():
    answers = json.dumps({"legal_name": "Återvinning AB", "repairs_per_quarter": 150}, ensure_ascii=False)
    plain = run_bytes("--json", stdin=answers.encode("utf-8"))
    statuses = {row["id"]: row["status"] for row in json.loads(plain.stdout)["requirements"]}
    assert statuses["repair-volume"] == "not_met" and statuses["trademarks"] == "met"
    for data in (b"\xef\xbb\xbf" + answers.encode("utf-8"),  # UTF-8 with a byte order mark
                 b"\xff\xfe" + answers.encode("utf-16-le"),  # as Windows PowerShell writes files
                 b"\xfe\xff" + answers.encode("utf-16-be")):
        done = run_bytes("--json", stdin=data)
        assert done.returncode == 0, done.stderr
        assert done.stdout == plain.stdout
    assert_one_line_error(run_bytes(stdin=answers.encode("latin-1")), "not UTF-8", "at byte 17")
    assert_one_line_error(run_bytes(stdin=b"\xff\xfe\x00"), "not UTF-16")


def test_the_readable_report_prints_no_terminal_control_characters():
    # A null character is no text at all: its answer is an error entry (the case table).
    visitor_text = "".join([ch for ch in CONTROL if ch != "\x00"])
    answers = dict(COMPLETE, home_address=False, addresses=["Box 12 \x1b[2J\x1b]0;title\x07" + visitor_text])
    answers["\x1b[31mred\n" + visitor_text] = 1
    for lang in ("sv", "en"):
        done = run("--lang", lang, stdin=json.dumps(answers))
        assert done.returncode == 0, done.stderr
        assert not [ch for ch in done.stdout if ch in CONTROL]
        assert "Box 12 \\x1b[2J\\x1b]0;title\\x07" in done.stdout and "\\x1b[31mred\\x0a" in done.stdout
    # The JSON report keeps the text as it is: JSON escapes it.
    report = json.loads(run("--json", stdin=json.dumps(answers)).stdout)
    assert report["errors"][0]["field"].startswith("\x1b[31mred\n\x01\x02")


def test_the_readable_report_shows_unicode_line_breaks_and_direction_controls_as_escapes():
    """U+202E would show the rest of the line backwards, the report's own words
    included; U+2028 starts a new line in some terminals."""
    answers = dict(COMPLETE, home_address=False, addresses=["Box 12\u202e\u2066 Stockholm"])
    answers["x\u200f\u2029y"] = 1
    for lang in ("sv", "en"):
        done = run("--lang", lang, stdin=json.dumps(answers))
        assert done.returncode == 0, done.stderr
        assert not [ch for ch in done.stdout if ch in "\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d"
                    "\u202e\u2066\u2067\u2068\u2069"]
        assert "Box 12\\u202e\\u2066 Stockholm" in done.stdout and "x\\u200f\\u2029y" in done.stdout


def test_error_lines_print_no_terminal_control_characters(tmp_path):
    done = run_bytes(str(tmp_path / "missing\x1b[2J\nfile.json"))
    assert_one_line_error(done, "missing\\x1b[2J\\x0afile.json")


def test_a_full_disk_is_one_line_and_exit_2():
    with open("/dev/full", "wb") as full:
        for args in (("--json",), (), ("--help",)):
            done = subprocess.run([sys.executable, "-m", "checker", *args], input=b"{}", stdout=full,
                                  stderr=subprocess.PIPE, cwd=ROOT, timeout=60)
            assert_one_line_error(done, "cannot write to standard output: No space left on device")


def test_a_closed_output_or_input_is_one_line_and_exit_2():
    command = "'%s' -m checker %s"
    for shell, words in ((command % (sys.executable, "- <<< '{}' >&-"), "standard output is closed"),
                         (command % (sys.executable, "--help >&-"), "standard output is closed"),
                         (command % (sys.executable, "- <&-"), "standard input is closed")):
        done = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert_one_line_error(done, words)


def test_a_reader_that_has_gone_is_one_line_and_exit_2():
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([sys.executable, "-m", "checker", "--json"], input=b"{}", stdout=write_end,
                              stderr=subprocess.PIPE, cwd=ROOT, timeout=60)
    finally:
        os.close(write_end)
    assert_one_line_error(done, "cannot write to standard output: Broken pipe")


def test_an_ascii_only_terminal_gets_a_readable_report_and_the_same_json():
    answers = json.dumps(dict(COMPLETE, legal_name="Åkeri Reparation AB", email="info@reparatör.se",
                              website="xn--reparatr-t4a.se")).encode("utf-8")
    in_utf8 = json.loads(run_bytes("--json", stdin=answers).stdout)
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "LC_", "LANG"))}
    for variables in ({"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C"}, {"LC_ALL": "C", "PYTHONUTF8": "0"}):
        env = dict(environment, **variables)
        readable = run_bytes(stdin=answers, env=env)
        assert readable.returncode == 0 and readable.stderr == b"", (variables, readable.stderr)
        as_json = run_bytes("--json", stdin=answers, env=env)
        assert as_json.returncode == 0 and json.loads(as_json.stdout) == in_utf8, variables
    # Where the terminal lacks a letter, a ? stands in for it; the JSON escapes it instead.
    ascii_only = dict(environment, PYTHONIOENCODING="ascii")
    assert b"Det h?r ?r en prelimin?r sj?lvbed?mning" in run_bytes(stdin=answers, env=ascii_only).stdout
    assert b"\\u00e5" in run_bytes("--json", stdin=answers, env=ascii_only).stdout


def test_help_names_every_answer_key_with_what_it_takes_and_the_size_limit():
    done = run("--help")
    assert done.returncode == 0
    text = " ".join(done.stdout.split())  # as one line: help text is wrapped
    assert "at most 1,000,000 bytes" in text
    for question in QUESTIONS:
        assert " " + question.key + " " in text, question.key
        after = text[text.index(" " + question.key + " "):]
        if question.kind == CHOICE:
            takes = "one of: " + ", ".join([value for value, _label in question.choices])
        elif question.kind == COUNT:
            takes = "a whole number from 0 to %d" % question.maximum
        elif question.kind == BOOL:
            takes = "true or false"
        elif question.kind == LINES:
            takes = "a list of texts, at most %d of at most %d characters each" % (MAX_ADDRESSES, MAX_LINE_LENGTH)
        else:
            takes = "text"
        assert after.startswith(" %s %s" % (question.key, takes)), after[:100]
        if question.kind in (TEXT, LONG_TEXT):
            assert after.index("at most %d characters" % question.max_length) < 100, after[:100]
        assert after.index(question.label) < 150, after[:150]


def test_the_design_document_states_the_input_limit_the_command_line_applies():
    design = (ROOT / "DESIGN.md").read_text(encoding="utf-8")
    assert "{:,} bytes".format(MAX_INPUT_BYTES) in design


# --- One reading of JSON: the case table's texts, as the page reads them ------------------------

from case_runner import load_table  # noqa: E402
from checker import strict_json  # noqa: E402
from checker.i18n import translator  # noqa: E402

# As bytes a leading byte order mark is taken off before the text is read (here, and by the
# browser's file reader): the table's text with one inside is for the page's other readers.
TEXT_CASES = [case for case in load_table(str(ROOT / "tests" / "cases"))[1]
              if "text" in case and not case["text"].startswith("\ufeff")]


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("case", TEXT_CASES, ids=[case["name"] for case in TEXT_CASES])
def test_the_case_tables_json_texts_read_as_on_the_page(case, lang):
    done = run_bytes("--json", "--lang", lang, stdin=case["text"].encode("utf-8"))
    if "fault" not in case:
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["verdict"] == case["verdict"]
        return
    with pytest.raises(strict_json.NotJSON) as read:  # as the page reads it (the case table checks the fault)
        strict_json.read_object(case["text"])
    assert [read.value.line, read.value.column] == (case["at"] or [None, None])
    assert_one_line_error(done, strict_json.described(translator(lang), read.value))
    name = {"sv": "standard input är inte en fil med svar.", "en": "standard input is not a file of answers."}
    assert name[lang] in done.stderr.decode("utf-8")


def test_nan_and_infinity_are_refused_as_on_the_page():
    for text in ('{"repairs_per_quarter": NaN}', '{"repairs_per_quarter": Infinity}', '{"a": -Infinity}'):
        assert_one_line_error(run_bytes(stdin=text.encode()), "JSON")
