"""Fixtures for the site tests: a parser for the built HTML.

    html         html(path) -> Doc, a parsed page (cached)

The build, its URL, the server and the browser (site_build, site_dir, site_url,
served_site, browser) are tests/conftest.py's, shared with tests/browser.
"""

import functools
from html.parser import HTMLParser
from pathlib import Path

import pytest


class Doc:
    """What the tests need from one HTML page."""

    def __init__(self, path: Path):
        parser = _Collector()
        parser.feed(path.read_text(encoding="utf-8"))
        parser.close()
        self.path = path
        self.events = parser.events
        self.elements = [(tag, attrs) for kind, tag, attrs in parser.events if kind == "start"]
        self.ids = [attrs["id"] for _, attrs in self.elements if attrs.get("id")]
        self.inline = parser.inline  # (tag, text) of inline <script> and <style>
        html_tags = [attrs for tag, attrs in self.elements if tag == "html"]
        self.lang = html_tags[0].get("lang") if html_tags else None

    def find(self, tag: str, **wanted) -> list[dict]:
        """Attributes of each element `tag` with these attribute values
        (`class_="x"`: has the class x)."""
        return [attrs for t, attrs in self.elements if t == tag and _matches(attrs, wanted)]

    def text(self) -> str:
        return " ".join(" ".join(v for kind, v, _ in self.events if kind == "data").split())

    def texts(self, tag: str, **wanted) -> list[str]:
        """The text inside each element `tag` with these attribute values."""
        found, depth, parts = [], 0, []
        for kind, value, attrs in self.events:
            if kind == "start" and value == tag:
                if depth:
                    depth += 1
                elif _matches(attrs, wanted):
                    depth, parts = 1, []
            elif depth and kind == "end" and value == tag:
                depth -= 1
                if not depth:
                    found.append(" ".join(" ".join(parts).split()))
            elif depth and kind == "data":
                parts.append(value)
        return found

    def section_text(self, element_id: str) -> str | None:
        """Text of the heading with this id and everything up to the next
        heading of the same or a higher level; None if there is no such heading."""
        level = None
        parts = []
        for kind, value, attrs in self.events:
            if level is None:
                if kind == "start" and attrs.get("id") == element_id and _heading_level(value):
                    level = _heading_level(value)
                continue
            if kind == "start" and _heading_level(value) and _heading_level(value) <= level:
                break
            if kind == "data":
                parts.append(value)
        return None if level is None else " ".join(" ".join(parts).split())


def _matches(attrs: dict, wanted: dict) -> bool:
    for key, value in wanted.items():
        if key == "class_":
            if value not in attrs.get("class", "").split():
                return False
        elif attrs.get(key) != value:
            return False
    return True


def _heading_level(tag: str) -> int:
    return int(tag[1]) if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456" else 0


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events = []  # ("start", tag, attrs) | ("end", tag, {}) | ("data", text, {})
        self.inline = []
        self._raw = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        self.events.append(("start", tag, attrs))
        if tag in ("script", "style"):
            self._raw = [tag, []]

    def handle_startendtag(self, tag, attrs):
        self.events.append(("start", tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag):
        self.events.append(("end", tag, {}))
        if self._raw and tag == self._raw[0]:
            self.inline.append((tag, "".join(self._raw[1])))
            self._raw = None

    def handle_data(self, data):
        if self._raw:
            self._raw[1].append(data)
        else:
            self.events.append(("data", data, {}))


@pytest.fixture(scope="session")
def html():
    return functools.lru_cache(maxsize=None)(Doc)


