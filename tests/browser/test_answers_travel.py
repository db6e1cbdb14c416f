"""Answers travel with the visitor, never through a server (DESIGN.md, "The self-check
page"): saved to a file the command line reads as it is, opened
from such a file (a bad one changes nothing and says why), and a share link
whose fragment carries them, which fills the form without silently
discarding answers saved here. Against the built site served from /aasp/, in
both languages, and on Pyodide where the runtime matters (downloads, files,
the address bar)."""

import base64
import json
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from answers_helpers import (LANGS, TIMEOUT_MS, another_tab, expect_value, kept, labels, open_on, site,  # noqa: F401
                             store, text)
from self_check_helpers import (ROOT, answer, form_answers, form_state, self_check_path, wait_for_state, wait_for_verdict,
                                wait_until)
from test_accessibility import violations

from checker import assess
from checker.format_version import ANSWERS_VERSION, VERSION_KEY
from checker.i18n import translator
from checker.questions import QUESTION_BY_KEY
from checker.strict_json import NotJSON, described, read_object
from checker.web.portable import FILE_NAME, MAX_FILE_BYTES
from checker.web.saved import PREFIX
from profiles import COMPLETE

RUNTIMES_AND_LANGS = [("micropython", "sv"), ("micropython", "en"), ("pyodide", "sv")]

# The case table's first row, ready to apply, with two addresses and ÅÄÖ.
FULL = dict(COMPLETE,
            addresses=["Storgatan 12, 111 22 Stockholm", "Kungsgatan 3, 411 19 Göteborg"],
            principal="Åsa Öberg")
assert assess(FULL)["verdict"] == "ready"
GIVEN = {key: value for key, value in FULL.items() if value not in ("", None)}


def _kept_values(answers):
    return {key: value for key, value in form_answers(answers).items() if value}


def _clear_status(page):
    # Two bad files in a row may get the same message: clear it, so the wait is for the new one.
    page.evaluate("document.getElementById('travel-status').textContent = ''")


def _link_code(answers_text):
    return base64.urlsafe_b64encode(answers_text.encode("utf-8")).decode("ascii").rstrip("=")


# --------------------------------------------------------------------------
# Export: a file the command line reads as it is.


