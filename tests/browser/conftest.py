"""Fixtures for the self-check browser tests.

    new_page     new_page(**context_options) -> a page in a fresh context whose
                 base_url is the site (or the base_url given); every request is
                 recorded and checked at teardown: none may leave that origin,
                 none may get a 4xx/5xx
    page         new_page() with the defaults
    pyodide_site the same site built with the Pyodide runtime and served (its URL)

The build, the server from the sub-path /aasp/ and the browser are
tests/conftest.py's (site_dir, served_site, browser). The helpers
(open_self_check, answer, wait_for_verdict, ...) live in self_check_helpers.py,
so that test modules can import them by a unique name; they are re-exported here.
"""

import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from site_server import build_site, built, free_port, serving  # noqa: E402

from self_check_helpers import (  # noqa: E402,F401  (re-exported for the tests)
    ROOT,
    SUB_PATH,
    answer,
    open_self_check,
    wait_for_report,
    wait_for_state,
    wait_for_verdict,
)

# Generous for a loaded 2-core CI machine, short enough that a hang fails fast.
DEFAULT_TIMEOUT_MS = 20000


class _Traffic:
    """Every request of one context, and every 4xx/5xx response."""

    def __init__(self, origin):
        self.origin = origin  # scheme://host:port every request must go to
        self.urls = []
        self.bad = []

    def request(self, request):
        self.urls.append(request.url)

    def response(self, response):
        if response.status >= 400:
            self.bad.append(f"{response.status} {response.request.method} {response.url}")


@pytest.fixture(scope="session")
def pyodide_site(tmp_path_factory):
    """The site built with `SELF_CHECK_RUNTIME=pyodide` and served from /aasp/: its URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/aasp/"
    site = built(build_site(tmp_path_factory.mktemp("pyodide-site"), url, SELF_CHECK_RUNTIME="pyodide"))
    assert (site / "assets" / "self-check" / "pyodide" / "pyodide.asm.wasm").is_file()
    assert not (site / "assets" / "self-check" / "micropython").exists()
    with serving(site, port):
        yield url


@pytest.fixture
def new_page(browser, served_site):
    """new_page(**context_options): a page in a fresh browser context (clean
    localStorage), with base_url the site unless given. At teardown: no request
    left that origin and none got an error status."""
    contexts = []

    def make(**options):
        options.setdefault("base_url", served_site)
        context = browser.new_context(**options)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        traffic = _Traffic("{0.scheme}://{0.netloc}".format(urlsplit(options["base_url"])))
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
            if f"{parts.scheme}://{parts.netloc}" != traffic.origin:
                problems.append(f"left the origin: {url}")
        problems += [f"error status: {line}" for line in traffic.bad]
    assert problems == [], "requests that broke the rules:\n" + "\n".join(problems)


@pytest.fixture
def page(new_page):
    return new_page()
