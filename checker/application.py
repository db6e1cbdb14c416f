"""The application e-mail draft: the details the programme asks for, in the order
of its list, and what the page shows beside the draft.

The body never passes an answer off as fine when it is not: a required detail not
given is marked FILL_IN; a detail given that cannot be used, or that a requirement
not met or needing checking names among its causes, is marked CHECK (after the
answer, when there is one to show). An optional detail left empty is left out, or
said in the sentence its question has for that. Labels fit the kind of organisation.
"""

from .i18n import N_, language, translator
from .page_texts import page_text
from .questions import APPLICATION_QUESTIONS, LINES
from .report import INCOMPLETE, NEEDS_ATTENTION, NOT_ELIGIBLE, READY, STATUS_TEXTS, assess, judge
from .rules import NOT_MET, UNANSWERED, UNCLEAR, malformed_details
from .validation import parse_answers

APPLICATION_ADDRESS = "aasp_application_euro@apple.com"

FILL_IN = N_("[fill in]")  # a required detail not given
CHECK = N_("[check]")  # a detail given that cannot be used, or that a requirement finds at fault

# How the warning opens, by verdict (a ready draft has no warning).
WARNING_LEADS = {
    NOT_ELIGIBLE: N_("Do not send this e-mail yet. Going by your answers, you do not meet every requirement, and Apple does not consider such applications."),
    INCOMPLETE: N_("This draft is not finished: some answers are missing or need correcting."),
    NEEDS_ATTENTION: N_("Check these points before you send the e-mail."),
}
# The warning names the requirements in the way in the order of the result rows,
# at most this many of one status, then how many more.
WARNING_STATUSES = (NOT_MET, UNCLEAR, UNANSWERED)
NAMED_PER_STATUS = 3
MORE = N_("{titles} and {count} more")


def draft_email(answers, lang="sv", page_lang=None):
    """The application e-mail in `lang`, with what the page shows beside it in
    `page_lang` (by default the e-mail's language):
      lang, to, subject, body, mailto   the e-mail
      verdict    the self-check's verdict on the answers
      warning    None when the verdict is ready, else what stands in the way, by requirement title
      blocking   the report's rows that stand in the way: not met, to check, then not answered
      to_do      None when the body has no marker, else what to do with the markers it has
    """
    lang = language(lang)
    page_lang = lang if page_lang is None else language(page_lang)
    _ = translator(lang)
    page_ = translator(page_lang)
    values, errors = parse_answers(answers)
    invalid = [error.field for error in errors]
    to_check = details_to_check(values, invalid)
    kind = values.get("organisation_type")
    legal_name = values.get("legal_name", "")
    subject = _("Application to become an Authorised Apple Service Provider")
    if legal_name:
        subject += " – " + legal_name
    lines = [_("Hello,"), "",
             _("We would like to apply to become an Authorised Apple Service Provider (AASP). Our details:"), ""]
    markers = []
    for question in APPLICATION_QUESTIONS:
        detail, marker = detail_lines(question, values, invalid, to_check, kind, _)
        lines += detail
        if marker:
            markers.append(marker)
    lines += ["", _("Kind regards,")]
    lines += [name for name in (values.get("principal"), legal_name) if name]
    body = "\n".join(lines).rstrip() + "\n"
    report = assess(answers, page_lang)
    return {
        "lang": lang,
        "to": APPLICATION_ADDRESS,
        "subject": subject,
        "body": body,
        "mailto": "mailto:" + APPLICATION_ADDRESS + "?subject=" + percent_encode(subject)
                  + "&body=" + percent_encode(body),
        "verdict": report["verdict"],
        "warning": warning(report, page_),
        "blocking": [row for status in WARNING_STATUSES for row in report["requirements"] if row["status"] == status],
        "to_do": to_do(markers, _, page_),
    }


def details_to_check(values, invalid):
    """Keys of the answers that cannot be used (`invalid`), that do not look right,
    or that decided a requirement not met or needing checking. Rules are judged here
    as if unusable answers were not given, so one of them hides nothing wrong in another."""
    keys = list(invalid) + [key for key, _message in malformed_details(values)]
    for outcome in judge(values, []):
        if outcome.status in (NOT_MET, UNCLEAR):
            keys += list(outcome.answers)
    return keys


def detail_lines(question, values, invalid, to_check, kind, _):
    """(the body's lines for one detail, the marker they carry or None)."""
    label = _(question.draft_label(kind))
    value = values.get(question.key)
    if question.key in invalid:  # typed, but not usable: nothing of it is shown
        return [label + ": " + _(CHECK)], CHECK
    if value is None:
        if question.required:
            return [label + ": " + _(FILL_IN)], FILL_IN
        return ([_(question.draft_when_empty)] if question.draft_when_empty else []), None
    marker = CHECK if question.key in to_check else None
    after = " " + _(CHECK) if marker else ""
    items = value if isinstance(value, list) else value.split("\n")
    if question.kind == LINES or len(items) > 1:
        return [label + ":" + after] + ["  " + item for item in items], marker
    return [label + ": " + value + after], marker


def warning(report, _):
    """What stands in the way of sending, in the report's language; None when ready."""
    verdict = report["verdict"]
    if verdict == READY:
        return None
    parts = [_(WARNING_LEADS[verdict])]
    for status in WARNING_STATUSES:
        titles = [row["title"] for row in report["requirements"] if row["status"] == status]
        if titles:
            named = "; ".join(titles[:NAMED_PER_STATUS])
            if len(titles) > NAMED_PER_STATUS:
                named = _(MORE, titles=named, count=len(titles) - NAMED_PER_STATUS)
            parts.append(_(STATUS_TEXTS[status]) + ": " + named + ".")
    return " ".join(parts)


def to_do(markers, _, page_):
    """What to do with the body's markers (shown as in the body), in the page's language."""
    fill_in, check = FILL_IN in markers, CHECK in markers
    if fill_in and check:
        return page_text(page_, "email_blanks_and_checks", marker=_(FILL_IN), check=_(CHECK))
    if fill_in:
        return page_text(page_, "email_blanks", marker=_(FILL_IN))
    if check:
        return page_text(page_, "email_checks", check=_(CHECK))
    return None


_UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~"
# Each byte as it is written in a URI component, looked up rather than worked out per
# byte: encoding a draft took 5-6 ms in MicroPython the other way.
_ENCODED = [chr(byte) if chr(byte) in _UNRESERVED else "%%%02X" % byte for byte in range(256)]


def percent_encode(text):
    """URI component encoding (RFC 3986), since MicroPython has no urllib."""
    return "".join([_ENCODED[byte] for byte in text.encode("utf-8")])
