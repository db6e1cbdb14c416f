"""Recognising things in free text: PO boxes, Apple trademarks, e-mail
addresses, phone numbers and web addresses; and telling text from strings that
are not text (a lone surrogate or a null character from a JSON escape).

Written with plain string operations because MicroPython's `re` lacks most of
CPython's (no flags, no look-behind, no Unicode classes), and with our own
helpers for spaces, case, letters and digits: MicroPython's `split()`,
`strip()`, `lower()`, `isspace()`, `isalpha()` and `isdigit()` know ASCII only,
CPython's know all of Unicode, and the result must be the same in both.
"""

from .domains import PREFIX, label_to_unicode, to_unicode

# Every character CPython's str.split() splits on (Unicode spaces, line breaks and
# the ASCII controls it counts as whitespace) except the ASCII space itself.
_NEWLINES = ("\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\u2028", "\u2029")
_SPACES = ("\t", "\u00a0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005",
           "\u2006", "\u2007", "\u2008", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000")
# Invisible characters that may sit inside a word (soft hyphen, zero-width space and
# joiners, word joiner, byte order mark): a word is read as if they were not there.
_INVISIBLE = ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")


def as_text(text, lone=None):
    """`text` as valid Unicode: a surrogate pair (a character beyond U+FFFF written
    as two `\\u` escapes in JSON) joined into one character, as CPython's json does
    and MicroPython's does not. A lone surrogate is not text (CPython cannot encode
    or print it), nor is a null character (MicroPython hands a string to the page
    cut short at one): each gives None, or is replaced by `lone` when that is given."""
    try:
        # CPython refuses to encode a surrogate; MicroPython encodes one as ED A0-BF.
        if b"\xed" not in text.encode("utf-8") and "\x00" not in text:
            return text
    except UnicodeError:
        pass
    out = []
    high = None  # a first half, which the next character may complete
    for ch in text:
        code = ord(ch)
        if high is not None and 0xDC00 <= code <= 0xDFFF:
            out[-1] = chr(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00))
            high = None
        elif 0xD800 <= code <= 0xDFFF:
            out.append(lone)
            high = code if code <= 0xDBFF else None
        else:
            out.append(lone if code == 0 else ch)
            high = None
    if None in out:
        return None
    return "".join(out)


def plain_spaces(text, keep_newlines=False):
    """`text` with every Unicode space as an ASCII space, so that `split()` and
    `strip()` act alike in every runtime. Line breaks become spaces too, or with
    `keep_newlines` a "\\n" (a CR LF pair, a CR and U+2028/U+2029 alike)."""
    for space in _SPACES:
        if space in text:
            text = text.replace(space, " ")
    if keep_newlines and "\r" in text:
        text = text.replace("\r\n", "\n")
    for newline in _NEWLINES:
        if newline in text and not (keep_newlines and newline == "\n"):
            text = text.replace(newline, "\n" if keep_newlines else " ")
    return text


def _lower_table():
    table = {}
    for code in range(0x41, 0x5B):  # A-Z
        table[chr(code)] = chr(code + 32)
    for code in range(0xC0, 0xDF):  # À-Þ, not ×
        if code != 0xD7:
            table[chr(code)] = chr(code + 32)
    # Latin Extended-A: capital and small letters in pairs (Ā ā ... Ž ž).
    for first, last in ((0x100, 0x12F), (0x132, 0x137), (0x139, 0x148), (0x14A, 0x177), (0x179, 0x17E)):
        for code in range(first, last, 2):
            table[chr(code)] = chr(code + 1)
    table["\u0130"] = "i"  # İ
    table["\u0178"] = "\u00ff"  # Ÿ
    # Greek and Cyrillic capitals.
    for code in range(0x391, 0x3AA):
        if code != 0x3A2:
            table[chr(code)] = chr(code + 32)
    for capital, small in ((0x386, 0x3AC), (0x388, 0x3AD), (0x389, 0x3AE), (0x38A, 0x3AF), (0x38C, 0x3CC),
                           (0x38E, 0x3CD), (0x38F, 0x3CE)):
        table[chr(capital)] = chr(small)
    for code in range(0x400, 0x410):
        table[chr(code)] = chr(code + 80)
    for code in range(0x410, 0x430):
        table[chr(code)] = chr(code + 32)
    return table


_LOWER = _lower_table()


def lower(text):
    """`text` in lower case, the same in every runtime: ASCII, Latin-1, Latin
    Extended-A, Greek and Cyrillic capitals are lowered, nothing else changes."""
    if len(text.encode("utf-8")) == len(text):
        return text.lower()  # ASCII only: str.lower() is the same in every runtime
    return "".join([_LOWER.get(ch, ch) for ch in text])


