"""The application e-mail draft (checker/application.py): a body that is the text to
send, marking only what is missing or cannot be used, labels that fit the kind of
organisation, either language on either page, and a warning naming what stands in
the way until the verdict is ready."""

import json
import pathlib
import sys
import urllib.parse

from hypothesis import HealthCheck, given, settings, strategies as st

import checker
from checker.application import APPLICATION_ADDRESS, CORRECT, FILL_IN, NO_WEBSITE, draft_email, email_text
from checker.report import NAMED_PER_STATUS
from checker.i18n import LANGUAGE_NAMES, LANGUAGES, language, translator
from checker.page_texts import page_text
from checker.questions import APPLICATION_QUESTIONS, QUESTION_BY_KEY, QUESTIONS
from checker.rules import RULE_BY_ID, RULES
from checker.validation import parse_answers

ROOT = pathlib.Path(__file__).resolve().parents[2]
if str(ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests"))

import draft_checks  # noqa: E402
from profiles import COMPLETE  # noqa: E402

# Every detail given, the optional ones too.
FULL = dict(COMPLETE, dba="Fixa Mobilen", apple_history="Återförsäljare sedan 2019",
            addresses=["Storgatan 12, 111 22 Stockholm", "Lilla gatan 3, 411 01 Göteborg"])
GMAIL_AT_HOME = dict(COMPLETE, email="anna@gmail.com", home_address=True)


def title(rule_id, lang):
    return RULE_BY_ID[rule_id].title_in(translator(lang))


def line(body, label):
    """The body's line that starts with the label, or None."""
    found = [text for text in body.split("\n") if text.startswith(label + ":")]
    assert len(found) <= 1, found
    return found[0] if found else None


def markers(lang):
    _ = translator(lang)
    return _(FILL_IN), _(CORRECT)


# --- Moved from test_module.py -------------------------------------------------------------

def test_the_email_draft_holds_every_field_the_program_asks_for():
    draft = checker.draft_email(FULL, "sv")
    assert draft["to"] == "aasp_application_euro@apple.com"
    for value in ("Nordic Repair AB", "Fixa Mobilen", "Anna Svensson", "Storgatan 12, 111 22 Stockholm",
                  "Lilla gatan 3, 411 01 Göteborg", "+46 8 123 456 78", "info@nordicrepair.se",
                  "https://www.nordicrepair.se", "Återförsäljare sedan 2019", FULL["purpose"]):
        assert value in draft["body"], value
    assert draft["mailto"].startswith("mailto:aasp_application_euro@apple.com?subject=")
    assert "%C3%85terf%C3%B6rs%C3%A4ljare" in draft["mailto"]


def test_the_email_draft_marks_blanks_in_the_language_asked():
    assert "[fill in]" in checker.draft_email({}, "en")["body"]
    assert "[fyll i]" in checker.draft_email({}, "sv")["body"]
    assert checker.draft_email(["not", "a", "dict"], "en")["to"] == "aasp_application_euro@apple.com"


def test_the_draft_follows_the_programmes_list_in_its_order():
    for lang in LANGUAGES:
        _ = translator(lang)
        body = draft_email(FULL, lang)["body"]
        positions = [body.index("\n" + _(question.label_for("company")) + ":") for question in APPLICATION_QUESTIONS if question.in_draft]
        assert positions == sorted(positions), lang


# --- The warning --------------------------------------------------------------------------

def test_a_ready_profile_gets_no_warning_and_no_marker():
    for lang in LANGUAGES:
        draft = draft_email(COMPLETE, lang)
        assert (draft["verdict"], draft["warning"], draft["blocking"], draft["to_do"]) == ("ready", None, [], None)
        fill_in, check = markers(lang)
        assert fill_in not in draft["body"] and check not in draft["body"]


def test_a_free_mail_address_at_a_home_address_is_warned_of_by_both_titles():
    for lang in LANGUAGES:
        draft = draft_email(GMAIL_AT_HOME, lang)
        assert draft["verdict"] == "not_eligible"
        assert title("business-email", lang) in draft["warning"], draft["warning"]
        assert title("no-home-address", lang) in draft["warning"], draft["warning"]
        assert translator(lang)("Not met") in draft["warning"]
        assert [row["id"] for row in draft["blocking"]] == ["no-home-address", "business-email"]
    assert draft_email(GMAIL_AT_HOME, "sv")["warning"].startswith("Skicka inte mejlet ännu.")
    assert draft_email(GMAIL_AT_HOME, "en")["warning"].startswith("Do not send this e-mail yet.")


def test_every_verdict_but_ready_has_a_warning_in_the_language_asked():
    cases = {"needs_attention": dict(COMPLETE, credit_line="planned"),
             "incomplete": dict(COMPLETE, principal=""),
             "not_eligible": dict(COMPLETE, repairs_per_quarter=10)}
    for verdict, answers in cases.items():
        for lang in LANGUAGES:
            draft = draft_email(answers, lang)
            assert draft["verdict"] == verdict
            rows = draft["blocking"]
            assert len(rows) == 1 and rows[0]["title"] in draft["warning"], (verdict, lang, draft["warning"])
    swedish = {verdict: draft_email(answers, "sv")["warning"] for verdict, answers in cases.items()}
    assert swedish["needs_attention"].startswith("Kontrollera de här punkterna i resultatet innan ni skickar mejlet; själva mejlet nämner dem inte.")
    assert swedish["incomplete"].startswith("Utkastet är inte klart: några svar saknas eller behöver rättas.")


def test_the_warning_keeps_the_result_order_and_stays_short():
    """Not met, then to check, then not answered, as the result rows; a few titles of each, then a count."""
    answers = dict(COMPLETE, email="anna@gmail.com", credit_line="planned")
    del answers["region"]
    draft = draft_email(answers, "en")
    assert [row["id"] for row in draft["blocking"]] == ["business-email", "credit-line", "region"]
    warning = draft["warning"]
    assert warning.index("Not met: ") < warning.index("Needs checking: ") < warning.index("Not answered: ")
    empty = draft_email({}, "en")
    assert [row["id"] for row in empty["blocking"]] == [rule.id for rule in RULES]
    assert empty["warning"].endswith(" and %d more." % (len(RULES) - NAMED_PER_STATUS))
    named = [rule.id for rule in RULES if title(rule.id, "en") in empty["warning"]]
    assert named == [rule.id for rule in RULES][:NAMED_PER_STATUS]
    assert draft_email({}, "sv")["warning"].endswith(" och %d till." % (len(RULES) - NAMED_PER_STATUS))


def test_the_blocking_rows_are_the_reports_rows_in_the_page_language():
    draft = draft_email(GMAIL_AT_HOME, "en", "sv")
    report = checker.assess(GMAIL_AT_HOME, "sv")
    assert draft["blocking"] == [row for row in report["requirements"] if row["id"] in ("no-home-address", "business-email")]


# --- Honest details -----------------------------------------------------------------------

def test_a_phone_number_typed_but_invalid_is_marked_to_correct_not_as_blank():
    for lang, label in (("sv", "Telefonnummer till serviceplatsen"), ("en", "Location phone number")):
        fill_in, correct = markers(lang)
        draft = draft_email(dict(COMPLETE, phone="ring mig"), lang)
        assert line(draft["body"], label) == label + ": ring mig " + correct
        assert fill_in not in draft["body"]
        assert draft["to_do"] == page_text(translator(lang), "email_corrections", correct=correct)
    assert markers("sv") == ("[fyll i]", "[rätta]")


def test_an_answer_that_cannot_be_used_is_marked_to_correct_without_its_text():
    for key, label, raw in (("phone", "Location phone number", ["+46 8 123 456 78"]),
                            ("phone", "Location phone number", "+46 8 123 456 78 " + "9" * 40),
                            ("legal_name", "Legal company name", "Nordic " * 100),
                            ("purpose", "Purpose of the business and its customers", "Repairs. " * 500),
                            ("apple_history", "Earlier experience with Apple as a service provider or reseller", 42)):
        draft = draft_email(dict(COMPLETE, **{key: raw}), "en")
        assert line(draft["body"], label) == label + ": [correct this]", (key, raw)
        assert "[fill in]" not in draft["body"]
        assert draft["to_do"] == "Correct the parts marked [correct this] before you send it."
    # An optional detail no rule reads leaves the verdict ready, but the draft still says so.
    history = draft_email(dict(COMPLETE, apple_history=42), "en")
    assert history["verdict"] == "ready" and history["warning"] is None and history["to_do"]


def test_a_missing_required_detail_is_marked_to_fill_in():
    for question in APPLICATION_QUESTIONS:
        if not question.required:
            continue
        for lang in LANGUAGES:
            _ = translator(lang)
            fill_in, check = markers(lang)
            draft = draft_email(dict(COMPLETE, **{question.key: ""}), lang)
            label = _(question.label_for(COMPLETE["organisation_type"]))
            assert line(draft["body"], label) == label + ": " + fill_in, question.key
            assert title("application-details", lang) in draft["warning"]
            assert draft["to_do"] == page_text(_, "email_blanks", marker=fill_in)
    both = draft_email(dict(COMPLETE, principal="", phone="ring mig"), "sv")
    assert both["to_do"] == "Fyll i det som är markerat med [fyll i] och rätta det som är markerat med [rätta] innan ni skickar mejlet."


def test_only_details_that_cannot_be_used_are_marked_never_what_a_requirement_finds():
    cases = [
        # Malformed details are marked, whatever else is wrong; a free-mail address is not.
        (dict(COMPLETE, phone="ring mig", website="min hemsida", email="anna@gmail.com"), ["phone", "website"]),
        (dict(COMPLETE, phone="ring mig", purpose=""), ["phone"]),
        (dict(COMPLETE, phone=["x"], website="nordicrepair", email="anna@gmail.com"), ["phone", "website"]),
        (dict(COMPLETE, email="info@"), ["email"]),
        (dict(COMPLETE, email="info @nordicrepair.se"), ["email"]),
        # What needs checking or is not met is the warning's to say, not the e-mail's.
        (dict(COMPLETE, legal_name="iPhone Fix AB", website="applefix.se", email="info@applefix.se"), []),
        (dict(COMPLETE, dba="Mac Doktorn"), []),
        (dict(COMPLETE, addresses=["Storgatan 1, 111 22 Stockholm", "Box 12, 111 22 Stockholm"]), []),
        (dict(COMPLETE, email="info@annanfirma.se"), []),
    ]
    labels = {question.key: question.label_for("company") for question in APPLICATION_QUESTIONS}
    for answers, keys in cases:
        draft = draft_email(answers, "en")
        body = draft["body"]
        marked = [key for key, label in labels.items() if line(body, label) and line(body, label).endswith(" [correct this]")]
        assert marked == [key for key in labels if key in keys], (answers, body)
        assert "[check]" not in body and "needs checking" not in body.lower()
        if not keys and "[fill in]" not in body:
            assert draft["to_do"] is None and draft["warning"]


def test_a_complete_profile_that_needs_checking_gets_a_draft_to_send_as_it_is():
    for lang in LANGUAGES:
        draft = draft_email(dict(COMPLETE, legal_name="Mac Doktorn AB"), lang)
        assert draft["verdict"] == "needs_attention"
        assert "[" not in draft["body"] and draft["to_do"] is None
        assert line(draft["body"], translator(lang)("Legal company name")) == translator(lang)("Legal company name") + ": Mac Doktorn AB"
        assert title("trademarks", lang) in draft["warning"]


def test_a_list_of_addresses_with_a_po_box_is_sent_as_given_and_named_in_the_warning():
    draft = draft_email(dict(COMPLETE, addresses=["Box 12, 111 22 Stockholm", "Storgatan 1"]), "sv")
    assert "\nAdresser till serviceplatser:\n  Box 12, 111 22 Stockholm\n  Storgatan 1\n" in draft["body"]
    assert title("no-home-address", "sv") in draft["warning"]


def test_the_email_text_holds_no_assessment():
    """email_text() reads the answers only: the same text whatever the rules decide."""
    answers = dict(COMPLETE, legal_name="Mac Doktorn AB", email="anna@gmail.com", home_address=True)
    values, errors = parse_answers(answers)
    email = email_text(values, [], "en")
    assert set(email) == {"lang", "to", "subject", "body", "markers"} and email["markers"] == []
    assert email["body"] == draft_email(answers, "en")["body"]


def test_an_email_domain_in_punycode_is_written_as_the_visitor_wrote_it():
    """Chromium's e-mail field hands over info@reparatör.se as info@xn--reparatr-t4a.se."""
    answers = dict(COMPLETE, email="Info@XN--reparatr-t4a.se", website="www.reparatör.se")
    for lang in LANGUAGES:
        draft = draft_email(answers, lang)
        assert line(draft["body"], translator(lang)("Contact e-mail address")).endswith(": Info@reparatör.se")
        assert "xn--" not in draft["body"].lower() and draft["verdict"] == "ready"
    # Not punycode, or not canonical: left as written.
    for address in ("info@xn--garbage.se", "info@example.se", "a@b@xn--reparatr-t4a.se"):
        body = draft_email(dict(COMPLETE, email=address), "en")["body"]
        assert address.replace("xn--reparatr-t4a", "reparatör") in body


def test_no_website_is_said_in_a_sentence_and_the_row_says_why_it_needs_checking():
    for lang in LANGUAGES:
        _ = translator(lang)
        draft = draft_email(dict(COMPLETE, website="", no_website=True), lang)
        assert "\n" + _(NO_WEBSITE) + "\n" in draft["body"] and "[" not in draft["body"]
        assert line(draft["body"], _("Company website")) is None
        rows = {row["id"]: row for row in checker.assess(dict(COMPLETE, website="", no_website="yes"), lang)["requirements"]}
        assert rows["application-details"]["status"] == "unclear" and rows["business-email"]["status"] == "met"
        assert rows["trademarks"]["status"] == "met"
        assert _("Apple's list of what to send includes the website, and the programme does not say whether you can apply without one. The e-mail says that you have none; if you do have one, give it instead.") == rows["application-details"]["message"]
    # Both answers: they disagree, and the website given is what the e-mail shows.
    both = draft_email(dict(COMPLETE, no_website=True), "en")
    assert line(both["body"], "Company website") == "Company website: https://www.nordicrepair.se"
    rows = {row["id"]: row for row in checker.assess(dict(COMPLETE, no_website=True), "en")["requirements"]}
    assert rows["application-details"]["status"] == "unclear" and "also gave one" in rows["application-details"]["message"]
    # Without either answer the website is still to fill in.
    missing = draft_email(dict(COMPLETE, website="", no_website=False), "en")
    assert line(missing["body"], "Company website") == "Company website: [fill in]"


def test_optional_details_left_empty_are_left_out_or_said_in_a_sentence():
    for lang, trading, history, sentence in (
            ("en", "Trading name", "Earlier experience with Apple",
             "We have no earlier experience with Apple as a service provider or reseller."),
            ("sv", "Handelsnamn", "Tidigare erfarenhet av Apple",
             "Vi har ingen tidigare erfarenhet av Apple som servicepartner eller återförsäljare.")):
        body = draft_email(dict(COMPLETE, dba="", apple_history="  "), lang)["body"]
        assert trading not in body and history not in body
        assert "\n" + sentence + "\n" in body
        assert "None given" not in body and "Inget angivet" not in body
        for question in APPLICATION_QUESTIONS:  # no detail reads as a blank
            text = line(body, translator(lang)(question.label))
            assert text is None or text.strip().endswith(":") == (question.key == "addresses"), text
        given = draft_email(FULL, lang)["body"]
        assert trading + ": Fixa Mobilen" in given and sentence not in given


def test_labels_fit_the_kind_of_organisation():
    university = {lang: draft_email(dict(COMPLETE, organisation_type="university"), lang)["body"] for lang in LANGUAGES}
    for words in ("Juridiskt företagsnamn", "Företagets syfte", "Företagets webbplats", "Huvudman eller ägare"):
        assert words not in university["sv"], words
    assert "Universitetets eller högskolans namn: Nordic Repair AB" in university["sv"]
    assert "Syftet med reparationsverksamheten och vilka den är till för: " in university["sv"]
    for words in ("Legal company name", "Company website", "Purpose of the business", "Principal or owner"):
        assert words not in university["en"], words
    assert "Name of the university or college: Nordic Repair AB" in university["en"]
    organisation = draft_email(dict(COMPLETE, organisation_type="organisation"), "sv")["body"]
    assert "Organisationens namn: Nordic Repair AB" in organisation and "Organisationens syfte" in organisation
    assert "Juridiskt företagsnamn" not in organisation and "Företagets" not in organisation
    assert "Legal company name: Nordic Repair AB" in draft_email(COMPLETE, "en")["body"]
    # Anyone whose kind is not known gets labels that fit every kind.
    for kind in ("individual", "no such kind", None):
        body = draft_email(dict(COMPLETE, organisation_type=kind), "en")["body"]
        for question in APPLICATION_QUESTIONS:
            assert question.label_for(kind) == question.label
        assert "Legal name: Nordic Repair AB" in body and "ompany" not in body


def test_every_label_of_the_draft_is_translated():
    swedish = translator("sv")
    for question in QUESTIONS:
        for label in list(question.labels.values()) + list(question.hints.values()) + ([question.draft_when_empty] if question.draft_when_empty else []):
            assert swedish(label) != label, label


# --- Languages ----------------------------------------------------------------------------

def test_the_draft_can_be_written_in_either_language_on_either_page():
    english_on_swedish_page = draft_email(dict(GMAIL_AT_HOME, principal=""), "en", "sv")
    assert english_on_swedish_page["lang"] == "en"
    assert english_on_swedish_page["body"].startswith("Hello,\n")
    assert english_on_swedish_page["subject"].startswith("Application to become an Authorised Apple Service Provider")
    assert "Principal or owner: [fill in]" in english_on_swedish_page["body"]
    assert title("business-email", "sv") in english_on_swedish_page["warning"]
    assert english_on_swedish_page["to_do"] == (
        "Fyll i det som är markerat med [fill in] innan ni skickar mejlet. "
        + page_text(translator("sv"), "email_own_words", questions="”Purpose of the business and its customers”"))
    swedish_on_english_page = draft_email(dict(GMAIL_AT_HOME, phone="ring mig"), "sv", "en")
    assert swedish_on_english_page["body"].startswith("Hej,\n")
    assert "\nE-postadress för kontakt: anna@gmail.com\n" in swedish_on_english_page["body"]
    assert title("business-email", "en") in swedish_on_english_page["warning"]
    assert swedish_on_english_page["to_do"].startswith("Correct the parts marked [rätta] before you send it. ")
    # Without a page language, everything is in the e-mail's; an unknown one falls back to Swedish.
    assert draft_email(GMAIL_AT_HOME, "en")["warning"].startswith("Do not send")
    assert draft_email(GMAIL_AT_HOME, "xx", "yy")["body"].startswith("Hej,\n")
    assert draft_email(GMAIL_AT_HOME, "xx", "yy")["warning"].startswith("Skicka inte")


def test_the_page_says_which_language_to_write_in_as_this_guides_advice():
    english = page_text(translator("en"), "email_language_advice")
    swedish = page_text(translator("sv"), "email_language_advice")
    assert "does not say which language" in english and "this guide's advice, not a rule of Apple's" in english
    assert "säger inte på vilket språk" in swedish and "guidens råd – inte någon regel från Apple" in swedish
    assert " ni " in swedish
    for lang in LANGUAGES:
        _ = translator(lang)
        names = [_(name) for code, name in LANGUAGE_NAMES]
        assert all(names) and len(set(names)) == len(LANGUAGES), names
    assert translator("sv")(dict(LANGUAGE_NAMES)["en"]) == "Engelska"


# --- The link and hostile input -----------------------------------------------------------

def test_the_mailto_link_carries_the_whole_subject_and_body():
    answers = dict(FULL, legal_name="Åkes & Söner AB", principal="Anna+Björn Ek", purpose="Reparationer?\nJa: 100 % #1\r\nSlut.")
    for lang in LANGUAGES:
        draft = draft_email(answers, lang)
        head, _, query = draft["mailto"].partition("?")
        assert head == "mailto:" + APPLICATION_ADDRESS
        subject, body = query.split("&")
        assert subject.startswith("subject=") and body.startswith("body=")
        assert urllib.parse.unquote(subject[len("subject="):], errors="strict") == draft["subject"]
        assert urllib.parse.unquote(body[len("body="):], errors="strict") == draft["body"]
        assert "Reparationer?\n  Ja: 100 % #1\n  Slut." in draft["body"]


def test_the_runtime_draft_checks_hold_in_cpython():
    """The checks tests/runtimes/run_cases.mjs also runs in Pyodide and MicroPython."""
    result = draft_checks.run(COMPLETE)
    assert result["failures"] == [] and result["ran"] == len(draft_checks.checks(COMPLETE))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
application_answers = st.dictionaries(
    st.sampled_from([question.key for question in QUESTIONS]),
    json_values | st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60), max_size=16)
