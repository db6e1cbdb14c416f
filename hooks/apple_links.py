"""Build time: a link to one of Apple's own pages is written `[text](apple:NAME)` in
docs/ and gets its address here, in the page's language, from checker/apple_links.py,
the one list of addresses outside the site. `apple:NAME@LANG` asks for the page in
that language whatever the page's own (the text then says which language it is).
An unknown name or language fails the build.

A link to a page in another language than the page it is on carries `hreflang`;
where Apple has no page in the page's language and the link falls back to
another, a note after the link says so too.
"""

import pathlib
import re
import sys

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from checker.apple_links import LINKS, apple_link  # noqa: E402
from checker.i18n import DEFAULT_LANGUAGE  # noqa: E402

APPLE_LINK = re.compile(r"\]\(apple:([^)\s@]*)(?:@([^)\s]*))?\)")

# (page language, language of the linked page) -> the note after the link.
OTHER_LANGUAGE_NOTES = {
    ("sv", "en"): "på engelska",
    ("en", "sv"): "in Swedish",
}


def on_page_markdown(markdown, page, config, files):
    # The i18n plugin sets each file's language (index.md: sv, index.en.md: en).
    lang = getattr(page.file, "locale", None) or DEFAULT_LANGUAGE

    def resolve(match):
        name, wanted = match.group(1), match.group(2)
        if name not in LINKS:
            raise PluginError(f"{page.file.src_uri}: no Apple link named {name!r} "
                              f"(checker/apple_links.py has {sorted(LINKS)})")
        if wanted is not None and wanted not in LINKS[name]["urls"]:
            raise PluginError(f"{page.file.src_uri}: apple:{name} has no page in {wanted!r}")
        url, url_lang = apple_link(name, wanted or lang)
        if url_lang == lang:
            return "](" + url + ")"
        link = "](" + url + '){ hreflang="' + url_lang + '" }'
        if wanted:
            return link
        note = OTHER_LANGUAGE_NOTES.get((lang, url_lang))
        if note is None:
            raise PluginError(f"{page.file.src_uri}: apple:{name} falls back to a page in {url_lang!r}; "
                              f"give OTHER_LANGUAGE_NOTES a note for ({lang!r}, {url_lang!r})")
        return link + " (" + note + ")"

    return APPLE_LINK.sub(resolve, markdown)
