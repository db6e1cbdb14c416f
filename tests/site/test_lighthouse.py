"""Lighthouse's accessibility, best-practices and SEO audits score every page of
both languages 100, on its mobile profile, with the built site served from its
sub-path. Lighthouse runs once over all pages (one browser), and each page's
test prints the audits that cost it points."""

import pytest

import lighthouse_runner
from site_layout import LANGUAGES, PAGES, page_url

CATEGORIES = ["accessibility", "best-practices", "seo"]
ALL_PAGES = [(lang, slug) for lang in LANGUAGES for slug in PAGES]


@pytest.fixture(scope="module")
def audits(served_site) -> dict[str, lighthouse_runner.Audit]:
    reason = lighthouse_runner.missing()
    if reason:
        pytest.skip(f"Lighthouse cannot run: {reason}")
    urls = [page_url(served_site, lang, slug) for lang, slug in ALL_PAGES]
    return {audit.url: audit for audit in lighthouse_runner.lighthouse(urls, CATEGORIES)}


@pytest.mark.parametrize("lang,slug", ALL_PAGES, ids=[f"{lang}:/{slug}" for lang, slug in ALL_PAGES])
def test_page_scores_100_in_accessibility_best_practices_and_seo(audits, served_site, lang, slug):
    audit = audits[page_url(served_site, lang, slug)]
    assert audit.error is None, audit.report()
    assert audit.scores == {category: 1 for category in CATEGORIES}, audit.report()
