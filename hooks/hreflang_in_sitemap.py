"""Keep the language alternates in sitemap.xml, not in each page's <head>.

Material's JavaScript fetches `sitemap.xml` beside every `<link rel="alternate">`
of a page; the i18n plugin points those links at the page itself, so each page
asked for two sitemaps that do not exist (two 404s per page view). The plugin's
sitemap.xml already lists every page's alternates with hreflang, the form search
engines read, and the header's language switcher links each page to its twin.
"""

import re

ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output, page, config):
    return ALTERNATE_LINK.sub("", output)


def on_post_template(output, template_name, config):
    return ALTERNATE_LINK.sub("", output)  # the 404 page
