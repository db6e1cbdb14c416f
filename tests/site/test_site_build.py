"""The built site (DESIGN.md, "The site"): a strict build; every page in both
languages with its `lang`, site name, navigation and language switcher; the
requirement anchors; the privacy statement; the Swedish 404 page; search."""

import json
import re
from urllib.parse import urljoin, urlsplit

import pytest
from checker import assess
from checker.i18n import DEFAULT_LANGUAGE, LANGUAGES as CHECKER_LANGUAGES, MSGID_LANGUAGE, translator
from checker.page_texts import page_text
from checker.rules import RULES
from hooks.permalink_titles import PERMALINK_TITLE
from site_layout import (I18N_LANGUAGES, LANGUAGES, NAV_TITLES, PAGES, REQUIREMENT_IDS, ROOT, SITE_NAMES,
                         page_file, page_url)

# A build "takes seconds, not minutes"; the bound is loose for slow CI runners.
BUILD_SECONDS_AT_MOST = 60

ALL_PAGES = [(lang, slug) for lang in LANGUAGES for slug in PAGES]


def _ids(value):
    return (value.strip("/") or "start") if isinstance(value, str) else None


def test_the_site_is_built_in_the_checkers_languages():
    """mkdocs.yml names the same languages as checker.i18n.LANGUAGES, the same default
    at the root: a language only in mkdocs.yml would be built from the default's pages."""
    assert list(I18N_LANGUAGES) == list(CHECKER_LANGUAGES)
    assert [lang for lang, language in I18N_LANGUAGES.items() if language.default] == [DEFAULT_LANGUAGE]


def test_every_language_but_the_default_has_its_own_site_name_and_navigation_titles():
    """The i18n plugin would quietly show the default language's where one is missing."""
    for lang in I18N_LANGUAGES:
        if lang != DEFAULT_LANGUAGE:
            assert SITE_NAMES[lang] != SITE_NAMES[DEFAULT_LANGUAGE], lang
            untranslated = [title for title, default in zip(NAV_TITLES[lang], NAV_TITLES[DEFAULT_LANGUAGE])
                            if title == default]
            assert untranslated == [], f"{lang}: nav_translations has no title for {untranslated}"


def test_strict_build_succeeds(site_build):
    assert site_build.returncode == 0, site_build.output
    assert site_build.seconds < BUILD_SECONDS_AT_MOST, f"the build took {site_build.seconds:.1f} s"


