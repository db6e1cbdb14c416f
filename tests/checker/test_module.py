"""assess() and the question list, beyond the case table (the e-mail draft: test_application.py)."""

import json
import pathlib
import re

import pytest

import checker
from checker.i18n import DEFAULT_LANGUAGE, LANGUAGES, MSGID_LANGUAGE, translator
from checker.questions import APPLICATION_QUESTIONS
from checker.rules import GUIDANCE_MONTHS, MINIMUM_REPAIRS, RULE_BY_ID, RULES
from profiles import COMPLETE

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_rule_ids_are_unique_anchors():
    ids = [rule.id for rule in RULES]
    assert ids and len(set(ids)) == len(ids) and all(re.match(r"^[a-z]+(-[a-z]+)*$", rid) for rid in ids)


def test_titles_and_explanations_name_the_rules_own_numbers():
    for lang in LANGUAGES:
        _ = translator(lang)
        for rule in RULES:
            for text in (rule.title_in(_), rule.decides_in(_)):
                assert "{" not in text and "}" not in text, (lang, rule.id, text)
        repairs = RULE_BY_ID["repair-volume"]
        assert str(MINIMUM_REPAIRS) in repairs.title_in(_) and str(MINIMUM_REPAIRS) in repairs.decides_in(_)
        assert str(GUIDANCE_MONTHS) in RULE_BY_ID["operating-history"].decides_in(_)


def test_the_months_guidance_is_presented_as_ours_not_apples():
    """Under the limit and at it, the message says the limit is this guide's, not Apple's."""
    for lang, below, at in (("en", "our own guidance", "guide's own"), ("sv", "guidens egen", "guidens egen")):
        for months, status, words in ((GUIDANCE_MONTHS - 1, "unclear", below), (GUIDANCE_MONTHS, "met", at)):
            report = checker.assess(dict(COMPLETE, months_in_operation=months), lang)
            row = next(row for row in report["requirements"] if row["id"] == "operating-history")
            assert row["status"] == status
            assert words in row["message"].lower(), row["message"]


def test_messages_say_what_to_do():
    report = checker.assess(dict(COMPLETE, repairs_per_quarter=MINIMUM_REPAIRS - 80, certified_technicians=0, credit_line="planned",
                                 addresses=["Box 42, 111 22 Stockholm"], email="anna@hotmail.se"), "en")
    messages = {row["id"]: row["message"] for row in report["requirements"]}
    assert "80 too few" in messages["repair-volume"]
    assert "exam" in messages["certified-technicians"] and "no exam fees" in messages["certified-technicians"]
    assert "Apple Finance" in messages["credit-line"]
    assert "Box 42, 111 22 Stockholm" in messages["no-home-address"]
    assert "hotmail.se" in messages["business-email"]


def test_every_row_has_a_title_and_message_in_the_language_asked():
    for lang in LANGUAGES:
        report = checker.assess({}, lang)
        assert report["lang"] == lang
        assert all(row["title"] and row["message"] for row in report["requirements"])
        assert len(report["notes"]) == 4
    english = checker.assess({}, MSGID_LANGUAGE)["requirements"][0]["title"]
    for lang in LANGUAGES:
        if lang != MSGID_LANGUAGE:  # translated, not the English msgid
            assert checker.assess({}, lang)["requirements"][0]["title"] != english, lang


def test_unknown_language_falls_back_to_swedish():
    assert DEFAULT_LANGUAGE == "sv" and "xx" not in LANGUAGES
    assert checker.assess({}, "xx")["lang"] == "sv"
    assert checker.assess({}, None)["lang"] == "sv"


def test_huge_and_odd_input_is_reported_not_raised():
    huge = "x" * 10_000_000
    report = checker.assess({"legal_name": huge, "addresses": [huge], "purpose": huge, huge: 1,
                             "repairs_per_quarter": float("nan"), "months_in_operation": float("inf")}, "en")
    fields = {error["field"] for error in report["errors"]}
    assert {"legal_name", "addresses", "purpose", "repairs_per_quarter", "months_in_operation"} <= fields
    assert all(len(error["field"]) <= 60 for error in report["errors"])
    many_unknown = checker.assess({"k%d" % i: i for i in range(500)}, "en")
    assert len(many_unknown["errors"]) == 11


