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

from checker.apple_links import IN_LANGUAGE, LINKS, apple_link  # noqa: E402
from checker.i18n import translator  # noqa: E402

from hooks.page_language import page_language  # noqa: E402

APPLE_LINK = re.compile(r"\]\(apple:([^)\s@]*)(?:@([^)\s]*))?\)")

def on_page_markdown(markdown, page, config, files):
    lang = page_language(page)
    _ = translator(lang)

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
        if url_lang not in IN_LANGUAGE:
            raise PluginError(f"{page.file.src_uri}: apple:{name} falls back to a page in {url_lang!r}; "
                              f"give checker.apple_links.IN_LANGUAGE a text for {url_lang!r}")
        return link + " (" + _(IN_LANGUAGE[url_lang]) + ")"

    return APPLE_LINK.sub(resolve, markdown)
