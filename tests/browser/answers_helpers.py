"""Helpers for the tests of kept and travelling answers (test_answers_kept.py,
test_answers_travel.py): the site in either runtime, what this browser keeps,
and waits on the page's own state, never on time and never by polling a
string evaluated in the page (the page's policy may forbid that)."""

import pytest
from playwright.sync_api import expect

from self_check_helpers import open_self_check  # first: it puts the repository on sys.path

from checker.i18n import translator  # noqa: E402
from checker.page_texts import page_text  # noqa: E402
from checker.questions import QUESTION_BY_KEY  # noqa: E402
from checker.shown_text import shown_key  # noqa: E402
from checker.web.saved import PREFIX  # noqa: E402

LANGS = ["sv", "en"]
# Generous for a loaded 2-core machine: Pyodide is 14 MB and starts in seconds.
TIMEOUT_MS = {"micropython": 20000, "pyodide": 60000}

expect.set_options(timeout=TIMEOUT_MS["micropython"])


class Site:
    def __init__(self, runtime, url):
        self.runtime = runtime
        self.url = url


@pytest.fixture(params=["micropython", "pyodide"])
def site(request):
    """The built site in each runtime (the Pyodide build is made only when a test needs it)."""
    if request.param == "pyodide":
        return Site("pyodide", request.getfixturevalue("pyodide_site"))
    return Site("micropython", request.getfixturevalue("served_site"))


def open_on(new_page, site, lang, **options):
    """A fresh context on `site` (a Site, or None for the MicroPython site), the self-check open and live."""
    runtime = site.runtime if site else "micropython"
    page = new_page(**(dict(options, base_url=site.url) if site else options))
    page.context.set_default_timeout(TIMEOUT_MS[runtime])
    open_self_check(page, lang)
    return page


def another_tab(page, lang):
    """A second tab in the same browser context (same storage), the self-check live."""
    other = page.context.new_page()
    open_self_check(other, lang)
    return other


def text(lang, key, **params):
    return page_text(translator(lang), key, **params)


def labels(lang, keys):
    """Questions as the page names them; a key no question has quoted, escaped as the page shows it."""
    _ = translator(lang)
    return "; ".join(_(QUESTION_BY_KEY[key].label) if key in QUESTION_BY_KEY else text(lang, "quoted", text=shown_key(key))
                     for key in keys)


def kept(page) -> dict:
    """The answers this browser keeps for the self-check, by question key."""
    return page.evaluate(
        """(prefix) => Object.fromEntries(Object.keys(localStorage)
            .filter(name => name.startsWith(prefix)).map(name => [name.slice(prefix.length), localStorage.getItem(name)]))""",
        PREFIX)


def entries(page) -> dict:
    """Every localStorage entry of the self-check (answers, marks, the old entry)."""
    return page.evaluate(
        """() => Object.fromEntries(Object.keys(localStorage)
            .filter(name => name.startsWith("aasp-self-check:")).map(name => [name, localStorage.getItem(name)]))""")


def store(page, values: dict):
    """Sets localStorage entries (None removes one) as another site or an older version could have."""
    page.evaluate(
        """(values) => { for (const [name, value] of Object.entries(values)) {
            if (value === null) localStorage.removeItem(name); else localStorage.setItem(name, value); } }""",
        values)


def field(page, key):
    return page.locator("#field-" + key)


def expect_value(page, key, value):
    expect(field(page, key)).to_have_value(value)


def expect_checked(page, key, value):
    expect(page.locator(f'input[name="{key}"][value="{value}"]')).to_be_checked()