@pytest.mark.parametrize("site, lang", RUNTIMES_AND_LANGS, indirect=["site"])
def test_export_downloads_the_answers_object_the_command_line_reads(new_page, site, lang, tmp_path):
    page = open_on(new_page, site, lang)
    answer(page, FULL)
    page.fill("#field-repairs_per_quarter", "-5")  # wrong: left out, and said so
    with page.expect_download() as download_info:
        page.click("#export-answers")
    download = download_info.value
    assert download.suggested_filename == FILE_NAME == "aasp-self-check-answers.json"
    path = tmp_path / FILE_NAME
    download.save_as(path)
    exported = json.loads(path.read_text(encoding="utf-8"))
    # The answers object of requirements.md: booleans, whole numbers, a list of addresses; and its version.
    assert exported == dict({key: value for key, value in GIVEN.items() if key != "repairs_per_quarter"},
                            **{VERSION_KEY: ANSWERS_VERSION})
    expect(page.locator("#travel-status")).to_have_text(
        text(lang, "exported", file=FILE_NAME) + " "
        + text(lang, "left_out", questions=labels(lang, ["repairs_per_quarter"])))

    done = subprocess.run([sys.executable, "-m", "checker", "--lang", lang, "--json", str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == assess(exported, lang)


# --------------------------------------------------------------------------
# Import: a good file fills the form; a bad one changes nothing and says why.


@pytest.mark.parametrize("site, lang", RUNTIMES_AND_LANGS, indirect=["site"])
def test_a_saved_file_fills_the_form_and_is_kept(new_page, site, lang, tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(GIVEN, ensure_ascii=False, indent=2), encoding="utf-8")
    page = open_on(new_page, site, lang)
    page.set_input_files("#import-answers", str(path))
    expect(page.locator("#travel-status")).to_have_text(text(lang, "file_filled"))
    assert form_state(page) == form_answers(FULL)
    wait_for_verdict(page, "ready")
    assert kept(page) == _kept_values(FULL)

    page.set_input_files("#import-answers", str(path))  # the same file again
    expect(page.locator("#travel-status")).to_have_text(text(lang, "nothing_new"))


def _not_used(lang, answers):
    """Each answer that cannot be used named, in question order, then the unknown keys by name (quoted, escaped)."""
    _ = translator(lang)
    order = list(QUESTION_BY_KEY)
    errors = sorted(assess(answers, lang)["errors"],
                    key=lambda error: (order.index(error["field"]) if error["field"] in order else len(order),
                                       error["field"]))
    return " ".join([labels(lang, [error["field"]]) + " – " + error["message"] for error in errors])


def _not_answers(lang, content):
    """What the page says of a file that holds no answers object, as the command line says it."""
    try:
        read_object(content.decode("utf-8"))
    except NotJSON as error:
        return text(lang, "file_not_json", fault=described(translator(lang), error))
    raise AssertionError("a JSON object of answers")


BAD_FILES = {
    "not JSON": (b"legal_name;region\nNordic Repair AB;yes\n", None),
    "empty": (b"", None),
    "a trailing comma": (b'{"region": "yes",\n}', None),
    "NaN": (b'{"repairs_per_quarter": NaN}', None),
    # An exported file edited in an older editor and saved as Latin-1: the command line refuses it too.
    "saved as Latin-1": ('{"legal_name": "Återvinning AB"}'.encode("latin-1"), "file_not_utf8"),
    "a list": (b'[{"region": "yes"}]', None),
    "too big": (b'{"purpose": "' + b"x" * MAX_FILE_BYTES + b'"}', "file_too_big"),
    # Bad only inside one long text: not "at most ... characters".
    "a bad escape in a long text": (b'{"purpose": "' + b"x" * 5000 + b'\\q"}', None),
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_bad_file_gets_a_clear_message_and_changes_nothing(new_page, lang, tmp_path):
    page = open_on(new_page, None, lang)
    before = {"legal_name": "Nordic Repair AB", "region": "yes"}
    answer(page, before)
    for name, (content, message) in BAD_FILES.items():
        path = tmp_path / (name.replace(" ", "-") + ".json")
        path.write_bytes(content)
        expected = text(lang, message) if message else _not_answers(lang, content)
        _clear_status(page)
        page.set_input_files("#import-answers", str(path))
        expect(page.locator("#travel-status")).to_have_text(expected)
        assert form_state(page) == form_answers(before), name
        assert kept(page) == before, name
    expect(page.locator("#incoming-answers")).to_be_hidden()


@pytest.mark.parametrize("lang", LANGS)
def test_a_file_that_differs_from_the_answers_here_asks_first(new_page, lang, tmp_path):
    _ = translator(lang)
    page = open_on(new_page, None, lang)
    mine = {"region": "yes", "legal_name": "Nordic Repair AB", "principal": "Anna Berg"}
    answer(page, mine)
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"legal_name": "Fixa Snabbt AB", "region": "unsure", "principal": "Anna Berg",
                                "dba": "Fixa"}), encoding="utf-8")
    page.set_input_files("#import-answers", str(path))
    panel = page.locator("#incoming-answers")
    expect(panel).to_be_visible()
    expect(panel).to_be_focused()
    expect(page.locator("#incoming-heading")).to_have_text(text(lang, "incoming_heading_file"))
    expect(page.locator("#incoming-use")).to_have_text(text(lang, "use_file"))
    # Only what differs, in question order, each with both answers as the visitor reads them.
    expect(page.locator("#incoming-questions li")).to_have_text([
        _(QUESTION_BY_KEY["region"].label) + text(lang, "answer_here", answer=_("Yes"))
        + text(lang, "answer_in_file", answer=_("I do not know")),
        _(QUESTION_BY_KEY["legal_name"].label) + text(lang, "answer_here", answer="Nordic Repair AB")
        + text(lang, "answer_in_file", answer="Fixa Snabbt AB"),
    ])
    assert form_state(page) == form_answers(mine)  # nothing changes until the visitor chooses

    page.click("#incoming-keep")
    expect(panel).to_be_hidden()
    expect(page.locator("#travel-status")).to_have_text(text(lang, "nothing_changed"))
    expect(page.locator("#import-answers")).to_be_focused()
    assert form_state(page) == form_answers(mine)
    assert kept(page) == mine

    page.set_input_files("#import-answers", str(path))
    page.click("#incoming-use")
    # What changed is named, in question order: there were answers here before.
    expect(page.locator("#travel-status")).to_have_text(
        text(lang, "file_filled") + " " + text(lang, "changed", questions=labels(lang, ["region", "legal_name", "dba"])))
    theirs = {"region": "unsure", "legal_name": "Fixa Snabbt AB", "principal": "Anna Berg", "dba": "Fixa"}
    assert form_state(page) == form_answers(theirs)
    assert kept(page) == theirs


