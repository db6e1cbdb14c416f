"""What this browser keeps of the answers, and what can be brought back from
whatever is stored (DOM-free: tested in CPython, run in the browser).

One localStorage entry per question, so that two tabs never overwrite each
other's answers. Only answers the checker can use are kept: anything else in
storage (another site's data on a shared origin, an old or damaged entry) is
checked with the checker's own validation before it reaches the form.
"""

import json

from ..i18n import N_
from ..questions import BOOL, CHOICE, COUNT, QUESTION_BY_KEY, QUESTIONS
from ..validation import FieldError, parse_answers

# Every entry the self-check keeps, in any version, starts so (boot.js names it too):
# "forget my answers" removes them all.
KEPT_PREFIX = "aasp-self-check:"
PREFIX = KEPT_PREFIX + "v2:answer:"
# Set by "forget my answers" while its undo is offered: other tabs, and a page
# coming back from the back/forward cache, forget too and offer the same undo.
FORGOTTEN = KEPT_PREFIX + "v2:forgotten"
# The whole form as one JSON object, as the first version kept it: read once, then removed.
OLD_ENTRY = KEPT_PREFIX + "answers"
# What the first version kept for a number field the browser could not read.
_OLD_UNREADABLE_NUMBER = "?"


# The longest answer any question takes, written in JSON with a \u escape for every character.
_LONGEST_USABLE = max(question.max_length for question in QUESTIONS)
_LONGEST_USABLE_JSON = 6 * _LONGEST_USABLE


def loads(text):
    """json.loads, but quick on long text: a JSON string too long for any
    answer is read as a shorter one, still too long for any answer. (MicroPython
    took two minutes to read a 3 MB string, a paste kept by the first version.)"""
    if len(text) <= _LONGEST_USABLE_JSON:
        return json.loads(text)
    pieces = text.split('"')
    shortened = [pieces[0]]
    start = 1
    while start < len(pieces):
        # A string runs to the next quote that no backslash escapes.
        end = start
        while end < len(pieces) - 1 and _escapes_quote(pieces[end]):
            end += 1
        string = '"'.join(pieces[start:end + 1])
        shortened.append(string if len(string) <= _LONGEST_USABLE_JSON else "x" * (_LONGEST_USABLE + 1))
        shortened += pieces[end + 1:end + 2]  # what follows, up to the next string
        start = end + 2
    return json.loads('"'.join(shortened))


def _escapes_quote(piece):
    """Whether the quote after `piece` is escaped: an odd number of backslashes ends it."""
    return (len(piece) - len(piece.rstrip("\\"))) % 2 == 1


def entry_name(key):
    return PREFIX + key


def is_kept_answers(name):
    """Whether an entry holds answers of the self-check, of this version or any
    other (the first version's entry, a later version's question), not the mark of a forget."""
    return isinstance(name, str) and name.startswith(KEPT_PREFIX) and name != FORGOTTEN


def question_key(name):
    """The question an entry name stands for, or None."""
    if isinstance(name, str) and name.startswith(PREFIX) and name[len(PREFIX):] in QUESTION_BY_KEY:
        return name[len(PREFIX):]
    return None


def checked(key, raw):
    """(form value, usable) for any value of any type: the answer as the form
    holds it ("" for no answer), and whether the checker can use it."""
    values, errors = parsed({key: raw})
    if errors:
        return "", False
    if key not in values:
        return "", True
    return form_value(QUESTION_BY_KEY[key], values[key], raw), True


def parsed(answers):
    """The checker's (values, errors) for answers from storage, a file or a link.
    Text with a lone surrogate (U+D800 alone: valid in JSON and in JavaScript) is
    refused first: the checker's text helpers raise on it in CPython and Pyodide."""
    unreadable = [FieldError(key, N_("This answer has a character that cannot be read."))
                  for key in answers if not _encodable(answers[key])]
    return ({}, unreadable) if unreadable else parse_answers(answers)


def _encodable(value):
    try:
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str):
                text.encode("utf-8")  # never raises in MicroPython, which has no surrogates
        return True
    except UnicodeError:
        return False


def form_value(question, clean, raw=None):
    """A clean answer as the form holds it: "yes"/"no", digits, lines of text.
    Text keeps what was typed (`raw`) when there is one."""
    if question.kind == BOOL:
        return "yes" if clean else "no"
    if question.kind in (CHOICE, COUNT):
        return str(clean)
    if isinstance(raw, str):
        return raw
    return "\n".join(clean) if isinstance(clean, list) else clean


def to_keep(key, value):
    """(what to store, unusable) for a form value: the value itself, or None to
    remove the entry (no answer, or one the checker cannot use: unusable)."""
    shown, usable = checked(key, value)
    if not usable:
        return None, True
    return (value if shown else None), False


def old_answers(text):
    """{key: raw value} from the first version's single entry, or None when it
    cannot be read (not JSON, not an object, nested too deep)."""
    try:
        answers = loads(text)
    except Exception:  # ValueError in CPython; MicroPython also raises RuntimeError on deep nesting
        return None
    if not isinstance(answers, dict):
        return None
    return {key: value for key, value in answers.items()
            if key in QUESTION_BY_KEY and value not in ("", _OLD_UNREADABLE_NUMBER)}