def test_the_details_rule_follows_the_application_questions():
    """The programme's list of what to send, in its order, asked once and read by the rule
    (and by the e-mail draft: tests/checker/test_application.py)."""
    programme = ["legal_name", "dba", "principal", "addresses", "phone", "email", "website", "apple_history", "purpose"]
    assert [question.key for question in APPLICATION_QUESTIONS if question.in_draft] == programme
    # Saying there is no website is asked beside it, not a detail of its own.
    assert [question.key for question in APPLICATION_QUESTIONS if not question.in_draft] == ["no_website"]
    for question in APPLICATION_QUESTIONS:
        expected = "unanswered" if question.required else "met"
        assert _rows(_without(question.key))["application-details"]["status"] == expected, question.key


# --- Each row's question, messages for several or unusable answers ---------------------------

def _rows(answers, lang="en"):
    return {row["id"]: row for row in checker.assess(answers, lang)["requirements"]}


def _without(*keys):
    return {key: value for key, value in COMPLETE.items() if key not in keys}


def test_every_row_names_one_of_its_rules_questions():
    for answers in ({}, COMPLETE, dict(COMPLETE, phone="12345", website="nordicrepair", home_address="maybe")):
        rows = checker.assess(answers, "en")["requirements"]
        for rule, row in zip(RULES, rows):
            assert list(row) == ["id", "status", "title", "message", "question"], row
            assert row["question"] in rule.keys, (rule.id, row["question"])
    # With nothing answered, and with everything met, each row points at its rule's first question.
    for answers in ({}, COMPLETE):
        assert [row["question"] for row in checker.assess(answers)["requirements"]] == [rule.keys[0] for rule in RULES]


def test_an_unanswered_row_names_the_first_missing_answer():
    rows = _rows(_without("principal", "phone"))
    assert rows["application-details"]["status"] == "unanswered"
    assert rows["application-details"]["question"] == "principal"
    rows = _rows({"organisation_type": "company"})
    assert rows["organisation-type"]["question"] == "business_focus"
    rows = _rows(dict(_without("legal_name", "website")))
    assert rows["trademarks"]["question"] == "legal_name"


def test_a_decided_row_names_the_answer_that_decided_it():
    cases = [
        (dict(COMPLETE, phone="12345"), "application-details", "unclear", "phone"),
        (dict(COMPLETE, website="nordicrepair"), "application-details", "unclear", "website"),
        (dict(COMPLETE, phone="12345", website="nordicrepair"), "application-details", "unclear", "phone"),
        (dict(COMPLETE, legal_name="Apple Service AB"), "trademarks", "unclear", "legal_name"),
        (dict(COMPLETE, dba="Fixa Mac"), "trademarks", "unclear", "dba"),
        (dict(COMPLETE, website="applerepair.se", email="info@applerepair.se"), "trademarks", "unclear", "website"),
        (dict(COMPLETE, addresses=["Storgatan 12", "Box 12, 111 22 Stockholm"]), "no-home-address", "not_met", "addresses"),
        (dict(COMPLETE, home_address=True, addresses=["Box 12"]), "no-home-address", "not_met", "home_address"),
        (dict(COMPLETE, email="anna@gmail.com"), "business-email", "not_met", "email"),
        (dict(COMPLETE, email="anna@"), "business-email", "unclear", "email"),
        (dict(COMPLETE, email="anna@other.se"), "business-email", "unclear", "email"),
        (_without("website"), "business-email", "unclear", "website"),
        (dict(COMPLETE, website="nordicrepair"), "business-email", "unclear", "website"),
        (dict(COMPLETE, business_focus="other"), "organisation-type", "unclear", "business_focus"),
        (dict(COMPLETE, organisation_type="individual"), "organisation-type", "not_met", "organisation_type"),
    ]
    for answers, rid, status, question in cases:
        row = _rows(answers)[rid]
        assert (row["status"], row["question"]) == (status, question), (rid, answers, row)


