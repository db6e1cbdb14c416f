"""Every answer the visitor should correct is an error at its field: the report's
errors, and the malformed e-mail address, phone number or website the report uses
as given (their rows need checking; the report itself has no error for them)."""

import pytest

from checker import assess
from checker.field_errors import field_errors
from checker.i18n import LANGUAGES, translator
from checker.rules import EMAIL_PROBLEMS

MALFORMED = [("email", "anna@", "business-email"), ("email", "anna.gmail", "business-email"),
             ("email", "@example.se", "business-email"), ("phone", "12", "application-details"),
             ("website", "nope", "application-details")]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("key, typed, rule", MALFORMED)
def test_a_malformed_answer_is_a_field_error_in_the_visitors_language(lang, key, typed, rule):
    answers = {key: typed}
    report = assess(answers, lang)
    assert report["errors"] == []  # used as given: the requirement needs checking, not answering
    if key == "email":
        assert {row["id"]: row["status"] for row in report["requirements"]}[rule] == "unclear"
    errors = field_errors(report, answers)
    assert [error["field"] for error in errors] == [key]
    # The message of the row that reads it: one source for both.
    row = {row["id"]: row["message"] for row in report["requirements"]}[rule]
    assert errors[0]["message"] in row or rule == "application-details"
    if lang != "en":
        english = field_errors(assess(answers, "en"), answers)[0]["message"]
        assert errors[0]["message"] != english


@pytest.mark.parametrize("typed", ["info@nordicrepair.se", "", "   "])
def test_a_well_formed_or_missing_email_is_no_error(typed):
    answers = {"email": typed}
    assert field_errors(assess(answers), answers) == []


def test_an_unusable_answer_is_reported_once_and_the_malformed_ones_after_it():
    answers = {"months_in_operation": "-4", "email": "anna@", "phone": "12", "website": "www.nordicrepair.se"}
    report = assess(answers, "en")
    errors = field_errors(report, answers)
    assert errors[:1] == report["errors"]
    assert sorted(error["field"] for error in errors) == ["email", "months_in_operation", "phone"]
    _ = translator("en")
    assert {"field": "email", "message": _(EMAIL_PROBLEMS["domain"])} in errors
