"""The pages' Content-Security-Policy (hooks/content_security_policy.py): on
every built page one policy, first in <head>, that allows scripts from the
site itself, WebAssembly, and the page's own inline scripts by their hash:
no string evaluation ('unsafe-eval', DESIGN.md, "The site"), no other inline
script. Only `mkdocs serve` adds one, its live-reload script, to the pages it
sends (tests/browser/test_live_reload.py runs it)."""

import base64
import hashlib
import re

import pytest
from hooks.content_security_policy import with_served_policy

POLICY = 'http-equiv="Content-Security-Policy"'


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def inline_scripts(doc) -> list:
    """The text of each <script> without src that is not a JSON data block."""
    starts = [attrs for kind, tag, attrs in doc.events if kind == "start" and tag == "script"]
    texts = [text for tag, text in doc.inline if tag == "script"]
    return [text for attrs, text in zip(starts, texts)
            if "src" not in attrs and attrs.get("type") != "application/json"]


def script_sources(policy: str) -> list:
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    return directives["script-src"].split()


def meta_policy(text: str) -> str:
    return re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', text).group(1)


@pytest.fixture(scope="module")
def pages(site_dir):
    return sorted(site_dir.rglob("*.html"))


def test_every_page_allows_its_own_scripts_and_nothing_else(site_dir, html, pages):
    assert len(pages) >= 13  # six pages in two languages, and the 404 page
    for path in pages:
        doc = html(path)
        metas = doc.find("meta", **{"http-equiv": "Content-Security-Policy"})
        assert len(metas) == 1, path
        assert doc.elements[doc.elements.index(("head", {})) + 1] == ("meta", metas[0]), path
        sources = script_sources(metas[0]["content"])
        assert sources[:2] == ["'self'", "'wasm-unsafe-eval'"], path
        assert sorted(sources[2:]) == sorted({sha256(text) for text in inline_scripts(doc)}), path


def test_no_page_allows_string_evaluation_or_any_inline_script(pages):
    for path in pages:
        text = path.read_text(encoding="utf-8")
        policy = meta_policy(text)
        assert "'unsafe-eval'" not in policy and "'unsafe-inline'" not in policy, path
        assert "livereload" not in text, path  # a build never carries the local server's script


def test_the_self_check_page_starts_pyscript_through_the_module_that_needs_no_eval(site_dir, html):
    """core.js itself is not a script of the page: pyscript-without-eval.js
    imports it and empties its worker hooks before any interpreter loads."""
    for lang in ("", "en/"):
        doc = html(site_dir / lang / "self-check" / "index.html")
        modules = [attrs["src"].rsplit("/", 1)[1] for attrs in doc.find("script", type="module")]
        assert modules == ["boot.js", "pyscript-without-eval.js"]


def test_the_local_server_allows_exactly_its_live_reload_script(site_dir):
    """with_served_policy wraps `mkdocs serve`'s WSGI app: each HTML page gets the
    policy of the page as sent, which adds the hash of the script MkDocs
    inserted; anything else goes through untouched."""
    built = (site_dir / "about" / "index.html").read_text(encoding="utf-8")
    live_reload = "livereload(1700000000, 1700000001);"
    sent = built.replace("</body>", "<script>" + live_reload + "</script></body>").encode("utf-8")
    wasm = b"\0asm binary"
    responses = {"/about/": ("text/html", sent), "/x.wasm": ("application/wasm", wasm)}

    def mkdocs_app(environ, start_response):
        content_type, body = responses[environ["PATH_INFO"]]
        start_response("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body)))])
        return [body]

    def get(path):
        got = {}
        body = b"".join(with_served_policy(mkdocs_app)(
            {"PATH_INFO": path}, lambda status, headers: got.update(status=status, headers=dict(headers))))
        assert got["status"] == "200 OK"
        assert got["headers"]["Content-Length"] == str(len(body))
        return body

    page = get("/about/").decode("utf-8")
    served, own = script_sources(meta_policy(page)), script_sources(meta_policy(built))
    assert len(served) == len(own) + 1 and set(served) == set(own) | {sha256(live_reload)}
    assert page.count(POLICY) == 1
    assert page.replace(meta_policy(page), "") == sent.decode("utf-8").replace(meta_policy(built), "")
    assert get("/x.wasm") == wasm
