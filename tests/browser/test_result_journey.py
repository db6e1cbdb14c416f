"""The result as a plan (DESIGN.md, "The self-check page"): the verdict with its next step
and the e-mail button, then the rows grouped by what to do, the met ones folded
away; a start text before the first answer; Apple's pages from the rows; the
draft's warning and language; the printed result. Against the built site, in
both languages; waits on data attributes only."""

import re

import pytest
from playwright.sync_api import expect

from profiles import COMPLETE as READY, SMALL_SHOP, UNIVERSITY
from self_check_helpers import answer, form_answers, open_self_check, self_check_path, wait_for_report, wait_for_verdict

from checker import assess, draft_email
from checker.application import ADVISED_LANGUAGE
from checker.apple_links import apple_link
from checker.i18n import LANGUAGES, translator
from checker.page_texts import page_text
from checker.report import ACTION_ORDER, NAMED_PER_STATUS, NEXT_STEPS, NOT_MET_SO_FAR, PROVISIONAL_NEXT_STEP, STATUS_TEXTS, rows_to_name
from checker.questions import QUESTION_BY_KEY
from checker.rules import RULE_BY_ID, RULES

LANGS = list(LANGUAGES)
# The shop with one answer left out, so that the result has rows of every status.
SHOP_WITHOUT_PHONE = dict(SMALL_SHOP, phone="")
PRIMARY = re.compile(r"\bmd-button--primary\b")
PHONE = {"viewport": {"width": 390, "height": 844}}


def rows_by_group(page):
    """Each group's rows, in the order shown: {status: [requirement IDs]}."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('#checker-result [data-group], #checker-result .sc-met')]
            .map(group => [group.getAttribute('data-group') || 'met',
                           [...group.querySelectorAll('[data-requirement]')].map(row => row.getAttribute('data-requirement'))]))"""
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_failing_shop_sees_what_blocks_first_and_the_met_rows_folded(page, lang):
    open_self_check(page, lang)
    answer(page, SHOP_WITHOUT_PHONE)
    report = assess(form_answers(SHOP_WITHOUT_PHONE), lang)
    assert report["verdict"] == "not_eligible"
    wait_for_report(page, report)
    expected = {status: [row["id"] for row in report["requirements"] if row["status"] == status]
                for status in ACTION_ORDER}
    assert rows_by_group(page) == expected
    shown = page.eval_on_selector_all("#checker-result [data-requirement]", "rows => rows.map(r => r.dataset.status)")
    assert shown == [status for status in ACTION_ORDER for _ in expected[status]]  # not met, unclear, unanswered, met
    _ = translator(lang)
    for status in ("not_met", "unclear"):
        heading = page.locator(f'[data-group="{status}"] h3')
        expect(heading).to_have_text(_(STATUS_TEXTS[status]))
    for status in ("not_met", "unclear", "unanswered"):  # no empty group shows
        group = page.locator(f'[data-group="{status}"]')
        expect(group).to_be_visible() if expected[status] else expect(group).to_be_hidden()
    assert all(expected[status] for status in ACTION_ORDER)  # the shop has rows of every status
    # A question is left: not met so far, but not yet the final verdict.
    expect(page.locator("#checker-result")).to_have_attribute("data-provisional", "")
    expect(page.locator(".sc-next-step")).to_have_text(_(PROVISIONAL_NEXT_STEP))
    answer(page, {"phone": SMALL_SHOP["phone"]})
    expect(page.locator("#checker-result")).not_to_have_attribute("data-provisional", "")
    expect(page.locator(".sc-next-step")).to_have_text(_(NEXT_STEPS["not_eligible"]))


@pytest.mark.parametrize("lang", LANGS)
def test_met_rows_are_counted_and_open_by_keyboard(page, lang):
    open_self_check(page, lang)
    answer(page, SMALL_SHOP)
    report = assess(form_answers(SMALL_SHOP), lang)
    wait_for_report(page, report)
    met = [row["id"] for row in report["requirements"] if row["status"] == "met"]
    summary = page.locator(".sc-met summary")
    expect(summary).to_have_text(page_text(translator(lang), "met_summary", count=len(met), total=len(RULES)))
    first_met = page.locator(f'[data-requirement="{met[0]}"]')
    expect(first_met).to_be_hidden()
    summary.focus()
    page.keyboard.press("Enter")
    expect(first_met).to_be_visible()
    assert page.get_attribute(".sc-met", "open") is not None


