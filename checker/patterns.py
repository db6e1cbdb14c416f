"""Recognising things in free text: PO boxes, Apple trademarks, e-mail
addresses, phone numbers and web addresses.

Written with plain string operations because MicroPython's `re` lacks most of
CPython's (no flags, no look-behind, no Unicode classes).
"""

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
                     "mac.com", "aol.com", "proton.me", "protonmail.com", "mail.com")
# Providers with a domain in many countries: hotmail.se, yahoo.co.uk, gmx.de ...
FREE_MAIL_NAMES = ("hotmail", "outlook", "live", "yahoo", "gmx", "yandex")


def words(text):
    """Lower-case words of a text: runs of letters and digits. Any non-ASCII
    character counts as a letter, so Swedish words stay whole in every runtime."""
    found = []
    current = ""
    for ch in text.lower():
        if ("a" <= ch <= "z") or ("0" <= ch <= "9") or ord(ch) > 127:
            current += ch
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
            if (number and number.isdigit()) or (not number and following[:1].isdigit()):
                return True
    return False


def apple_marks_in_name(name):
    """The Apple marks a company name uses, lower-case, in order of appearance."""
    found = []
    for word in words(name):
        for mark in DISTINCTIVE_MARKS:
            if word.startswith(mark) and mark not in found:
                found.append(mark)
        if word in PLAIN_MARKS and word not in found:
            found.append(word)
    return found


def apple_marks_in_host(host):
    found = []
    for label in host.lower().split("."):
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
    return address.split("@")[-1].lower()


def is_free_mail(domain):
    domain = domain.lower()
    if domain in FREE_MAIL_DOMAINS:
        return True
    return domain.split(".")[0] in FREE_MAIL_NAMES and domain.count(".") >= 1


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
    text = url.strip().lower()
    for scheme in ("https://", "http://"):
        if text.startswith(scheme):
            text = text[len(scheme):]
            break
    for stop in "/?#":
        if stop in text:
            text = text[: text.index(stop)]
    if ":" in text:
        host, port = text.split(":", 1)
        if not port.isdigit():
            return None
        text = host
    return host_name(text)


def host_name(text):
    """`text` lower-cased if it is a host name with at least one dot, else None."""
    text = text.lower()
    labels = text.split(".")
    if len(labels) < 2:
        return None
    for label in labels:
        if not label or label[0] == "-" or label[-1] == "-" or len(label) > 63:
            return None
        for ch in label:
            if not (("a" <= ch <= "z") or ("0" <= ch <= "9") or ch == "-" or ord(ch) > 127):
                return None
    if labels[-1].isdigit():
        return None
    return text


def without_www(host):
    return host[4:] if host.startswith("www.") else host


def related_domains(a, b):
    """True when one host is the other or a parent of it, ignoring `www.`."""
    a = without_www(a)
    b = without_www(b)
    return a == b or a.endswith("." + b) or b.endswith("." + a)
