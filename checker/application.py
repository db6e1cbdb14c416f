"""The application e-mail draft: the details the programme asks for, in the order
of its list, and what the page shows beside the draft, each made by its own
function: the e-mail's text, the warning above it, what to do with its markers and
its mailto: link.

The text is what the visitor sends: it holds no assessment. Only a required detail
not given is marked FILL_IN, and a detail given that cannot be used as it is (an
answer the self-check rejects, a phone number, e-mail or web address that does not
look like one) is marked CORRECT; what a requirement finds at fault is said in the
warning above the draft. An optional detail left empty is left out, or said in the
sentence its question has for that. Labels fit the kind of organisation.
"""

from .i18n import N_, language, translator
from .page_texts import page_text
from .patterns import email_problem
from .questions import APPLICATION_QUESTIONS, LINES, LONG_TEXT
from .report import INCOMPLETE, NAMED_PER_STATUS, NEEDS_ATTENTION, NOT_ELIGIBLE, READY, STATUS_TEXTS, report_of, rows_to_name
from .rules import APPLICATION_ADDRESS, NOT_MET, UNANSWERED, UNCLEAR, has_no_website, malformed_details
from .validation import parse_answers

FILL_IN = N_("[fill in]")  # a required detail not given
CORRECT = N_("[correct this]")  # a detail given that cannot be used as it is

# The language the page advises writing the e-mail in (page_texts "email_language_advice"),
# chosen for the draft until the visitor picks another.
ADVISED_LANGUAGE = "en"

NO_WEBSITE = N_("We have no website.")  # said in place of the website when there is none

# How the warning opens, by verdict (a ready draft has no warning).
WARNING_LEADS = {
    NOT_ELIGIBLE: N_("Do not send this e-mail yet. Going by your answers, you do not meet every requirement, and Apple does not consider such applications."),
    INCOMPLETE: N_("This draft is not finished: some answers are missing or need correcting."),
    NEEDS_ATTENTION: N_("Check these points in the result before you send the e-mail; the e-mail itself does not mention them."),
}
# The warning names the requirements in the way, by status in the order of the result's
# groups, hardest to change first (report.rows_to_name): at most NAMED_PER_STATUS of
# one status, then how many more.
WARNING_STATUSES = (NOT_MET, UNCLEAR, UNANSWERED)
MORE = N_("{titles} and {count} more")


def draft_email(answers, lang="sv", page_lang=None):
    """The application e-mail in `lang`, with what the page shows beside it in
    `page_lang` (by default the e-mail's language):
      lang, to, subject, body, mailto   the e-mail
      verdict    the self-check's verdict on the answers
      warning    None when the verdict is ready, else what stands in the way, by requirement title
      blocking   the report's rows that stand in the way: not met, to check, then not answered
      to_do      None when the body has no marker, else what to do with the markers it has
    The answers are parsed and judged once."""
    lang = language(lang)
    page_lang = lang if page_lang is None else language(page_lang)
    values, errors = parse_answers(answers)
    return draft_for(values, [error.field for error in errors], report_of(values, errors, page_lang), lang)


def draft_for(values, invalid, report, lang):
    """The draft from answers parsed already (`values`, the keys of unusable ones in
    `invalid`) and their report, in the page's language."""
    email = email_text(values, invalid, lang)
    _ = translator(lang)
    page_ = translator(report["lang"])
    return {
        "lang": email["lang"], "to": email["to"], "subject": email["subject"], "body": email["body"],
        "mailto": mailto(email),
        "verdict": report["verdict"],
        "warning": warning(report, page_),
        "blocking": [row for status in WARNING_STATUSES for row in report["requirements"] if row["status"] == status],
        "to_do": to_do(email["markers"], _, page_, own_words(values, report["lang"], lang, _)),
    }


