"""The self-check under the site's policy, which allows no string evaluation
('unsafe-eval', DESIGN.md, "The site"), on both runtimes: Python starts, assesses
answers, and the page reports no violation of its policy on the way."""

import pytest

import checker
from policy_violations import watch_policy_violations
from self_check_helpers import answer, open_self_check, wait_for_report

ANSWERS = {"region": "yes", "organisation_type": "company", "repairs_per_quarter": 150, "email": "anna@gmail.com"}


@pytest.mark.parametrize("runtime, site, start_ms", [
    ("micropython", "served_site", 20000),
    ("pyodide", "pyodide_site", 60000),  # 14 MB, and seconds to start
])
def test_the_self_check_runs_without_string_evaluation(browser, request, runtime, site, start_ms):
    context = browser.new_context(base_url=request.getfixturevalue(site))
    context.set_default_timeout(start_ms)
    violations = watch_policy_violations(context)
    page = context.new_page()
    try:
        open_self_check(page, "sv")
        policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
        assert "'unsafe-eval'" not in policy
        assert runtime + "/" in page.get_attribute("script[config]", "config")
        answer(page, ANSWERS)
        wait_for_report(page, checker.assess(ANSWERS, "sv"))
    finally:
        context.close()
    assert violations == []
