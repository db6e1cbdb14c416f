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
