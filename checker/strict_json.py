"""JSON text read strictly as RFC 8259 has it, and the same way in CPython,
Pyodide and MicroPython (whose json module is lenient: it takes a trailing
comma, a missing colon, a wrong closing bracket, 012 or "\\q"). The command
line and the page (a file, a link, what the browser kept) read answers
through `read_object`, so they agree on what answers are, and a fault gets
the same message everywhere (`described`).

Quick on long text in every runtime: the text is read as UTF-8 bytes (a
MicroPython string is indexed from its start, each time), texts in quotes are
found with `find` and checked with a few whole-string operations, and only
what lies between them is split into tokens.

Duplicate keys: the last one counts, as in Python's json.
"""

import re

from .i18n import N_

# Nesting beyond any answers object, well within what every runtime builds.
MAX_DEPTH = 100
# What an integer too long for CPython to convert (over 4300 digits) reads as:
# a number beyond every answer's maximum, so the answer is reported as one.
TOO_LONG_INTEGER = 10 ** 100

# Faults: the whole text.
EMPTY = N_("There is nothing in it.")
NOT_AN_OBJECT = N_("It holds no set of answers: that is one JSON object, in curly brackets.")
# Faults at a place in it.
UNFINISHED = N_("it ends before every bracket and quote opened in it is closed.")
UNCLOSED_TEXT = N_("a text in quotes is never closed.")
CONTROL_IN_TEXT = N_("a text in quotes holds a line break or another control character, which JSON writes as an escape such as \\n.")
BAD_ESCAPE = N_("a backslash in a text in quotes starts none of JSON's escapes (such as \\n, \\\" or \\u00e5).")
NOT_JSON_HERE = N_("here is something JSON does not have: a text needs double quotes, and NaN, Infinity, undefined and comments are not JSON.")
BAD_NUMBER = N_("a number is written as JSON does not allow: with a leading zero, a plus sign, or a point without digits on both sides.")
MISSING_COMMA = N_("a comma is missing between two items.")
MISSING_COLON = N_("a colon is missing after a key.")
KEY_NOT_TEXT = N_("a key is not a text in double quotes.")
TRAILING_COMMA = N_("a comma comes before a closing bracket: JSON allows none after the last item.")
WRONG_CLOSE = N_("a closing bracket does not match the one it closes: ] closes [ and } closes {.")
MISPLACED = N_("a comma, colon or bracket stands where a value should be.")
AFTER_END = N_("something follows the end of the JSON value.")
TOO_DEEP = N_("lists and objects are nested more than {limit} deep.")
AT_PLACE = N_("At line {line}, column {column}: {fault}")


class NotJSON(ValueError):
    """The text is not JSON, or (read_object) not a JSON object: `fault` is
    one of the faults above, at `line` and `column` (counted from 1, in
    characters) or, for the whole text, None."""

    def __init__(self, fault, line=None, column=None, **params):
        super().__init__(fault)
        self.fault = fault
        self.line = line
        self.column = column
        self.params = params


def described(_, error):
    """A NotJSON as a sentence, through a translator `_`."""
    fault = _(error.fault, **error.params)
    return fault if error.line is None else _(AT_PLACE, line=error.line, column=error.column, fault=fault)


def read_object(text):
    """The JSON object a text holds; NotJSON when it is not JSON or not an object."""
    value = read_json(text)
    if not isinstance(value, dict):
        raise NotJSON(NOT_AN_OBJECT)
    return value


def read_json(text):
    """The value of a JSON text (a str); NotJSON with the first fault in it."""
    # A lone surrogate is passed through, as Python's json does; validation refuses it as text.
    data = text.encode("utf-8", "surrogatepass")
    try:
        return _parse(data)
    except _Fault as fault:
        if fault.at is None:
            raise NotJSON(fault.fault, **fault.params)
        line = data.count(b"\n", 0, fault.at) + 1
        line_start = data.rfind(b"\n", 0, fault.at) + 1
        column = len(data[line_start:fault.at].decode("utf-8", "surrogatepass")) + 1
        raise NotJSON(fault.fault, line, column, **fault.params)


class _Fault(Exception):
    def __init__(self, fault, at, **params):
        super().__init__(fault)
        self.fault = fault
        self.at = at  # a byte offset, or None
        self.params = params


# What the parser expects next.
_VALUE = 0  # a value: at the start, after a colon, after a comma in a list
_FIRST_VALUE = 1  # after "[": a value or "]"
_FIRST_KEY = 2  # after "{": a key or "}"
_KEY = 3  # after a comma in an object
_COLON = 4
_NEXT = 5  # after an item: a comma or the closing bracket
_DONE = 6

