"""The runtime switch: with `SELF_CHECK_RUNTIME=pyodide` (or
`extra.self_check_runtime: pyodide` in mkdocs.yml) the same self-check runs on
Pyodide, from the site's own files, with the same results as CPython."""

from urllib.parse import urlsplit

import pytest

import checker
from checker.i18n import LANGUAGES
from hooks.runtime_files import pyscript_start_modules
from self_check_helpers import answer, open_self_check, wait_for_report

PROFILE = {"region": "yes", "organisation_type": "university", "parts_reseller": False,
           "months_in_operation": 8, "repairs_per_quarter": 150, "certified_technicians": 0,
           "email": "anna@gmail.com", "legal_name": "Mac Service AB", "addresses": ["Box 55, 111 22 Stockholm"]}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_self_check_runs_on_pyodide(browser, pyodide_site, lang):
    context = browser.new_context(base_url=pyodide_site)
    context.set_default_timeout(60000)  # Pyodide is 14 MB and starts in seconds, not milliseconds
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    try:
        open_self_check(page, lang)
        assert "pyodide/pyodide.mjs" in page.get_attribute('script[type="py"]', "config")
        answer(page, PROFILE)
        wait_for_report(page, checker.assess(PROFILE, lang))
        # Forgetting in another tab reaches this one (a removed item is null: jsnull here).
        other = context.new_page()
        open_self_check(other, lang)
        other.click("#forget-answers")
        wait_for_report(page, checker.assess({}, lang))
    finally:
        context.close()
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(pyodide_site))
    assert [url for url in requests if not url.startswith((origin, "data:", "blob:"))] == []
    # Only the error plugin, here too: the idle MicroPython type has a config naming every plugin.
    pyscript = sorted({url.rsplit("/", 1)[1] for url in requests if "/assets/self-check/pyscript/" in url})
    assert pyscript == sorted(pyscript_start_modules())


def test_pyodide_files_are_preloaded_once_painted_and_fetched_once(browser, pyodide_site):
    """boot.js preloads what PyScript will fetch; on Pyodide too each preload must
    be the very request PyScript makes (else 10 MB would come twice)."""
    context = browser.new_context(base_url=pyodide_site)
    context.set_default_timeout(60000)
    page = context.new_page()
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    try:
        open_self_check(page, LANGUAGES[0])
        preloaded = page.eval_on_selector_all('link[rel="preload"]', "links => links.map(link => link.href)")
    finally:
        context.close()
    assert [url for url in preloaded if url.endswith("/pyodide.asm.wasm")]
    assert sorted({url for url in fetched if "/assets/self-check/" in url and fetched.count(url) > 1}) == []
