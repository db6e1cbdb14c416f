"""Fixtures for the self-check browser tests.

    built_site   one `mkdocs build --strict` per session, for SITE_URL=http://127.0.0.1:PORT/aasp/
    served_site  that build served over HTTP from the sub-path /aasp/ (a threaded
                 http.server in a background thread); its value is the site URL
    browser      one headless Chromium per session (Debian's /usr/bin/chromium)
    new_page     new_page(**context_options) -> a page in a fresh context whose
                 base_url is the site; every request is recorded and checked
                 at teardown: none may leave the origin, none may get a 4xx/5xx
    page         new_page() with the defaults

The helpers (open_self_check, answer, wait_for_verdict, ...) live in
self_check_helpers.py, so that test modules can import them by a unique name;
they are re-exported here.
"""

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from self_check_helpers import (  # noqa: E402,F401  (re-exported for the tests)
    ROOT,
    SUB_PATH,
    answer,
    open_self_check,
    wait_for_report,
    wait_for_state,
    wait_for_verdict,
)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Generous for a loaded 2-core CI machine, short enough that a hang fails fast.
DEFAULT_TIMEOUT_MS = 20000


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


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


@pytest.fixture(scope="session")
def site_origin(site_port) -> str:
    return f"http://127.0.0.1:{site_port}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_url) -> Path:
    out = tmp_path_factory.mktemp("browser-build") / "site"
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    if done.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{done.stdout}{done.stderr}", pytrace=False)
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".py": "text/plain",
    }

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def served_site(built_site, tmp_path_factory, site_port, site_url):
    """The build, served at http://127.0.0.1:PORT/aasp/ (a folder holding a
    symlink aasp -> the build)."""
    root = tmp_path_factory.mktemp("browser-serve")
    (root / SUB_PATH).symlink_to(built_site, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", site_port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    yield site_url
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        message = f"{CHROMIUM} is missing: install Debian's chromium"
        if _in_ci():
            pytest.fail(message + " (CI=true: nothing may be skipped)", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class _Traffic:
    """Every request of one context, and every 4xx/5xx response."""

    def __init__(self):
        self.urls = []
        self.bad = []

    def request(self, request):
        self.urls.append(request.url)

    def response(self, response):
        if response.status >= 400:
            self.bad.append(f"{response.status} {response.request.method} {response.url}")


@pytest.fixture
def new_page(browser, served_site, site_origin):
    """new_page(**context_options): a page in a fresh browser context (clean
    localStorage), with base_url the site. At teardown: no request left the
    origin and none got an error status."""
    contexts = []

    def make(**options):
        options.setdefault("base_url", served_site)
        context = browser.new_context(**options)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        traffic = _Traffic()
        context.on("request", traffic.request)
        context.on("response", traffic.response)
        contexts.append((context, traffic))
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.dialogs = dialogs  # what alert()/confirm() the page opened, for the tests to check
        return page

    yield make

    problems = []
    for context, traffic in contexts:
        context.close()
        for url in traffic.urls:
            if url.startswith(("data:", "blob:")):
                continue
            parts = urlsplit(url)
            if f"{parts.scheme}://{parts.netloc}" != site_origin:
                problems.append(f"left the origin: {url}")
        problems += [f"error status: {line}" for line in traffic.bad]
    assert problems == [], "requests that broke the rules:\n" + "\n".join(problems)


@pytest.fixture
def page(new_page):
    return new_page()
