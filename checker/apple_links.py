"""Apple's own pages that the guide links to: the one place that names an address
outside the site (DESIGN.md, "Links out"), read by the docs' build hook, by the
self-check's result rows and by the tests that hold every link out to this list.

Each link has its address in each language Apple has the page in (`urls`), and
names the language to fall back on where Apple has no page in the visitor's
(`fallback`), and how its address was seen to be Apple's page (`seen`: the record
that it was verified, which a test requires). A link that a rule names (its `apple_page`, checker/rules.py) also
has `text`, what the result row's link says, in each of the site's languages (beside
the addresses, so a link is added or changed here alone); in docs/ a link says what
the sentence around it needs, as `[text](apple:NAME)`. Only
addresses of which a stored copy of the page, or an Apple page linking to it under
its title, was found were added; nothing here is ever fetched.
"""

from .i18n import N_

# What a link's text adds when Apple's page is in another language than the
# visitor's page, by the language of Apple's page; translated into the page's.
IN_LANGUAGE = {
    "en": N_("in English"),
    "sv": N_("in Swedish"),
}

LINKS = {
    # The programme page, the guide's source. The Swedish page is the text the guide
    # follows; the English address is Apple's default-language page.
    "programme": {
        "urls": {"sv": "https://support.apple.com/sv-se/aasp-program",
                 "en": "https://support.apple.com/aasp-program"},
        "fallback": "en",
        "text": {"sv": "Apples sida om programmet", "en": "Apple's page on the programme"},
        "seen": "a stored copy of each page",
    },
    # Apple's article on its service certifications and their exams (who can sit them,
    # how to register and prepare). No English copy of the article was found.
    "certification": {
        "urls": {"sv": "https://support.apple.com/sv-se/HT205332"},
        "fallback": "sv",
        "text": {"sv": "Apples artikel om certifiering", "en": "Apple's article on certification"},
        "seen": "a stored copy of the page",
    },
    # The programme for organisations that repair only the devices they own. Its terms
    # differ by country; the Swedish page is the one for Sweden.
    "self-servicing-accounts": {
        "urls": {"sv": "https://support.apple.com/sv-se/self-servicing-account-program"},
        "fallback": "sv",
        "seen": "a stored copy of the page",
    },
    # Guidelines for Using Apple Trademarks and Copyrights. English only.
    "trademark-guidelines": {
        "urls": {"en": "https://www.apple.com/legal/intellectual-property/guidelinesfor3rdparties.html"},
        "fallback": "en",
        "text": {"sv": "Apples riktlinjer för varumärken", "en": "Apple's trademark guidelines"},
        "seen": "linked under its title from Apple's Human Interface Guidelines (the HomeKit page, \"Related\")",
    },
}


def apple_link(name, lang):
    """(address, language of the page there) of the link `name` for a visitor
    reading `lang`; KeyError for a name that is not in LINKS."""
    link = LINKS[name]
    page_lang = lang if lang in link["urls"] else link["fallback"]
    return link["urls"][page_lang], page_lang


def all_addresses():
    return [url for link in LINKS.values() for url in link["urls"].values()]