@pytest.mark.parametrize("lang", LANGS)
def test_a_start_text_stands_in_for_the_rows_until_the_first_answer(page, lang):
    open_self_check(page, lang)
    section = page.locator("#checker-result")
    assert section.get_attribute("data-verdict") == "incomplete"
    expect(page.locator(".sc-start")).to_have_text(page_text(translator(lang), "result_start"))
    expect(page.locator(".sc-start")).to_be_visible()
    expect(page.locator(".sc-groups")).to_be_hidden()
    expect(page.locator(".sc-verdict")).to_be_hidden()
    page.check('input[name="region"][value="yes"]')
    expect(page.locator(".sc-start")).to_be_hidden()
    expect(page.locator('[data-requirement="region"]')).to_have_attribute("data-status", "met")
    expect(page.locator(".sc-verdict")).to_be_visible()
    expect(page.locator('[data-group="unanswered"] [data-requirement]')).to_have_count(len(RULES) - 1)


@pytest.mark.parametrize("lang", LANGS)
def test_not_eligible_points_to_the_other_ways_forward(page, lang):
    open_self_check(page, lang)
    link = page.locator(".sc-other-ways a")
    answer(page, READY)
    wait_for_verdict(page, "ready")
    expect(link).to_be_hidden()
    answer(page, {"home_address": True})
    wait_for_verdict(page, "not_eligible")
    expect(link).to_be_visible()
    href = link.evaluate("a => a.href")
    prefix = "en/" if lang == "en" else ""
    assert href.endswith("/" + prefix + "who-can-apply/#not-eligible"), href
    page.goto(href)
    expect(page.locator("#not-eligible")).to_have_count(1)
    assert page.get_attribute("html", "lang") == lang


@pytest.mark.parametrize("lang", LANGS)
def test_rows_that_need_action_link_to_apples_page_from_apple_links(page, lang):
    open_self_check(page, lang)
    with_pages = [rule for rule in RULES if rule.apple_page]
    assert {rule.apple_page for rule in with_pages} >= {"certification", "programme"}
    for rule in with_pages:
        assert page.get_attribute(f'[data-requirement="{rule.id}"] .sc-row-apple', "href") == \
            apple_link(rule.apple_page, lang)[0]
    others = page.eval_on_selector_all(".sc-row-apple", "links => links.map(a => a.closest('[data-requirement]').dataset.requirement)")
    assert others == [rule.id for rule in RULES if rule.apple_page]
    answer(page, SMALL_SHOP)  # no certified technician: not met
    wait_for_verdict(page, "not_eligible")
    expect(page.locator('[data-requirement="certified-technicians"] .sc-row-apple')).to_be_visible()
    answer(page, {"certified_technicians": 1})
    expect(page.locator('[data-requirement="certified-technicians"]')).to_have_attribute("data-status", "met")
    expect(page.locator('[data-requirement="certified-technicians"] .sc-row-apple')).to_be_hidden()


@pytest.mark.parametrize("lang", LANGS)
def test_the_draft_warns_while_not_ready_and_not_once_ready(page, lang):
    open_self_check(page, lang)
    answer(page, SMALL_SHOP)
    wait_for_verdict(page, "not_eligible")
    page.click("#make-email")
    warning = page.locator("#email-draft [data-draft-warning]")
    expect(warning).to_be_visible()
    expected = draft_email(form_answers(SMALL_SHOP), ADVISED_LANGUAGE, lang)["warning"]
    assert expected and page.text_content("#email-warning-text") == expected
    answer(page, READY)
    wait_for_verdict(page, "ready")
    expect(warning).to_be_hidden()
    expect(page.locator("#email-body")).to_have_value(draft_email(form_answers(READY), ADVISED_LANGUAGE, lang)["body"])


