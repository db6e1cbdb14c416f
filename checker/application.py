"""The application e-mail draft, with every detail the program asks for."""

from .i18n import N_, language, translator
from .questions import APPLICATION_QUESTIONS
from .validation import parse_answers

APPLICATION_ADDRESS = "aasp_application_euro@apple.com"

# Marks a required detail the visitor has not given yet.
FILL_IN = N_("[fill in]")


def draft_email(answers, lang="sv"):
    """{"to", "subject", "body", "mailto"} in the visitor's language; blanks are marked."""
    _ = translator(language(lang))
    values, _errors = parse_answers(answers)
    legal_name = values.get("legal_name", "")
    subject = _("Application to become an Authorised Apple Service Provider")
    if legal_name:
        subject += " – " + legal_name
    lines = [_("Hello,"), "",
             _("We would like to apply to become an Authorised Apple Service Provider (AASP). Our details:"), ""]
    for question in APPLICATION_QUESTIONS:
        value = values.get(question.key)
        if value is None:
            value = _(FILL_IN) if question.required else _("None given")
        if isinstance(value, list):
            lines.append(_(question.label) + ":")
            lines += ["  " + item for item in value]
        elif "\n" in value:
            lines.append(_(question.label) + ":")
            lines += ["  " + line for line in value.split("\n")]
        else:
            lines.append(_(question.label) + ": " + value)
    lines += ["", _("Kind regards,")]
    lines += [name for name in (values.get("principal"), legal_name) if name]
    body = "\n".join(lines).rstrip() + "\n"
    return {
        "to": APPLICATION_ADDRESS,
        "subject": subject,
        "body": body,
        "mailto": "mailto:" + APPLICATION_ADDRESS + "?subject=" + percent_encode(subject)
                  + "&body=" + percent_encode(body),
    }


_UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~"


def percent_encode(text):
    """URI component encoding (RFC 3986), since MicroPython has no urllib."""
    out = []
    for byte in text.encode("utf-8"):
        ch = chr(byte)
        out.append(ch if ch in _UNRESERVED else "%%%02X" % byte)
    return "".join(out)