languages = st.sampled_from(list(LANGUAGES) + ["xx", None])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.builds(lambda base, extra: dict(base, **extra), st.just(COMPLETE), application_answers),
                 application_answers, json_values),
       languages, languages)
def test_any_input_gives_a_whole_and_consistent_draft(answers, lang, page_lang):
    draft = draft_email(answers, lang, page_lang)
    assert draft["to"] == APPLICATION_ADDRESS and draft["body"].endswith("\n")
    assert (draft["warning"] is None) == (draft["verdict"] == "ready")
    assert draft["verdict"] == checker.assess(answers, page_lang or lang)["verdict"]
    assert all(row["status"] != "met" for row in draft["blocking"])
    assert urllib.parse.unquote(draft["mailto"].split("&body=")[1], errors="strict") == draft["body"]
    fill_in, check = markers(draft["lang"])
    marked = fill_in in draft["body"] or check in draft["body"]
    in_other_language = draft["lang"] != language(page_lang or lang)
    assert (draft["to_do"] is not None) >= marked  # a marker is always explained
    assert draft["to_do"] is None or marked or in_other_language
    json.dumps(draft)


def test_answers_in_the_visitors_own_words_are_to_be_translated_when_the_email_is_in_another_language():
    answers = dict(FULL, organisation_type="university")
    _, page_ = translator("en"), translator("sv")
    labels = ", ".join(page_text(page_, "quoted", text=_(QUESTION_BY_KEY[key].label_for("university")))
                       for key in ("apple_history", "purpose"))
    assert draft_email(answers, "en", "sv")["to_do"] == page_text(translator("sv"), "email_own_words", questions=labels)
    # In the page's own language, or with nothing in the visitor's words, there is nothing to translate.
    assert draft_email(answers, "sv", "sv")["to_do"] is None
    assert draft_email(dict(answers, apple_history="", purpose=""), "en", "sv")["to_do"] == page_text(
        translator("sv"), "email_blanks", marker="[fill in]")