def test_every_malformed_application_detail_is_named():
    for lang, phone, website in (("en", "The phone number does not look right", "The website does not look like a web address"),
                                 ("sv", "Telefonnumret ser inte rätt ut", "Webbplatsen ser inte ut som en webbadress")):
        row = _rows(dict(COMPLETE, phone="12345", website="nordicrepair"), lang)["application-details"]
        assert row["status"] == "unclear"
        assert phone in row["message"] and website in row["message"], row["message"]
        assert row["message"].index(phone) < row["message"].index(website)
        only_phone = _rows(dict(COMPLETE, phone="12345"), lang)["application-details"]["message"]
        assert phone in only_phone and website not in only_phone


def test_a_malformed_website_is_not_reported_as_missing():
    rows = _rows(dict(COMPLETE, website="nordicrepair"))
    email = rows["business-email"]
    assert email["status"] == "unclear"
    assert "does not look like a web address" in email["message"] and "Give your website too" not in email["message"]
    swedish = _rows(dict(COMPLETE, website="nordicrepair"), "sv")["business-email"]["message"]
    assert "ser inte ut som en webbadress" in swedish and "Ange också webbplatsen" not in swedish
    # Without a website at all, the old request stands.
    assert "Give your website too" in _rows(_without("website"))["business-email"]["message"]
    # No company name and a malformed website: ask only for the name.
    trademarks = _rows(dict(_without("legal_name"), website="nordicrepair"))["trademarks"]
    assert trademarks["status"] == "unanswered"
    assert trademarks["message"] == "Still to answer: Legal company name", trademarks["message"]
    assert trademarks["question"] == "legal_name"
    nothing = _rows(_without("legal_name", "website"))["trademarks"]["message"]
    assert nothing == "Still to answer: Legal company name; Company website", nothing


def test_an_unusable_answer_asks_for_a_correction_not_for_an_answer():
    long_line = "A" * 201
    for addresses in (["Box 12", long_line], ["Box 12"] + ["Storgatan %d" % i for i in range(1, 21)]):
        report = checker.assess(dict(COMPLETE, home_address=False, addresses=addresses), "en")
        rows = {row["id"]: row for row in report["requirements"]}
        assert [error["field"] for error in report["errors"]] == ["addresses"]
        for rid in ("no-home-address", "application-details"):
            assert rows[rid]["status"] == "unanswered", rows[rid]
            assert rows[rid]["message"] == "Correct your answer to: Service location addresses", rows[rid]
            assert rows[rid]["question"] == "addresses"
        assert report["verdict"] == "incomplete"
    row = _rows(dict(COMPLETE, repairs_per_quarter="many"))["repair-volume"]
    assert row["message"] == "Correct your answer to: How many repairs do you complete per quarter?"
    assert _rows(dict(COMPLETE, repairs_per_quarter=-3), "sv")["repair-volume"]["message"].startswith("Rätta svaret på: ")
    # Several unusable answers of one rule are all named, in the rule's order.
    row = _rows(dict(COMPLETE, website=5, email=["x"]))["business-email"]
    assert row["message"] == "Correct your answer to: Contact e-mail address; Company website"
    assert row["question"] == "email"
    # A rule that does not read the unusable answer is judged as before.
    assert _rows(dict(COMPLETE, website=5))["repair-volume"]["status"] == "met"


# --- The text helpers that make CPython, Pyodide and MicroPython agree -------------------------

def test_plain_spaces_covers_every_space_cpython_splits_on():
    from checker.patterns import plain_spaces

    spaces = [chr(code) for code in range(0x110000) if chr(code).isspace()]
    assert len(spaces) > 25
    text = "a".join(spaces)
    assert plain_spaces(text) == "a".join([" "] * len(spaces))
    kept = plain_spaces("one\r\ntwo\u2028three\rfour\u00a0five\tsix", keep_newlines=True)
    assert kept == "one\ntwo\nthree\nfour five six"


