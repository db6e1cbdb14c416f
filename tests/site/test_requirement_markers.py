"""The requirements pages' markers (hooks/self_check_page.py): each
`<!-- requirement: ID -->` becomes the rule's heading, and its section ends with
how the self-check decides it; the build fails unless every rule has one marker."""

import html
import re
from types import SimpleNamespace

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from checker.i18n import LANGUAGES, translator
from checker.page_texts import page_text
from checker.rules import RULE_BY_ID, RULES, Rule
from hooks import self_check_page
from hooks.self_check_page import render_requirement_sections
from site_layout import ROOT

CONFIG = load_config(str(ROOT / "mkdocs.yml"))  # the theme's templates, as the build has them


def _page(ids, prose="Some prose of the page's own."):
    """A requirements page with each marker under its rule's group heading."""
    parts, group = [], None
    for rule_id in ids:
        rule_group = RULE_BY_ID[rule_id].group if rule_id in RULE_BY_ID else group
        if rule_group != group:
            parts.append("## A group {#" + rule_group + "}")
            group = rule_group
        parts.append("<!-- requirement: " + rule_id + " -->\n\n" + prose)
    return "\n\n".join(parts) + "\n"


ALL_IDS = [rule.id for rule in RULES]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_marker_becomes_the_rules_heading_and_its_section_ends_with_the_note(lang):
    _ = translator(lang)
    markdown = "## A group {#group-x}\n\n" + _page(ALL_IDS) + "\n## Another group\n"
    lines = render_requirement_sections(markdown, lang, "test.md", CONFIG).split("\n")
    for rule in RULES:
        heading = lines.index("### " + rule.title_in(_) + " {#" + rule.id + "}")
        note = next(i for i in range(heading, len(lines)) if "sc-how-decided" in lines[i])
        assert lines[heading + 1:note] == ["", "Some prose of the page's own.", "", ""]
        note_text = html.unescape(lines[note])
        assert rule.decides_in(_) in note_text and page_text(_, "how_decided") in note_text
    assert lines[-2:] == ["## Another group", ""]
    assert not any("<!-- requirement:" in line for line in lines)


def test_the_last_section_gets_its_note_too():
    lines = render_requirement_sections(_page(ALL_IDS), "en", "test.md", CONFIG).rstrip("\n").split("\n")
    assert RULES[-1].decides in lines[-1]


@pytest.mark.parametrize("ids,complaint", [
    (ALL_IDS[1:], "missing: ['region']"),
    (ALL_IDS + ["no-such-rule"], "unknown: ['no-such-rule']"),
    (ALL_IDS + ["region"], "repeated: ['region']"),
])
def test_the_build_fails_unless_every_rule_has_exactly_one_marker(ids, complaint):
    with pytest.raises(PluginError, match=r"requirements\.md: .*" + re.escape(complaint)):
        render_requirement_sections(_page(ids), "en", "requirements.md", CONFIG)


def test_the_build_fails_for_a_marker_under_another_groups_heading():
    rule = RULES[-1]
    text = _page(ALL_IDS).replace("{#" + rule.group + "}", "{#group-elsewhere}")
    with pytest.raises(PluginError, match=re.escape(rule.id + " (group " + rule.group + ") is under group-elsewhere")):
        render_requirement_sections(text, "en", "requirements.md", CONFIG)


def test_a_page_without_markers_is_left_alone():
    page = SimpleNamespace(file=SimpleNamespace(src_uri="about.en.md"))
    text = "# About\n\n<!-- a comment -->\n\nText.\n"
    assert self_check_page.on_page_markdown(text, page, None, None) == text


def test_a_title_shows_as_written_whatever_its_characters(monkeypatch):
    odd = Rule(id="region", group="group-who", title="*Not* <b>bold</b> {#x} [link](y) a_b `c` \\ # 100 %", decides="<i>d</i> & e",
               keys=("region",), judge=None)
    monkeypatch.setattr(self_check_page, "RULE_BY_ID", dict(self_check_page.RULE_BY_ID, region=odd))
    text = render_requirement_sections(_page(ALL_IDS), "en", "test.md", CONFIG)
    converted = markdown.markdown(text, extensions=["attr_list", "toc"])
    assert '<h3 id="region">*Not* &lt;b&gt;bold&lt;/b&gt; {#x} [link](y) a_b `c` \\ # 100 %</h3>' in converted
    assert '<p><i>d</i> & e</p>' not in converted and '<p>&lt;i&gt;d&lt;/i&gt; &amp; e</p></div>' in converted