# Non-ASCII code points that separate words: Latin-1 punctuation and symbols (with
# the no-break space, « » ® ° ´), × and ÷, spacing modifiers (ʼ used as an
# apostrophe), the Ogham space, general punctuation, symbols and arrows (’ ” – ™),
# CJK punctuation, surrogates and private use, small and full-width punctuation,
# specials, and emoji.
_SEPARATOR_RANGES = ((0x80, 0xBF), (0xD7, 0xD7), (0xF7, 0xF7), (0x2B0, 0x2FF), (0x1680, 0x1680),
                     (0x2000, 0x2BFF), (0x3000, 0x303F), (0xD800, 0xF8FF), (0xFE10, 0xFE1F),
                     (0xFE30, 0xFE6F), (0xFF00, 0xFF0F), (0xFF1A, 0xFF20), (0xFF3B, 0xFF40),
                     (0xFF5B, 0xFF65), (0xFFF0, 0xFFFF), (0x1F000, 0x1FAFF), (0xE0000, 0xE007F))


def is_letter(ch):
    """True for an ASCII letter or digit and for a non-ASCII letter (Å, ö, ł, ...):
    any code point from U+00C0 up that is not in the punctuation and symbol ranges."""
    if ("a" <= ch <= "z") or ("A" <= ch <= "Z") or ("0" <= ch <= "9"):
        return True
    code = ord(ch)
    if code < 0xC0:
        return False
    for first, last in _SEPARATOR_RANGES:
        if first <= code <= last:
            return False
    return True


def is_digits(text):
    """True for one or more ASCII digits (str.isdigit() also takes ² and ٣ in CPython)."""
    if not text:
        return False
    for ch in text:
        if not ("0" <= ch <= "9"):
            return False
    return True

PO_BOX_WORDS = ("box", "pobox", "postbox", "postboks", "postfach", "boks")

# Marks flagged as a whole word or at the start of one (iPhoneFix, ipadservice.se).
DISTINCTIVE_MARKS = ("iphone", "ipad", "imac", "ipod", "macbook", "airpods", "applecare",
                     "homepod", "airtag", "icloud", "macos", "ios", "watchos")
# Common words flagged only as a whole word in a name (not Macken, not Pineapple);
# in a host name as a whole label or at the start of one (applerepair.se).
PLAIN_MARKS = ("apple", "mac")

MARK_NAMES = {"iphone": "iPhone", "ipad": "iPad", "imac": "iMac", "ipod": "iPod", "macbook": "MacBook",
              "airpods": "AirPods", "applecare": "AppleCare", "homepod": "HomePod", "airtag": "AirTag",
              "icloud": "iCloud", "macos": "macOS", "ios": "iOS", "watchos": "watchOS",
              "apple": "Apple", "mac": "Mac"}

FREE_MAIL_DOMAINS = ("gmail.com", "googlemail.com", "msn.com", "icloud.com", "me.com",
                     "mac.com", "aol.com", "proton.me", "protonmail.com", "protonmail.ch", "pm.me",
                     "mail.com")
# Providers with a domain in many countries: hotmail.se, yahoo.co.uk, gmx.de ...
FREE_MAIL_NAMES = ("hotmail", "outlook", "live", "yahoo", "gmx", "yandex")
# Second levels under which some countries' registries give out names (yahoo.co.uk,
# hotmail.com.br, yahoo.co.jp): the provider's own domain may sit under one of them.
REGISTRY_SECOND_LEVELS = ("co", "com", "net", "org", "ne", "or", "ac")


def words(text):
    """Lower-case words of a text: runs of letters and digits (see is_letter), so
    Swedish words stay whole and ’ ™ ® – « » and Unicode spaces separate words,
    in every runtime. Invisible characters inside a word are left out."""
    found = []
    current = ""
    for ch in lower(text):
        if is_letter(ch):
            current += ch
        elif ch in _INVISIBLE:
            continue
        else:
            if current:
                found.append(current)
            current = ""
    if current:
        found.append(current)
    return found


def is_po_box(address):
    """True for `Box 1234`, `P.O. Box 55`, `Postfach 10 01`, `Post Office Box 9`;
    false for streets that only start like one (`Boxholmsvägen 3`)."""
    tokens = words(address)
    for i in range(len(tokens)):
        token = tokens[i]
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        for word in PO_BOX_WORDS:
            number = token[len(word):] if token.startswith(word) else None
            if number is None:
                continue
            if (number and is_digits(number)) or (not number and is_digits(following[:1])):
                return True
    return False


