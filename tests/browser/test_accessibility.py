"""Every page in both languages against axe-core's WCAG 2.0/2.1/2.2 A and AA
rules, the self-check also with a result, errors and the e-mail draft shown;
and no page breaks its own Content-Security-Policy."""

import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from self_check_helpers import LANG_PREFIX, answer, open_self_check, wait_for_verdict

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "site"))
from site_layout import PAGES  # noqa: E402  (the site's pages, from mkdocs.yml)

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
LANGS = LANG_PREFIX

axe = Axe()


def violations(page):
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    found = results.response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']} at "
            + ", ".join(str(node["target"]) for node in v["nodes"][:5]) for v in found]


def watch_policy(page):
    """Collects the page's Content-Security-Policy violations."""
    reports = []
    page.on("console", lambda message: reports.append(message.text)
            if "Content Security Policy" in message.text else None)
    return reports


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_wcag_violations(page, lang, path):
    policy = watch_policy(page)
    page.goto(LANGS[lang] + path)
    if path == "self-check/":
        page.wait_for_selector('#self-check[data-state="ready"]', state="attached")
    assert violations(page) == []
    assert policy == []


@pytest.mark.parametrize("lang", LANGS)
def test_dark_scheme_has_no_wcag_violations(new_page, lang):
    page = new_page(color_scheme="dark")
    page.goto(LANGS[lang] + "requirements/")
    assert violations(page) == []


def test_404_page_has_no_wcag_violations(page):
    policy = watch_policy(page)
    page.goto("404.html")
    assert violations(page) == []
    assert policy == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGS)
def test_self_check_with_result_errors_and_draft_has_no_wcag_violations(new_page, lang, scheme):
    page = new_page(color_scheme=scheme)
    policy = watch_policy(page)
    open_self_check(page, lang)
    answer(page, {"region": "yes", "organisation_type": "company", "repairs_per_quarter": 150,
                  "email": "anna@gmail.com", "legal_name": "iPhone Fix AB"})
    wait_for_verdict(page, "not_eligible")
    page.fill("#field-months_in_operation", "-4")
    page.wait_for_selector("#error-summary:not([hidden])", state="attached")
    page.click("#make-email")
    page.wait_for_selector("#email-draft:not([hidden])", state="attached")
    assert violations(page) == []
    assert policy == []
