"""Building the site and serving it from a sub-path, as GitHub Pages serves a
project site (/REPO/): used by the test fixtures, by tests that build a
variant of the site (the Pyodide runtime) and by the benchmarks."""

import contextlib
import functools
import gzip
import http.server
import io
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.i18n import DEFAULT_LANGUAGE, LANGUAGES  # noqa: E402

# The site is built for and served from this sub-path.
SUB_PATH = "aasp"
# Language -> its folder in the built site: the default language at the root, each
# other one in a folder of its code (mkdocs-static-i18n's layout).
LANGUAGE_FOLDERS = {lang: "" if lang == DEFAULT_LANGUAGE else lang + "/" for lang in LANGUAGES}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SiteBuild:
    def __init__(self, directory: Path, returncode: int, output: str, seconds: float):
        self.dir = directory
        self.returncode = returncode
        self.output = output
        self.seconds = seconds


def build_site(folder: Path, site_url: str, **environment) -> SiteBuild:
    """`mkdocs build --strict` into folder/aasp for site_url. The folder is named
    after the sub-path, so that serving its parent serves the site at /aasp/."""
    out = folder / SUB_PATH
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1", **environment)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    started = time.monotonic()
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    seconds = time.monotonic() - started
    return SiteBuild(out, done.returncode, done.stdout + done.stderr, seconds)


def built(build: SiteBuild) -> Path:
    if build.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{build.output}", pytrace=False)
    return build.dir


# What GitHub Pages sends gzipped: text, scripts, JSON and SVG, and WebAssembly
# too (seen on Pages sites; images and zip archives are sent as they are).
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml",
                    "image/svg+xml", "application/wasm")


@functools.lru_cache(maxsize=None)
def _gzipped(path: str, modified_ns: int) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=6)


class _GitHubPagesLikeHandler(http.server.SimpleHTTPRequestHandler):
    """Static files as GitHub Pages sends them: over HTTP/1.1 with connections
    kept open, gzipped where it compresses; an unknown path gets the site's
    404.html with status 404."""

    not_found_page: Path
    protocol_version = "HTTP/1.1"

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and content_type.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        body = _gzipped(str(path), path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

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


@contextlib.contextmanager
def serving(site: Path, port: int):
    """Serves the parent of `site` (a folder named after the sub-path) on port,
    and yields the site's address."""
    handler = functools.partial(
        type("Handler", (_GitHubPagesLikeHandler,), {"not_found_page": site / "404.html"}),
        directory=str(site.parent),
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/{site.name}/"
    finally:
        server.shutdown()
        server.server_close()
