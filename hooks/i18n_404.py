"""Keep the default language's 404 page.

mkdocs-static-i18n builds the default language (Swedish) first and then every
other language into the same site directory, and each of those builds writes
the theme's `404.html` to the site root: the last language built would win.
GitHub Pages serves only that one file, so it must be the Swedish one. MkDocs
writes no file for a template that renders to nothing, so every build but the
default language's renders `404.html` to an empty string.
"""


def on_post_template(output: str, template_name: str, config) -> str:
    if template_name != "404.html":
        return output
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.current_language == i18n.default_language:
        return output
    return ""
