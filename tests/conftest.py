"""Suite-wide rules for every test under tests/."""

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from browser_launch import CHROMIUM_ARGS, chromium_path

ROOT = Path(__file__).resolve().parent.parent
# The site is built for and served from this sub-path, as GitHub Pages serves a
# project site from /REPO/.
SUB_PATH = "aasp"


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """With CI=true nothing may be skipped: a skip (a missing tool, browser or
    runtime) is reported as a failure, so CI cannot pass by testing less.
    Expected failures (xfail) are left alone."""
    outcome = yield
    report = outcome.get_result()
    if _in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true, which allows no skips: {reason}"


# --- The built site, served from a sub-path, and one browser: shared by tests/site and tests/browser.

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


@pytest.fixture(scope="session")
def site_origin(site_port) -> str:
    return f"http://127.0.0.1:{site_port}"


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session: Debian's chromium (browser downloads
    do not work on this project's machines), else Playwright's own build."""
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        except Error as error:
            pytest.skip(f"no Chromium to run (make test installs Debian's chromium): {error}")
        yield chromium
        chromium.close()
