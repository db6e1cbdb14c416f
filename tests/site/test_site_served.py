"""The built site served from a sub-path (/aasp/), as GitHub Pages serves a
project site: every link and resource resolves, a missing page gets the Swedish
404 page with working styles, and in a browser no request leaves the origin
and the language switcher keeps the visitor on the same page."""

import re
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import expect
from site_layout import LANGUAGES, PAGES, page_url

ALL_PAGES = [(lang, slug) for lang in LANGUAGES for slug in PAGES]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _references(doc) -> list[str]:
    """Every URL the page loads or links to within the site."""
    refs = []
    for tag, attrs in doc.elements:
        for name in ("src", "href"):
            value = attrs.get(name)
            if value and not value.startswith(("#", "mailto:", "data:", "javascript:")):
                refs.append(value)
    return refs


def test_every_link_and_resource_resolves_under_the_sub_path(served_site, site_dir, html):
    checked, problems = {}, []
    pages = [page_url(served_site, lang, slug) for lang, slug in ALL_PAGES]
    for url in pages:
        status, _ = _get(url)
        assert status == 200, url
        relative = urlsplit(url).path[len(urlsplit(served_site).path):]
        doc = html(site_dir / relative / "index.html")
        for ref in _references(doc):
            target = urljoin(url, ref).split("#")[0]
            if urlsplit(target).netloc != urlsplit(served_site).netloc:
                continue  # an ordinary link elsewhere (test_site_third_party checks the rest)
            if not target.startswith(served_site):
                problems.append(f"{url}: {ref} leaves the sub-path")
                continue
            if target not in checked:
                checked[target] = _get(target)[0]
            if checked[target] != 200:
                problems.append(f"{url}: {ref} -> {checked[target]}")
    assert problems == []


@pytest.mark.parametrize("missing", ["no-such-page/", "en/no/such/page/", "assets/nothing.css"])
def test_missing_page_gets_the_swedish_404_page_with_its_styles(served_site, html, missing):
    status, body = _get(served_site + missing)
    assert status == 404
    text = body.decode("utf-8")
    assert re.search(r'<html lang="sv"', text)
    assert "Sidan finns inte" in text
    for ref in re.findall(r'<link rel="stylesheet" href="([^"]+)"', text):
        assert _get(urljoin(served_site + missing, ref))[0] == 200, ref


VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def _search(page, query: str) -> int:
    """Type a query into Material's search box as a visitor does (it listens
    to keystrokes) and return the number of results."""
    page.keyboard.press("/")
    page.locator("input.md-search__input").fill("")
    page.keyboard.type(query, delay=20)
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(re.compile(r"\d|Inga|No matching"), timeout=10000)
    return page.locator(".md-search-result__item").count()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_request_leaves_the_origin_in_a_browser(served_site, browser, viewport):
    """Each page in both languages, the self-check until it has loaded, and a
    search, in a real browser: every request goes to the site's own origin."""
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(served_site))
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        for lang, slug in ALL_PAGES:
            page.goto(page_url(served_site, lang, slug), wait_until="load")
            if slug == "self-check/":
                page.wait_for_selector(
                    "form#self-check:not([data-state=loading])", state="attached", timeout=30000
                )
        page.goto(page_url(served_site, "sv", ""), wait_until="load")
        assert _search(page, "reparation") > 0
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    foreign = sorted({u for u in requests if not u.startswith((origin, "data:", "blob:"))})
    assert foreign == []


@pytest.mark.parametrize("lang,other", [(lang, other) for lang in LANGUAGES for other in LANGUAGES if other != lang])
def test_language_switcher_keeps_the_visitor_on_the_same_page(served_site, browser, lang, other):
    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    try:
        page.goto(page_url(served_site, lang, "requirements/"), wait_until="load")
        page.hover(".md-header__option .md-select")
        page.click(f".md-select__link[hreflang={other}]")
        page.wait_for_load_state("load")
        assert page.url == page_url(served_site, other, "requirements/")
        assert page.evaluate("document.documentElement.lang") == other
    finally:
        page.close()


@pytest.mark.parametrize(
    "lang,query",
    [("sv", "reparation"), ("sv", "kraven"), ("en", "requirements"), ("en", "technician")],
)
def test_search_finds_words_in_both_languages(served_site, browser, lang, query):
    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    try:
        page.goto(page_url(served_site, lang, ""), wait_until="load")
        assert _search(page, query) > 0
    finally:
        page.close()