def email_text(values, invalid, lang):
    """The e-mail itself: lang, to, subject, body, and the markers the body holds."""
    _ = translator(lang)
    unusable = unusable_details(values, invalid)
    kind = values.get("organisation_type")
    legal_name = values.get("legal_name", "")
    subject = _("Application to become an Authorised Apple Service Provider")
    if legal_name:
        subject += " – " + legal_name
    lines = [_("Hello,"), "",
             _("We would like to apply to become an Authorised Apple Service Provider (AASP). Our details:"), ""]
    markers = []
    for question in APPLICATION_QUESTIONS:
        if question.in_draft:
            detail, marker = detail_lines(question, values, unusable, kind, _)
            lines += detail
            if marker and marker not in markers:
                markers.append(marker)
    lines += ["", _("Kind regards,")]
    lines += [name for name in (values.get("principal"), legal_name) if name]
    return {"lang": lang, "to": APPLICATION_ADDRESS, "subject": subject,
            "body": "\n".join(lines).rstrip() + "\n", "markers": markers}


def unusable_details(values, invalid):
    """Keys of the details that cannot be used as they are: rejected answers, and
    a phone number, web address or e-mail address that does not look like one."""
    keys = list(invalid) + [key for key, _message in malformed_details(values)]
    if "email" in values and email_problem(values["email"]) is not None:
        keys.append("email")
    return keys


def detail_lines(question, values, unusable, kind, _):
    """(the body's lines for one detail, the marker they carry or None)."""
    label = _(question.label_for(kind))
    value = values.get(question.key)
    if question.key in unusable and value is None:  # typed, but rejected: nothing of it is shown
        return [label + ": " + _(CORRECT)], CORRECT
    if value is None:
        if question.key == "website" and has_no_website(values):
            return [_(NO_WEBSITE)], None
        if question.required:
            return [label + ": " + _(FILL_IN)], FILL_IN
        return ([_(question.draft_when_empty)] if question.draft_when_empty else []), None
    marker = CORRECT if question.key in unusable else None
    after = " " + _(CORRECT) if marker else ""
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
        titles = [row["title"] for row in rows_to_name(report, status)]
        if titles:
            named = "; ".join(titles[:NAMED_PER_STATUS])
            if len(titles) > NAMED_PER_STATUS:
                named = _(MORE, titles=named, count=len(titles) - NAMED_PER_STATUS)
            parts.append(_(STATUS_TEXTS[status]) + ": " + named + ".")
    return " ".join(parts)


def own_words(values, page_lang, lang, _):
    """The e-mail's labels (through its translator `_`) of the answers it copies in
    the visitor's own words, when it is in another language than the page: those
    words are likely in the page's language."""
    if lang == page_lang:
        return []
    kind = values.get("organisation_type")
    return [_(question.label_for(kind)) for question in APPLICATION_QUESTIONS
            if question.in_draft and question.kind == LONG_TEXT and values.get(question.key)]


def to_do(markers, _, page_, translate=()):
    """What to do with the body's markers (shown as in the body), and with the
    answers labelled in `translate` (own_words), in the page's language; None when nothing."""
    fill_in, correct = FILL_IN in markers, CORRECT in markers
    says = []
    if fill_in and correct:
        says.append(page_text(page_, "email_blanks_and_corrections", marker=_(FILL_IN), correct=_(CORRECT)))
    elif fill_in:
        says.append(page_text(page_, "email_blanks", marker=_(FILL_IN)))
    elif correct:
        says.append(page_text(page_, "email_corrections", correct=_(CORRECT)))
    if translate:
        quoted = [page_text(page_, "quoted", text=label) for label in translate]  # quotes as the page writes them
        says.append(page_text(page_, "email_own_words", questions=", ".join(quoted)))
    return " ".join(says) or None


def mailto(email):
    """The mailto: link that opens the e-mail in the visitor's e-mail program."""
    return ("mailto:" + email["to"] + "?subject=" + percent_encode(email["subject"])
            + "&body=" + percent_encode(email["body"]))


_UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~"
# Each byte as it is written in a URI component, looked up rather than worked out per
# byte: encoding a draft took 5-6 ms in MicroPython the other way.
_ENCODED = [chr(byte) if chr(byte) in _UNRESERVED else "%%%02X" % byte for byte in range(256)]


def percent_encode(text):
    """URI component encoding (RFC 3986), since MicroPython has no urllib."""
    return "".join([_ENCODED[byte] for byte in text.encode("utf-8")])