def apple_marks_in_name(name):
    """The Apple marks a company name uses, lower-case: a distinctive mark at the start
    of a word, a plain one as a word of its own or a part of one written in camel
    case ("MacFix"; not "Macken" or "MACKÉN")."""
    found = []
    for word in words(name):
        for mark in DISTINCTIVE_MARKS:
            if word.startswith(mark) and mark not in found:
                found.append(mark)
    for word in words(camel_case_apart(name)):
        if word in PLAIN_MARKS and word not in found:
            found.append(word)
    return found


def camel_case_apart(text):
    """The text with a space where a lower-case letter meets a capital ("MacFix": "Mac Fix")."""
    apart = ""
    previous = ""
    for ch in text:
        if previous.islower() and ch.isupper():
            apart += " "
        apart += ch
        previous = ch
    return apart


def apple_marks_in_host(host):
    found = []
    for label in lower(host).split("."):
        for word in words(label):
            for mark in DISTINCTIVE_MARKS + PLAIN_MARKS:
                if word.startswith(mark) and mark not in found:
                    found.append(mark)
    return found


def email_problem(address):
    """None for a plausible address, else a short code of what is wrong."""
    if " " in address:
        return "space"
    if address.count("@") != 1:
        return "at_sign"
    local, domain = address.split("@")
    if not local:
        return "local_part"
    if host_name(domain) is None:
        return "domain"
    return None


def email_domain(address):
    """The domain of a plausible address (see email_problem) in the form host_name gives."""
    domain = address.split("@")[-1]
    return host_name(domain) or lower(domain)


def is_free_mail(domain):
    """True for a free e-mail provider's domain: one of FREE_MAIL_DOMAINS, or a
    provider's name under a top-level domain (hotmail.se, live.com) or a country's
    second level (live.co.uk), never a subdomain of another domain (live.nordicrepair.se)."""
    domain = lower(domain)
    if domain in FREE_MAIL_DOMAINS:
        return True
    labels = domain.split(".")
    if labels[0] not in FREE_MAIL_NAMES:
        return False
    return len(labels) == 2 or (len(labels) == 3 and labels[1] in REGISTRY_SECOND_LEVELS and len(labels[2]) == 2)


def is_phone_number(text):
    """7 to 15 digits; an optional leading +, spaces, dashes and brackets."""
    body = text[1:] if text.startswith("+") else text
    digits = 0
    for ch in body:
        if "0" <= ch <= "9":
            digits += 1
        elif ch not in " -()":
            return False
    return 7 <= digits <= 15


def website_host(url):
    """The host name of a web address with or without scheme, or None."""
    text = lower(plain_spaces(url).strip())
    for scheme in ("https://", "http://"):
        if text.startswith(scheme):
            text = text[len(scheme):]
            break
    for stop in "/?#":
        if stop in text:
            text = text[: text.index(stop)]
    if ":" in text:
        host, port = text.split(":", 1)
        if not is_digits(port):
            return None
        text = host
    return host_name(text)


def host_name(text):
    """A host name with at least one dot in the one form domains are compared in:
    lower case, without a trailing dot, punycode labels in Unicode (domains.py);
    None if `text` is not one."""
    text = lower(to_unicode(lower(text)))
    if text.endswith("."):
        text = text[:-1]
    labels = text.split(".")
    if len(labels) < 2:
        return None
    for label in labels:
        if not label or label[0] == "-" or label[-1] == "-" or len(label) > 63:
            return None
        for ch in label:
            if not (ch == "-" or is_letter(ch)):
                return None
    if is_digits(labels[-1]):
        return None
    return text


def without_www(host):
    return host[4:] if host.startswith("www.") else host


def related_domains(a, b):
    """True when one host is the other or a parent of it, ignoring `www.`."""
    a = without_www(a)
    b = without_www(b)
    return a == b or a.endswith("." + b) or b.endswith("." + a)


def readable_email(address):
    """`address` with the punycode labels of its domain in Unicode, the rest as
    written: `info@xn--reparatr-t4a.se` → `info@reparatör.se`, as the visitor typed
    it before the browser's e-mail field encoded it."""
    parts = address.split("@")
    if len(parts) < 2:
        return address
    labels = []
    for label in parts[-1].split("."):
        decoded = label_to_unicode(lower(label)) if lower(label[:len(PREFIX)]) == PREFIX else label
        # Only a label that decodes to a name: never control characters from garbage.
        readable = decoded != lower(label) and all([ch == "-" or is_letter(ch) for ch in decoded])
        labels.append(decoded if readable else label)
    return "@".join(parts[:-1]) + "@" + ".".join(labels)
