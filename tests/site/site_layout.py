"""Facts about the site that its tests share, all read from where the site takes
them: the pages, their navigation titles and the site's name per language from
mkdocs.yml, the languages from checker.i18n, the requirement IDs from the rules.
A page added to mkdocs.yml's `nav` is in every per-page test without naming it
in a test."""

from pathlib import Path

from checker.rules import RULES
from mkdocs.config import load_config
from site_server import LANGUAGE_FOLDERS, ROOT, SUB_PATH  # noqa: F401  (shared with the fixtures)

# The requirement IDs in the catalogue's order, from the rules themselves.
REQUIREMENT_IDS = [rule.id for rule in RULES]

# Language -> its folder in the built site (checker.i18n.LANGUAGES, the default at the root).
LANGUAGES = LANGUAGE_FOLDERS

CONFIG = load_config(str(ROOT / "mkdocs.yml"))
I18N_LANGUAGES = {language.locale: language for language in CONFIG.plugins["i18n"].config.languages}


def _nav_entries(nav):
    """(title, Markdown file) of each page in mkdocs.yml's nav, sections opened."""
    for item in nav:
        for title, target in item.items():
            if isinstance(target, list):
                yield from _nav_entries(target)
            else:
                yield title, target


NAV = list(_nav_entries(CONFIG.nav))
# Every page by its URL slug, in navigation order ("" is the start page).
PAGES = ["" if source == "index.md" else source[: -len(".md")] + "/" for _title, source in NAV]
# Each language's site name and navigation titles, as mkdocs.yml gives them to the i18n plugin.
SITE_NAMES = {lang: I18N_LANGUAGES[lang].site_name or CONFIG.site_name for lang in I18N_LANGUAGES}
NAV_TITLES = {lang: [(I18N_LANGUAGES[lang].nav_translations or {}).get(title, title) for title, _source in NAV]
              for lang in I18N_LANGUAGES}


def page_file(site_dir: Path, lang: str, slug: str) -> Path:
    return site_dir / LANGUAGES[lang] / slug / "index.html"


def page_url(site_url: str, lang: str, slug: str) -> str:
    return site_url + LANGUAGES[lang] + slug
