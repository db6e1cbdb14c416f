"""No request leaves the site's origin (DESIGN.md, "The site"), read from the
built files. The browser test (test_site_served.py) watches the requests a real
page load makes; this one reads every file a page could load, so that a URL on
a path the browser test does not walk is caught too.

- HTML: no attribute of any element may hold a URL to another host, except an
  ordinary link (<a href>) and XML namespace names (xmlns, never fetched).
  Inline <script> and <style> may hold none either. Text is not checked: it may
  mention addresses.
- Links out (DESIGN.md, "Links out"): an ordinary link (<a href>) to another
  host is never followed unless clicked, but it may go only to one of Apple's
  own pages, over https, named in checker/apple_links.py; an e-mail link only to
  an apple.com address. And every address named there is linked from the site.
- CSS and JavaScript: every http(s) URL to another host must be in ALLOWED
  below, each with the reason it is never requested on this site. The theme's
  and PyScript's bundles hold such strings in code paths this site does not
  take; listing them one by one means a theme or runtime update that adds one
  fails here until someone has looked at it.
"""

import re
from fnmatch import fnmatch
from urllib.parse import urlsplit

import pytest
from checker.apple_links import all_addresses
from site_layout import ROOT

URL = re.compile(r"""(?:https?:)?//[^\s"'`()<>\\,;]+""", re.IGNORECASE)
ABSOLUTE_URL = re.compile(r"""https?://[^\s"'`()<>\\\x00-\x1f]*""", re.IGNORECASE)  # control characters end one in bytecode

# Files a page may load and that the text scan reads. Not read: source maps
# (*.map, fetched only by open developer tools), the search index (page text,
# where addresses are ordinary prose), images and binaries.
SCANNED = ("*.css", "*.js", "*.mjs", "*.json", "*.py", "*.mpy")  # .mpy: bytecode, its strings as UTF-8
NOT_SCANNED = ("search/search_index.json",)

LICENCE = "a licence or documentation comment"
NAMESPACE = "an XML namespace name (SVG), never fetched"

# (file glob relative to the site, URL regex, why it is never requested here)
ALLOWED = [
    # Material for MkDocs (assets/javascripts, assets/stylesheets).
    ("assets/javascripts/bundle.*.min.js", r"https://api\.github\.com/(repos|users)/",
     "repository facts, fetched only when repo_url points to GitHub; "
     "the site sets no repo_url (test_theme_fetches_nothing_by_configuration)"),
    ("assets/javascripts/bundle.*.min.js", r"https://\$\{e\}/api/v4/projects/",
     "the same for GitLab"),
    ("assets/javascripts/bundle.*.min.js", r"https://unpkg\.com/mermaid@",
     "loaded only on a page with a Mermaid diagram; there is none "
     "(test_theme_fetches_nothing_by_configuration)"),
    ("assets/javascripts/bundle.*.min.js", r"https://unpkg\.com/resize-observer-polyfill",
     "loaded only by a browser without ResizeObserver (every current browser "
     "has it, since 2020); cannot be turned off without patching the theme"),
    ("assets/javascripts/bundle.*.min.js", r"https://clipboardjs\.com/", LICENCE),
    ("assets/javascripts/workers/search.*.min.js",
     r"http://lunrjs\.com|http://tartarus\.org/|https://bit\.ly/2s3ChXG",
     "lunr's licence comment and the text of an error message"),
    ("assets/javascripts/lunr/min/lunr.*.js",
     r"http://code\.google\.com/p/urim/|http://snowball\.tartarus\.org/"
     r"|http://www\.mozilla\.org/MPL/|https://github\.com/MihaiValentin/lunr-languages",
     "lunr-languages' licence header"),
    ("assets/javascripts/lunr/tinyseg.js", r"http://chasen\.org/|https://github\.com/umdjs/",
     LICENCE + "; loaded only for Japanese search"),
    ("assets/javascripts/lunr/wordcut.js", r"https?://",
     "comments of a bundled Node library; loaded only for Thai search, not configured here"),
    ("assets/stylesheets/main.*.min.css", r"http://www\.w3\.org/2000/svg", NAMESPACE),
    ("assets/stylesheets/main.*.min.css", r"https://fontawesome\.com", LICENCE),
    # PyScript (npm @pyscript/core), copied in by hooks/runtime_files.py.
    ("assets/self-check/pyscript/*.js", r"http://www\.w3\.org/2000/svg", NAMESPACE),
    ("assets/self-check/pyscript/core-*.js",
     r"https://cdn\.jsdelivr\.net/(npm/@micropython/|pyodide/)",
     "PyScript's default interpreter, used only when the page's config names "
     "none; the self-check's config names the copy in the site"),
    ("assets/self-check/pyscript/core-*.js", r"https://micropython\.org/pi/v2",
     "MicroPython's package index, used only for config `packages`; there are none"),
    ("assets/self-check/pyscript/core-*.js", r"https://raw\.githubusercontent\.com/",
     "rewrites github: package names; used only for config `packages`"),
    ("assets/self-check/pyscript/core-*.js",
     r"https://(docs\.pyscript\.net|pyscript\.github\.io|github\.com/pyscript|"
     r"developer\.mozilla\.org|packages\.pyscript\.net)/",
     "text of error and help messages"),
    ("assets/self-check/pyscript/core-*.js", r"http://0\.0\.0\.0$", "a base for parsing URLs"),
    ("assets/self-check/micropython/micropython.mjs", r"https://emscripten\.org/docs/",
     "text of an error message"),
    # The checker's own files, copied in (or compiled to .mpy) by hooks/runtime_files.py.
    ("assets/self-check/checker/apple_links.*", r"https://([\w-]+\.)*apple\.com/",
     "the addresses of Apple's pages the guide links to (DESIGN.md, 'Links out'): "
     "links a visitor may follow, never fetched by the page"),
]


