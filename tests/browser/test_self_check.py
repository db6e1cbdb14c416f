"""The self-check in a real headless Chromium, against the built site served
from a sub-path (/aasp/), in both languages (DESIGN.md, "The site" and
"The self-check page").

What the browser shows is compared with `checker.assess()` run here in CPython
on the same answers: the page must show exactly the module's report. Every
wait is on the page's own signals (data-state, data-verdict, data-status,
element states), never on time.
"""

from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from self_check_helpers import (
    LANG_PREFIX,
    ROOT,
    answer,
    focus_style,
    form_answers,
    form_state,
    in_action_order,
    open_self_check,
    read_result,
    self_check_path,
    wait_for_report,
    wait_for_state,
    wait_for_verdict,
    wait_until,
)

from checker import assess, draft_email
from hooks.bytecode import compile_text
from hooks.runtime_files import pyscript_start_modules
from checker.application import ADVISED_LANGUAGE, APPLICATION_ADDRESS
from checker.i18n import LANGUAGES, translator
from checker.page_texts import PAGE_TEXTS
from checker.questions import BOOL, CHOICE, COUNT, LINES, LONG_TEXT, QUESTION_BY_KEY, QUESTIONS, TEXT
from checker.report import STATUS_TEXTS, VERDICT_TEXTS, headline
from checker.rules import MINIMUM_REPAIRS, RULES
from profiles import COMPLETE

LANGS = list(LANGUAGES)
RULE_IDS = [rule.id for rule in RULES]

# The case table's complete profile: ready to apply.
READY = COMPLETE
assert assess(READY)["verdict"] == "ready"

# The same, with every optional detail and two addresses, for the e-mail draft.
FULL = dict(
    READY,
    dba="Fixa Snabbt",
    addresses=["Storgatan 12, 111 22 Stockholm", "Kungsgatan 3, 411 19 Göteborg"],
    apple_history="Auktoriserad återförsäljare 2015–2020.",
)

PROFILES = {
    "ready": (READY, "ready"),
    "not_eligible": (dict(READY, repairs_per_quarter=150, email="anna@gmail.com"), "not_eligible"),
    "needs_attention": (dict(READY, region="unsure"), "needs_attention"),
    "incomplete": ({"region": "yes", "organisation_type": "company", "repairs_per_quarter": 250}, "incomplete"),
    "po_box": (dict(READY, addresses=["Storgatan 12, 111 22 Stockholm", "Box 1234, 111 22 Stockholm"]),
               "not_eligible"),
    "trademark_name": (dict(READY, legal_name="iPhone Doktorn AB"), "needs_attention"),
}


def _t(lang):
    return translator(lang)


def _page_text(lang, key):
    return _t(lang)(PAGE_TEXTS[key])


# --------------------------------------------------------------------------
# The built HTML, read as a file: the form is there before any script runs.


class _Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    def text(self):
        parts = [c if isinstance(c, str) else c.text() for c in self.children]
        return " ".join(" ".join(parts).split())

    def iter(self):
        for child in self.children:
            if isinstance(child, _Node):
                yield child
                yield from child.iter()

    def find_all(self, tag=None, **attrs):
        return [n for n in self.iter() if (tag is None or n.tag == tag)
                and all(n.attrs.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())]

    def by_id(self, element_id):
        found = [n for n in self.iter() if n.attrs.get("id") == element_id]
        return found[0] if found else None