_PUNCTUATION = (b"{", b"}", b"[", b"]", b":", b",")
_LITERALS = {b"true": True, b"false": False, b"null": None}
_NUMBER = re.compile(b"^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$")
_NUMBER_START = b"+-.0123456789"
_CONTROL = re.compile(b"[\x01-\x1f]")  # and NUL, looked for apart: a pattern ends at one
_ESCAPES = re.compile(b'\\\\(["\\\\/bfnrt]|u[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F])')
_ESCAPE = re.compile(b'^\\\\(["\\\\/bfnrt]|u[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F])')
_ESCAPED = {34: b'"', 47: b"/", 98: b"\b", 102: b"\f", 110: b"\n", 114: b"\r", 116: b"\t"}
_STRING = object()  # the token of a text in quotes
# Bytes between texts in quotes taken at a time: a long stretch ("[0,0,0,...]")
# split whole would keep a million small objects alive, and MicroPython's
# garbage collector, run over all of them on every allocation, took minutes.
_WINDOW = 4096
_SHORT_TOKENS = {}  # the tokens of short stretches, as read before
_SEPARATORS = (b" ", b"\n", b",", b"]", b"}", b":", b"[", b"{", b"\t", b"\r")


def _parse(data):
    stack = []  # the open lists and objects, outermost first
    keys = []  # each open object's key waiting for its value (None for a list)
    state = _VALUE
    result = None
    pos = 0
    while True:
        quote = data.find(b'"', pos)
        end = len(data) if quote < 0 else quote
        while True:  # the stretch up to the quote, a window at a time
            stop = end if end - pos <= _WINDOW else _window_end(data, pos, end)
            tokens = _tokens(data, pos, stop)
            if stop == end and quote >= 0:
                tokens.append(_STRING)
            for index in range(len(tokens)):
                token = tokens[index]
                # The commonest first, for speed in MicroPython: a comma after an item, a whole number as a value.
                if token == b",":
                    if state == _NEXT:
                        state = _VALUE if keys[-1] is None else _KEY
                        continue
                elif ((state == _VALUE or state == _FIRST_VALUE) and stack and token is not _STRING
                      and token.isdigit() and (token[0] != 48 or len(token) == 1)):
                    if keys[-1] is None:
                        stack[-1].append(_integer(token))
                    else:
                        stack[-1][keys[-1]] = _integer(token)
                    state = _NEXT
                    continue
                opens = token == b"{" or token == b"["
                if token is _STRING or opens or token not in _PUNCTUATION:
                    # A value, or a key. A word where a value may be is checked first:
                    # "//" is a comment, not a missing comma.
                    at = quote if token is _STRING else None
                    if at is None and not opens and state != _FIRST_KEY and state != _KEY and state != _DONE:
                        value = _scalar(token, data, pos, stop, index)
                    if state == _COLON:
                        raise _Fault(MISSING_COLON, _where(data, pos, stop, index, at))
                    if state == _NEXT:
                        raise _Fault(MISSING_COMMA, _where(data, pos, stop, index, at))
                    if state == _DONE:
                        raise _Fault(AFTER_END, _where(data, pos, stop, index, at))
                    if (state == _FIRST_KEY or state == _KEY) and token is not _STRING:
                        raise _Fault(KEY_NOT_TEXT, _where(data, pos, stop, index))
                    if token is _STRING:
                        value, pos = _string(data, quote)
                    elif opens:
                        if len(stack) >= MAX_DEPTH:
                            raise _Fault(TOO_DEEP, _where(data, pos, stop, index), limit=MAX_DEPTH)
                        value = {} if token == b"{" else []
                    if state == _FIRST_KEY or state == _KEY:
                        keys[-1] = value
                        state = _COLON
                        continue
                    if not stack:
                        result = value
                    elif keys[-1] is None:
                        stack[-1].append(value)
                    else:
                        stack[-1][keys[-1]] = value
                    if opens:
                        stack.append(value)
                        keys.append("" if token == b"{" else None)
                        state = _FIRST_KEY if token == b"{" else _FIRST_VALUE
                    else:
                        state = _NEXT if stack else _DONE
                elif state == _DONE:
                    raise _Fault(AFTER_END, _where(data, pos, stop, index))
                elif token == b",":
                    if state != _NEXT:
                        raise _Fault(MISSING_COLON if state == _COLON else MISPLACED, _where(data, pos, stop, index))
                    state = _VALUE if keys[-1] is None else _KEY
                elif token == b":":
                    if state != _COLON:
                        raise _Fault(MISPLACED, _where(data, pos, stop, index))
                    state = _VALUE
                else:  # a closing bracket
                    if state == _COLON:
                        fault = MISSING_COLON
                    elif not stack or (state == _VALUE and keys[-1] is not None):
                        fault = MISPLACED  # nothing to close, or no value after a colon
                    elif state == _KEY or state == _VALUE:
                        fault = TRAILING_COMMA
                    elif (token == b"}") != (keys[-1] is not None):
                        fault = WRONG_CLOSE
                    else:
                        fault = None
                    if fault:
                        raise _Fault(fault, _where(data, pos, stop, index))
                    stack.pop()
                    keys.pop()
                    state = _NEXT if stack else _DONE
            if stop == end:
                break
            pos = stop
        if quote < 0:
            break
    if state != _DONE:
        raise _Fault(EMPTY, None) if result is None and state == _VALUE else _Fault(UNFINISHED, len(data))
    return result


