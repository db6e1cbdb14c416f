"""What this browser keeps of the answers, and what can be brought back from
whatever is stored (DOM-free: tested in CPython, run in the browser).

One localStorage entry per question, so that two tabs never overwrite each
other's answers. Only answers the checker can use are kept: anything else in
storage (another site's data on a shared origin, an old or damaged entry) is
checked with the checker's own validation before it reaches the form.
"""

from ..format_version import RENAMED, current_answers, current_key
from ..i18n import N_
from ..questions import BOOL, CHOICE, COUNT, QUESTION_BY_KEY
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


def other_entries(names, renamed=RENAMED):
    """(renamed, unknown) among the names of the entries kept here: (entry,
    question) for each answer kept under a question's earlier key, and the
    keys of answers to questions this version does not have."""
    moved = []
    unknown = []
    for name in names:
        if not isinstance(name, str) or not name.startswith(PREFIX) or question_key(name):
            continue
        key = current_key(name[len(PREFIX):], renamed)
        if key in QUESTION_BY_KEY:
            moved.append((name, key))
        else:
            unknown.append(name[len(PREFIX):])
    return moved, sorted(unknown)


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
    unreadable = [key for key in answers if not _encodable(answers[key])]
    values, errors = parse_answers({key: answers[key] for key in answers if key not in unreadable})
    return values, [FieldError(key, N_("This answer has a character that cannot be read.")) for key in unreadable] + errors


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
    """({key: raw value}, unknown keys) from the first version's single entry,
    or None when it cannot be read (not JSON, not an object)."""
    from ..strict_json import NotJSON, read_object  # here: rarely needed, and not at the page's start

    try:
        answers = current_answers(read_object(text))
    except NotJSON:
        return None
    unknown = sorted([key for key in answers if key not in QUESTION_BY_KEY])
    return {key: value for key, value in answers.items()
            if key in QUESTION_BY_KEY and value not in ("", _OLD_UNREADABLE_NUMBER)}, unknown
