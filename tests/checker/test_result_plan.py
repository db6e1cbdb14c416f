"""What the result page builds its plan from: a next step for every verdict and
every row that needs action, the action order of the statuses, one name per status,
the provisional headline, and Apple's pages named by the rules."""

import pathlib
import sys

import pytest

from checker import assess, i18n
from checker.apple_links import LINKS
from checker.i18n import LANGUAGES, add_catalog, has_catalog, translator
from checker.page_texts import PAGE_TEXTS
from checker.questions import GROUPS, QUESTIONS
from checker.report import ACTION_ORDER, NAMED_FIRST, NEXT_STEPS, NOT_MET_SO_FAR, STATUS_TEXTS, VERDICT_TEXTS, headline, rows_to_name
from checker.rules import APPLICATION_ADDRESS, MET, NOT_MET, RULE_BY_ID, RULES, UNANSWERED, UNCLEAR

if str(pathlib.Path(__file__).resolve().parents[1]) not in sys.path:
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from profiles import COMPLETE, SMALL_SHOP, UNIVERSITY  # noqa: E402


def test_every_verdict_has_a_next_step_in_every_language():
    assert set(NEXT_STEPS) == set(VERDICT_TEXTS)
    for lang in LANGUAGES:
        _ = translator(lang)
        assert all(_(text) for text in NEXT_STEPS.values())


def test_rows_are_ordered_by_what_to_do():
    assert ACTION_ORDER == (NOT_MET, UNCLEAR, UNANSWERED, MET)


def test_what_takes_longest_to_change_is_named_first():
    """The verdict and the draft's warning name a few rows: for the shop at home, its
    premises come before its accounts, so the real obstacle is not in "and N more"."""
    assert {group.anchor for group in GROUPS} == set(NAMED_FIRST)
    named = [row["id"] for row in rows_to_name(assess(SMALL_SHOP, "sv"), NOT_MET)]
    assert named[:2] == ["dedicated-staff", "commercial-location"] and named.index("repair-volume") > named.index("no-home-address")
    catalogue = [rule.id for rule in RULES]
    for group in GROUPS:  # within a group, catalogue order
        ids = [rule_id for rule_id in named if RULE_BY_ID[rule_id].group == group.anchor]
        assert ids == sorted(ids, key=catalogue.index)


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


# --- What each row says to do ------------------------------------------------------------


def rows(answers, lang="en"):
    return {row["id"]: row for row in assess(answers, lang)["requirements"]}


def test_who_to_ask_is_apples_own_contact_in_the_source():
    """Apple's page gives one address, the application's: the rows that say "ask Apple"
    or need Apple Finance name it, and name no other way to reach Apple."""
    for lang in LANGUAGES:
        asks = rows(dict(COMPLETE, region="unsure", credit_line="planned", business_focus="other"), lang)
        for rid in ("region", "credit-line", "organisation-type"):
            assert asks[rid]["status"] == UNCLEAR and APPLICATION_ADDRESS in asks[rid]["message"], rid
        refused = rows(dict(COMPLETE, credit_line="no"), lang)["credit-line"]
        assert refused["status"] == NOT_MET and APPLICATION_ADDRESS in refused["message"]


def test_the_trademark_row_names_only_the_fields_where_a_mark_is():
    name_only = rows(dict(COMPLETE, legal_name="Mac Doktorn AB", website=""))["trademarks"]
    assert name_only["status"] == UNCLEAR
    assert "In your legal name (Mac)" in name_only["message"]
    assert "web address" not in name_only["message"] and "trading name" not in name_only["message"]
    everywhere = rows(dict(COMPLETE, legal_name="iPhone Fix AB", dba="Mac Doktorn", website="www.applefix.se"))["trademarks"]
    for text in ("In your legal name (iPhone)", "In your trading name (Mac)", "In your web address (Apple)"):
        assert text in everywhere["message"], text
    met_without_site = rows(dict(COMPLETE, website=""))["trademarks"]
    assert met_without_site["status"] == MET and "web address" not in met_without_site["message"]
    sv = rows(dict(COMPLETE, dba="Mac Doktorn"), "sv")["trademarks"]["message"]
    assert "I ert handelsnamn (Mac)" in sv


def test_every_row_that_needs_action_says_more_than_its_status():
    """Each not met or unclear message of the three example businesses ends in what to
    do: a sentence beyond the finding, in both languages."""
    for lang in LANGUAGES:
        every_yes_no_turned = dict(COMPLETE, **{key: not value for key, value in COMPLETE.items() if isinstance(value, bool)})
        for answers in (SMALL_SHOP, UNIVERSITY, every_yes_no_turned):
            for row in rows(answers, lang).values():
                if row["status"] in (NOT_MET, UNCLEAR):
                    assert row["message"].count(". ") + row["message"].count(": ") >= 1, (lang, row)


def test_the_headline_counts_the_questions_left_until_the_verdict_stands():
    report = assess({"repairs_per_quarter": 40}, "en")
    assert report["verdict"] == "not_eligible" and report["provisional"]
    title, _text, params = headline(report)
    assert translator("en")(title, **params) == "Not finished: %d questions left" % report["questions_left"]
    # Every required question but the one answered; business_focus is asked only once
    # the organisation type needs it.
    required = [question.key for question in QUESTIONS if question.required and question.key != "business_focus"]
    assert assess({}, "en")["questions_left"] == len(required)
    assert report["questions_left"] == len(required) - 1
    one_left = assess(dict(COMPLETE, phone=""), "sv")
    title, _text, params = headline(one_left)
    assert translator("sv")(title, **params) == "Inte klart: 1 fråga kvar"
    final = assess(COMPLETE, "en")
    assert not final["provisional"] and final["questions_left"] == 0
    assert headline(final)[0] == "Ready to apply"
    assert translator("sv")(NOT_MET_SO_FAR) == "Inte uppfyllt hittills"


def test_one_name_per_status_in_each_language():
    """The unclear status is "Needs checking" in its rows, its group, the verdict and the tally."""
    for lang, name in (("en", "Needs checking"), ("sv", "Behöver kontrolleras")):
        _ = translator(lang)
        assert _(STATUS_TEXTS[UNCLEAR]) == name
        assert _(VERDICT_TEXTS["needs_attention"][0]) == name
        tally = _(PAGE_TEXTS["tally"], met=1, not_met=2, unclear=3, unanswered=4)
        assert name.lower() + " 3" in tally.lower()
        for rule in RULES:  # how the self-check decides, in the same words
            decides = rule.decides_in(_).lower()
            assert "to check" not in decides and "ses över" not in decides and "att kontrollera" not in decides
