"""The programme's figures (checker/programme.py) in the pages: named as
`{{ NAME }}` in docs/ and filled in at build time by hooks/figures.py, in each
language; a figure written out by hand stops the build. The figures are read
from checker/programme.py here too, never written out."""

import pathlib

import pytest
from checker import programme
from checker.i18n import DEFAULT_LANGUAGE, LANGUAGES, translator
from mkdocs.exceptions import PluginError
from site_layout import ROOT, page_file

from hooks.figures import with_figures

MINIMUM = str(programme.MINIMUM_REPAIRS_PER_QUARTER.value)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_named_figure_is_filled_in_in_the_pages_language(lang):
    _ = translator(lang)
    markdown = "at least {{ minimum_repairs_per_quarter }}, {{minimum_repairs_a_week}} a week"
    assert with_figures(markdown, lang, "page.md") == (
        "at least " + MINIMUM + ", " + programme.repairs_a_week(_) + " a week")


def test_the_weekly_figure_follows_the_minimum(monkeypatch):
    _ = translator("en")
    monkeypatch.setattr(programme.MINIMUM_REPAIRS_PER_QUARTER, "value", 250)
    assert programme.repairs_a_week(_) == "just over 19"
    monkeypatch.setattr(programme.MINIMUM_REPAIRS_PER_QUARTER, "value", 260)
    assert programme.repairs_a_week(_) == "20"
    assert translator("sv")("just over {count}", count=19) == "drygt 19"


@pytest.mark.parametrize("number", programme.STATED_NUMBERS)
def test_a_figure_written_out_by_hand_stops_the_build(number):
    with pytest.raises(PluginError, match="written out by hand"):
        with_figures("You need " + str(number) + " of them.", "en", "page.md")
    # Within a longer number, a date or an address it is not the figure.
    assert with_figures("In 2026, 1" + str(number) + "0 items.", "en", "page.md")


def test_an_unknown_figure_stops_the_build():
    with pytest.raises(PluginError, match="no figure named 'maximum'"):
        with_figures("{{ maximum }}", "en", "page.md")


def test_every_page_names_the_figures_it_states():
    """Every page in docs/ passes the hook: no figure written out by hand."""
    for path in sorted((ROOT / "docs").glob("*.md")):
        lang = path.suffixes[0][1:] if len(path.suffixes) > 1 else DEFAULT_LANGUAGE
        with_figures(path.read_text(encoding="utf-8"), lang, path.name)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_requirements_page_states_the_programmes_minimum(site_dir, html, lang):
    section = html(page_file(site_dir, lang, "requirements/")).section_text("repair-volume")
    assert MINIMUM in section and programme.repairs_a_week(translator(lang)) in section, section


def test_no_page_is_left_with_a_placeholder(site_dir):
    for path in pathlib.Path(site_dir).rglob("*.html"):
        assert "{{" not in path.read_text(encoding="utf-8"), path