def _tokens(data, start, end):
    """The tokens between two texts in quotes: brackets, commas, colons and
    words (a number, true, ...), split at JSON's whitespace."""
    part = data[start:end]
    if len(part) <= 8:  # between a key and its value, or two items: most often the same few bytes
        tokens = _SHORT_TOKENS.get(part)
        if tokens is None:
            tokens = _split(part, start)
            if len(_SHORT_TOKENS) < 256:
                _SHORT_TOKENS[part] = tokens
        return list(tokens)
    return _split(part, start)


def _split(part, start):
    # Whitespace to bytes.split() but not to JSON.
    for space in (b"\x0b", b"\x0c"):
        if space in part:
            raise _Fault(NOT_JSON_HERE, start + part.find(space))
    for mark in _PUNCTUATION:
        if mark in part:
            part = part.replace(mark, b" " + mark + b" ")
    return part.split()


def _window_end(data, start, end):
    """Where the tokens taken from `start` on end: at `end`, or at a separator
    about _WINDOW bytes on, so that no token is cut."""
    if end - start <= _WINDOW:
        return end
    cut = start + _WINDOW
    found = [data.find(separator, cut, cut + 64) for separator in _SEPARATORS]
    found = [index for index in found if index >= 0]
    return min(found) if found else end


def _where(data, start, end, index, at=None):
    """The byte offset of token `index` between `start` and `end`, or `at` when given."""
    if at is not None:
        return at
    part = data[start:end]
    found = 0
    for token in _tokens(data, start, end)[:index + 1]:
        found = part.find(token, found)
        found += len(token)
    return start + found - len(token)


def _scalar(token, data, start, end, index):
    """A number, true, false or null."""
    if token in _LITERALS:
        return _LITERALS[token]
    # Whole numbers without the pattern, which takes MicroPython tens of microseconds a call.
    digits = token[1:] if token[:1] == b"-" else token
    if digits.isdigit() and (digits[:1] != b"0" or len(digits) == 1):
        return _integer(token)
    if _NUMBER.match(token):
        return float(token) if b"." in token or b"e" in token or b"E" in token else _integer(token)
    fault = BAD_NUMBER if token[:1] in _NUMBER_START else NOT_JSON_HERE
    raise _Fault(fault, _where(data, start, end, index))


def _integer(token):
    try:
        return int(token)
    except ValueError:  # over CPython's 4300 digits
        return -TOO_LONG_INTEGER if token[:1] == b"-" else TOO_LONG_INTEGER


def _string(data, quote):
    """(the text in quotes starting at `quote`, the offset after it)."""
    end = data.find(b'"', quote + 1)
    while end >= 0 and data[end - 1] == 92 and _escaped(data, end):
        end = data.find(b'"', end + 1)
    if end < 0:
        raise _Fault(UNCLOSED_TEXT, quote)
    raw = data[quote + 1:end]
    # min() is quicker on a short text, the pattern on a long one.
    if raw and (min(raw) < 0x20 if len(raw) < 256 else b"\x00" in raw or _CONTROL.search(raw)):
        for offset in range(len(raw)):
            if raw[offset] < 0x20:
                raise _Fault(CONTROL_IN_TEXT, quote + 1 + offset)
    if b"\\" in raw:
        if b"\\" in _ESCAPES.sub(b"", raw):
            offset = raw.find(b"\\")
            while _ESCAPE.match(raw[offset:offset + 6]):
                offset = raw.find(b"\\", offset + (6 if raw[offset + 1] == 117 else 2))
            raise _Fault(BAD_ESCAPE, quote + 1 + offset)
        raw = _unescaped(raw)
    return raw.decode("utf-8", "surrogatepass"), end + 1


def _escaped(data, quote):
    """Whether a backslash escapes the quote at `quote`: an odd number of them before it."""
    start = quote
    while data[start - 1] == 92:
        start -= 1
    return (quote - start) % 2 == 1


def _unescaped(raw):
    """The UTF-8 of a text whose escapes are all valid, with them undone. A
    surrogate pair becomes one character (as Python's json has it, and
    MicroPython's does not); a lone surrogate stays, for validation to refuse."""
    pieces = raw.split(b"\\")
    out = [pieces[0]]
    index = 1
    while index < len(pieces):
        piece = pieces[index]
        if not piece:  # an escaped backslash: the piece after it is as written
            out.append(b"\\")
            out.append(pieces[index + 1])
            index += 2
            continue
        if piece[0] != 117:  # not \u
            out.append(_ESCAPED[piece[0]])
            out.append(piece[1:])
            index += 1
            continue
        code = int(piece[1:5], 16)
        following = pieces[index + 1] if index + 1 < len(pieces) else b""
        if 0xD800 <= code <= 0xDBFF and len(piece) == 5 and following[:1] == b"u":
            low = int(following[1:5], 16)
            if 0xDC00 <= low <= 0xDFFF:
                out.append(chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)).encode("utf-8"))
                out.append(following[5:])
                index += 2
                continue
        out.append(chr(code).encode("utf-8", "surrogatepass"))
        out.append(piece[5:])
        index += 1
    return b"".join(out)
