"""Hooks take a page's language from the i18n plugin and refuse one the checker
has no catalog for, instead of showing the page in another language."""

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from checker.i18n import LANGUAGES
from hooks.page_language import page_language


def _page(src_uri, **file):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, **file))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_language_is_the_plugins_locale_of_the_file(lang):
    # The file name says nothing: only the locale the plugin set counts.
    assert page_language(_page("self-check.md", locale=lang)) == lang


@pytest.mark.parametrize("page", [_page("self-check.xx.md", locale="xx"), _page("self-check.md")],
                         ids=["a language without a catalog", "no i18n plugin"])
def test_a_language_the_checker_cannot_speak_stops_the_build(page):
    assert "xx" not in LANGUAGES
    with pytest.raises(PluginError, match="checker.i18n.LANGUAGES"):
        page_language(page)