# --------------------------------------------------------------------------
# The share link: answers in the fragment only.


@pytest.mark.parametrize("site, lang", RUNTIMES_AND_LANGS, indirect=["site"])
def test_a_share_link_carries_the_answers_in_its_fragment_and_fills_the_form(new_page, site, lang):
    page = open_on(new_page, site, lang)
    # Said before the link is made: anyone with it sees the answers.
    expect(page.locator("#your-answers .sc-travel")).to_contain_text(text(lang, "share_warning"))
    answer(page, FULL)
    page.click("#share-answers")
    link = page.input_value("#share-link")
    assert link.startswith(page.url.split("#")[0] + "#answers=")
    expect(page.locator("#share-link")).to_be_focused()

    visitor = new_page(base_url=site.url)  # another browser: nothing saved there
    visitor.context.set_default_timeout(TIMEOUT_MS[site.runtime])
    requests = []
    visitor.on("request", lambda request: requests.append(request.url))
    visitor.goto(link)
    wait_for_state(visitor, "ready")
    assert form_state(visitor) == form_answers(FULL)
    assert kept(visitor) == _kept_values(FULL)
    expect(visitor.locator("#answers-notice")).to_have_text(text(lang, "link_filled"))
    wait_for_verdict(visitor, "ready")
    assert "#" not in visitor.url  # off the address bar: a reload or a bookmark does not apply it again
    assert [url for url in requests if "answers" in url] == []  # never in a request

    page.fill("#field-legal_name", "Fixa Snabbt AB")  # the link follows the answers
    followed = page.input_value("#share-link")
    assert followed not in ("", link)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click("#copy-share-link")
    expect(page.locator("#share-copied")).to_have_text(text(lang, "copied"))
    assert page.evaluate("navigator.clipboard.readText()") == followed
    page.click("#forget-answers")  # and goes with them
    expect(page.locator("#share-box")).to_be_hidden()
    assert page.input_value("#share-link") == ""


@pytest.mark.parametrize("lang", LANGS)
def test_opening_a_link_never_silently_discards_answers_saved_here(new_page, lang):
    sharer = open_on(new_page, None, lang)
    answer(sharer, {"region": "yes", "legal_name": "Fixa Snabbt AB", "dba": "Fixa"})
    sharer.click("#share-answers")
    link = sharer.input_value("#share-link")

    page = open_on(new_page, None, lang)  # another browser, with answers of its own
    mine = {"region": "yes", "legal_name": "Nordic Repair AB", "principal": "Anna Berg"}
    answer(page, mine)
    tab = page.context.new_page()
    tab.goto(link)
    wait_for_state(tab, "ready")
    expect(tab.locator("#incoming-answers")).to_be_visible()
    expect(tab.locator("#incoming-heading")).to_have_text(text(lang, "incoming_heading_link"))
    expect(tab.locator("#incoming-questions li")).to_have_count(1)  # the legal name; the region is the same
    assert form_state(tab) == form_answers(mine)
    tab.click("#incoming-keep")
    expect(tab.locator("#answers-notice")).to_have_text(text(lang, "nothing_changed"))
    assert form_state(tab) == form_answers(mine)
    assert kept(tab) == mine
    tab.close()

    page.goto(link)  # pasted into an open tab's address bar: only the fragment changes
    expect(page.locator("#incoming-answers")).to_be_visible()
    page.click("#incoming-use")
    merged = {"region": "yes", "legal_name": "Fixa Snabbt AB", "dba": "Fixa", "principal": "Anna Berg"}
    expect_value(page, "legal_name", "Fixa Snabbt AB")
    assert form_state(page) == form_answers(merged)  # the principal, not in the link, is kept
    assert kept(page) == merged
    expect(page.locator("#answers-notice")).to_have_text(
        text(lang, "link_filled") + " " + text(lang, "changed", questions=labels(lang, ["legal_name", "dba"])))
    expect(page.locator("#answers-notice")).to_be_focused()


@pytest.mark.parametrize("lang", LANGS)
def test_a_damaged_link_changes_nothing_and_says_so(new_page, lang):
    page = open_on(new_page, None, lang)
    mine = {"legal_name": "Nordic Repair AB"}
    answer(page, mine)
    wrong = text(lang, "link_wrong", problems=_not_used(lang, {"region": "maybe"}))  # nothing usable: each named
    for code, said in (("!!!", None), ("", None), (_link_code("[1]"), None), (_link_code('{"region": "maybe"}'), wrong),
                       (_link_code("{") + "%%", None), (_link_code('{"region": "yes",}'), None)):
        tab = page.context.new_page()
        tab.goto(self_check_path(lang) + "#answers=" + code)
        wait_for_state(tab, "ready")
        expect(tab.locator("#answers-notice")).to_have_text(said or text(lang, "link_bad"))
        assert form_state(tab) == form_answers(mine), code
        tab.close()
    assert kept(page) == mine


