"""The Babel catalogs are complete and in step with the code."""

import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_catalogs_are_complete_and_not_stale():
    done = subprocess.run([sys.executable, "scripts/catalogs.py", "check"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_module_uses_nothing_micropython_lacks():
    forbidden = ("import dataclasses", "import enum", "import typing", "import gettext", "import unicodedata",
                 "from __future__", ".casefold(", "re.fullmatch(", "re.findall(", "from typing", "from enum")
    for path in (ROOT / "checker").rglob("*.py"):  # checker/web/ included
        if path.name == "__main__.py":  # the command line runs only in CPython
            continue
        text = path.read_text(encoding="utf-8")
        for word in forbidden:
            assert word not in text, (path.name, word)
