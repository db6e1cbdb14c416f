"""Each heading's permanent link (¶): its tooltip in the page's language (Markdown's
toc extension has one title for the whole site, English by default), and kept out
of what a screen reader hears. The link sits inside its heading, so its "¶" would
be read as part of the heading's name ("Self-check ¶") and as a link of its own;
the table of contents beside the text links to every section already. On the
self-check, whose one heading from Markdown is the page's title, there is none."""

import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from checker.i18n import N_, translator  # noqa: E402
from hooks.page_language import page_language  # noqa: E402
from hooks.self_check_page import FORM_MARKER  # noqa: E402

PERMALINK_TITLE = N_("Permanent link")  # also the toc extension's own title, which this replaces
HEADER_LINK = re.compile(r'<a class="headerlink" href="#[^"]*" title="' + re.escape(PERMALINK_TITLE) + '">[^<]*</a>')
TITLE = re.compile(r'title="[^"]*"')


def on_page_content(html_text, page, config, files):
    if FORM_MARKER in html_text:
        return HEADER_LINK.sub("", html_text)
    title = translator(page_language(page))(PERMALINK_TITLE)
    return HEADER_LINK.sub(lambda match: TITLE.sub(lambda _t: f'title="{title}" aria-hidden="true" tabindex="-1"',
                                                   match.group(0), count=1), html_text)