@pytest.mark.parametrize("lang", LANGS)
def test_the_draft_starts_in_the_advised_language_and_can_be_written_in_the_other(page, lang):
    """The page advises writing to Apple in English, so the draft starts in English on
    either page; the words around it stay in the page's language."""
    other = "sv"
    open_self_check(page, lang)
    answer(page, SMALL_SHOP)
    wait_for_verdict(page, "not_eligible")
    page.click("#make-email")
    expect(page.locator(f"#email-lang-{ADVISED_LANGUAGE}")).to_be_checked()
    advised = draft_email(form_answers(SMALL_SHOP), ADVISED_LANGUAGE, lang)
    expect(page.locator("#email-body")).to_have_value(advised["body"])
    assert advised["body"].startswith("Hello,")
    expect(page.locator("#email-warning-text")).to_have_text(advised["warning"])
    expect(page.locator("#email-heading")).to_have_text(page_text(translator(lang), "email_heading"))
    page.check(f"#email-lang-{other}")
    in_other = draft_email(form_answers(SMALL_SHOP), other, lang)
    expect(page.locator("#email-body")).to_have_value(in_other["body"])
    expect(page.locator("#email-subject")).to_have_text(in_other["subject"])
    # The warning stays in the page's language.
    expect(page.locator("#email-warning-text")).to_have_text(in_other["warning"])
    page.check(f"#email-lang-{ADVISED_LANGUAGE}")
    expect(page.locator("#email-body")).to_have_value(advised["body"])


@pytest.mark.parametrize("lang", LANGS)
def test_answers_in_the_visitors_words_are_to_be_translated_for_an_email_in_the_other_language(page, lang):
    """The shop's purpose, written in Swedish, goes into the e-mail as written: in an
    e-mail in the page's other language the page says to translate it."""
    open_self_check(page, lang)
    answer(page, SMALL_SHOP)
    wait_for_verdict(page, "not_eligible")
    page.click("#make-email")
    to_do = page.locator("#email-to-do")
    for email_lang in (ADVISED_LANGUAGE, "sv", ADVISED_LANGUAGE):
        page.check(f"#email-lang-{email_lang}")
        expected = draft_email(form_answers(SMALL_SHOP), email_lang, lang)["to_do"]
        if email_lang == lang:
            expect(to_do).to_be_hidden()
            assert expected is None
        else:
            expect(to_do).to_have_text(expected)
            assert translator(email_lang)(QUESTION_BY_KEY["purpose"].label_for("company")) in expected


@pytest.mark.parametrize("lang", LANGS)
def test_the_printed_result_keeps_rows_whole_and_says_whose_when_and_what(page, lang):
    open_self_check(page, lang)
    answer(page, SMALL_SHOP)
    wait_for_verdict(page, "not_eligible")
    page.emulate_media(media="print")
    _ = translator(lang)
    head = page.locator(".sc-print-head")
    expect(head).to_be_visible()
    expect(page.locator(".sc-print-name")).to_have_text(SMALL_SHOP["legal_name"])
    expect(page.locator(".sc-print-verdict")).to_have_text(_("Does not meet every requirement"))
    today = page.evaluate("(locale) => new Date().toLocaleDateString(locale)", "sv-SE" if lang == "sv" else "en-GB")
    expect(page.locator(".sc-print-date")).to_have_text(page_text(_, "print_dated", date=today))
    breaks = page.eval_on_selector_all("#checker-result .sc-row", "rows => rows.map(r => getComputedStyle(r).breakInside)")
    assert set(breaks) == {"avoid"}
    # A group of rows runs on across pages (kept whole, a long group would leave half a page empty).
    groups = page.eval_on_selector_all("#checker-result .sc-status-group, #checker-result .sc-met",
                                       "groups => groups.map(g => getComputedStyle(g).breakInside)")
    assert len(groups) == 4 and set(groups) == {"auto"}, groups
    after = page.eval_on_selector('[data-requirement="certified-technicians"] .sc-row-apple',
                                  "a => getComputedStyle(a, '::after').content")
    assert apple_link("certification", lang)[0] in after
    # The page's own text about the form and the site is not printed; the heading is.
    prose = page.locator(".md-content__inner > p")
    assert prose.count() >= 2
    for index in range(prose.count()):
        expect(prose.nth(index)).to_be_hidden()
    expect(page.locator(".md-content__inner > h1")).to_be_visible()
    # Where to turn instead, as text: a button is no use on paper.
    other_ways = page.locator(".sc-other-ways a")
    expect(other_ways).to_be_visible()
    expect(other_ways).to_have_css("background-color", "rgba(0, 0, 0, 0)")
    page.emulate_media(media="screen")
    expect(head).to_be_hidden()
    expect(prose.first).to_be_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_the_printed_draft_is_its_text_which_runs_on_across_pages(page, lang):
    open_self_check(page, lang)
    answer(page, UNIVERSITY)
    wait_for_verdict(page, "needs_attention")
    page.click("#make-email")
    printed = page.locator("#email-draft .sc-email-printed")
    body = draft_email(form_answers(UNIVERSITY), ADVISED_LANGUAGE, lang)["body"]
    expect(page.locator("#email-body")).to_have_value(body)
    expect(printed).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.locator("#email-body")).to_be_hidden()
    expect(printed).to_be_visible()
    assert printed.text_content() == body
    assert printed.evaluate("pre => getComputedStyle(pre).breakInside") == "auto"
    page.emulate_media(media="screen")
    expect(printed).to_be_hidden()
    answer(page, {"legal_name": "Lunds tekniska högskola"})  # it follows the answers
    expect(printed).to_contain_text("Lunds tekniska högskola")


