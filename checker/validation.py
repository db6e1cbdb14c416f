"""Turns raw answers (JSON from the command line, strings from the form) into
clean values, with a message for every answer that cannot be used.

An unusable answer is dropped and reported; the report makes every requirement
that reads it unanswered, asking for the answer to be corrected.

Text is cleaned with patterns.plain_spaces and patterns.lower, not with the str
methods alone, so that CPython and MicroPython (whose str methods know ASCII
only) read every answer alike.
"""

from .format_version import current_answers
from .i18n import N_
from .patterns import as_text, is_digits, lower, plain_spaces, readable_email
from .questions import BOOL, CHOICE, COUNT, LINES, LONG_TEXT, QUESTION_BY_KEY, QUESTIONS

MAX_ADDRESSES = 20
MAX_LINES = 10 * MAX_ADDRESSES  # blank lines included
MAX_LINE_LENGTH = 200
MAX_UNKNOWN_KEYS_REPORTED = 10
# No usable answer is longer, even with every character a surrogate pair that
# MicroPython's json leaves unjoined. A longer string is too long for its
# question whatever it holds, so it is not read character by character (in
# MicroPython a pasted megabyte with one Hangul syllable took seconds, on
# every assessment).
LONGEST_TEXT = 2 * max(question.max_length for question in QUESTIONS)
SHOWN_KEY_LENGTH = 60

_YES = ("yes", "true")
_NO = ("no", "false")


class FieldError:
    def __init__(self, field, msgid, **params):
        self.field = field
        self.msgid = msgid
        self.params = params


def parse_answers(answers):
    """Returns (values, errors): values holds only usable answers."""
    if not isinstance(answers, dict):
        return {}, [FieldError("", N_("The answers must be a JSON object of question keys and answers."))]
    answers = current_answers(answers)
    values = {}
    errors = []
    unknown = []
    for key in answers:
        question = QUESTION_BY_KEY.get(key)
        if question is None:
            unknown.append(key)
            continue
        value, error = _parse(question, answers[key])
        if error is not None:
            errors.append(error)
        elif value is not None:
            values[key] = value
    for key in unknown[:MAX_UNKNOWN_KEYS_REPORTED]:
        errors.append(FieldError(_shorten(_key_name(key)), N_("This is not one of the self-check's questions.")))
    if len(unknown) > MAX_UNKNOWN_KEYS_REPORTED:
        errors.append(FieldError("", N_("{count} more answers to unknown questions were ignored."),
                                 count=len(unknown) - MAX_UNKNOWN_KEYS_REPORTED))
    return values, errors


def _parse(question, raw):
    """(value, None), (None, None) for no answer, or (None, FieldError)."""
    raw = _as_text(raw)
    if raw is _NOT_TEXT:
        return None, FieldError(question.key, N_("This answer contains a character that is not text (a lone UTF-16 surrogate or a null character). Type it again."))
    if raw is None or (isinstance(raw, str) and _blank(raw)):
        return None, None
    kind = question.kind
    if kind == BOOL:
        return _parse_bool(question, raw)
    if kind == CHOICE:
        return _parse_choice(question, raw)
    if kind == COUNT:
        return _parse_count(question, raw)
    if kind == LINES:
        return _parse_lines(question, raw)
    return _parse_text(question, raw)


def _parse_bool(question, raw):
    if raw is True or raw is False:
        return raw, None
    if isinstance(raw, str) and not _longer(raw, 9):
        word = lower(plain_spaces(raw).strip())
        if word in _YES:
            return True, None
        if word in _NO:
            return False, None
    return None, FieldError(question.key, N_("Answer yes or no."))


def _parse_choice(question, raw):
    allowed = [value for value, _label in question.choices]
    if isinstance(raw, str) and not _longer(raw, 100) and plain_spaces(raw).strip() in allowed:
        return plain_spaces(raw).strip(), None
    return None, FieldError(question.key, N_("Use one of these values: {choices}."), choices=", ".join(allowed))