@pytest.mark.parametrize("site, lang", RUNTIMES_AND_LANGS, indirect=["site"])
def test_a_link_handed_over_encoded_or_with_the_sentences_full_stop_still_fills_the_form(new_page, site, lang):
    """Mail and chat programs percent-encode a link's "=" (some twice) or take
    the full stop after it along; a heading's anchor is no link of answers."""
    code = _link_code(json.dumps({"legal_name": "Fixa Snabbt AB", "region": "yes"}))
    page = open_on(new_page, site, lang)
    for fragment in ("answers%3D" + code, "answers%253D" + code, "answers=" + code + "."):
        page.click("#forget-answers")
        tab = page.context.new_page()
        tab.goto(self_check_path(lang) + "#" + fragment)
        wait_for_state(tab, "ready")
        expect(tab.locator("#answers-notice")).to_have_text(text(lang, "link_filled"))
        expect_value(tab, "legal_name", "Fixa Snabbt AB")
        assert "#" not in tab.url, fragment
        tab.close()
    tab = page.context.new_page()
    tab.goto(self_check_path(lang) + "#your-answers")
    wait_for_state(tab, "ready")
    expect(tab.locator("#answers-notice")).to_be_hidden()
    assert tab.url.endswith("#your-answers")


@pytest.mark.parametrize("lang", LANGS)
def test_a_link_or_file_opened_where_nothing_can_be_kept_never_says_it_is_kept(new_page, lang, tmp_path):
    page = new_page()
    page.add_init_script("Object.defineProperty(window, 'localStorage', "
                         "{get() { throw new DOMException('The user denied it.', 'SecurityError'); }})")
    page.goto(self_check_path(lang) + "#answers=" + _link_code(json.dumps({"legal_name": "Fixa Snabbt AB"})))
    wait_for_state(page, "ready")
    expect(page.locator("#answers-notice")).to_have_text(
        text(lang, "storage_blocked") + " " + text(lang, "link_filled_not_kept"))
    expect_value(page, "legal_name", "Fixa Snabbt AB")
    saved = tmp_path / FILE_NAME
    saved.write_text(json.dumps({"principal": "Åsa Öberg"}), encoding="utf-8")
    page.set_input_files("#import-answers", str(saved))
    # There were answers (the link's) before the file: what it changed is named.
    expect(page.locator("#travel-status")).to_have_text(
        text(lang, "file_filled_not_kept") + " " + text(lang, "changed", questions=labels(lang, ["principal"])))
    expect_value(page, "principal", "Åsa Öberg")


# --------------------------------------------------------------------------
# On a phone, and for everyone.


@pytest.mark.parametrize("width, height", [(390, 844), (320, 640)])
@pytest.mark.parametrize("lang", LANGS)
def test_the_answer_controls_fit_a_phone(new_page, lang, width, height, tmp_path):
    page = open_on(new_page, None, lang, viewport={"width": width, "height": height})

    def fits(control):
        box = page.locator(control).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (control, box)
        if control != "#share-link":  # a text field, as wide as the screen
            assert box["height"] >= 44 and box["width"] >= 44, (control, box)  # WCAG 2.5.5 (AAA), beyond 2.5.8's 24

    answer(page, {"region": "yes", "legal_name": "Nordic Repair AB"})
    page.click("#forget-answers")
    fits("#undo-forget")
    page.click("#undo-forget")
    page.goto(self_check_path(lang) + "#answers=" + _link_code(json.dumps({"principal": "Anna Berg"})))
    fits("#undo-link")
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"dba": "Fixa"}), encoding="utf-8")
    page.set_input_files("#import-answers", str(path))
    expect(page.locator("#undo-file")).to_be_visible()
    page.click("#share-answers")
    for control in ["#export-answers", "label[for=import-answers]", "#undo-file", "#share-answers", "#share-link",
                    "#copy-share-link", "#forget-answers"]:
        fits(control)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width + 1
    page.locator("#your-answers").screenshot(path=tmp_path / f"your-answers-{lang}.png")