def test_every_page_has_its_translation_beside_it():
    """Suffix layout: X.md (the default language, Swedish) and X.LANG.md (such as
    X.en.md) side by side. The plugin would quietly fill a missing translation
    with the default language."""
    docs = ROOT / "docs"
    default = {p.stem for p in docs.glob("*.md") if len(p.suffixes) == 1}
    assert {"index", *(slug.strip("/") for slug in PAGES if slug)} == default
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE:
            assert {p.name[: -len(f".{lang}.md")] for p in docs.glob(f"*.{lang}.md")} == default, lang


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
    headings = {rule.id: doc.texts("h3", id=rule.id)[0].removesuffix("¶").strip() for rule in RULES}
    assert headings == {row["id"]: row["title"] for row in assess({}, lang)["requirements"]}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_requirement_heading_has_a_permalink_and_a_contents_entry(site_dir, html, lang):
    """The headings come from the rules, yet are headings like any other."""
    doc = html(page_file(site_dir, lang, "requirements/"))
    _ = translator(lang)
    for rule in RULES:
        assert len(doc.find("a", class_="headerlink", href="#" + rule.id)) == 1, rule.id
        assert doc.texts("a", class_="md-nav__link", href="#" + rule.id) == [rule.title_in(_)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_requirement_section_says_how_the_self_check_decides(site_dir, html, lang):
    """After the prose, the rule's own explanation: text and code cannot drift apart."""
    doc = html(page_file(site_dir, lang, "requirements/"))
    _ = translator(lang)
    notes = [page_text(_, "how_decided") + " " + rule.decides_in(_) for rule in RULES]
    assert doc.texts("div", class_="sc-how-decided") == notes
    for rule, note in zip(RULES, notes):
        section = doc.section_text(rule.id)
        prose = section[len(rule.title_in(_)):section.index(note)]
        assert len(prose.split()) > 5, f"no prose before the note in {rule.id}: {section!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_heading_links_are_titled_in_the_page_language(site_dir, html, lang):
    titles = {link.get("title") for slug in PAGES
              for link in html(page_file(site_dir, lang, slug)).find("a", class_="headerlink")}
    title = translator(lang)(PERMALINK_TITLE)  # "Permanent länk" in Swedish
    assert titles == {title}
    assert lang == MSGID_LANGUAGE or title != PERMALINK_TITLE, "not translated"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_heading_links_are_kept_out_of_what_a_screen_reader_hears(site_dir, html, lang):
    """The "¶" sits inside its heading: hidden from the accessibility tree and from Tab
    (the contents beside the text link to each section), and none on the self-check."""
    assert html(page_file(site_dir, lang, "self-check/")).find("a", class_="headerlink") == []
    links = [link for slug in PAGES if slug != "self-check/"
             for link in html(page_file(site_dir, lang, slug)).find("a", class_="headerlink")]
    assert links and all(link.get("aria-hidden") == "true" and link.get("tabindex") == "-1" for link in links)


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
    assert lang in PRIVACY_STATEMENT, f"give PRIVACY_STATEMENT the words the {lang} privacy statement must use"
    for pattern in PRIVACY_STATEMENT[lang]:
        assert re.search(pattern, section, re.IGNORECASE), f"{pattern!r} not in {section!r}"


def test_404_page_is_swedish_with_links_absolute_to_the_sub_path(site_dir, site_url, html):
    """One 404.html (the Swedish one) for the whole site. It is served at any
    depth of a missing URL, so every link in it must be absolute."""
    doc = html(site_dir / "404.html")
    assert doc.lang == DEFAULT_LANGUAGE == "sv"
    assert "Sidan finns inte" in doc.text()
    for lang in LANGUAGES:
        assert lang == DEFAULT_LANGUAGE or not (site_dir / lang / "404.html").exists()
    refs = [link["href"] for link in doc.find("link") if link.get("href")]
    refs += [script["src"] for script in doc.find("script") if script.get("src")]
    refs += [a["href"] for a in doc.find("a") if not urlsplit(a.get("href", "#")).netloc]
    refs = [r for r in refs if not r.startswith(("#", "mailto:"))]
    assert refs
    base_path = urlsplit(site_url).path
    assert [r for r in refs if not r.startswith(base_path)] == []
    # A way into every other language's site besides the theme's language menu: a
    # new language fails here until overrides/404.html has its line.
    homes = {a.get("hreflang"): a.get("href") for a in doc.find("a")
             if a.get("hreflang") and "md-select__link" not in a.get("class", "").split()}
    assert homes == {lang: base_path + LANGUAGES[lang] for lang in LANGUAGES if lang != DEFAULT_LANGUAGE}


def test_search_indexes_every_language(site_dir):
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert set(LANGUAGES) <= set(index["config"]["lang"])
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {LANGUAGES[lang] + slug for lang in LANGUAGES for slug in PAGES} <= locations


@pytest.mark.parametrize("lang", LANGUAGES)
def test_instant_navigation_stays_off(site_dir, html, lang):
    """It re-injects in-page scripts without their type (the self-check) and
    defeats the language switcher."""
    doc = html(page_file(site_dir, lang, ""))
    config = next(text for tag, text in doc.inline if tag == "script" and '"features"' in text)
    assert "navigation.instant" not in json.loads(config)["features"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_self_check_page_preloads_none_of_the_runtimes_files(site_dir, lang):
    """Preloaded from <head>, the runtime's and the checker's files shared a slow
    phone network with the page's own CSS and held back its first paint of text
    (Lighthouse: largest paint 3.2 s, 1.2 s without them); boot.js asks for them
    once the page has painted (tests/browser/test_self_check.py)."""
    text = page_file(site_dir, lang, "self-check").read_text(encoding="utf-8")
    assert re.findall(r'<link[^>]+rel="(?:module)?preload"[^>]*>', text) == []


def test_the_sites_own_scripts_and_stylesheets_ship_without_their_comments(site_dir):
    """hooks/own_assets.py: each built file is its source less the comments (the
    source's code lines, in order), with no comment left."""
    from hooks.own_assets import OWN_ASSETS, own_assets
    names = own_assets()
    assert {name.as_posix() for name in names} >= {"assets/self-check/boot.js", "assets/self-check/self-check.css"}
    for name in names:
        source = (OWN_ASSETS.parent / name).read_text(encoding="utf-8")
        built = (site_dir / name).read_text(encoding="utf-8")
        if name.suffix == ".css":
            assert "/*" not in built and "*/" not in built, name
            code = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
            assert re.sub(r"\s+", "", built) == re.sub(r"\s+", "", code), name
        else:
            code = [line for line in source.splitlines() if not line.lstrip().startswith("//")]
            assert not [line for line in built.splitlines() if line.lstrip().startswith("//")], name
            assert built.splitlines() == code, name
        assert len(built) < len(source), f"{name}: nothing taken out"


def test_a_template_literal_stops_the_comment_cutting_rather_than_lose_a_line_of_it():
    """A `//` line inside a template literal is text, not a comment: the hook
    cannot tell line by line, so it refuses the file (the build stops, naming it)."""
    from hooks.own_assets import without_comments
    script = "const help = `\n// not a comment\n`;\n"
    with pytest.raises(ValueError, match="boot.js"):
        without_comments(script, ".js", "assets/self-check/boot.js")
    assert without_comments("// why\nconst a = 1; // kept\n", ".js") == "const a = 1; // kept\n"
