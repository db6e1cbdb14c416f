"""What a screen reader hears on the self-check, in both languages: arrival and the
way to the first question, an answer, an error, the result after the last answer,
the e-mail draft, forget and undo, a file opened.

The reader is @guidepup/virtual-screen-reader (screen_reader.py says how it gets
into the page under the site's own policy). It reads the accessibility tree much as a
real screen reader's browse mode does, but not in every way:
  - it reads the content of <noscript> as raw markup ("<p class=...>"), which a
    browser with scripts on never exposes, so no test asserts on that part;
  - it reads into a closed <details> (the folded met rows), which a real reader
    skips until opened, so no test counts phrases past the verdict's actions;
  - it speaks an emptied live region as "polite: " (a real one says nothing), and a
    live region's every change at once; the tests count whole phrases, not lines;
  - a live announcement is logged as "polite: TEXT" (or "assertive: TEXT").
Run with `-s` to see every spoken log (screen_reader.py prints each one it reads).
"""

import json

import pytest
from playwright.sync_api import expect

from screen_reader import ScreenReader
from self_check_helpers import LANG_PREFIX, answer, open_self_check, wait_for_verdict

from checker import assess
from checker.field_errors import field_errors
from checker.i18n import LANGUAGES, translator
from checker.page_texts import page_text
from checker.questions import GROUPS, QUESTION_BY_KEY, QUESTIONS
from checker.report import NEXT_STEPS, VERDICT_TEXTS, headline
from checker.rules import RULE_BY_ID
from profiles import COMPLETE

LANGS = list(LANGUAGES)
# How far past the result's heading its next step may be, in phrases.
NEXT_STEP_WITHIN = 6


def _text(lang, key, **params):
    return page_text(translator(lang), key, **params)


def _label(lang, key):
    return translator(lang)(QUESTION_BY_KEY[key].label)


def _tally_sentence(report, lang):
    """What the status says once typing pauses: the verdict, then the tally as a sentence."""
    counts = {"met": 0, "not_met": 0, "unclear": 0, "unanswered": 0}
    for row in report["requirements"]:
        counts[row["status"]] += 1
    title, _explanation, params = headline(report)
    return translator(lang)(title, **params) + ". " + _text(lang, "tally", **counts)


def _error_heard(lang, key, message):
    label = _label(lang, key)
    return _text(lang, "error_prefix") + " " + label + (" " if label.endswith("?") else ": ") + message


def _open(page, lang):
    reader = ScreenReader(page)
    open_self_check(page, lang)
    reader.start()
    return reader


# --- Arrival


@pytest.mark.parametrize("lang", LANGS)
def test_arrival_names_the_page_and_the_form_and_leads_by_headings_to_the_first_question(page, lang):
    reader = _open(page, lang)
    title = page.text_content("#self-check-title").strip()
    reader.perform("moveToNextHeading")
    assert reader.last() == f"heading, {title}, level 1"  # no "¶" in its name, and no link in it
    reader.perform("moveToNextForm")
    assert reader.last() == f"form, {title}"
    # Each group of questions is a heading to jump to, in order.
    reader.clear()
    for _group in GROUPS:
        reader.perform("moveToNextHeading")
    _ = translator(lang)
    assert reader.heard() == [f"heading, {_(group.title)}, level 2" for group in GROUPS]
    # The first group's heading, then its first question with its hint.
    reader.perform("moveToPreviousHeading")
    while reader.last() != f"heading, {_(GROUPS[0].title)}, level 2":
        reader.perform("moveToPreviousHeading")
    reader.clear()
    reader.next(2)
    first = GROUPS[0].questions[0]
    assert reader.heard()[-1] == f"group, {_(first.label)}, {_(first.hint)}"
    # Every heading of the page read without the theme's permalink symbol.
    reader.perform("moveToNextHeading")
    assert not [phrase for phrase in reader.heard() if "¶" in phrase]


@pytest.mark.parametrize("lang", LANGS)
def test_headings_elsewhere_are_read_without_the_permalink_symbol(page, lang):
    reader = ScreenReader(page)
    page.goto(LANG_PREFIX[lang] + "requirements/")
    reader.start()
    for _ in range(8):
        reader.perform("moveToNextHeading")
    headings = reader.heard()
    assert len(headings) == 8 and all(phrase.startswith("heading, ") for phrase in headings)
    assert not [phrase for phrase in headings if "¶" in phrase]
    assert page.locator("a.headerlink").count() > 8  # still there for the mouse and the address bar


