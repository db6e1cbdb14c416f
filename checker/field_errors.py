"""Every answer the visitor should correct at its field, with the checker's own
message: the report's errors (answers it cannot use, whose requirements stay
unanswered) and the answers it uses as given but that do not look right, a
malformed e-mail address, phone number or website (whose requirements need
checking, so the report has no error for them: see rules.malformed_answers)."""

from .i18n import translator
from .rules import malformed_answers
from .validation import parse_answers

# The answers rules.malformed_answers reads: only these are parsed again, so a long
# answer elsewhere costs nothing more on a keystroke.
LOOKED_AT = ("phone", "email", "website")


def field_errors(report, answers):
    """The report's errors, then one {"field", "message"} per malformed answer, in the report's language."""
    unusable = [error["field"] for error in report["errors"]]
    values, _errors = parse_answers({key: answers[key] for key in LOOKED_AT if key in answers and key not in unusable})
    return field_errors_of_parsed(report, values)


def field_errors_of_parsed(report, values):
    """field_errors for answers parsed already (the `values` the report was made from)."""
    _ = translator(report["lang"])
    return report["errors"] + [{"field": key, "message": _(msgid)} for key, msgid in malformed_answers(values)]