@pytest.mark.parametrize("lang", LANGS)
def test_the_answer_controls_work_from_the_keyboard(new_page, lang, tmp_path):
    """The file control is hidden behind its label: the label shows its focus,
    and Enter opens the file chooser."""
    page = open_on(new_page, None, lang)
    # Playwright turns on catching the chooser without waiting for a reply; a
    # listener from the start has it on before Enter is pressed (else: flaky).
    page.on("filechooser", lambda chooser: None)
    page.focus("#export-answers")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "import-answers"
    outline = page.eval_on_selector("label[for=import-answers]", "label => getComputedStyle(label).outlineStyle")
    assert outline != "none"
    with page.expect_file_chooser() as chooser_info:
        page.keyboard.press("Enter")
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"region": "no"}), encoding="utf-8")
    chooser_info.value.set_files(str(path))
    expect(page.locator("#travel-status")).to_have_text(text(lang, "file_filled"))
    page.keyboard.press("Tab")  # its undo, right below the message
    assert page.evaluate("document.activeElement.id") == "undo-file"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "share-answers"


@pytest.mark.parametrize("lang", LANGS)
def test_the_answer_controls_have_no_wcag_violations(new_page, lang, tmp_path):
    page = open_on(new_page, None, lang)
    answer(page, {"region": "yes", "legal_name": "Nordic Repair AB"})
    page.click("#share-answers")
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"region": "no"}), encoding="utf-8")
    page.set_input_files("#import-answers", str(path))
    expect(page.locator("#incoming-answers")).to_be_visible()
    page.fill("#field-purpose", "x" * 2001)  # an answer not kept, said beside it
    expect(page.locator("#not-kept-purpose")).to_be_visible()
    assert violations(page) == []


# --------------------------------------------------------------------------
# As a shop owner on a phone: what each control says, where, and where focus goes.


@pytest.mark.parametrize("lang", LANGS)
def test_the_share_warning_comes_before_its_button_and_describes_the_button_and_the_link(new_page, lang):
    page = open_on(new_page, None, lang)
    warning = page.locator("#share-warning")
    expect(warning).to_have_text(text(lang, "share_warning"))
    # Read before the button, in the page's order, and said with the button and the link by a screen reader.
    assert page.evaluate("""() => Boolean(document.getElementById('share-warning')
        .compareDocumentPosition(document.getElementById('share-answers')) & Node.DOCUMENT_POSITION_FOLLOWING)""")
    expect(page.locator("#share-answers")).to_have_accessible_description(text(lang, "share_warning"))
    answer(page, {"region": "yes"})
    page.click("#share-answers")
    expect(page.locator("#share-link")).to_have_accessible_description(text(lang, "share_warning"))


@pytest.mark.parametrize("lang", LANGS)
def test_undo_says_beside_the_button_that_the_answers_are_back(new_page, lang):
    page = open_on(new_page, None, lang)
    answer(page, {"legal_name": "Nordic Repair AB"})
    page.click("#forget-answers")
    expect(page.locator("#forget-status")).to_have_text(text(lang, "forgotten"))
    page.click("#undo-forget")
    expect_value(page, "legal_name", "Nordic Repair AB")
    expect(page.locator("#forget-status")).to_have_text(text(lang, "undone"))
    expect(page.locator("#forget-answers")).to_be_focused()
    page.fill("#field-dba", "Fixa")  # a new answer: the news is over
    expect(page.locator("#forget-status")).to_have_text("")


@pytest.mark.parametrize("lang", LANGS)
def test_the_same_bad_file_twice_is_said_twice(new_page, lang, tmp_path):
    """A message that stayed the same would not be announced again, and a
    visitor who sees nothing change thinks the button did nothing."""
    page = open_on(new_page, None, lang)
    page.evaluate("""() => { window.travelSaid = [];
        new MutationObserver(() => window.travelSaid.push(document.getElementById('travel-status').textContent))
            .observe(document.getElementById('travel-status'), {childList: true, characterData: true, subtree: true}); }""")
    path = tmp_path / "answers.csv"
    path.write_bytes(b"legal_name;region\nNordic Repair AB;yes\n")
    said = _not_answers(lang, path.read_bytes())
    for times in (1, 2):
        page.set_input_files("#import-answers", str(path))
        wait_until(page, "([said, times]) => window.travelSaid.filter(text => text === said).length === times",
                   [said, times])
    expect(page.locator("#travel-status")).to_have_text(said)