def test_lower_agrees_with_cpython_on_the_capitals_it_knows():
    from checker.patterns import _LOWER, lower

    for capital, small in _LOWER.items():
        if capital != "\u0130":  # CPython lowers İ to i and a combining dot
            assert small == capital.lower(), (capital, small)
    # Latin-1 (not ×) and Latin Extended-A capitals are all there.
    for code in list(range(0xC0, 0xDF)) + list(range(0x100, 0x180)):
        ch = chr(code)
        if code != 0xD7 and ch.lower() != ch:
            assert ch in _LOWER, hex(code)
    assert lower("REPARATÖR.SE ÅÄÖ ŁÓDŹ Ÿ") == "reparatör.se åäö łódź ÿ"
    assert lower("×÷ß") == "×÷ß"


def test_words_split_on_punctuation_and_keep_swedish_words_whole():
    from checker.patterns import is_letter, words

    assert words("”iPhone” «iPad» Apple’s Apple™ Apple® Mac–Service") == [
        "iphone", "ipad", "apple", "s", "apple", "apple", "mac", "service"]
    assert words("Macöl Äpple MACKÉN Łódź") == ["macöl", "äpple", "mackén", "łódź"]
    assert words("Ap\u00adple\u00a0Ser\u200bvice") == ["apple", "service"]
    for ch in "\u00a0\u00ab\u00ae\u00b2\u00d7\u00f7\u02bc\u1680\u2009\u2013\u2019\u201d\u2122\u3000\U0001F34E":
        assert not is_letter(ch), hex(ord(ch))
    for ch in "aZ09ÀÖØöÿĀžαЖ":
        assert is_letter(ch), ch


def test_the_module_reads_text_with_its_own_helpers():
    """str.lower/isdigit/isalpha/isspace/strip and a bare split() differ between CPython and
    MicroPython for non-ASCII text: the checker calls them only on text plain_spaces has cleaned."""
    import ast

    for name in ("patterns.py", "domains.py", "validation.py", "rules.py", "report.py", "application.py"):
        tree = ast.parse((ROOT / "checker" / name).read_text(encoding="utf-8"))
        # patterns.lower itself lowers ASCII-only text with str.lower().
        tree.body = [node for node in tree.body if not (isinstance(node, ast.FunctionDef) and node.name == "lower")]
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            method = node.func.attr
            assert method not in ("lower", "upper", "isdigit", "isalpha", "isalnum", "isspace", "casefold"), (
                name, node.lineno, method)
            if method in ("split", "strip") and not node.args:
                inner = node.func.value
                while isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) and inner.func.attr == "strip":
                    inner = inner.func.value
                assert isinstance(inner, ast.Call) and getattr(inner.func, "id", None) == "plain_spaces", (
                    name, node.lineno, method)


# --- Domains in one form, text that is not text, integers too long to print -------------------

def test_punycode_agrees_with_cpythons_codec():
    from checker.domains import punycode_decode, punycode_encode

    # RFC 3492's own samples (7.1: Arabic, Chinese, Czech, Japanese) and domains of our own users.
    for text in ("reparatör", "åkerireparation", "łódźserwis", "bücher", "日本語", "ليهمابتكلموشعربي؟",
                 "他们为什么不说中文", "Pročprostěnemluvíčesky", "3年B組金八先生", "abc", "ü", "a-ö-b"):
        encoded = text.encode("punycode").decode("ascii")
        assert punycode_encode(text) == encoded, text
        assert punycode_decode(encoded) == text, encoded
        assert punycode_decode(encoded.upper()) == encoded.upper().encode("ascii").decode("punycode")


def test_a_letter_and_its_combining_mark_are_composed_as_unicodedata_does():
    import unicodedata

    from checker.domains import _COMBINED, composed

    for mark, pairs in _COMBINED.items():
        for base, letter in zip(pairs[::2], pairs[1::2]):
            assert unicodedata.normalize("NFC", base + mark) == letter == composed(base + mark)
    assert composed("reparato\u0308r.se") == "reparatör.se"
    assert composed("o\u0308\u0308 \u0308x") == "ö\u0308 \u0308x"  # a mark alone or a second one is left


