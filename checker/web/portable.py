"""Answers that travel with the visitor, never through a server (DOM-free:
tested in CPython, run in the browser).

A file and a link carry the same answers object as the command line reads
(DESIGN.md, "Answers and report"): one flat JSON object of the answers the checker can
use, with booleans, whole numbers and a list of addresses. A link carries it
in its fragment (`#answers=` and base64url of the UTF-8 JSON), which the
browser never sends in a request.
"""

import binascii
import json

from ..format_version import ANSWERS_VERSION, VERSION_KEY
from ..questions import BOOL, CHOICE, LINES, QUESTION_BY_KEY, QUESTIONS
from ..shown_text import printable
from ..strict_json import NotJSON, read_object
from .saved import form_value, parsed

FILE_NAME = "aasp-self-check-answers.json"
# Far above the largest file of usable answers (about 60 KB with every text at
# its longest and written as \u escapes): anything bigger is not one.
MAX_FILE_BYTES = 200000
LINK_MARK = "answers="
MAX_LINK_CHARS = 4 * MAX_FILE_BYTES // 3 + 4
SHOWN_ANSWER_CHARS = 80
# What a sentence may end a link with when it is pasted along: none is in a link's code (base64url).
_SENTENCE_ENDS = ".,;:!?)]}>'\"”’»"
# The percent escapes a link's characters get when it is encoded, and what each
# stands for: "%25", a "%" itself, last, so that one round undoes one encoding.
_ESCAPES = (("%3D", "="), ("%3d", "="), ("%23", "#"), ("%2B", "+"), ("%2b", "+"), ("%2F", "/"), ("%2f", "/"),
            ("%20", " "), ("%25", "%"))

_QUESTION_ORDER = {question.key: index for index, question in enumerate(QUESTIONS)}

# Why a file cannot be read (besides a strict_json.NotJSON).
NOT_UTF8 = "not_utf8"


def portable(answers):
    """(answers object, left out): the usable answers among the form's, in
    question order, and the keys of those left out because the checker
    cannot use them (they are wrong, too long, ...)."""
    carried = {}
    left_out = []
    for question in QUESTIONS:
        values, errors = parsed({question.key: answers.get(question.key, "")})
        if errors:
            left_out.append(question.key)
        elif question.key in values:
            carried[question.key] = values[question.key]
    return carried, left_out


def file_text(carried):
    """The answers object as a file: its version, then one answer a line, in
    question order (MicroPython's dicts keep no order, and its json has no indent)."""
    lines = ["  " + _json(key) + ": " + _json(value) for key, value in _versioned(carried)]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def link_fragment(carried):
    """The fragment of a share link, without its "#"."""
    data = ("{" + ",".join(_json(key) + ":" + _json(value) for key, value in _versioned(carried)) + "}").encode("utf-8")
    code = binascii.b2a_base64(data).decode("ascii").strip()
    return LINK_MARK + code.replace("+", "-").replace("/", "_").rstrip("=")


def is_answers_link(fragment):
    """Whether a fragment ("#answers=…", with or without "#") is meant to carry
    answers, damaged or not: a heading's anchor is not."""
    # The mark fits in the first characters, however often it was percent-encoded.
    return isinstance(fragment, str) and _unescaped(fragment[:64]).lstrip("#").startswith(LINK_MARK)


def link_text(fragment):
    """The JSON text a link's fragment ("#answers=…", with or without "#")
    carries, or None when it carries none that can be read.

    Read as mail and chat programs hand a link over: percent-encoded (once or
    twice: `answers%3D…`), broken over lines, or with the sentence's full stop
    or bracket after it. None of these characters is in the code."""
    if not isinstance(fragment, str) or len(fragment) > 3 * MAX_LINK_CHARS:
        return None
    code = _unescaped(fragment).lstrip("#")
    if not code.startswith(LINK_MARK):
        return None
    code = "".join(code[len(LINK_MARK):].split()).rstrip(_SENTENCE_ENDS)
    if len(code) > MAX_LINK_CHARS:
        return None
    code = code.rstrip("=").replace("-", "+").replace("_", "/")
    try:
        # MicroPython's decoder wants bytes and the padding the link leaves out.
        data = binascii.a2b_base64((code + "=" * (-len(code) % 4)).encode("ascii"))
        return data.decode("utf-8")
    except Exception:  # not base64, not ASCII, not UTF-8 (the error types differ by runtime)
        return None


def _unescaped(text):
    """`text` with the percent escapes mail and chat programs give a link's
    characters undone, again where that reveals more (a link encoded twice)."""
    for _round in range(3):
        if "%" not in text:
            break
        for escape, character in _ESCAPES:
            text = text.replace(escape, character)
    return text


def read_file(text):
    """read_answers for a file's text as the browser decoded it, which puts
    U+FFFD in place of each byte that is not UTF-8 (a file saved as Latin-1 by
    an older editor): such a file is refused, as the command line refuses it,
    rather than filled in with its letters garbled."""
    if "\ufffd" in text:
        return None, [], NOT_UTF8
    return read_answers(text)


def read_answers(text):
    """(form values, not used, fault) from the text of a file or link, read
    as the command line reads it: the usable answers as the form holds them;
    a FieldError for each answer that cannot be used (in question order, then
    unknown keys by name), which never stops the others; and a fault (NOT_UTF8
    or a NotJSON) when the text holds no answers at all: then there are no
    values, and nothing may change."""
    try:
        answers = read_object(text)
    except NotJSON as error:
        return None, [], error
    values, errors = parsed(answers)
    # MicroPython's dicts keep no order.
    errors.sort(key=lambda error: (_QUESTION_ORDER.get(error.field, len(QUESTIONS)), error.field == "", error.field))
    return {key: form_value(QUESTION_BY_KEY[key], value) for key, value in values.items()}, errors, None


def merge(current, incoming):
    """(merged, differing): the incoming answers over the current ones, and the
    keys of questions both answer differently (as the checker reads them).
    A question the incoming answers leave blank keeps its current answer."""
    merged = dict(current)
    differing = []
    for question in QUESTIONS:
        new = _usable(question.key, incoming.get(question.key))
        if new is None:
            continue
        old = current.get(question.key, "")
        if _answered(old) and _usable(question.key, old) != new:
            differing.append(question.key)
        merged[question.key] = incoming[question.key]
    return merged, differing


def shown_answer(question, value, _):
    """An answer as a visitor reads it in a short list: the choice's label,
    addresses on one line, long text shortened."""
    if question.kind in (BOOL, CHOICE):
        labels = dict(question.choices)
        return _(labels[value]) if value in labels else printable(value)
    text = ", ".join(line.strip() for line in value.split("\n") if line.strip()) if question.kind == LINES else value
    return printable(text if len(text) <= SHOWN_ANSWER_CHARS else text[:SHOWN_ANSWER_CHARS - 1] + "…")


def _usable(key, value):
    values, errors = parsed({key: value})
    return None if errors else values.get(key)


def _answered(value):
    return isinstance(value, str) and value.strip() != ""


def _versioned(carried):
    """(key, value) of the answers object: its version first, then the answers in question order."""
    return [(VERSION_KEY, ANSWERS_VERSION)] + [(question.key, carried[question.key])
                                               for question in QUESTIONS if question.key in carried]


def _json(value):
    # Letters as they are (ÅÄÖ stay readable in the file); MicroPython writes them so anyway.
    try:
        return json.dumps(value, ensure_ascii=False)
    except TypeError:
        return json.dumps(value)