@pytest.mark.parametrize("lang", LANGS)
def test_a_second_link_in_the_same_tab_replaces_the_news_of_the_first(new_page, lang):
    page = open_on(new_page, None, lang)
    page.goto(self_check_path(lang) + "#answers=" + _link_code(json.dumps({"legal_name": "Nordic Repair AB"})))
    expect(page.locator("#answers-notice")).to_have_text(text(lang, "link_filled"))
    page.goto(self_check_path(lang) + "#answers=!!!")  # pasted into the same tab: only the fragment changes
    expect(page.locator("#answers-notice")).to_have_text(text(lang, "link_bad"))  # not "filled", then "bad"
    expect_value(page, "legal_name", "Nordic Repair AB")


@pytest.mark.parametrize("lang", LANGS)
def test_the_choice_a_link_asks_for_starts_below_the_header_on_a_small_phone(new_page, lang):
    page = open_on(new_page, None, lang, viewport={"width": 320, "height": 640})
    answer(page, {"region": "no", "legal_name": "Telefonkliniken HB", "repairs_per_quarter": 250})
    link = {"region": "unsure", "legal_name": "Snabbfix Norr AB", "repairs_per_quarter": 120}
    page.goto(self_check_path(lang) + "#answers=" + _link_code(json.dumps(link)))
    panel = page.locator("#incoming-answers")
    expect(panel).to_be_focused()
    header = page.locator(".md-header").bounding_box()
    # Taller than the screen: its heading, what the choice is about, in sight below the header.
    assert panel.bounding_box()["height"] > 640 - header["height"]
    heading = page.locator("#incoming-heading").bounding_box()
    assert heading["y"] >= header["y"] + header["height"], (heading, header)
    page.click("#incoming-use")
    notice = page.locator("#answers-notice")
    expect(notice).to_be_focused()
    assert notice.bounding_box()["y"] >= header["y"] + header["height"]


@pytest.mark.parametrize("lang", LANGS)
def test_answers_from_a_file_or_a_link_can_be_undone(new_page, lang, tmp_path):
    page = open_on(new_page, None, lang)
    mine = {"region": "yes", "legal_name": "Nordic Repair AB"}
    answer(page, mine)
    theirs = {"region": "unsure", "legal_name": "Fixa Snabbt AB", "dba": "Fixa"}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(theirs), encoding="utf-8")

    page.set_input_files("#import-answers", str(path))
    page.click("#incoming-use")
    assert form_state(page) == form_answers(theirs)
    undo = page.locator("#undo-file")
    expect(undo).to_be_visible()
    expect(undo).to_have_accessible_description(page.locator("#travel-status").text_content())
    expect(page.locator("#undo-link")).to_be_hidden()
    undo.click()
    expect(page.locator("#travel-status")).to_have_text(text(lang, "incoming_undone"))
    expect(undo).to_be_hidden()
    expect(page.locator("#import-answers")).to_be_focused()  # the button it was on is gone
    assert form_state(page) == form_answers(mine)
    assert kept(page) == mine

    # From a link, beside its news above the form.
    page.goto(self_check_path(lang) + "#answers=" + _link_code(json.dumps({"dba": "Fixa"})))
    expect(page.locator("#answers-notice")).to_have_text(
        text(lang, "link_filled") + " " + text(lang, "changed", questions=labels(lang, ["dba"])))
    page.click("#undo-link")
    expect(page.locator("#answers-notice")).to_have_text(text(lang, "incoming_undone"))
    expect(page.locator("#answers-notice")).to_be_focused()
    assert kept(page) == mine

    # A file or link that brings nothing in ends the undo too: beside its message, it would undo another's.
    page.set_input_files("#import-answers", str(path))
    page.click("#incoming-use")
    expect(undo).to_be_visible()
    bad = tmp_path / "bad.json"
    bad.write_text("not answers", encoding="utf-8")
    page.set_input_files("#import-answers", str(bad))
    expect(page.locator("#travel-status")).to_have_text(_not_answers(lang, b"not answers"))
    expect(undo).to_be_hidden()
    undo_link = page.locator("#undo-link")
    page.goto(self_check_path(lang) + "#answers=" + _link_code(json.dumps({"principal": "Anna Berg"})))
    expect(undo_link).to_be_visible()
    page.goto(self_check_path(lang) + "#answers=!!!")
    expect(page.locator("#answers-notice")).to_have_text(text(lang, "link_bad"))
    expect(undo_link).to_be_hidden()
    page.click("#forget-answers")
    answer(page, mine)

    # Offered only until the visitor answers anew: undoing then would take that answer away too.
    page.goto(self_check_path(lang) + "#answers=" + _link_code(json.dumps({"dba": "Fixa"})))
    expect(page.locator("#undo-link")).to_be_visible()
    page.fill("#field-principal", "Anna Berg")
    expect(page.locator("#undo-link")).to_be_hidden()
    # Into an empty form nothing is named: everything came from the link.
    page.click("#forget-answers")
    expect(page.locator("#undo-link")).to_be_hidden()
    page.goto(self_check_path(lang) + "#answers=" + _link_code(json.dumps(theirs)))
    expect(page.locator("#answers-notice")).to_have_text(text(lang, "link_filled"))