def test_domains_compare_in_one_form():
    from checker.patterns import host_name, website_host

    assert host_name("XN--REPARATR-T4A.SE") == host_name("reparatör.se") == host_name("Reparatör.se.") == "reparatör.se"
    assert website_host("https://www.xn--reparatr-t4a.se./kontakt") == "www.reparatör.se"
    assert website_host("HTTPS://WWW.REPARATÖR.SE:443") == "www.reparatör.se"
    # Punycode that is invalid, or valid but not as an encoder writes it (a bare delimiter), is kept.
    for kept in ("xn--zz.se", "xn---t4a.se", "xn--99999999999.se"):
        assert host_name(kept) == kept.lower(), kept
    # Not a host name, however written: bare prefixes, empty labels, two trailing dots, an emoji.
    for bad in ("xn--.se", "se.xn--", "a..se", "nordicrepair.se..", ".se", "xn--ls8h.la", "💩.la"):
        assert host_name(bad) is None, bad


def test_invalid_punycode_never_raises():
    import random

    from checker.domains import punycode_decode, to_unicode

    chance = random.Random(7)
    for _ in range(3000):
        garbage = "".join(chance.choice("abz09-xn.é\ud800") for _ in range(chance.randint(0, 30)))
        to_unicode("xn--" + garbage)
        punycode_decode(garbage)
    assert punycode_decode("9" * 63) is None  # far beyond the last code point
    assert punycode_decode("é-abc") is None  # the part before the delimiter must be ASCII


def test_free_mail_is_the_providers_own_domain_never_a_subdomain_of_another():
    from checker.patterns import is_free_mail

    for domain in ("hotmail.se", "live.com", "live.co.uk", "yahoo.co.uk", "yahoo.co.jp", "hotmail.com.br",
                   "outlook.de", "gmx.net", "yandex.com.tr", "gmail.com", "protonmail.ch", "pm.me", "HOTMAIL.SE"):
        assert is_free_mail(domain), domain
    for domain in ("live.nordicrepair.se", "hotmail.nordicrepair.se", "live.co.nordicrepair.se",
                   "live.com.nordicrepair", "nordicrepair.se", "mail.gmail.com", "gmail.se", "live.foo.uk",
                   "pm.me.nordicrepair.se"):
        assert not is_free_mail(domain), domain


def test_as_text_joins_surrogate_pairs_and_refuses_lone_ones():
    from checker.patterns import as_text

    assert as_text("Fixa \ud83d\udcf1") == "Fixa 📱"  # as MicroPython's json leaves "\\ud83d\\udcf1"
    assert as_text("한국 📱 å") == "한국 📱 å"
    for lone in ("\ud800", "a\udc00", "\udc00\ud800", "\ud83d\ud83d", "\ud83d\udcf1\udcf1"):
        assert as_text(lone) is None, ascii(lone)
    assert as_text("\udc00\ud83d\udcf1\ud800", "\ufffd") == "\ufffd📱\ufffd"


def test_integers_too_long_to_print_are_reported_not_raised():
    huge = 10 ** 5000
    report = checker.assess({"repairs_per_quarter": huge, "certified_technicians": -huge, "legal_name": huge,
                             "addresses": [huge], "home_address": huge, huge: huge, "x": [huge]}, "en")
    fields = {error["field"] for error in report["errors"]}
    assert fields == {"repairs_per_quarter", "certified_technicians", "legal_name", "addresses", "home_address",
                      "?", "x"}
    json.dumps(report)


def test_the_package_imports_its_parts_when_first_asked():
    """checker/__init__.py gives assess and draft_email on first use (the page imports
    the checker a part at a time); a part asked for by name is imported, and a name
    that is none is an AttributeError, as for any module."""
    import checker as package
    from checker import application, assess, draft_email, report
    assert assess is report.assess and draft_email is application.draft_email
    from checker import patterns
    assert patterns.__name__ == "checker.patterns"
    for missing in ("no_such_part", "_private"):
        with pytest.raises(AttributeError):
            getattr(package, missing)