@pytest.mark.parametrize("lang", LANGS)
def test_not_eligible_leads_first_to_the_other_ways_and_keeps_the_email_second(page, lang):
    open_self_check(page, lang)
    other_ways = page.locator(".sc-other-ways a")
    make_email = page.locator("#make-email")
    answer(page, UNIVERSITY)
    wait_for_verdict(page, "needs_attention")
    expect(make_email).to_have_class(PRIMARY)
    answer(page, {"home_address": True})
    wait_for_verdict(page, "not_eligible")
    expect(other_ways).to_have_class(PRIMARY)
    expect(make_email).not_to_have_class(PRIMARY)
    expect(make_email).to_be_visible()  # a draft can still be made, with its warning
    assert other_ways.bounding_box()["y"] < make_email.bounding_box()["y"]
    answer(page, {"home_address": False})
    wait_for_verdict(page, "needs_attention")
    expect(make_email).to_have_class(PRIMARY)


@pytest.mark.parametrize("lang", LANGS)
def test_the_verdict_names_a_few_causes_and_leads_to_the_rest(new_page, lang):
    page = new_page(**PHONE)
    open_self_check(page, lang)
    answer(page, SMALL_SHOP)
    report = assess(form_answers(SMALL_SHOP), lang)
    wait_for_report(page, report)
    not_met = rows_to_name(report, "not_met")  # what takes longest to change first: the premises
    assert len(not_met) > NAMED_PER_STATUS and RULE_BY_ID[not_met[0]["id"]].group == "group-premises"
    _ = translator(lang)
    more = page_text(_, "causes_more", count=len(not_met) - NAMED_PER_STATUS)
    causes = page.locator(".sc-verdict-causes")
    expect(causes).to_have_text(_(STATUS_TEXTS["not_met"]) + ": "
                                + ", ".join(row["title"] for row in not_met[:NAMED_PER_STATUS]) + " " + more)
    hrefs = causes.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs == ["#result-" + row["id"] for row in not_met[:NAMED_PER_STATUS]] + ["#group-not_met"]
    causes.get_by_text(more).click()
    expect(page.locator("#group-not_met")).to_be_in_viewport()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("business, verdict, action", [
    (READY, "ready", "#make-email"),
    (SMALL_SHOP, "not_eligible", ".sc-other-ways a"),
    (UNIVERSITY, "needs_attention", "#make-email"),
])
def test_on_a_phone_the_verdict_and_its_main_action_follow_the_last_question_within_a_screen(
        new_page, lang, business, verdict, action):
    page = new_page(**PHONE)
    open_self_check(page, lang)
    answer(page, business)
    wait_for_verdict(page, verdict)
    last_question = page.locator("#self-check .sc-question").last.bounding_box()
    end_of_form = last_question["y"] + last_question["height"]
    main_action = page.locator(action).bounding_box()
    assert main_action["y"] + main_action["height"] - end_of_form < PHONE["viewport"]["height"]
    # The verdict's text runs under its icon, not in a narrow column beside it.
    icon = page.locator(".sc-verdict-icon").bounding_box()
    for text in (".sc-verdict-text", ".sc-next-step"):
        assert page.locator(text).bounding_box()["x"] < icon["x"] + icon["width"], text


@pytest.mark.parametrize("lang", LANGS)
def test_the_bar_under_the_questions_has_one_visible_link(page, lang):
    open_self_check(page, lang)
    answer(page, SMALL_SHOP)
    wait_for_verdict(page, "not_eligible")
    underlined = page.eval_on_selector_all(
        ".sc-peek a, .sc-peek a *",
        "nodes => nodes.filter(n => getComputedStyle(n).textDecorationLine.includes('underline')).map(n => n.className)")
    assert underlined == ["sc-peek-go"]


