"""Facts about the site that its tests share: where things are built."""

from pathlib import Path

from site_server import ROOT, SUB_PATH  # noqa: F401  (shared with the fixtures)


# Language -> its folder in the built site. Swedish is the default, at the root.
LANGUAGES = {"sv": "", "en": "en/"}

# Every page by its URL slug, in navigation order ("" is the start page).
PAGES = ["", "who-can-apply/", "requirements/", "how-to-apply/", "self-check/", "about/"]

# Every requirement ID of the catalogue (../shared/spec/requirements.md), in
# its order: each is an anchor on the requirements page, once per language.
REQUIREMENT_IDS = [
    "region",
    "organisation-type",
    "no-parts-resale",
    "operating-history",
    "audited-accounts",
    "credit-line",
    "brand-promotion",
    "service-standards",
    "repair-volume",
    "confidentiality",
    "dedicated-staff",
    "commercial-location",
    "reception-area",
    "secure-workshop",
    "no-home-address",
    "certified-technicians",
    "application-details",
    "business-email",
    "trademarks",
]


def page_file(site_dir: Path, lang: str, slug: str) -> Path:
    return site_dir / LANGUAGES[lang] / slug / "index.html"


def page_url(site_url: str, lang: str, slug: str) -> str:
    return site_url + LANGUAGES[lang] + slug
