"""Message lookup from the compiled Babel catalogs (checker/catalogs/LANG.json).

English msgids live in the code; `scripts/catalogs.py` extracts them to
locales/messages.pot and compiles each locales/LANG/LC_MESSAGES/messages.po to
JSON, because `gettext` does not exist in MicroPython.
"""

import json


def N_(msgid):
    """Mark a text for extraction; it is translated where it is shown."""
    return msgid


# The one list of languages, each with its name (translated where it is shown, as in
# the e-mail draft's choice of language): the site's hooks, scripts/catalogs.py and
# the tests read it. A language here needs its locales/LANG/LC_MESSAGES/messages.po
# (`make catalogs` makes it) and its entry under the i18n plugin in mkdocs.yml.
LANGUAGE_NAMES = (("sv", N_("Swedish")), ("en", N_("English")))
LANGUAGES = tuple([code for code, name in LANGUAGE_NAMES])
DEFAULT_LANGUAGE = "sv"  # the site's root, and the report's when none is asked for
MSGID_LANGUAGE = "en"  # the msgids in the code are the English texts: every other language is translated

_catalogs = {}
_added = []  # languages whose catalog was fetched (add_catalog)


def _catalog_dir():
    here = __file__.replace("\\", "/")
    return here[: here.rfind("/") + 1] + "catalogs/" if "/" in here else "catalogs/"


def language(lang):
    """The supported language to use for a requested one."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def catalog(lang):
    lang = language(lang)
    if lang not in _catalogs:
        try:
            # Read whole, then parse: MicroPython's json.load reads a file a character
            # at a time, which took 19 ms for the Swedish catalog against 10 ms this way.
            with open(_catalog_dir() + lang + ".json", encoding="utf-8") as f:
                _catalogs[lang] = json.loads(f.read())
        except OSError:
            # English msgids are complete texts, so a missing catalog still reads well.
            _catalogs[lang] = {}
    return _catalogs[lang]


def has_catalog(lang):
    """Whether the catalog of `lang` is at hand (read, or a file to read)."""
    if lang in _added:
        return True
    try:
        open(_catalog_dir() + lang + ".json").close()
        return True
    except OSError:
        return False


def add_catalog(lang, text):
    """A catalog fetched in the browser (a page ships only its own language's);
    ValueError when `text` is not one."""
    messages = json.loads(text)
    if not isinstance(messages, dict):
        raise ValueError("not a catalog")
    _catalogs[lang] = messages
    _added.append(lang)


def translator(lang):
    """A `_(msgid, **params)` for one language; params fill `{name}` fields."""
    messages = catalog(lang)

    def _(msgid, **params):
        text = messages.get(msgid) or msgid
        return text.format(**params) if params else text

    return _