class _Tree(HTMLParser):
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in self.VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(_Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def _parse(path):
    tree = _Tree()
    tree.feed(path.read_text(encoding="utf-8"))
    tree.close()
    return tree.root


@pytest.mark.parametrize("lang", LANGS)
def test_ids_on_the_self_check_page_are_unique(site_dir, lang):
    """The glue (checker/web.py) and boot.js find the form by
    getElementById("self-check"): a heading with the same id takes its place."""
    doc = _parse(site_dir / self_check_path(lang) / "index.html")
    ids = [n.attrs["id"] for n in doc.iter() if n.attrs.get("id")]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    owners = {i: [n.tag for n in doc.iter() if n.attrs.get("id") == i] for i in duplicates}
    assert duplicates == [], f"ids used more than once: {owners}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_theme_script_is_left_to_boot_js_on_the_self_check_page_only(site_dir, lang):
    """hooks/self_check_page.py moves the theme's script from the page to boot.js,
    which loads it later; every other page keeps it."""
    page = site_dir / self_check_path(lang) / "index.html"
    scripts = [n.attrs for n in _parse(page).iter() if n.tag == "script" and n.attrs.get("src")]
    assert [a["src"] for a in scripts if "/javascripts/bundle." in a["src"]] == []
    boot = [a for a in scripts if a["src"].endswith("/boot.js")]
    assert len(boot) == 1 and (page.parent / boot[0]["data-theme-script"]).resolve().is_file()
    requirements = (site_dir / LANG_PREFIX[lang] / "requirements" / "index.html").read_text(encoding="utf-8")
    assert requirements.count("/javascripts/bundle.") == 1


@pytest.mark.parametrize("lang", LANGS)
def test_the_theme_starts_when_the_visitor_reaches_for_the_header(page, lang):
    """The theme's script waits until the self-check is live and the visitor
    reaches outside the page's content (boot.js): answering does not start it,
    a tap on the header does. Then the theme works as on any page, though its
    script came late: its `document$` (what its page parts, such as the table
    of contents and back-to-top, start from) has fired, the colour toggle
    switches the scheme and search finds pages."""
    open_self_check(page, lang)
    page.check('input[name="region"][value="yes"]')
    page.fill('[name="legal_name"]', "Reparera AB")
    theme_scripts = page.locator('script[src*="/javascripts/bundle."]')
    assert theme_scripts.count() == 0
    page.click(".md-header__title")
    wait_until(page, "() => window.document$ !== undefined")
    assert theme_scripts.count() == 1
    page.evaluate("document$.subscribe(() => { window.themeStarted = true; })")
    wait_until(page, "() => window.themeStarted === true")
    toggle = page.locator('form[data-md-component="palette"] label:not([hidden])')
    toggle.wait_for(state="visible")  # the theme shows the toggle when it starts
    scheme = page.get_attribute("body", "data-md-color-scheme")
    toggle.click()
    page.wait_for_selector(f'body:not([data-md-color-scheme="{scheme}"])', state="attached")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("servicepartner" if lang == "sv" else "service provider")
    page.locator(".md-search-result__item").first.wait_for(state="visible")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("system, scheme", [("dark", "slate"), ("light", "default")])
def test_the_page_has_the_systems_colour_scheme_before_the_theme_starts(new_page, lang, system, scheme):
    """A phone set to dark sees the self-check dark from the start, though the
    theme's script (which would set it) waits for the visitor (partials/palette.html).
    The theme's script is held back here, so what is seen is the page's own doing."""
    page = new_page(color_scheme=system)
    held = []
    page.route("**/javascripts/bundle.*.js", lambda route: held.append(route))
    open_self_check(page, lang)
    assert page.evaluate("window.document$ === undefined")  # the theme has not started
    assert page.get_attribute("body", "data-md-color-scheme") == scheme
    page.unroute("**/javascripts/bundle.*.js")  # lets the held request go on


@pytest.mark.parametrize("lang", LANGS)
def test_pyscript_fetches_only_the_modules_the_page_runs(page, lang):
    """PyScript fetches its plugins (editors, terminals, games) for each Python
    type unless a config names them with "!": the page runs only its `error`
    plugin, for MicroPython, and the idle type's config names them all."""
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    open_self_check(page, lang)  # live: PyScript's start-up is over
    pyscript = sorted(url.rsplit("/", 1)[1] for url in fetched if "/assets/self-check/pyscript/" in url)
    assert pyscript == sorted(pyscript_start_modules())
    assert "plugins" not in page.inner_text("body")  # that config is for PyScript, not for the visitor


@pytest.mark.parametrize("lang", LANGS)
def test_python_files_are_asked_for_once_painted_and_fetched_once(page, lang):
    """boot.js preloads what PyScript will fetch once the page has painted (not
    from <head>: tests/site/test_site_build.py); each preload must be the very
    request PyScript makes, or every file would come twice."""
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    open_self_check(page, lang)
    preloaded = page.eval_on_selector_all('link[rel="preload"], link[rel="modulepreload"]',
                                          "links => links.map(link => link.href)")
    for name in ("micropython.wasm", "micropython.mjs", "checker/rules.mpy", "checker/web/start.mpy"):
        assert [url for url in preloaded if url.endswith("/" + name)], f"{name} is not preloaded"
    asked_twice = sorted({url for url in fetched if "/assets/self-check/" in url and fetched.count(url) > 1})
    assert asked_twice == []


@pytest.mark.parametrize("lang", LANGS)
def test_built_form_has_one_control_per_question_in_the_page_language(site_dir, lang):
    _ = _t(lang)
    doc = _parse(site_dir / self_check_path(lang) / "index.html")
    forms = doc.find_all("form", id="self-check")
    assert len(forms) == 1
    form = forms[0]
    assert form.attrs.get("data-state") == "loading"
    assert form.attrs.get("data-lang") == lang

    controls = [n for n in form.iter() if n.tag in ("input", "textarea", "select", "button")]
    assert sorted({c.attrs.get("name") for c in controls}) == sorted(q.key for q in QUESTIONS)
    assert not [c for c in controls if c.tag == "button" or c.attrs.get("type") == "submit"], \
        "the result updates by itself: no submit button"

    for question in QUESTIONS:
        key = question.key
        named = [c for c in controls if c.attrs.get("name") == key]
        wrapper = doc.by_id("question-" + key)
        assert wrapper is not None, key
        label = _(question.label)
        if question.kind in (BOOL, CHOICE):
            assert [c.tag for c in named] == ["input"] * len(question.choices), key
            assert all(c.attrs.get("type") == "radio" for c in named), key
            values = [c.attrs.get("value") for c in named]
            assert values == [value for value, _label in question.choices], key
            if question.kind == BOOL:
                assert values == ["yes", "no"]
            legend = wrapper.find_all("legend")
            assert legend and legend[0].text().startswith(label), (key, legend[0].text() if legend else None)
            for radio, (_value, choice_label) in zip(named, question.choices):
                labels = doc.find_all("label", for_=radio.attrs["id"])
                assert [lab.text() for lab in labels] == [_(choice_label)], key
        else:
            assert len(named) == 1, key
            control = named[0]
            assert control.attrs.get("id") == "field-" + key
            if question.kind == COUNT:
                assert (control.tag, control.attrs.get("type")) == ("input", "number"), key
                assert control.attrs.get("min") == "0" and control.attrs.get("max") == str(question.maximum)
            elif question.kind in (LINES, LONG_TEXT):
                assert control.tag == "textarea", key
            else:
                assert question.kind == TEXT
                assert (control.tag, control.attrs.get("type")) == ("input", question.input_type), key
            labels = doc.find_all("label", for_="field-" + key)
            assert len(labels) == 1 and labels[0].text().startswith(label), key
        if not question.required:
            assert _("(optional)") in wrapper.text(), key

    if lang == "sv":
        # The labels really are Swedish, not the English msgids.
        translated = [q for q in QUESTIONS if _(q.label) != q.label]
        assert len(translated) == len(QUESTIONS)

    sections = doc.find_all("section", id="checker-result")
    assert len(sections) == 1
    # A polite live region (DESIGN.md, "The self-check page") in which only the summary speaks: every part
    # that changes on a keystroke is kept quiet, or a screen reader would read every row.
    assert sections[0].attrs.get("aria-live") == "polite"
    quiet = [part.attrs.get("class") for part in sections[0].iter() if part.attrs.get("aria-live") == "off"]
    assert sorted(quiet) == ["sc-groups", "sc-start", "sc-verdict"]
    assert [n.attrs.get("role") for n in doc.find_all("p", id="result-announcement")] == ["status"]
    rows = [n.attrs["data-requirement"] for n in sections[0].iter() if "data-requirement" in n.attrs]
    assert rows == RULE_IDS


# --------------------------------------------------------------------------
# Profiles: the browser shows what checker.assess() says, row by row.


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("lang", LANGS)
def test_profile_gives_the_modules_verdict_and_statuses(page, lang, profile):
    answers, verdict = PROFILES[profile]
    expected = assess(form_answers(answers), lang)
    assert expected["verdict"] == verdict  # the profile is what its name says
    open_self_check(page, lang)
    answer(page, answers)
    wait_for_verdict(page, verdict)
    wait_for_report(page, expected)

    _ = _t(lang)
    shown = read_result(page)
    # In the order of what to do (DESIGN.md, "The self-check page"), no longer the catalogue's.
    in_order = in_action_order(expected["requirements"])
    assert [row["id"] for row in shown["rows"]] == [row["id"] for row in in_order]
    assert [row["status_text"] for row in shown["rows"]] == [_(STATUS_TEXTS[row["status"]]) for row in in_order]
    title, explanation, params = headline(expected)  # while provisional: the questions left
    assert page.text_content("#checker-result .sc-verdict-title") == _(title, **params)
    assert page.text_content("#checker-result .sc-verdict-text") == _(explanation)
    assert page.is_visible("#checker-result .sc-verdict")


@pytest.mark.parametrize("lang", LANGS)
def test_each_row_links_to_its_requirement_in_the_same_language(page, site_dir, served_site, lang):
    open_self_check(page, lang)
    links = page.eval_on_selector_all(
        "#checker-result [data-requirement]",
        "rows => rows.map(row => [row.getAttribute('data-requirement'), row.querySelector('a').href])",
    )
    assert [row_id for row_id, _href in links] == RULE_IDS
    requirements_url = served_site + LANG_PREFIX[lang] + "requirements/"
    assert [href for _id, href in links] == [requirements_url + "#" + row_id for row_id in RULE_IDS]
    doc = _parse(site_dir / LANG_PREFIX[lang] / "requirements" / "index.html")
    assert doc.find_all("html")[0].attrs.get("lang") == lang
    ids = [n.attrs.get("id") for n in doc.iter()]
    missing = [row_id for row_id in RULE_IDS if ids.count(row_id) != 1]
    assert missing == [], "anchors missing (or not unique) on the requirements page"


@pytest.mark.parametrize("lang", LANGS)
def test_result_updates_on_every_change_without_submit(page, lang):
    open_self_check(page, lang)
    answer(page, READY)
    wait_for_verdict(page, "ready")
    steps = [
        ({"home_address": True}, "not_eligible"),
        ({"home_address": False}, "ready"),
        ({"region": "unsure"}, "needs_attention"),
        ({"region": "yes"}, "ready"),
        ({"repairs_per_quarter": MINIMUM_REPAIRS - 1}, "not_eligible"),
        ({"repairs_per_quarter": MINIMUM_REPAIRS}, "ready"),
        ({"principal": ""}, "incomplete"),
    ]
    current = dict(READY)
    for change, verdict in steps:
        current.update(change)
        answer(page, change)
        wait_for_verdict(page, verdict)
        wait_for_report(page, assess(form_answers(current), lang))


# --------------------------------------------------------------------------
# Bad input: messages beside the fields and in the summary; nothing cleared.


@pytest.mark.parametrize("lang", LANGS)
def test_bad_numbers_show_the_error_summary_and_keep_every_answer(page, lang):
    open_self_check(page, lang)
    answer(page, FULL)
    wait_for_verdict(page, "ready")
    assert page.is_hidden("#error-summary")

    page.fill("#field-repairs_per_quarter", "-5")
    page.fill("#field-months_in_operation", "100000000")
    # Text a number field cannot hold: the browser keeps it on screen, the
    # field's value reads "" and validity.badInput is true.
    page.fill("#field-certified_technicians", "")
    page.locator("#field-certified_technicians").press_sequentially("1e")
    assert page.eval_on_selector("#field-certified_technicians", "el => el.validity.badInput")

    entered = form_answers(FULL)
    entered.update(repairs_per_quarter="-5", months_in_operation="100000000", certified_technicians="?")
    expected = assess(entered, lang)
    wrong = ["months_in_operation", "repairs_per_quarter", "certified_technicians"]  # in form order
    assert sorted(error["field"] for error in expected["errors"]) == sorted(wrong)
    messages = {error["field"]: error["message"] for error in expected["errors"]}

    page.wait_for_selector("#error-summary", state="visible")
    wait_for_report(page, expected)
    expect(page.locator("#error-summary a")).to_have_count(len(wrong))
    links = page.eval_on_selector_all(
        "#error-summary a", "links => links.map(a => [a.getAttribute('href'), a.textContent])")
    _ = _t(lang)
    # The question, then its message (after a question mark, no colon).
    labels = {key: _(QUESTION_BY_KEY[key].label) for key in wrong}
    assert links == [["#field-" + key, labels[key] + (" " if labels[key].endswith("?") else ": ") + messages[key]]
                     for key in wrong]
    for key in wrong:
        assert page.is_visible("#error-" + key)
        # After "Error:" for a screen reader only.
        assert page.text_content("#error-" + key) == _page_text(lang, "error_prefix") + " " + messages[key]
        assert page.text_content(f"#error-{key} .sc-visually-hidden") == _page_text(lang, "error_prefix") + " "
        assert page.get_attribute("#field-" + key, "aria-invalid") == "true"
    assert page.text_content("#error-summary-title") == _page_text(lang, "error_summary")
    # In the page's language: the Swedish messages are not the English ones.
    if lang == "sv":
        english = {e["field"]: e["message"] for e in assess(entered, "en")["errors"]}
        assert all(messages[key] != english[key] for key in wrong)

    # Every answer stays as entered, the wrong ones included.
    kept = form_answers(FULL)
    kept.update(repairs_per_quarter="-5", months_in_operation="100000000", certified_technicians="")
    assert form_state(page) == kept
    assert page.eval_on_selector("#field-certified_technicians", "el => el.validity.badInput")

    # Put right, the message goes, the others stay.
    page.fill("#field-repairs_per_quarter", "250")
    page.wait_for_selector("#error-repairs_per_quarter", state="hidden")
    assert page.eval_on_selector_all("#error-summary a", "links => links.map(a => a.getAttribute('href'))") == \
        ["#field-months_in_operation", "#field-certified_technicians"]
    assert page.get_attribute("#field-repairs_per_quarter", "aria-invalid") is None


@pytest.mark.parametrize("lang", LANGS)
def test_clicking_an_error_summary_link_moves_focus_to_the_field(page, lang):
    """What a person does: types a wrong number, then clicks the link in the
    summary (leaving the field fires its change event on the way)."""
    open_self_check(page, lang)
    page.fill("#field-months_in_operation", "100000000")
    page.fill("#field-repairs_per_quarter", "-5")
    link = '#error-summary a[href="#field-months_in_operation"]'
    page.wait_for_selector(link, state="visible")
    page.click(link)
    focused = page.evaluate("[document.activeElement.tagName.toLowerCase(), document.activeElement.id]")
    assert focused == ["input", "field-months_in_operation"], \
        "the first click on an error-summary link after typing did not move focus to the field"


@pytest.mark.parametrize("lang", LANGS)
def test_the_bar_under_the_questions_keeps_the_verdict_in_sight(page, lang):
    open_self_check(page, lang)
    answers = {"region": "yes", "repairs_per_quarter": 150, "credit_line": "planned"}
    answer(page, answers)
    report = assess(answers, lang)
    wait_for_report(page, report)
    counts = {status: sum(row["status"] == status for row in report["requirements"])
              for status in ("met", "not_met", "unclear", "unanswered")}
    _ = translator(lang)
    assert page.get_attribute(".sc-peek", "data-peek-verdict") == ("provisional" if report["provisional"] else report["verdict"])
    title, _explanation, params = headline(report)
    assert page.text_content(".sc-peek-verdict") == _(title, **params)
    assert page.text_content(".sc-peek-tally") == _(PAGE_TEXTS["tally"], **counts)
    page.click(".sc-peek a")
    assert page.url.endswith("#checker-result")
    expect(page.locator("#result-heading")).to_be_focused()  # a screen reader reads on from there


@pytest.mark.parametrize("lang", LANGS)
def test_a_screen_reader_hears_the_verdict_and_tally_not_every_row(page, lang):
    open_self_check(page, lang)
    assert page.text_content("#result-announcement") == ""  # nothing read out at start
    answers = dict(READY, repairs_per_quarter=150)
    answer(page, answers)
    report = assess(answers, lang)
    wait_for_report(page, report)
    _ = translator(lang)
    expected = _(VERDICT_TEXTS[report["verdict"]][0]) + ". " + page.text_content(".sc-peek-tally")
    wait_until(page, "text => document.getElementById('result-announcement').textContent === text", arg=expected)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("profile, status", [("po_box", "not_met"), ("trademark_name", "unclear")])
def test_the_verdict_names_the_requirements_that_decide_it(page, lang, profile, status):
    answers, verdict = PROFILES[profile]
    open_self_check(page, lang)
    answer(page, answers)
    report = assess(answers, lang)
    wait_for_report(page, report)
    deciding = [row for row in report["requirements"] if row["status"] == status]
    assert deciding
    causes = page.locator(".sc-verdict-causes")
    assert causes.text_content() == _t(lang)(STATUS_TEXTS[status]) + ": " + ", ".join(row["title"] for row in deciding)
    assert causes.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))") == \
        ["#result-" + row["id"] for row in deciding]
    answer(page, READY)
    wait_for_verdict(page, "ready")
    assert page.is_hidden(".sc-verdict-causes")


