"""Every page text (checker/page_texts.py) is shown somewhere: by a template of the
self-check (`texts.KEY`), by the build hooks, or by the checker (the browser glue in
checker/web/, the e-mail draft, the command line).
A text nobody shows is dead, and a translator would translate it for nothing."""

import re
from pathlib import Path

from checker.page_texts import PAGE_TEXTS

ROOT = Path(__file__).resolve().parents[2]
USERS = [*(ROOT / "overrides" / "partials" / "self-check").glob("*.html"), *(ROOT / "hooks").glob("*.py"),
         *[path for path in (ROOT / "checker").rglob("*.py") if path.name != "page_texts.py"]]
# A part of a key that the code joins to another (source + "_filled").
JOINED = re.compile(r'"(\w{3,})"\s*\+|\+\s*"(\w{3,})"')


def _unused(keys, sources):
    named = set(re.findall(r"\w+", sources))
    joined = [part for pair in JOINED.findall(sources) for part in pair if part]
    return [key for key in keys
            if key not in named and not any(key.startswith(part) or key.endswith(part) for part in joined)]


def test_every_page_text_is_used():
    sources = "\n".join(path.read_text(encoding="utf-8") for path in USERS)
    assert _unused(PAGE_TEXTS, sources) == []


def test_a_text_nobody_names_is_found():
    sources = 'texts.shown\npage.text(source + "_filled")'
    assert _unused(["shown", "file_filled", "gone"], sources) == ["gone"]
