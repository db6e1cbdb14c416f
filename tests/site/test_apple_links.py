"""Links to Apple's own pages (DESIGN.md, "Links out"): the one list in
checker/apple_links.py, and the build hook that turns `[text](apple:NAME)` in
docs/ into the address in the page's language. That the built site links out
to these addresses and no others is test_site_third_party.py's."""

import pytest
from checker.apple_links import LINKS, all_addresses, apple_link
from checker.i18n import LANGUAGES
from mkdocs.exceptions import PluginError
from site_layout import ROOT

from hooks.apple_links import on_page_markdown


class _File:
    def __init__(self, locale, src_uri):
        self.locale = locale
        self.src_uri = src_uri


class _Page:
    def __init__(self, locale):
        self.file = _File(locale, "page.md" if locale == "sv" else "page." + locale + ".md")


def _render(markdown, lang):
    return on_page_markdown(markdown, _Page(lang), config=None, files=None)


@pytest.mark.parametrize("name", sorted(LINKS))
def test_every_link_has_pages_only_in_the_site_languages_and_falls_back_to_one_of_them(name):
    urls = LINKS[name]["urls"]
    assert urls and set(urls) <= set(LANGUAGES)
    assert LINKS[name]["fallback"] in urls


PROGRAMME = LINKS["programme"]["urls"]  # the programme's page, in Swedish and in English


def test_a_link_is_in_the_visitors_language_where_apple_has_the_page_and_else_falls_back():
    assert apple_link("programme", "sv") == (PROGRAMME["sv"], "sv")
    assert apple_link("programme", "en") == (PROGRAMME["en"], "en")
    assert apple_link("certification", "en") == (LINKS["certification"]["urls"]["sv"], "sv")
    assert apple_link("programme", "fi") == (PROGRAMME["en"], "en")


def test_the_hook_writes_the_address_in_the_pages_language():
    markdown = "Se [Apples programsida](apple:programme) och [den här sidan](index.md)."
    assert _render(markdown, "sv") == ("Se [Apples programsida](" + PROGRAMME["sv"] + ")"
                                      " och [den här sidan](index.md).")
    assert _render("[page](apple:programme)", "en") == "[page](" + PROGRAMME["en"] + ")"


def test_a_link_that_falls_back_to_another_language_says_so():
    assert _render("[Apple's article](apple:certification).", "en") == (
        "[Apple's article](" + LINKS["certification"]["urls"]["sv"] + '){ hreflang="sv" } (in Swedish).')


def test_a_link_may_ask_for_a_language_and_then_the_text_names_it():
    assert _render('the page in Swedish, ["Program"](apple:programme@sv)', "en") == (
        'the page in Swedish, ["Program"](' + PROGRAMME["sv"] + '){ hreflang="sv" }')


@pytest.mark.parametrize("markdown", ["[x](apple:nonexistent)", "[x](apple:)", "[x](apple:programme@fi)",
                                      "[x](apple:certification@en)"])
def test_an_unknown_name_or_language_fails_the_build(markdown):
    with pytest.raises(PluginError):
        _render(markdown, "sv")


def test_every_link_records_how_its_address_was_seen():
    """An address is added only once Apple's page was seen at it, and the link says how."""
    assert [name for name, link in LINKS.items() if not link.get("seen", "").strip()] == []