def _parse_count(question, raw):
    number = None
    if isinstance(raw, bool):
        number = None
    elif isinstance(raw, int):
        number = raw
    elif isinstance(raw, float) and raw == raw and abs(raw) < 1e18 and raw == int(raw):
        number = int(raw)
    elif isinstance(raw, str) and not _longer(raw, 20):
        # Spaces may group the digits ("1 000"), also a no-break or thin space.
        text = plain_spaces(raw).replace(" ", "")
        digits = text[1:] if text.startswith("-") else text
        if is_digits(digits):
            number = int(text)
    if number is None:
        return None, FieldError(question.key, N_("Enter a whole number, for example 12."))
    if number < 0 or number > question.maximum:
        return None, FieldError(question.key, N_("Enter a number from 0 to {maximum}."),
                                maximum=question.maximum)
    return number, None


def _parse_text(question, raw):
    if not isinstance(raw, str):
        return None, FieldError(question.key, N_("Answer with text."))
    if _longer(raw, question.max_length):
        return None, FieldError(question.key, N_("Use at most {maximum} characters."),
                                maximum=question.max_length)
    # One-line answers are tidied to single spaces; paragraphs keep their lines.
    if question.kind == LONG_TEXT:
        return plain_spaces(raw, keep_newlines=True).strip(), None
    text = " ".join(plain_spaces(raw).split())
    # As the visitor wrote it: a browser's e-mail field may hand over the domain in punycode.
    return (readable_email(text) if question.input_type == "email" else text), None


def _parse_lines(question, raw):
    """A JSON list of strings, or one string with an item per line (the form)."""
    if isinstance(raw, str):
        if _longer(raw, question.max_length):
            return None, FieldError(question.key, N_("Use at most {maximum} characters."),
                                    maximum=question.max_length)
        raw = plain_spaces(raw, keep_newlines=True).split("\n")
    if not isinstance(raw, list) or len(raw) > MAX_LINES:
        return None, FieldError(question.key, N_("Enter one address per line."))
    lines = []
    for item in raw:
        if not isinstance(item, str) or _longer(item, MAX_LINE_LENGTH):
            return None, FieldError(question.key, N_("Enter one address per line, each at most {maximum} characters."),
                                    maximum=MAX_LINE_LENGTH)
        line = " ".join(plain_spaces(item).split())
        if line:
            lines.append(line)
    if len(lines) > MAX_ADDRESSES:
        return None, FieldError(question.key, N_("Enter at most {maximum} addresses."), maximum=MAX_ADDRESSES)
    return (lines or None), None


_NOT_TEXT = object()


def _as_text(raw):
    """`raw` with its text made valid (see patterns.as_text), or _NOT_TEXT if a
    string in it holds a lone surrogate or a null character."""
    if isinstance(raw, str):
        text = raw if _longer(raw, LONGEST_TEXT) else as_text(raw)
        return _NOT_TEXT if text is None else text
    if isinstance(raw, list) and len(raw) <= MAX_LINES:
        items = []
        for item in raw:
            if isinstance(item, str) and not _longer(item, LONGEST_TEXT):
                item = as_text(item)
                if item is None:
                    return _NOT_TEXT
            items.append(item)
        return items
    return raw


def _key_name(key):
    """An unknown key as it can be shown: JSON keys are text; a key from a Python
    caller is printed, unless it is an integer too long for CPython to print."""
    if isinstance(key, str):
        return as_text(key[:2 * SHOWN_KEY_LENGTH], "\ufffd")
    try:
        return str(key)
    except ValueError:
        return "?"


def _blank(text):
    # A non-blank start settles it, and a text longer than any answer is too
    # long, however blank it looks (a megabyte of line breaks): neither is
    # cleaned whole on every assessment, which took 170 ms a keystroke in MicroPython.
    return (plain_spaces(text[:100]).strip() == ""
            and not _longer(text, LONGEST_TEXT) and plain_spaces(text).strip() == "")


def _longer(text, length):
    """len(text) > length, without counting a long text to its end: MicroPython
    counts a string's characters on every len(), a megabyte of U+2028 in ms."""
    return text[length:length + 1] != ""


def _shorten(text):
    return text if len(text) <= SHOWN_KEY_LENGTH else text[:SHOWN_KEY_LENGTH - 3] + "..."
