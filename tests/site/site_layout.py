"""Facts about the site that its tests share: where things are built."""

from pathlib import Path

from checker.rules import RULES
from site_server import LANGUAGE_FOLDERS, ROOT, SUB_PATH  # noqa: F401  (shared with the fixtures)

# The requirement IDs in the catalogue's order, from the rules themselves.
REQUIREMENT_IDS = [rule.id for rule in RULES]


# Language -> its folder in the built site (checker.i18n.LANGUAGES, the default at the root).
LANGUAGES = LANGUAGE_FOLDERS

# Every page by its URL slug, in navigation order ("" is the start page).
PAGES = ["", "who-can-apply/", "requirements/", "how-to-apply/", "self-check/", "about/"]


def page_file(site_dir: Path, lang: str, slug: str) -> Path:
    return site_dir / LANGUAGES[lang] / slug / "index.html"


def page_url(site_url: str, lang: str, slug: str) -> str:
    return site_url + LANGUAGES[lang] + slug