@pytest.mark.parametrize("lang", LANGS)
def test_overlong_text_is_kept_and_said_to_be_too_long(page, lang):
    """No maxlength cuts a paste short without a word: the text stays and the error says why."""
    open_self_check(page, lang)
    text = "Reparationer " * 200  # 2,600 characters
    page.fill("#field-purpose", text)
    page.wait_for_selector("#error-purpose", state="visible")
    assert page.input_value("#field-purpose") == text
    expected = {e["field"]: e["message"] for e in assess({"purpose": text}, lang)["errors"]}
    assert page.text_content("#error-purpose") == _page_text(lang, "error_prefix") + " " + expected["purpose"]


@pytest.mark.parametrize("lang", LANGS)
def test_each_result_row_leads_back_to_its_question(page, lang):
    open_self_check(page, lang)
    page.fill("#field-legal_name", "Nordic Repair AB")  # before any answer, a start text stands in for the rows
    expect(page.locator('[data-requirement="trademarks"]')).to_have_attribute("data-status", "met")
    for requirement, field in (("repair-volume", "field-repairs_per_quarter"), ("region", "field-region"),
                               ("business-email", "field-email")):
        link = f'[data-requirement="{requirement}"] a.sc-row-change'
        assert page.text_content(link).startswith(_page_text(lang, "to_question"))
        page.click(link)
        assert page.evaluate("document.activeElement.id") == field


