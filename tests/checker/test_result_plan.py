"""What the result page builds its plan from: a next step for every verdict, the
action order of the statuses, and Apple's pages named by the rules."""

from checker import i18n
from checker.apple_links import LINKS
from checker.i18n import LANGUAGES, add_catalog, has_catalog, translator
from checker.report import ACTION_ORDER, NEXT_STEPS, VERDICT_TEXTS
from checker.rules import MET, NOT_MET, RULES, UNANSWERED, UNCLEAR

import pytest


def test_every_verdict_has_a_next_step_in_every_language():
    assert set(NEXT_STEPS) == set(VERDICT_TEXTS)
    for lang in LANGUAGES:
        _ = translator(lang)
        assert all(_(text) for text in NEXT_STEPS.values())


def test_rows_are_ordered_by_what_to_do():
    assert ACTION_ORDER == (NOT_MET, UNCLEAR, UNANSWERED, MET)


def test_apple_pages_of_rules_are_known_links_with_a_text():
    named = [rule.apple_page for rule in RULES if rule.apple_page]
    assert "certification" in named  # a business with no certified technician learns how to become one
    for name in named:
        assert name in LINKS and set(LINKS[name].get("text", {})) == set(LANGUAGES), name


def test_a_fetched_catalog_is_used_and_a_broken_one_refused(monkeypatch, tmp_path):
    """As on a page that ships only its own language's catalog (here: none)."""
    monkeypatch.setattr(i18n, "_catalogs", {})
    monkeypatch.setattr(i18n, "_added", [])
    monkeypatch.setattr(i18n, "_catalog_dir", lambda: str(tmp_path) + "/")
    assert not has_catalog("sv")
    assert translator("sv")("Met") == "Met"  # the msgid, while nothing is loaded
    with pytest.raises(ValueError):
        add_catalog("sv", "[1, 2]")
    with pytest.raises(ValueError):
        add_catalog("sv", "<html>")
    assert not has_catalog("sv")
    add_catalog("sv", '{"Met": "Uppfyllt"}')
    assert has_catalog("sv")
    assert translator("sv")("Met") == "Uppfyllt"