@pytest.mark.parametrize("lang", LANGS)
def test_one_answer_that_fails_gives_a_provisional_result_without_the_final_no(page, lang):
    """40 repairs alone: not met so far, the questions left counted, no red headline."""
    _ = translator(lang)
    open_self_check(page, lang)
    answer(page, {"repairs_per_quarter": 40})
    report = assess({"repairs_per_quarter": "40"}, lang)
    assert report["provisional"] and report["verdict"] == "not_eligible"
    wait_for_report(page, report)
    section = page.locator("#checker-result")
    expect(section).to_have_attribute("data-provisional", "")
    title = page.locator(".sc-verdict-title")
    expect(title).to_have_text(_("Not finished: {count} questions left", count=report["questions_left"]))
    expect(title).not_to_have_text(_("Does not meet every requirement"))
    expect(page.locator(".sc-verdict-causes")).to_have_text(_(NOT_MET_SO_FAR) + ": " + RULE_BY_ID["repair-volume"].title_in(_))
    expect(page.locator(".sc-other-ways")).to_be_hidden()
    # No red: the verdict box and its icon are not coloured as not met; the row is.
    red = page.eval_on_selector('[data-requirement="repair-volume"] .sc-row-icon', "el => getComputedStyle(el).backgroundColor")
    for selector in (".sc-verdict", ".sc-verdict-icon"):
        colours = page.eval_on_selector(selector, "el => [getComputedStyle(el).borderTopColor, getComputedStyle(el).backgroundColor]")
        assert red not in colours, (selector, colours)
    expect(page.locator('[data-requirement="repair-volume"]')).to_have_attribute("data-status", "not_met")
    assert page.get_attribute(".sc-peek", "data-peek-verdict") == "provisional"
    # Every question answered: the verdict stands.
    answer(page, dict(READY, repairs_per_quarter=40))
    wait_for_verdict(page, "not_eligible")
    expect(section).not_to_have_attribute("data-provisional", "")
    expect(title).to_have_text(_("Does not meet every requirement"))
    expect(page.locator(".sc-other-ways")).to_be_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_the_trademark_row_says_which_field_and_links_apples_guidelines(page, lang):
    _ = translator(lang)
    open_self_check(page, lang)
    answers = dict(READY, legal_name="Mac Doktorn AB")
    answer(page, answers)
    wait_for_verdict(page, "needs_attention")
    row = page.locator('[data-requirement="trademarks"]')
    expect(row).to_have_attribute("data-status", "unclear")
    expect(row.locator(".sc-row-message")).to_contain_text(_("In your legal name ({legal_name_marks}): if this use does not follow the guidelines, apply under a name without the mark.", legal_name_marks="Mac"))
    expect(row.locator(".sc-row-message")).not_to_contain_text(_("In your web address ({website_marks}): if this use does not follow the guidelines, move to an address without the mark.", website_marks="Mac"))
    link = row.locator(".sc-row-apple")
    expect(link).to_be_visible()
    assert link.get_attribute("href") == apple_link("trademark-guidelines", lang)[0]
    # The e-mail is the text to send: the name as given, no marker; the warning names the row.
    page.click("#make-email")
    body = page.locator("#email-body").input_value()
    assert "Mac Doktorn AB" in body and "[" not in body
    expect(page.locator("#email-warning-text")).to_contain_text(RULE_BY_ID["trademarks"].title_in(_))
    # Nothing to fill in or correct: at most, on the Swedish page, to translate the purpose.
    to_do = draft_email(form_answers(answers), ADVISED_LANGUAGE, lang)["to_do"]
    assert to_do is None if lang == ADVISED_LANGUAGE else "[" not in to_do
    if to_do is None:
        expect(page.locator("#email-to-do")).to_be_hidden()
    else:
        expect(page.locator("#email-to-do")).to_have_text(to_do)


@pytest.mark.parametrize("lang", LANGS)
def test_an_email_domain_typed_with_o_umlaut_comes_back_as_typed(page, lang):
    """Chromium's e-mail field hands over info@reparatör.se in punycode."""
    open_self_check(page, lang)
    answer(page, dict(READY, email="info@reparatör.se", website="www.reparatör.se"))
    wait_for_verdict(page, "ready")
    page.click("#make-email")
    body = page.locator("#email-body").input_value()
    assert "info@reparatör.se" in body and "xn--" not in body


