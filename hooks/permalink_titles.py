"""The tooltip of each heading's permanent link (¶) in the page's language:
Markdown's toc extension has one title for the whole site, English by default."""

import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from checker.i18n import N_, translator  # noqa: E402
from hooks.page_language import page_language  # noqa: E402

PERMALINK_TITLE = N_("Permanent link")  # also the toc extension's own title, which this replaces
HEADER_LINK = re.compile(r'(<a class="headerlink" href="#[^"]*" title=")' + re.escape(PERMALINK_TITLE) + '(")')


def on_page_content(html_text, page, config, files):
    title = translator(page_language(page))(PERMALINK_TITLE)
    return HEADER_LINK.sub(lambda match: match.group(1) + title + match.group(2), html_text)
