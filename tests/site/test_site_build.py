"""The built site (contracts, section 5): a strict build; every page in both
languages with its `lang`, site name, navigation and language switcher; the
requirement anchors; the privacy statement; the Swedish 404 page; search."""

import json
import re
from urllib.parse import urljoin, urlsplit

import pytest
from checker.i18n import translator
from checker.rules import RULES
from site_layout import LANGUAGES, PAGES, REQUIREMENT_IDS, ROOT, page_file, page_url

# A build "takes seconds, not minutes"; the bound is loose for slow CI runners.
BUILD_SECONDS_AT_MOST = 60

SITE_NAMES = {
    "sv": "AASP-guiden – auktoriserad Apple-servicepartner",
    "en": "AASP guide – Authorised Apple Service Provider",
}
NAV_TITLES = {
    "sv": ["Startsida", "Vem kan ansöka", "Krav", "Så ansöker du", "Självtest", "Om guiden"],
    "en": ["Home", "Who can apply", "Requirements", "How to apply", "Self-check", "About"],
}
ALL_PAGES = [(lang, slug) for lang in LANGUAGES for slug in PAGES]


def _ids(value):
    return (value.strip("/") or "start") if isinstance(value, str) else None


def test_strict_build_succeeds(site_build):
    assert site_build.returncode == 0, site_build.output
    assert site_build.seconds < BUILD_SECONDS_AT_MOST, f"the build took {site_build.seconds:.1f} s"


def test_every_page_has_its_translation_beside_it():
    """Suffix layout: X.md (Swedish) and X.en.md (English) side by side. The
    plugin would quietly fill a missing translation with the other language."""
    docs = ROOT / "docs"
    swedish = {p.name[: -len(".md")] for p in docs.glob("*.md") if not p.name.endswith(".en.md")}
    english = {p.name[: -len(".en.md")] for p in docs.glob("*.en.md")}
    assert swedish == english
    assert {"index", *(slug.strip("/") for slug in PAGES if slug)} <= swedish


@pytest.mark.parametrize("lang,slug", ALL_PAGES, ids=_ids)
def test_page_exists_in_its_language(site_dir, html, lang, slug):
    path = page_file(site_dir, lang, slug)
    assert path.is_file(), f"missing {path.relative_to(site_dir)}"
    doc = html(path)
    assert doc.lang == lang
    assert doc.texts("title")[0].endswith(SITE_NAMES[lang])
    nav = doc.texts("nav", class_="md-nav--primary")
    assert nav, "no primary navigation"
    for title in NAV_TITLES[lang]:
        assert title in nav[0], f"navigation title {title!r} missing from {nav[0]!r}"


@pytest.mark.parametrize("lang,slug", ALL_PAGES, ids=_ids)
def test_language_switcher_and_alternates_stay_on_the_same_page(
    site_dir, site_url, html, lang, slug
):
    doc = html(page_file(site_dir, lang, slug))
    here = page_url(site_url, lang, slug)
    expected = {code: page_url(site_url, code, slug) for code in LANGUAGES}
    switcher = {
        a["hreflang"]: a["href"] for a in doc.find("a", class_="md-select__link")
    }
    assert {code: urljoin(here, href) for code, href in switcher.items()} == expected
    # The hreflang alternates live in sitemap.xml (hooks/hreflang_in_sitemap.py).
    assert doc.find("link", rel="alternate") == []
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    for code, url in expected.items():
        assert f'hreflang="{code}" href="{url}"' in sitemap


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_requirement_is_an_anchor_exactly_once(site_dir, html, lang):
    doc = html(page_file(site_dir, lang, "requirements/"))
    counts = {rid: doc.ids.count(rid) for rid in REQUIREMENT_IDS}
    assert counts == {rid: 1 for rid in REQUIREMENT_IDS}
    positions = [doc.ids.index(rid) for rid in REQUIREMENT_IDS]
    assert positions == sorted(positions), "not in the catalogue's order"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_requirement_heading_is_the_title_its_self_check_row_shows(site_dir, html, lang):
    """A result row links to its requirement under the same title, so the
    visitor sees at once that the link has led to the right place."""
    doc = html(page_file(site_dir, lang, "requirements/"))
    _ = translator(lang)
    headings = {rule.id: doc.texts("h3", id=rule.id)[0].removesuffix("¶").strip() for rule in RULES}
    assert headings == {rule.id: _(rule.title) for rule in RULES}


PERMALINK_TITLES = {"sv": "Permanent länk", "en": "Permanent link"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_heading_links_are_titled_in_the_page_language(site_dir, html, lang):
    titles = {link.get("title") for slug in PAGES
              for link in html(page_file(site_dir, lang, slug)).find("a", class_="headerlink")}
    assert titles == {PERMALINK_TITLES[lang]}


def test_no_page_repeats_an_id_or_reuses_a_requirement_anchor(site_dir, html):
    """A requirement's anchor exists only on the requirements page, so a link
    to it (from a self-check result) cannot land anywhere else."""
    problems = []
    for path in sorted(site_dir.rglob("*.html")):
        doc = html(path)
        where = path.relative_to(site_dir)
        repeated = sorted({i for i in doc.ids if doc.ids.count(i) > 1})
        if repeated:
            problems.append(f"{where} repeats ids {repeated}")
        reused = sorted(set(doc.ids) & set(REQUIREMENT_IDS))
        if reused and path.parent.name != "requirements":
            problems.append(f"{where} uses requirement ids {reused}")
    assert problems == []


PRIVACY_STATEMENT = {
    "sv": [r"webbläsare", r"skickar (ingenting|inget|inga)"],
    "en": [r"browser", r"sends nothing|nothing is sent"],
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_about_page_states_privacy(site_dir, html, lang):
    doc = html(page_file(site_dir, lang, "about/"))
    section = doc.section_text("privacy")
    assert section is not None, "no heading with id 'privacy' on the about page"
    for pattern in PRIVACY_STATEMENT[lang]:
        assert re.search(pattern, section, re.IGNORECASE), f"{pattern!r} not in {section!r}"


def test_404_page_is_swedish_with_links_absolute_to_the_sub_path(site_dir, site_url, html):
    """One 404.html (the Swedish one) for the whole site. It is served at any
    depth of a missing URL, so every link in it must be absolute."""
    doc = html(site_dir / "404.html")
    assert doc.lang == "sv"
    assert "Sidan finns inte" in doc.text()
    assert not (site_dir / "en" / "404.html").exists()
    refs = [link["href"] for link in doc.find("link") if link.get("href")]
    refs += [script["src"] for script in doc.find("script") if script.get("src")]
    refs += [a["href"] for a in doc.find("a") if not urlsplit(a.get("href", "#")).netloc]
    refs = [r for r in refs if not r.startswith(("#", "mailto:"))]
    assert refs
    base_path = urlsplit(site_url).path
    assert [r for r in refs if not r.startswith(base_path)] == []


def test_search_indexes_both_languages(site_dir):
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {"sv", "en"} <= set(index["config"]["lang"])
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {LANGUAGES[lang] + slug for lang in LANGUAGES for slug in PAGES} <= locations


@pytest.mark.parametrize("lang", LANGUAGES)
def test_instant_navigation_stays_off(site_dir, html, lang):
    """It re-injects in-page scripts without their type (the self-check) and
    defeats the language switcher."""
    doc = html(page_file(site_dir, lang, ""))
    config = next(text for tag, text in doc.inline if tag == "script" and '"features"' in text)
    assert "navigation.instant" not in json.loads(config)["features"]
