"""Fixtures for the self-check browser tests.

    new_page     new_page(**context_options) -> a page in a fresh context whose
                 base_url is the site; every request is recorded and checked
                 at teardown: none may leave the origin, none may get a 4xx/5xx
    page         new_page() with the defaults

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
