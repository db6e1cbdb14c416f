"""Release quality of the built site: every internal link and anchor resolves,
in both languages, and the HTML is valid."""

import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from site_layout import LANGUAGES, PAGES, REQUIREMENT_IDS, ROOT, page_file, page_url

ALL_PAGES = [(lang, slug) for lang in LANGUAGES for slug in PAGES]


def target_file(site_dir: Path, site_url: str, url: str) -> Path | None:
    """The built file a same-site URL points at, or None for another site."""
    if not url.startswith(site_url):
        return None
    path = unquote(urlsplit(url).path)[len(urlsplit(site_url).path):]
    file = site_dir / path
    return file / "index.html" if path == "" or path.endswith("/") else file


@pytest.mark.parametrize("lang,slug", ALL_PAGES, ids=[f"{lang}:{slug or 'start'}" for lang, slug in ALL_PAGES])
def test_every_internal_link_and_anchor_resolves(site_dir, site_url, html, lang, slug):
    here = page_url(site_url, lang, slug)
    doc = html(page_file(site_dir, lang, slug))
    broken = []
    for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
        for attrs in doc.find(tag):
            value = attrs.get(attribute)
            if not value or value.startswith(("mailto:", "data:", "javascript:")):
                continue
            url = urljoin(here, value)
            file = target_file(site_dir, site_url, url)
            if file is None:
                continue  # another site: ordinary links in text are checked by the third-party test
            if not file.is_file():
                broken.append(f"{value}: no {file.relative_to(site_dir)}")
                continue
            fragment = urlsplit(url).fragment
            if fragment and file.suffix == ".html" and unquote(fragment) not in html(file).ids:
                broken.append(f"{value}: no id {fragment!r} in {file.relative_to(site_dir)}")
    assert broken == []


def test_result_rows_link_to_the_requirements_in_the_same_language(site_dir, site_url, html):
    for lang in LANGUAGES:
        doc = html(page_file(site_dir, lang, "self-check/"))
        rows = doc.find("li", class_="sc-row")
        links = [attrs["href"] for attrs in doc.find("a", class_="sc-row-title")]
        assert [attrs["data-requirement"] for attrs in rows] == REQUIREMENT_IDS
        assert len(links) == len(REQUIREMENT_IDS)
        for attrs, href in zip(rows, links):
            assert urljoin(page_url(site_url, lang, "self-check/"), href) == \
                page_url(site_url, lang, "requirements/") + "#" + attrs["data-requirement"]


def test_the_built_html_is_valid(site_dir):
    # Standards rules only, less one: Material puts autocomplete="off" on its drawer and
    # search checkboxes on purpose (Firefox would restore their state on "back").
    npx = shutil.which("npx")
    if npx is None or not (ROOT / "node_modules" / "html-validate").is_dir():
        pytest.skip("html-validate is not installed (make setup runs npm ci)")
    pages = sorted(str(path) for path in site_dir.rglob("*.html"))
    done = subprocess.run([npx, "--no-install", "html-validate", "--config", str(Path(__file__).parent / "htmlvalidate.json"),
                           *pages], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
