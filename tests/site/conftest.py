"""Fixtures for the site tests: one strict build per session, served from a
sub-path the way a GitHub Pages project site is (/REPO/), and a parser for the
built HTML.

    site_build   the build's outcome (return code, log, seconds); never fails
    site_dir     the built site (fails the test if the build failed)
    site_url     the URL the site was built for: http://127.0.0.1:PORT/aasp/
    served_site  the same URL, served by a local HTTP server that answers
                 unknown paths with 404.html as GitHub Pages does
    html         html(path) -> Doc, a parsed page (cached)
    chromium     a headless Playwright browser (Debian's chromium if present)
"""

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from site_layout import ROOT, SUB_PATH


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def site_port() -> int:
    return _free_port()


@pytest.fixture(scope="session")
def site_url(site_port) -> str:
    return f"http://127.0.0.1:{site_port}/{SUB_PATH}/"


class SiteBuild:
    def __init__(self, directory: Path, returncode: int, output: str, seconds: float):
        self.dir = directory
        self.returncode = returncode
        self.output = output
        self.seconds = seconds


@pytest.fixture(scope="session")
def site_build(tmp_path_factory, site_url) -> SiteBuild:
    # The folder is named after the sub-path, so that serving its parent
    # serves the site at /aasp/.
    out = tmp_path_factory.mktemp("site") / SUB_PATH
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    started = time.monotonic()
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    seconds = time.monotonic() - started
    return SiteBuild(out, done.returncode, done.stdout + done.stderr, seconds)


@pytest.fixture(scope="session")
def site_dir(site_build) -> Path:
    if site_build.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{site_build.output}", pytrace=False)
    return site_build.dir


class _GitHubPagesLikeHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; an unknown path gets the site's 404.html with status 404."""

    not_found_page: Path

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    def send_error(self, code, message=None, explain=None):
        if code != 404 or not self.not_found_page.is_file():
            return super().send_error(code, message, explain)
        body = self.not_found_page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def served_site(site_dir, site_port, site_url):
    handler = functools.partial(
        type("Handler", (_GitHubPagesLikeHandler,), {"not_found_page": site_dir / "404.html"}),
        directory=str(site_dir.parent),
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", site_port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site_url
    server.shutdown()
    server.server_close()


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


@pytest.fixture(scope="session")
def chromium():
    """A headless Chromium: Debian's /usr/bin/chromium if installed, else
    Playwright's own build. Skipped (a failure under CI=true) if neither runs."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed")
    system = shutil.which("chromium") or shutil.which("chromium-browser")
    args = [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    with sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=system, args=args)
        except Error as error:
            pytest.skip(f"no Chromium to run: {error}")
        yield browser
        browser.close()