@pytest.mark.parametrize("lang", LANGS)
def test_a_links_news_takes_the_focus_unless_the_visitor_is_typing(new_page, lang):
    """As GOV.UK's success banner: the news of what the link did is the first
    thing read and the next Tab reaches its undo."""
    page = open_on(new_page, None, lang)
    page.goto(self_check_path(lang) + "#answers=" + _link_code(json.dumps({"legal_name": "Nordic Repair AB"})))
    notice = page.locator("#answers-notice")
    expect(notice).to_have_text(text(lang, "link_filled"))
    expect(notice).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#undo-link")).to_be_focused()

    fresh = new_page()  # opened from the link itself, a damaged one
    fresh.goto(self_check_path(lang) + "#answers=!!!")
    wait_for_state(fresh, "ready")
    expect(fresh.locator("#answers-notice")).to_have_text(text(lang, "link_bad"))
    expect(fresh.locator("#answers-notice")).to_be_focused()

    page.focus("#field-dba")  # typing, when the link arrives: the notice says it, the field keeps the focus
    page.evaluate("(fragment) => { location.hash = fragment; }",
                  "#answers=" + _link_code(json.dumps({"principal": "Anna Berg"})))
    expect(notice).to_have_text(text(lang, "link_filled") + " " + text(lang, "changed", questions=labels(lang, ["principal"])))
    expect(page.locator("#field-dba")).to_be_focused()


# --------------------------------------------------------------------------
# Answers from another version, or from anyone: what applies fills the form,
# the rest is named, shown safely.

# A question retired, an answer the checker cannot use, a key that would turn the sentence backwards.
FROM_ELSEWHERE = {"version": 1, "retired_question": True, "region": "maybe", "legal_name": "Fixa Snabbt AB",
                  "\u202eBA kcikS": 1, "dba": "Fixa\u202e"}


