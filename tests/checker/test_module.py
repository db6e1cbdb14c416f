"""assess(), the question list and the e-mail draft, beyond the case table."""

import json
import pathlib
import re

import checker
from checker.questions import QUESTION_BY_KEY
from checker.rules import H1_MONTHS_IN_OPERATION, RULES

ROOT = pathlib.Path(__file__).resolve().parents[2]
SPEC = ROOT.parent / "shared" / "spec" / "requirements.md"
COMPLETE = json.loads((ROOT / "tests" / "cases.json").read_text(encoding="utf-8"))[0]["answers"]


def test_rules_follow_the_catalogue_order_and_ids():
    if SPEC.exists():
        # Rows of the rule tables; the application's answer-key table ends in "| yes |" or "| no |".
        rows = [line for line in SPEC.read_text(encoding="utf-8").splitlines()
                if re.match(r"^\| `[a-z-]+` \|", line) and not re.search(r"\| (yes|no) \|$", line)]
        spec_ids = [re.match(r"^\| `([a-z-]+)`", line).group(1) for line in rows]
        assert [rule.id for rule in RULES] == spec_ids
    assert len(RULES) == 19


def test_every_answer_key_a_rule_reads_is_a_question():
    for rule in RULES:
        for key in rule.keys:
            assert key in QUESTION_BY_KEY, (rule.id, key)


def test_h1_is_presented_as_our_guidance_not_apples():
    """Under the limit and at it, the message says the limit is this guide's, not Apple's."""
    for lang, below, at in (("en", "our own guidance", "guide's own"), ("sv", "vår egen", "guidens egen")):
        for months, status, words in ((H1_MONTHS_IN_OPERATION - 1, "unclear", below), (H1_MONTHS_IN_OPERATION, "met", at)):
            row = checker.assess(dict(COMPLETE, months_in_operation=months), lang)["requirements"][3]
            assert row["id"] == "operating-history" and row["status"] == status
            assert words in row["message"].lower(), row["message"]


def test_messages_say_what_to_do():
    report = checker.assess(dict(COMPLETE, repairs_per_quarter=120, certified_technicians=0, credit_line="planned",
                                 addresses=["Box 42, 111 22 Stockholm"], email="anna@hotmail.se"), "en")
    messages = {row["id"]: row["message"] for row in report["requirements"]}
    assert "80 too few" in messages["repair-volume"]
    assert "exam" in messages["certified-technicians"] and "no exam fees" in messages["certified-technicians"]
    assert "Apple Finance" in messages["credit-line"]
    assert "Box 42, 111 22 Stockholm" in messages["no-home-address"]
    assert "hotmail.se" in messages["business-email"]


def test_every_row_has_a_title_and_message_in_the_language_asked():
    for lang in ("sv", "en"):
        report = checker.assess({}, lang)
        assert report["lang"] == lang
        assert all(row["title"] and row["message"] for row in report["requirements"])
        assert len(report["notes"]) == 4
    swedish, english = checker.assess({}, "sv"), checker.assess({}, "en")
    assert swedish["requirements"][0]["title"] != english["requirements"][0]["title"]


def test_unknown_language_falls_back_to_swedish():
    assert checker.assess({}, "de")["lang"] == "sv"
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


def test_the_email_draft_holds_every_field_the_program_asks_for():
    answers = dict(COMPLETE, dba="Fixa Mobilen", apple_history="Återförsäljare sedan 2019",
                   addresses=["Storgatan 12, 111 22 Stockholm", "Lilla gatan 3, 411 01 Göteborg"])
    draft = checker.draft_email(answers, "sv")
    assert draft["to"] == "aasp_application_euro@apple.com"
    for value in ("Nordic Repair AB", "Fixa Mobilen", "Anna Svensson", "Storgatan 12, 111 22 Stockholm",
                  "Lilla gatan 3, 411 01 Göteborg", "+46 8 123 456 78", "info@nordicrepair.se",
                  "https://www.nordicrepair.se", "Återförsäljare sedan 2019", answers["purpose"]):
        assert value in draft["body"], value
    assert draft["mailto"].startswith("mailto:aasp_application_euro@apple.com?subject=")
    assert "%C3%85terf%C3%B6rs%C3%A4ljare" in draft["mailto"]


def test_the_email_draft_marks_blanks_in_the_language_asked():
    assert "[fill in]" in checker.draft_email({}, "en")["body"]
    assert "[fyll i]" in checker.draft_email({}, "sv")["body"]
    assert checker.draft_email(["not", "a", "dict"], "en")["to"] == "aasp_application_euro@apple.com"
