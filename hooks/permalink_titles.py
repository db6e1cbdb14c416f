"""The tooltip of each heading's permanent link (¶) in the page's language:
Markdown's toc extension has one title for the whole site, English by default."""

import re

PERMALINK_TITLES = {"sv": "Permanent länk", "en": "Permanent link"}
HEADER_LINK = re.compile(r'(<a class="headerlink" href="#[^"]*" title=")Permanent link(")')


def on_page_content(html_text, page, config, files):
    # The i18n plugin builds each language in turn, with the theme's language set to it.
    title = PERMALINK_TITLES[config.theme["language"]]
    return HEADER_LINK.sub(lambda match: match.group(1) + title + match.group(2), html_text)