# --- An answer


@pytest.mark.parametrize("lang", LANGS)
def test_an_answer_is_heard_in_a_sentence_once_the_visitor_pauses(page, lang):
    reader = _open(page, lang)
    reader.perform("moveToNextHeading")
    reader.perform("moveToNextHeading")  # the first group of questions
    for _ in range(10):
        reader.next()
        if reader.last().startswith("radio, "):
            break
    yes = translator(lang)(QUESTION_BY_KEY["region"].choices[0][1])
    assert reader.last() == f"radio, {yes}, not checked, position 1, set size 3"
    reader.act()  # chooses it, as Enter or a double tap would
    expected = _tally_sentence(assess({"region": "yes"}, lang), lang)
    expect(page.locator("#result-announcement")).to_have_text(expected)
    heard = reader.heard()
    assert heard.count("polite: " + expected) == 1
    assert not [phrase for phrase in heard if " · " in phrase or " :" in phrase]


# --- An error


MALFORMED = [("email", "anna@"), ("email", "anna.gmail"), ("phone", "12"), ("website", "nope"),
             ("months_in_operation", "-4")]


@pytest.mark.parametrize("key, typed", MALFORMED)
@pytest.mark.parametrize("lang", LANGS)
def test_an_error_is_said_at_its_field_and_heard_once(page, lang, key, typed):
    """Typed, then the visitor moves on: the error is heard once, with its question;
    back at the field it is read as invalid, after a hidden "Error:"."""
    reader = _open(page, lang)
    field = "#field-" + key
    page.focus(field)
    page.keyboard.type(typed)
    page.keyboard.press("Tab")
    message = {error["field"]: error["message"] for error in field_errors(assess({key: typed}, lang), {key: typed})}[key]
    said = _error_heard(lang, key, message)
    expect(page.locator("#error-announcement")).to_have_text(said)
    # The pause after typing says the verdict, and not the error again.
    expect(page.locator("#result-announcement")).to_have_text(_tally_sentence(assess({key: typed}, lang), lang))
    heard = reader.heard()
    assert heard.count("polite: " + said) == 1
    assert not [phrase for phrase in heard if message in phrase and phrase != "polite: " + said]

    page.keyboard.press("Shift+Tab")
    at_field = reader.last()
    assert f"{_text(lang, 'error_prefix')} {message}" in at_field and at_field.endswith(
        ("invalid", "invalid, max value 2400, min value 0")), at_field
    assert page.get_attribute(field, "aria-invalid") == "true"
    summary_link = page.locator(f'#error-summary a[href="#field-{key}"]')
    expect(summary_link).to_have_text(said[len(_text(lang, "error_prefix")) + 1:])


@pytest.mark.parametrize("lang", LANGS)
def test_asking_for_the_result_or_the_email_with_errors_left_leads_to_the_summary(page, lang):
    reader = _open(page, lang)
    answer(page, {"region": "yes", "email": "anna@"})
    page.focus("#field-phone")
    page.keyboard.type("12")
    expect(page.locator("#error-summary")).to_be_visible()
    summary = f"region, {_text(lang, 'error_summary')}"
    for ask in (".sc-peek a", "#make-email"):
        page.focus(ask)
        reader.clear()
        page.keyboard.press("Enter")
        expect(page.locator("#error-summary")).to_be_focused()
        assert reader.last() == summary
        reader.clear()
        reader.next(4)
        assert reader.heard() == [f"heading, {_text(lang, 'error_summary')}, level 2", "list",
                                  "listitem, level 1, position 1, set size 2",
                                  "link, " + _error_heard(lang, "phone", field_errors(
                                      assess({"phone": "12"}, lang), {"phone": "12"})[0]["message"])
                                  [len(_text(lang, "error_prefix")) + 1:]]


# --- The result after the last answer


