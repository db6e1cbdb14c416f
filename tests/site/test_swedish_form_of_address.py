"""The Swedish texts address the visitor with one form, "ni" (er, ert, era),
never "du" (dig, din, ditt, dina): on every Swedish page of the built site,
and in the Swedish catalog the self-check shows its texts from."""

import re

import pytest
from checker.i18n import catalog

from site_layout import PAGES, page_file

DU = re.compile(r"\b(du|dig|din|ditt|dina)\b", re.IGNORECASE)

# Attributes whose text a visitor reads or hears.
READ_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")


def swedish_texts(doc):
    """The page's text and read attributes, less any part marked as another
    language (the 404 page's English line, for example)."""
    texts, skipping, depth = [], None, 0
    for kind, value, attrs in doc.events:
        if skipping:
            if kind == "start" and value == skipping:
                depth += 1
            elif kind == "end" and value == skipping:
                depth -= 1
                if not depth:
                    skipping = None
            continue
        if kind == "start":
            if value != "html" and attrs.get("lang", "sv").split("-")[0] != "sv":
                skipping, depth = value, 1
                continue
            texts += [attrs[name] for name in READ_ATTRIBUTES if attrs.get(name)]
            if value == "meta" and attrs.get("name") == "description":
                texts.append(attrs.get("content", ""))
        elif kind == "data":
            texts.append(value)
    return texts


def du_words(texts):
    return sorted({" ".join(text.split()) for text in texts if DU.search(text)})


@pytest.mark.parametrize("slug", PAGES + ["404.html"], ids=lambda slug: slug.strip("/") or "start")
def test_swedish_pages_say_ni_not_du(site_dir, html, slug):
    path = site_dir / slug if slug.endswith(".html") else page_file(site_dir, "sv", slug)
    assert du_words(swedish_texts(html(path))) == []


def test_the_swedish_catalog_says_ni_not_du():
    assert catalog("sv"), "no Swedish catalog"
    assert du_words(catalog("sv").values()) == []


def test_the_check_finds_du_as_a_word_and_skips_other_languages(tmp_path, html):
    assert du_words(["Vad tycker du?", "Dina svar", "Era svar", "Dinosaurier", "dignitet", "Din"]) == \
        ["Din", "Dina svar", "Vad tycker du?"]
    page = tmp_path / "page.html"
    page.write_text('<html lang="sv"><head><meta name="description" content="För dig"></head><body>'
                    '<p>Era svar<br>sparas</p><p lang="en">Dig <b>deeper</b>, <p>din</p></p>'
                    '<a title="Till din sida" href="#">Hem</a></body></html>', encoding="utf-8")
    assert du_words(swedish_texts(html(page))) == ["För dig", "Till din sida"]
