"""Text from outside (what a visitor typed, a file's or a link's keys and
values, what the browser kept) as the command line prints it and the page
shows it in its messages: each control character as an escape such as \\x1b
or \\u202e, shown rather than obeyed.

The characters: C0 but tab, DEL and C1 (ESC starts a terminal's colour and
cursor sequences; a line break would start a line the message did not
write), and Unicode's line and paragraph separators and its bidirectional
controls, which reorder what is shown (the message's own words among it:
U+202E would turn the rest of a sentence backwards).

With str.replace, not re: MicroPython's re reads a class of characters beyond
ASCII byte by byte.
"""

_CONTROLS = [chr(code) for code in list(range(0x20)) + list(range(0x7F, 0xA0)) if code != 0x09] + \
    ["\u061c", "\u200e", "\u200f"] + [chr(code) for code in range(0x2028, 0x202F)] + \
    [chr(code) for code in range(0x2066, 0x206A)]


def printable(text):
    """`text` with each control character shown as an escape."""
    for control in _CONTROLS:
        if control in text:
            text = text.replace(control, ("\\x%02x" if ord(control) < 0x100 else "\\u%04x") % ord(control))
    return text


def shown_key(key, limit=60):
    """A key from outside (a file's, a link's, an entry's) as a message names
    it: escaped, and shortened to `limit` characters."""
    key = key if len(key) <= limit else key[:limit - 1] + "…"
    return printable(key)
