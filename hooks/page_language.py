"""The language of a page, as the i18n plugin set it on the page's file, for the
hooks that write text into pages. Not a hook itself: hooks import it."""

from mkdocs.exceptions import PluginError

from checker.i18n import LANGUAGES


def page_language(page):
    """mkdocs-static-i18n's `locale` of the page's file: its suffix (`about.en.md`),
    else the default language. A language the checker has no catalog for stops the
    build rather than show the page in another language."""
    lang = getattr(page.file, "locale", None)
    if lang not in LANGUAGES:
        raise PluginError(
            f"{page.file.src_uri}: the page's language {lang!r} is not one of checker.i18n.LANGUAGES "
            f"{LANGUAGES}; add it there and run `make catalogs` (is the i18n plugin in mkdocs.yml?)")
    return lang