@pytest.mark.parametrize("lang", LANGS)
def test_each_row_leads_to_the_question_that_decided_it(page, lang):
    """Not always the rule's first question: a PO box leads to the addresses, a
    malformed phone number to the phone field."""
    answers = dict(READY, addresses=["Box 1234, 111 22 Stockholm"], phone="12345")
    open_self_check(page, lang)
    answer(page, answers)
    report = assess(answers, lang)
    wait_for_report(page, report)
    links = page.eval_on_selector_all(".sc-row-change", "links => links.map(a => a.getAttribute('href'))")
    assert links == ["#field-" + row["question"] for row in in_action_order(report["requirements"])]
    assert {"#field-addresses", "#field-phone"} <= set(links)
    page.click('[data-requirement="no-home-address"] a.sc-row-change')
    assert page.evaluate("document.activeElement.id") == "field-addresses"


@pytest.mark.parametrize("lang", LANGS)
def test_error_summary_link_by_keyboard_moves_focus_to_the_field(page, lang):
    open_self_check(page, lang)
    page.fill("#field-repairs_per_quarter", "-5")
    page.keyboard.press("Tab")  # on to the next field: the change is committed
    link = '#error-summary a[href="#field-repairs_per_quarter"]'
    page.wait_for_selector(link, state="visible")
    page.focus(link)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "field-repairs_per_quarter"