def _foreign(url: str, origin: str) -> bool:
    """True for a URL to a host other than the site's. A bare scheme
    ("https://", code that builds URLs) names no host."""
    host = urlsplit(url if not url.startswith("//") else "http:" + url).netloc
    return bool(host) and host != origin


@pytest.fixture(scope="module")
def origin(site_url):
    return urlsplit(site_url).netloc


def test_html_loads_nothing_from_another_host(site_dir, html, origin):
    problems = []
    for path in sorted(site_dir.rglob("*.html")):
        doc = html(path)
        where = path.relative_to(site_dir)
        for tag, attrs in doc.elements:
            for name, value in attrs.items():
                if (tag == "a" and name == "href") or name == "xmlns" or name.startswith("xmlns:"):
                    continue
                for url in URL.findall(value):
                    if _foreign(url, origin):
                        problems.append(f"{where}: <{tag} {name}> {url}")
        for tag, text in doc.inline:
            for url in ABSOLUTE_URL.findall(text):
                if _foreign(url, origin):
                    problems.append(f"{where}: inline <{tag}> {url}")
    assert problems == []


def _on_apple_com(host: str) -> bool:
    return host == "apple.com" or host.endswith(".apple.com")


def test_the_named_apple_addresses_are_https_pages_on_apple_com():
    addresses = all_addresses()
    assert addresses
    for url in addresses:
        parts = urlsplit(url)
        assert parts.scheme == "https" and _on_apple_com(parts.hostname or ""), url
        assert not parts.username and not parts.password and not parts.port, url
    assert len(set(addresses)) == len(addresses), "one address under two names"


def test_links_out_go_only_to_the_named_apple_pages_and_each_is_linked(site_dir, html, origin):
    named, linked, problems = set(all_addresses()), set(), []
    for path in sorted(site_dir.rglob("*.html")):
        where = path.relative_to(site_dir)
        for attrs in html(path).find("a"):
            href = attrs.get("href", "")
            if href.lower().startswith("mailto:"):
                domain = href[len("mailto:"):].split("?")[0].rpartition("@")[2].lower()
                if not _on_apple_com(domain):
                    problems.append(f"{where}: {href}")
            elif urlsplit(href).scheme not in ("", "http", "https") or _foreign(href, origin):
                linked.add(href)
                if href not in named:
                    problems.append(f"{where}: {href}")
    assert problems == [], "links out that are not Apple addresses named in checker/apple_links.py"
    assert sorted(named - linked) == [], "addresses in checker/apple_links.py that no page links to"


def test_css_and_javascript_name_no_other_host_but_the_explained_ones(site_dir, origin):
    problems, used = [], set()
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        name = path.relative_to(site_dir).as_posix()
        if not any(fnmatch(name, g) for g in SCANNED) or name in NOT_SCANNED:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for url in sorted(set(ABSOLUTE_URL.findall(text))):
            if not _foreign(url, origin):
                continue
            allowed = [
                i for i, (glob, pattern, _) in enumerate(ALLOWED)
                if fnmatch(name, glob) and re.match(pattern, url)
            ]
            if allowed:
                used.update(allowed)
            else:
                problems.append(f"{name}: {url}")
    assert problems == [], "unexplained URLs to other hosts; explain them in ALLOWED or remove them"
    stale = [ALLOWED[i][:2] for i in range(len(ALLOWED)) if i not in used]
    assert stale == [], "ALLOWED entries that match nothing any more: remove them"


def test_css_imports_and_fonts_stay_on_the_site(site_dir, origin):
    """Stylesheets fetch through url() and @import: protocol-relative ones too."""
    problems = []
    for path in sorted(site_dir.rglob("*.css")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for ref in re.findall(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", text):
            url = ref[0] or ref[1]
            if not url.startswith("data:") and _foreign(url, origin):
                problems.append(f"{path.relative_to(site_dir)}: {url}")
    assert problems == []


def test_theme_fetches_nothing_by_configuration(site_dir, html):
    """The conditions under which Material's own code would fetch from
    elsewhere (see ALLOWED) do not hold: no repository link, no Mermaid
    diagram, no Google Fonts, no analytics."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert config.repo_url is None
    assert config.theme["font"] is False
    assert "analytics" not in config.extra
    for path in sorted(site_dir.rglob("*.html")):
        doc = html(path)
        classes = {c for _, attrs in doc.elements for c in attrs.get("class", "").split()}
        assert "mermaid" not in classes, path
        assert "md-source" not in classes, path  # the repository widget