@pytest.mark.parametrize("source", ["file", "link"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_file_or_link_from_another_version_fills_what_applies_and_names_the_rest(new_page, lang, source, tmp_path):
    page = open_on(new_page, None, lang)
    content = json.dumps(FROM_ELSEWHERE)
    if source == "file":
        path = tmp_path / "answers.json"
        path.write_text(content, encoding="utf-8")
        page.set_input_files("#import-answers", str(path))
        said = page.locator("#travel-status")
    else:
        page.goto(self_check_path(lang) + "#answers=" + _link_code(content))
        said = page.locator("#answers-notice")
    without_version = {key: value for key, value in FROM_ELSEWHERE.items() if key != "version"}
    expect(said).to_have_text(text(lang, source + "_filled") + " " + text(lang, "not_used", problems=_not_used(lang, without_version)))
    assert "\u202e" not in said.text_content() and "\\u202e" in said.text_content()  # shown, not obeyed
    usable = {"legal_name": "Fixa Snabbt AB", "dba": "Fixa\u202e"}
    assert form_state(page) == form_answers(usable)
    assert kept(page) == usable

    # Nothing usable at all: nothing changes, and each answer is named.
    nothing = {"retired_question": True, "region": "maybe"}
    if source == "file":
        path.write_text(json.dumps(nothing), encoding="utf-8")
        page.set_input_files("#import-answers", str(path))
    else:
        page.goto(self_check_path(lang) + "#answers=" + _link_code(json.dumps(nothing)))
    expect(said).to_have_text(text(lang, source + "_wrong", problems=_not_used(lang, nothing)))
    assert kept(page) == usable


@pytest.mark.parametrize("lang", LANGS)
def test_the_answers_compared_before_a_choice_are_shown_safely(new_page, lang):
    page = open_on(new_page, None, lang)
    answer(page, {"legal_name": "Nordic Repair AB"})
    page.goto(self_check_path(lang) + "#answers=" + _link_code(json.dumps({"legal_name": "\u202eBA xiF\u2066"})))
    expect(page.locator("#incoming-questions li")).to_have_count(1)
    shown = page.locator("#incoming-questions li").text_content()
    assert "\\u202eBA xiF\\u2066" in shown and "\u202e" not in shown


# --------------------------------------------------------------------------
# No undo takes away newer work.


def _bring_in(page, lang, source, answers, tmp_path):
    if source == "file":
        path = tmp_path / "answers.json"
        path.write_text(json.dumps(answers), encoding="utf-8")
        page.set_input_files("#import-answers", str(path))
    else:
        page.goto(self_check_path(lang) + "#answers=" + _link_code(json.dumps(answers)))
    undo = page.locator("#undo-" + source)
    expect(undo).to_be_visible()
    return undo


@pytest.mark.parametrize("source", ["file", "link"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_new_answer_in_another_tab_ends_the_undo_of_a_file_or_link(new_page, lang, source, tmp_path):
    page = open_on(new_page, None, lang)
    undo = _bring_in(page, lang, source, {"dba": "Fixa", "principal": "Anna Berg"}, tmp_path)
    other = another_tab(page, lang)
    other.fill("#field-dba", "Fixa Snabbt")
    expect(undo).to_be_hidden()  # clicking it would have emptied the trading name in both tabs
    expect_value(page, "dba", "Fixa Snabbt")
    assert kept(page) == {"dba": "Fixa Snabbt", "principal": "Anna Berg"}


@pytest.mark.parametrize("source", ["file", "link"])
@pytest.mark.parametrize("lang", LANGS)
def test_an_undo_puts_back_only_what_is_still_as_the_file_or_link_left_it(new_page, lang, source, tmp_path):
    page = open_on(new_page, None, lang)
    undo = _bring_in(page, lang, source, {"dba": "Fixa", "principal": "Anna Berg"}, tmp_path)
    # Another tab's answer, written to storage before this tab has heard of it (no event in this tab).
    store(page, {PREFIX + "dba": "Fixa Snabbt"})
    undo.click()
    said = page.locator("#travel-status" if source == "file" else "#answers-notice")
    expect(said).to_have_text(text(lang, "incoming_undone_but", questions=labels(lang, ["dba"])))
    assert kept(page) == {"dba": "Fixa Snabbt"}  # the newer answer stays; the file's other answer is undone
    expect_value(page, "principal", "")


@pytest.mark.parametrize("lang", LANGS)
def test_a_second_link_or_file_replaces_the_first_ones_choice(new_page, lang, tmp_path):
    page = open_on(new_page, None, lang)
    mine = {"region": "yes", "legal_name": "Nordic Repair AB"}
    answer(page, mine)
    panel = page.locator("#incoming-answers")
    page.goto(self_check_path(lang) + "#answers=" + _link_code(json.dumps({"legal_name": "Fixa Snabbt AB"})))
    expect(panel).to_be_visible()
    # A second link that asks nothing: it fills, and the first one's choice is gone with its "use" button.
    page.goto(self_check_path(lang) + "#answers=" + _link_code(json.dumps({"dba": "Fixa"})))
    expect(page.locator("#answers-notice")).to_have_text(text(lang, "link_filled") + " "
                                                         + text(lang, "changed", questions=labels(lang, ["dba"])))
    expect(panel).to_be_hidden()
    expect_value(page, "legal_name", "Nordic Repair AB")

    # A second link that asks too: its own answers are the ones the choice shows and applies.
    page.goto(self_check_path(lang) + "#answers=" + _link_code(json.dumps({"legal_name": "Fixa Snabbt AB"})))
    expect(panel).to_be_visible()
    page.goto(self_check_path(lang) + "#answers=" + _link_code(json.dumps({"region": "unsure"})))
    expect(page.locator("#incoming-questions li")).to_have_count(1)
    page.click("#incoming-use")
    expect_value(page, "legal_name", "Nordic Repair AB")
    expect(page.locator('input[name="region"][value="unsure"]')).to_be_checked()

    # A file while a link's choice is open replaces it as well.
    page.goto(self_check_path(lang) + "#answers=" + _link_code(json.dumps({"legal_name": "Fixa Snabbt AB"})))
    expect(panel).to_be_visible()
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"principal": "Anna Berg"}), encoding="utf-8")
    page.set_input_files("#import-answers", str(path))
    expect(page.locator("#travel-status")).to_have_text(
        text(lang, "file_filled") + " " + text(lang, "changed", questions=labels(lang, ["principal"])))
    expect(panel).to_be_hidden()
    expect_value(page, "legal_name", "Nordic Repair AB")
