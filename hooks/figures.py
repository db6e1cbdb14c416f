"""Build time: the programme's figures in the pages' prose. A page names a figure
of checker/programme.py as `{{ NAME }}` (a name in programme.IN_PAGES) and gets it
here in the page's language, so a changed figure changes every page with it. An
unknown name, or one of the figures written out by hand as a number, stops the
build: the pages cannot go stale while the checker follows the figure."""

import pathlib
import re
import sys

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from checker.i18n import translator  # noqa: E402
from checker.programme import IN_PAGES, STATED_NUMBERS  # noqa: E402

from hooks.page_language import page_language  # noqa: E402

FIGURE = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")
# A number as a word of its own: not part of a date's year, an address or a longer number.
WRITTEN_NUMBER = re.compile(r"(?<![\w.,])(" + "|".join(str(n) for n in STATED_NUMBERS) + r")(?![\w]|[.,]\d)")


def on_page_markdown(markdown, page, config, files):
    return with_figures(markdown, page_language(page), page.file.src_uri)


def with_figures(markdown, lang, where):
    written = sorted({match.group(1) for match in WRITTEN_NUMBER.finditer(markdown)})
    if written:
        raise PluginError(f"{where}: {', '.join(written)} written out by hand; name the figure "
                          f"instead, as {{{{ NAME }}}} with a NAME of {sorted(IN_PAGES)} (checker/programme.py)")
    _ = translator(lang)

    def figure(match):
        name = match.group(1)
        if name not in IN_PAGES:
            raise PluginError(f"{where}: no figure named {name!r} (checker/programme.py IN_PAGES has {sorted(IN_PAGES)})")
        return IN_PAGES[name](_)

    return FIGURE.sub(figure, markdown)