@pytest.mark.parametrize("answers, verdict", [(COMPLETE, "ready"), (dict(COMPLETE, repairs_per_quarter=150), "not_eligible")])
@pytest.mark.parametrize("lang", LANGS)
def test_after_the_last_answer_the_result_link_leads_to_the_verdict_and_its_next_step(page, lang, answers, verdict):
    reader = _open(page, lang)
    last = QUESTIONS[-1].key  # a text field, typed into
    answer(page, {key: value for key, value in answers.items() if key != last})
    page.focus("#field-" + last)
    page.keyboard.type(answers[last])
    report = assess(answers, lang)
    tally = _tally_sentence(report, lang)
    expect(page.locator("#result-announcement")).to_have_text(tally)
    page.keyboard.press("Tab")  # the bar under the questions
    _ = translator(lang)
    assert reader.last() == f"link, {tally} {_text(lang, 'see_result')}"
    heard = reader.heard()
    # The printed header is outside the live region: the name typed is not announced.
    assert "polite: " + answers["legal_name"] not in heard
    assert heard.count("polite: " + tally) == 1

    reader.clear()
    page.keyboard.press("Enter")
    expect(page.locator("#result-heading")).to_be_focused()
    reader.next(NEXT_STEP_WITHIN)
    heard = reader.heard()
    assert heard[0] == f"heading, {_text(lang, 'result_heading')}, level 2"
    assert _(VERDICT_TEXTS[verdict][0]) in heard
    assert _(NEXT_STEPS[verdict]) in heard, f"the next step is not within {NEXT_STEP_WITHIN} phrases"
    if verdict == "not_eligible":
        title = RULE_BY_ID["repair-volume"].title_in(_)
        to_question = page.locator('[data-requirement="repair-volume"] a.sc-row-change')
        to_question.focus()
        assert reader.last() == f"link, {_text(lang, 'to_question')}: {title}"


# --- The e-mail draft


@pytest.mark.parametrize("lang", LANGS)
def test_the_email_draft_is_heard_from_its_heading_and_its_copy_once(new_page, site_origin, lang):
    page = new_page()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_origin)
    reader = _open(page, lang)
    answer(page, COMPLETE)
    wait_for_verdict(page, "ready")
    page.focus("#make-email")
    page.keyboard.press("Enter")
    expect(page.locator("#email-heading")).to_be_focused()
    assert reader.last() == f"heading, {_text(lang, 'email_heading')}, level 2"
    reader.clear()
    page.focus("#copy-email")
    page.keyboard.press("Enter")
    expect(page.locator("#email-copied")).to_have_text(_text(lang, "copied"))
    assert reader.heard() == [f"button, {_text(lang, 'copy_email')}", "polite: " + _text(lang, "copied")]


# --- Forget and undo


@pytest.mark.parametrize("lang", LANGS)
def test_forget_and_undo_are_each_heard_once(page, lang):
    reader = _open(page, lang)
    answer(page, {"region": "yes", "legal_name": "Nordic Repair AB"})
    wait_for_verdict(page, "incomplete")
    page.focus("#forget-answers")
    reader.clear()
    page.keyboard.press("Enter")
    expect(page.locator("#forget-status")).to_have_text(_text(lang, "forgotten"))
    forgotten = reader.heard()
    assert forgotten.count("polite: " + _text(lang, "forgotten")) == 1
    assert "polite: Nordic Repair AB" not in forgotten and not [p for p in forgotten if "Nordic" in p]

    page.focus("#undo-forget")
    reader.clear()
    page.keyboard.press("Enter")
    expect(page.locator("#forget-status")).to_have_text(_text(lang, "undone"))
    expect(page.locator("#forget-answers")).to_be_focused()
    undone = reader.heard()
    assert undone.count("polite: " + _text(lang, "undone")) == 1  # written once, so heard once
    assert f"button, {_text(lang, 'forget')}" in undone


# --- A file opened


@pytest.mark.parametrize("lang", LANGS)
def test_a_file_opened_is_heard_with_its_errors_by_count_and_question(page, lang, tmp_path):
    answers = {"region": "yes", "phone": "12", "email": "anna@"}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    reader = _open(page, lang)
    page.set_input_files("#import-answers", str(path))
    expect(page.locator("#travel-status")).to_have_text(_text(lang, "file_filled"))
    errors = _text(lang, "errors_heard", count=2, questions=_label(lang, "phone") + "; " + _label(lang, "email"))
    expect(page.locator("#error-announcement")).to_have_text(errors)
    heard = reader.heard()
    assert heard.count("polite: " + _text(lang, "file_filled")) == 1
    assert heard.count("polite: " + errors) == 1