@pytest.mark.parametrize("lang", LANGS)
def test_no_website_from_the_form_to_the_draft(page, lang):
    _ = translator(lang)
    open_self_check(page, lang)
    answer(page, dict(READY, website="", no_website=True))
    wait_for_verdict(page, "needs_attention")
    expect(page.locator('[data-requirement="business-email"]')).to_have_attribute("data-status", "met")
    details = page.locator('[data-requirement="application-details"]')
    expect(details).to_have_attribute("data-status", "unclear")
    page.click("#make-email")
    body = page.locator("#email-body").input_value()
    assert "\n" + translator(ADVISED_LANGUAGE)("We have no website.") + "\n" in body and "[" not in body


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_result_area_says_why_it_is_empty(new_page, lang):
    page = new_page(java_script_enabled=False)
    page.goto(self_check_path(lang))
    note = page.locator("#checker-result .sc-result-no-script")
    expect(note).to_be_visible()
    _ = translator(lang)
    expect(note).to_have_text(page_text(_, "result_no_script") + " " + page_text(_, "read_requirements"))
    assert note.locator("a").get_attribute("href") == "../requirements/"
    # With JavaScript on, the note is never shown.
    live = new_page()
    open_self_check(live, lang)
    expect(live.locator("#checker-result .sc-result-no-script")).to_have_count(0)


@pytest.mark.parametrize("lang", LANGS)
def test_labels_and_hints_follow_the_kind_of_organisation(page, lang):
    """Before the answer, words that fit every kind; then the kind's own."""
    _ = translator(lang)
    open_self_check(page, lang)
    label = page.locator('label[for="field-legal_name"]')
    hint = page.locator("#hint-legal_name")
    website = page.locator('label[for="field-website"]')
    expect(label).to_have_text(_("Legal name"))
    expect(hint).to_have_text(_("The name you are registered and operate under."))
    expect(website).to_have_text(_("Website"))
    answer(page, {"organisation_type": "university"})
    expect(label).to_have_text(_("Name of the university or college"))
    expect(page.locator('label[for="field-purpose"]')).to_have_text(_("Purpose of the repair service and who it is for"))
    answer(page, {"organisation_type": "company"})
    expect(label).to_have_text(_("Legal company name"))
    expect(hint).to_have_text(_("The name the company is registered and operates under."))
    expect(website).to_have_text(_("Company website"))
    answer(page, {"organisation_type": "organisation"})
    expect(label).to_have_text(_("Name of the organisation"))
    expect(website).to_have_text(_("Website"))
    # An optional question keeps its "(optional)" beside the label.
    expect(page.locator('label[for="field-dba"] .sc-optional')).to_have_count(1)


def contrast(foreground, background=(255, 255, 255)):
    """WCAG contrast ratio of an rgb()/rgba() colour on `background`."""
    def channels(text):
        return [float(part) for part in re.findall(r"[\d.]+", text)[:3]]

    def luminance(rgb):
        linear = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(channels(foreground)), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("lang", LANGS)
def test_printed_from_a_dark_phone_the_result_reads_on_white_paper(new_page, lang):
    page = new_page(color_scheme="dark", **PHONE)
    open_self_check(page, lang)
    answer(page, SMALL_SHOP)
    wait_for_verdict(page, "not_eligible")
    page.wait_for_selector('body[data-md-color-scheme="slate"]', state="attached")
    page.click("#make-email")
    page.emulate_media(media="print")
    colours = page.evaluate("""() => [...document.querySelectorAll(
        '#checker-result .sc-row-status, #checker-result .sc-row-message, #checker-result a, #checker-result h2, #checker-result h3,'
        + ' .sc-verdict-title, .sc-verdict-text, .sc-next-step, .sc-notes li, #email-draft dt, #email-draft dd, .sc-email-printed')]
        .filter(el => el.getClientRects().length).map(el => [el.className || el.tagName, getComputedStyle(el).color])""")
    assert len(colours) > 20
    for name, colour in colours:
        assert contrast(colour) >= 4.5, (name, colour, round(contrast(colour), 2))
    # Where to turn instead, with its whole address: a link cannot be followed on paper.
    after = page.eval_on_selector(".sc-other-ways a", "a => getComputedStyle(a, '::after').content")
    assert re.search(r"https?://[^ ]+/" + ("en/" if lang == "en" else "") + r"who-can-apply/#not-eligible", after), after
    # A heading never ends a page alone.
    for heading in ("#email-heading", "#checker-result h2", '[data-group="not_met"] h3'):
        assert page.eval_on_selector(heading, "h => getComputedStyle(h).breakAfter") == "avoid", heading
