"""The case table in the two WebAssembly runtimes (DESIGN.md, "Three runtimes"), with a
few checks of the e-mail draft.

Each runtime is loaded under Node from the npm packages pinned in package-lock.json
by tests/runtimes/run_cases.mjs, which runs tests/case_runner.py and
tests/draft_checks.py against the checker inside it and prints one JSON line.
Pyodide runs checker/'s sources; MicroPython runs the bytecode the site ships
(hooks/bytecode.py), so the bytes a visitor runs are the bytes tested.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests"))

import case_runner  # noqa: E402
import draft_checks  # noqa: E402

sys.path.insert(0, str(ROOT))
from hooks.bytecode import compile_tree  # noqa: E402
from hooks.runtime_files import RUNTIMES, checker_files, shipped_checker_files  # noqa: E402

HARNESS = ROOT / "tests" / "runtimes" / "run_cases.mjs"
CASES = ROOT / "tests" / "cases"
PACKAGES = {
    "pyodide": ROOT / "node_modules" / "pyodide" / "pyodide.mjs",
    "micropython": ROOT / "node_modules" / "@micropython" / "micropython-webassembly-pyscript" / "micropython.mjs",
}
TIMEOUT_S = 300


def _unavailable(reason):
    """Skip locally; under CI=true nothing may be skipped (DESIGN.md, "Commands")."""
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(reason + " (CI=true: nothing is skipped)")
    pytest.skip(reason)


def _last_json_line(stdout):
    for line in reversed(stdout.splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                return json.loads(line)
            except ValueError:
                continue
    return None


def _readable(failures):
    out = []
    for name, problems in failures.items():
        out.append(f"- {name}:")
        for problem in problems:
            out.append("    * " + str(problem).replace("\n", "\n      "))
    return "\n".join(out)


def checker_as_shipped(runtime, folder):
    """The checker's folder as the site ships it to `runtime`."""
    if not RUNTIMES[runtime]["bytecode"]:
        return ROOT / "checker"
    compile_tree(ROOT / "checker", checker_files(), folder / "checker")
    assert sorted(shipped_checker_files(RUNTIMES[runtime])) == sorted(
        path.relative_to(folder / "checker").as_posix() for path in (folder / "checker").rglob("*") if path.is_file())
    return folder / "checker"


@pytest.mark.parametrize("runtime", ["pyodide", "micropython"])
def test_case_table_in_runtime(runtime, tmp_path):
    node = shutil.which("node")
    if node is None:
        _unavailable("node is not installed")
    if not PACKAGES[runtime].exists():
        _unavailable(f"the npm runtime for {runtime} is not installed ({PACKAGES[runtime].relative_to(ROOT)}); run `make setup`")

    profiles, cases = case_runner.load_table(str(CASES))
    expected = len(cases)
    expected_drafts = draft_checks.run(profiles["complete"]["answers"])["ran"]
    try:
        proc = subprocess.run(
            [node, str(HARNESS), runtime, "--checker", str(checker_as_shipped(runtime, tmp_path))],
            cwd=str(ROOT), capture_output=True, text=True, timeout=TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{runtime}: the harness took longer than {TIMEOUT_S} s")

    result = _last_json_line(proc.stdout)
    assert result is not None, (
        f"{runtime}: no JSON line from the harness (exit {proc.returncode})\n"
        f"stdout:\n{proc.stdout[-3000:]}\nstderr:\n{proc.stderr[-3000:]}"
    )
    drafts = result.get("drafts") or {}
    print(f"{runtime} {result.get('version')} [{result.get('python')}]: "
          f"load {result.get('load_s')} s, run {result.get('run_s')} s, {result.get('ran')} cases, "
          f"{drafts.get('ran')} draft checks")

    assert proc.returncode != 2, f"{runtime} could not be loaded: {result.get('error')}\nstderr:\n{proc.stderr[-3000:]}"
    if "error" in result:
        pytest.fail(f"{runtime}: {result['error']}\noutput: {result.get('output')}", pytrace=False)
    failures = result.get("failures") or {}
    if failures:
        pytest.fail(f"{runtime}: {len(failures)} of {result.get('ran')} cases fail:\n{_readable(failures)}", pytrace=False)
    assert result.get("ran") == expected, f"{runtime} ran {result.get('ran')} cases, the table has {expected}"
    assert not drafts.get("failures"), f"{runtime}: draft checks that do not hold: {drafts.get('failures')}"
    assert drafts.get("ran") == expected_drafts, f"{runtime} ran {drafts.get('ran')} draft checks of {expected_drafts}"
    assert proc.returncode == 0, f"{runtime}: harness exit {proc.returncode}\nstderr:\n{proc.stderr[-3000:]}"
    if RUNTIMES[runtime]["bytecode"]:
        header = (tmp_path / "checker" / "rules.mpy").read_bytes()[:2]
        assert header == b"M" + bytes([result["mpy"] & 0xFF]), (
            f"mpy-cross writes bytecode format {header[1:2].hex()}, the runtime reads {result['mpy'] & 0xFF}")
