"""The command line as contracts.md section 3 promises it."""

import json
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
IDS = [row["id"] for row in __import__("checker").assess({})["requirements"]]
COMPLETE = json.loads((ROOT / "tests" / "cases" / "profiles.json").read_text(encoding="utf-8"))["complete"]["answers"]


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
