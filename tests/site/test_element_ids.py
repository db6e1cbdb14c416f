"""The element IDs of the self-check (checker/element_ids.py) against the built
page in each language: the templates write them and the browser glue looks
them up, so an ID renamed on one side only fails here instead of silently
breaking the page."""

import re
from pathlib import Path

import pytest

from checker import element_ids
from checker.i18n import LANGUAGES
from checker.questions import QUESTIONS
from checker.report import ACTION_ORDER
from checker.rules import MET, RULES

from site_layout import page_file

ROOT = Path(__file__).resolve().parents[2]
GLUE = sorted((ROOT / "checker" / "web").glob("*.py"))
SCRIPTS = sorted((ROOT / "docs" / "assets" / "self-check").glob("*.js"))


def named_ids():
    """Every ID the module names: its constants, and its functions applied to
    each question, choice and rule."""
    ids = {value for name, value in vars(element_ids).items()
           if name.isupper() and name not in ("FIELD_PREFIX", "FORM_HEADING") and isinstance(value, str)}
    for question in QUESTIONS:
        key = question.key
        ids |= {element_ids.field_id(key), element_ids.question_id(key), element_ids.error_id(key),
                element_ids.not_kept_id(key)}
        if question.hint:
            ids.add(element_ids.hint_id(key))
        ids |= {element_ids.field_id(key, value) for value, _ in question.choices[1:]}
    ids |= {element_ids.result_row_id(rule.id) for rule in RULES}
    ids |= {element_ids.result_group_heading_id(status) for status in ACTION_ORDER if status != MET}
    return ids | {element_ids.email_language_id(lang) for lang in LANGUAGES}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_form_is_named_by_the_pages_heading(site_dir, html, lang):
    """FORM_HEADING is the page's own title (docs/self-check*.md), outside the rendered part."""
    doc = html(page_file(site_dir, lang, "self-check/"))
    assert [attrs.get("id") for kind, tag, attrs in doc.events if kind == "start" and tag == "h1"] == \
        [element_ids.FORM_HEADING]
    assert [attrs.get("aria-labelledby") for kind, tag, attrs in doc.events
            if kind == "start" and tag == "form" and attrs.get("id") == element_ids.FORM] == [element_ids.FORM_HEADING]


def ids_in_self_check(doc):
    """The IDs inside the self-check's <div class="sc">, the part the build
    renders; the page's prose and the theme around it have their own."""
    found, depth = [], 0
    for kind, tag, attrs in doc.events:
        if kind == "start" and tag == "div" and (depth or "sc" in attrs.get("class", "").split()):
            depth += 1
        elif kind == "end" and tag == "div" and depth:
            depth -= 1
        if depth and kind == "start" and attrs.get("id"):
            found.append(attrs["id"])
    return found


def ids_in_scripts():
    """The IDs boot.js and its neighbours look up (they cannot import Python)."""
    return {name for path in SCRIPTS
            for name in re.findall(r"""getElementById\(\s*["']([^"']+)["']\s*\)""", path.read_text(encoding="utf-8"))}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_self_check_has_exactly_the_ids_element_ids_names(site_dir, html, lang):
    """Every ID the glue can look up is on the page, and the page has no ID the
    module does not name (one source for each)."""
    on_page = set(ids_in_self_check(html(page_file(site_dir, lang, "self-check/"))))
    named = named_ids()
    assert sorted(named - on_page) == [], "named in checker/element_ids.py but not on the page"
    assert sorted(on_page - named) == [], "on the page but not named in checker/element_ids.py"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_ids_the_scripts_look_up_are_on_the_page_and_named(site_dir, html, lang):
    used = ids_in_scripts()
    assert element_ids.FORM in used  # the pattern still finds boot.js's look-ups
    doc = html(page_file(site_dir, lang, "self-check/"))
    assert sorted(used - set(doc.ids)) == []
    assert sorted(used - named_ids()) == []


def test_the_glue_looks_up_ids_only_through_element_ids():
    """No ID written out in checker/web/: a lookup or a link to one there would
    not follow a rename in checker/element_ids.py."""
    literal = re.compile(r"""(by_id|getElementById)\(\s*["']|["']#[a-z]+-""")
    written_out = [f"{path.name}:{number}: {line.strip()}"
                   for path in GLUE
                   for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
                   if literal.search(line)]
    assert written_out == []