# --------------------------------------------------------------------------
# The application e-mail.


@pytest.mark.parametrize("lang", LANGS)
def test_email_draft_holds_every_field_and_copies(new_page, site_origin, lang):
    page = new_page()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_origin)
    open_self_check(page, lang)
    answer(page, FULL)
    wait_for_verdict(page, "ready")
    assert page.is_hidden("#email-draft")
    page.click("#make-email")
    page.wait_for_selector("#email-draft", state="visible")

    draft = draft_email(form_answers(FULL), ADVISED_LANGUAGE, lang)
    assert page.text_content("#email-to") == APPLICATION_ADDRESS == "aasp_application_euro@apple.com"
    assert page.text_content("#email-subject") == draft["subject"]
    body = page.input_value("#email-body")
    assert body == draft["body"]
    for key in ("legal_name", "dba", "principal", "phone", "email", "website", "apple_history", "purpose"):
        assert FULL[key] and FULL[key] in body, key
    for address in FULL["addresses"]:
        assert address in body
    mailto = page.get_attribute("#email-mailto", "href")
    assert mailto.startswith("mailto:aasp_application_euro@apple.com?subject=")
    assert mailto == draft["mailto"]
    # No errors: focus goes to the draft's heading, so a screen reader hears it.
    assert page.evaluate("document.activeElement.id") == "email-heading"

    page.click("#copy-email")
    page.wait_for_selector("#email-copied:not(:empty)", state="attached")
    assert page.text_content("#email-copied") == _page_text(lang, "copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert APPLICATION_ADDRESS in copied and draft["subject"] in copied
    assert copied.endswith(body)

    # Later answers flow into the draft, and "Copied." no longer holds for it.
    page.fill("#field-legal_name", "Ny Firma AB")
    changed = draft_email(form_answers(dict(FULL, legal_name="Ny Firma AB")), ADVISED_LANGUAGE, lang)
    expect(page.locator("#email-body")).to_have_value(changed["body"])
    assert page.text_content("#email-subject") == changed["subject"]
    assert page.get_attribute("#email-mailto", "href") == changed["mailto"]
    assert page.text_content("#email-copied") == ""


# --------------------------------------------------------------------------
# Kept in this browser; forgotten on request.


def _stored_answers(page):
    """localStorage entries that hold any of the FULL profile's text answers
    (the theme keeps its own settings there too)."""
    return page.evaluate(
        """(needles) => Object.keys(localStorage)
            .filter(key => needles.some(n => (localStorage.getItem(key) || '').includes(n)))""",
        [FULL["legal_name"], FULL["principal"], FULL["phone"]],
    )


@pytest.mark.parametrize("lang", LANGS)
def test_reload_keeps_answers_and_forget_clears_them(page, lang):
    open_self_check(page, lang)
    answer(page, FULL)
    wait_for_verdict(page, "ready")
    entered = form_state(page)
    assert entered == form_answers(FULL)
    assert _stored_answers(page) != []  # kept in this browser

    page.reload()
    wait_for_state(page, "ready")
    assert form_state(page) == entered
    wait_for_verdict(page, "ready")

    # A new visit in the same browser (not the browser's own form restore).
    other = page.context.new_page()
    open_self_check(other, lang)
    assert form_state(other) == entered
    wait_for_verdict(other, "ready")
    other.close()

    empty = form_answers({})
    page.click("#forget-answers")
    wait_for_verdict(page, "incomplete")
    assert form_state(page) == empty
    # Said beside the button, with a way back.
    assert page.text_content("#forget-status") == _page_text(lang, "forgotten")
    assert page.is_visible("#forget-status") and page.is_visible("#undo-forget")
    assert _stored_answers(page) == [], "an answer is still in localStorage after forget"
    wait_for_report(page, assess(empty, lang))

    page.click("#undo-forget")
    wait_for_verdict(page, "ready")
    assert form_state(page) == entered
    assert _stored_answers(page) != []
    assert page.is_hidden("#undo-forget") and page.text_content("#forget-status") == _page_text(lang, "undone")

    page.click("#forget-answers")
    wait_for_verdict(page, "incomplete")
    page.fill("#field-legal_name", "Ny Firma AB")  # a new answer: the old ones are gone for good
    page.wait_for_selector("#undo-forget", state="hidden")
    assert page.text_content("#forget-status") == ""
    page.fill("#field-legal_name", "")
    wait_for_verdict(page, "incomplete")

    page.reload()
    wait_for_state(page, "ready")
    wait_for_verdict(page, "incomplete")
    assert form_state(page) == empty
    other = page.context.new_page()
    open_self_check(other, lang)
    wait_for_verdict(other, "incomplete")
    assert form_state(other) == empty
    other.close()


@pytest.mark.parametrize("lang", LANGS)
def test_forgetting_in_one_tab_forgets_in_the_others(page, lang):
    """Otherwise the next change in another open tab would save every answer again."""
    open_self_check(page, lang)
    answer(page, FULL)
    wait_for_verdict(page, "ready")
    other = page.context.new_page()
    open_self_check(other, lang)
    wait_for_verdict(other, "ready")

    page.click("#forget-answers")
    wait_for_verdict(other, "incomplete")
    assert form_state(other) == form_answers({})
    assert other.text_content("#forget-status") == _page_text(lang, "forgotten")
    other.check('input[name="region"][value="yes"]')
    wait_for_report(other, assess({"region": "yes"}, lang))
    assert _stored_answers(other) == []
    other.close()


# --------------------------------------------------------------------------
# Markup and script in the answers stay text.

PAYLOADS = ["<img src=x onerror=alert(1)>", "<script>alert(1)</script>", '"><b>x</b>']
HOSTILE = dict(
    READY,
    legal_name=PAYLOADS[0] + " AB",
    dba=PAYLOADS[1],
    principal=PAYLOADS[2],
    # "Box 12 …" reads as a PO box, so the result message quotes the addresses.
    addresses=["Box 12 " + PAYLOADS[0], "Box 13 " + PAYLOADS[1], "Box 14 " + PAYLOADS[2]],
    purpose=" ".join(PAYLOADS),
    phone=PAYLOADS[0],
)


@pytest.mark.parametrize("lang", LANGS)
def test_markup_in_answers_is_shown_as_text_never_as_html(page, lang):
    open_self_check(page, lang)
    counted = "() => document.querySelectorAll('img, b, script').length"
    before = page.evaluate(counted)
    answer(page, HOSTILE)
    expected = assess(form_answers(HOSTILE), lang)
    wait_for_report(page, expected)
    po_box = page.text_content('[data-requirement="no-home-address"] .sc-row-message')
    assert all(payload in po_box for payload in PAYLOADS), po_box

    page.click("#make-email")
    page.wait_for_selector("#email-draft", state="visible")
    draft = draft_email(form_answers(HOSTILE), ADVISED_LANGUAGE, lang)
    assert page.input_value("#email-body") == draft["body"]
    assert all(payload in draft["body"] for payload in PAYLOADS)
    assert page.text_content("#email-subject") == draft["subject"]
    assert page.get_attribute("#email-mailto", "href") == draft["mailto"]

    for section in ("#checker-result", "#email-draft", "#error-summary"):
        made = page.eval_on_selector(section, "el => el.querySelectorAll('img, b, script').length")
        assert made == 0, f"{section} holds elements made from the answers"
    assert page.evaluate(counted) == before
    assert page.evaluate("() => document.querySelectorAll('img[src=\"x\"]').length") == 0
    assert page.dialogs == []


# --------------------------------------------------------------------------
# When the assessment cannot run.


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_form_is_a_fillable_checklist(new_page, lang):
    page = new_page(java_script_enabled=False)
    page.goto(self_check_path(lang))
    assert page.get_attribute("form#self-check", "data-state") == "loading"
    note = page.locator("noscript .sc-notice, .sc-notice").first
    assert note.is_visible()
    assert note.text_content() == _page_text(lang, "no_script") + " " + _page_text(lang, "read_requirements")
    assert note.locator("a").get_attribute("href") == "../requirements/"
    page.check('input[name="region"][value="yes"]')
    page.check('input[name="home_address"][value="no"]')
    page.fill('[name="repairs_per_quarter"]', "250")
    page.fill('[name="legal_name"]', "Nordic Repair AB")
    page.fill('[name="addresses"]', "Storgatan 12\nKungsgatan 3")
    assert page.is_checked('input[name="region"][value="yes"]')
    assert page.is_checked('input[name="home_address"][value="no"]')
    assert page.input_value('[name="repairs_per_quarter"]') == "250"
    assert page.input_value('[name="legal_name"]') == "Nordic Repair AB"
    assert page.input_value('[name="addresses"]') == "Storgatan 12\nKungsgatan 3"
    assert page.get_attribute("#checker-result", "data-verdict") is None
    assert page.is_hidden("#make-email")


@pytest.mark.parametrize("lang", LANGS)
def test_when_webassembly_cannot_load_the_page_says_so_and_the_form_still_works(new_page, lang):
    page = new_page()
    page.context.route("**/micropython.wasm", lambda route: route.abort())
    page.goto(self_check_path(lang))
    wait_for_state(page, "error")
    page.wait_for_selector("#self-check-status", state="visible")
    status = page.text_content("#self-check-status")
    assert status == _page_text(lang, "load_failed") + " " + _page_text(lang, "read_requirements")
    link = page.get_attribute("#self-check-status a", "href")
    assert urljoin(page.url, link) == urljoin(page.url, "../requirements/")
    answer(page, {"region": "yes", "repairs_per_quarter": 250, "legal_name": "Nordic Repair AB",
                  "addresses": ["Storgatan 12", "Kungsgatan 3"]})
    assert page.is_checked('input[name="region"][value="yes"]')
    assert page.input_value('[name="repairs_per_quarter"]') == "250"
    assert page.input_value('[name="legal_name"]') == "Nordic Repair AB"
    assert page.input_value('[name="addresses"]') == "Storgatan 12\nKungsgatan 3"
    assert page.get_attribute("#self-check", "data-state") == "error"


@pytest.mark.parametrize("lang", LANGS)
def test_python_that_stops_in_a_later_start_step_gives_the_error_state(new_page, lang):
    """The checker starts in steps after PyScript's script has ended: an error in
    one of them must still end in the error state, not in a form left loading."""
    page = new_page()
    source = (ROOT / "checker" / "web" / "start.py").read_text(encoding="utf-8")
    broken = source.replace("def import_the_keeping_parts():\n",
                            "def import_the_keeping_parts():\n    raise ValueError('a start step failed')\n")
    assert broken != source
    page.context.route("**/checker/web/start.mpy",
                       lambda route: route.fulfill(body=compile_text(broken, "checker/web/start.py")))
    page.goto(self_check_path(lang))
    # Well before boot.js gives up waiting (30 s): the error itself is seen.
    expect(page.locator("#self-check")).to_have_attribute("data-state", "error", timeout=10000)
    assert page.text_content("#self-check-status").startswith(_page_text(lang, "load_failed"))


@pytest.mark.parametrize("lang", LANGS)
def test_the_drafts_warning_has_the_verdicts_colour(page, lang):
    """Red only when a requirement is not met: a draft that needs checking is warned
    about in the colour of "Needs checking", as the verdict above it is."""
    open_self_check(page, lang)
    answer(page, dict(READY, region="unsure"))
    wait_for_verdict(page, "needs_attention")
    page.click("#make-email")
    expect(page.locator("[data-draft-warning]")).to_be_visible()
    colour = "el => getComputedStyle(el).borderTopColor"
    assert page.eval_on_selector("[data-draft-warning]", colour) == page.eval_on_selector("#checker-result .sc-verdict", colour)
    answer(page, {"home_address": True})
    wait_for_verdict(page, "not_eligible")
    expect(page.locator("[data-draft-warning]")).to_have_attribute("data-warning-for", "not_eligible")
    assert page.eval_on_selector("[data-draft-warning]", colour) == page.eval_on_selector("#checker-result .sc-verdict", colour)


@pytest.mark.parametrize("lang", LANGS)
def test_printed_rows_that_need_action_give_their_pages_address(page, lang):
    open_self_check(page, lang)
    answer(page, dict(READY, region="unsure"))
    wait_for_verdict(page, "needs_attention")
    page.emulate_media(media="print")
    after = "el => getComputedStyle(el, '::after').content"
    region = page.locator('#checker-result [data-requirement="region"] a.sc-row-title')
    address = region.evaluate("el => el.href")
    assert "/requirements/#region" in address and address in region.evaluate(after)
    met = page.locator('#checker-result [data-requirement="repair-volume"] a.sc-row-title')
    assert met.evaluate(after) == "none"


@pytest.mark.parametrize("lang", LANGS)
def test_the_verdicts_more_link_leads_focus_to_the_rest_and_row_links_are_thumb_sized(new_page, lang):
    page = new_page(viewport={"width": 320, "height": 700})
    open_self_check(page, lang)
    turned = {key: not value for key, value in READY.items() if isinstance(value, bool)}
    answer(page, dict(READY, **turned))
    wait_for_verdict(page, "not_eligible")
    more = page.locator("#checker-result .sc-verdict-causes a").last
    assert more.get_attribute("href").startswith("#") and "result-row" not in more.get_attribute("href")
    more.click()
    assert page.evaluate("document.activeElement.id") == more.get_attribute("href")[1:]
    heights = page.eval_on_selector_all("#checker-result .sc-status-group:not([hidden]) .sc-row-actions a",
                                        "links => links.filter(a => a.offsetParent).map(a => a.getBoundingClientRect().height)")
    assert heights and min(heights) >= 24, heights


# What the first result does not need (the e-mail draft and its text, files, links) is
# imported when first used (checker/web/start.py, Later; checker/__init__.py).
LATER_PARTS = ["web/draft", "web/incoming", "web/travel", "web/portable", "application"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_later_parts_are_not_imported_until_first_used(new_page, lang):
    """With the later parts' code broken, the page still goes live and assesses
    every answer; the first click that needs the draft is the first to meet it,
    and the page says so while the rest goes on working."""
    page = new_page()
    failing = compile_text("raise ImportError('a later part imported')\n", "checker/web/later.py")
    for name in LATER_PARTS:
        page.context.route("**/checker/" + name + ".mpy", lambda route, request: route.fulfill(body=failing))
    open_self_check(page, lang)
    answer(page, READY)
    wait_for_verdict(page, "ready")
    wait_for_report(page, assess(form_answers(READY), lang))
    assert page.get_attribute("#self-check", "data-state") == "ready"
    page.click("#make-email")
    expect(page.locator("#self-check-status")).to_have_text(_page_text(lang, "part_failed"))
    assert page.get_attribute("#self-check", "data-state") == "ready"
    answer(page, {"repairs_per_quarter": MINIMUM_REPAIRS - 1})
    wait_for_verdict(page, "not_eligible")


# --------------------------------------------------------------------------
# Keyboard, focus and small screens.


def _tab_to_form(page, limit=150):
    """Tab from the top of the page to the form's first control; returns how many presses."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.getElementById('self-check').contains(document.activeElement)"):
            return presses
    raise AssertionError(f"{limit} Tab presses did not reach the form")


@pytest.mark.parametrize("lang", LANGS)
def test_complete_the_self_check_by_keyboard_alone(page, lang):
    """Every question in order, from the top of the page: Tab between
    questions, Space or arrow keys within a radio group, typing in fields.
    Focus must be drawn on every control reached."""
    open_self_check(page, lang)
    _tab_to_form(page)
    unseen_focus = []
    for index, question in enumerate(QUESTIONS):
        if index:
            page.keyboard.press("Tab")
        focused = focus_style(page)
        assert focused["name"] == question.key, f"focus order: expected {question.key}, got {focused}"
        if not focused["visible"]:
            unseen_focus.append(focused)
        value = READY.get(question.key)
        if value is None:  # a question the ready business leaves unanswered (no_website)
            continue
        if question.kind in (BOOL, CHOICE):
            wanted = {True: "yes", False: "no"}.get(value, value)
            position = [v for v, _label in question.choices].index(wanted)
            if position == 0:
                page.keyboard.press("Space")
            for _step in range(position):
                page.keyboard.press("ArrowDown")
            assert page.evaluate("document.activeElement.value") == wanted
            assert page.evaluate("document.activeElement.checked") is True
        elif question.kind == LINES:
            for number, line in enumerate(value):
                if number:
                    page.keyboard.press("Enter")
                page.keyboard.type(line)
        elif value not in (None, ""):
            page.keyboard.type(str(value))
    assert unseen_focus == [], "focus not drawn on these controls"
    wait_for_verdict(page, "ready")
    assert form_state(page) == form_answers(READY)
    wait_for_report(page, assess(form_answers(READY), lang))


@pytest.mark.parametrize("lang", LANGS)
def test_typing_never_moves_focus(page, lang):
    open_self_check(page, lang)
    answer(page, dict(READY, legal_name=""))
    wait_for_verdict(page, "incomplete")
    page.focus("#field-legal_name")
    page.keyboard.type(READY["legal_name"])
    wait_for_verdict(page, "ready")
    assert page.evaluate("document.activeElement.id") == "field-legal_name"

    # An error appears while typing: the summary shows, focus stays put.
    page.fill("#field-repairs_per_quarter", "")
    page.focus("#field-repairs_per_quarter")
    page.keyboard.type("-5")
    page.wait_for_selector("#error-summary", state="visible")
    wait_for_verdict(page, "incomplete")
    assert page.evaluate("document.activeElement.id") == "field-repairs_per_quarter"

    # Only when the visitor acts (asks for the e-mail) does the summary take focus.
    page.click("#make-email")
    assert page.evaluate("document.activeElement.id") == "error-summary"


@pytest.mark.parametrize("lang", LANGS)
def test_no_horizontal_scrolling_at_320_px(new_page, lang):
    page = new_page(viewport={"width": 320, "height": 640})
    open_self_check(page, lang)
    answer(page, FULL)
    wait_for_verdict(page, "ready")
    page.click("#make-email")
    page.wait_for_selector("#email-draft", state="visible")
    width = page.evaluate("document.scrollingElement.scrollWidth")
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > 321 && el.getClientRects().length)
            .slice(0, 10)
            .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                 + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '')
                 + ' right=' + Math.round(el.getBoundingClientRect().right))"""
    )
    assert width <= 321, f"scrollWidth {width} at 320 px; too wide: {wide}"
