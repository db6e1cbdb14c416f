"""Help where a visitor is stuck, in each language: Apple lists no
regions, and the programme does not say whether a sole trader can apply. The
self-check's questions on both carry a hint, and the who-can-apply page has the
sections on both that the requirements page sends the visitor to."""

import pytest
from checker.element_ids import hint_id
from checker.i18n import translator
from checker.questions import QUESTION_BY_KEY

from site_layout import LANGUAGES, page_file

# Question key -> the who-can-apply section that helps with it.
HELP = {"region": "your-region", "organisation_type": "sole-traders"}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("key", HELP)
def test_the_question_carries_its_hint(site_dir, html, lang, key):
    hint = QUESTION_BY_KEY[key].hint_in(translator(lang))
    assert hint, f"no hint for {key}"
    doc = html(page_file(site_dir, lang, "self-check/"))
    assert doc.texts("p", id=hint_id(key)) == [" ".join(hint.split())]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("section", HELP.values())
def test_the_requirements_page_leads_to_the_help(site_dir, html, lang, section):
    help_page = html(page_file(site_dir, lang, "who-can-apply/"))
    assert help_page.section_text(section), f"no section {section!r} on who-can-apply"
    requirements = html(page_file(site_dir, lang, "requirements/"))
    links = [link["href"] for link in requirements.find("a") if link.get("href", "").endswith("#" + section)]
    assert links == ["../who-can-apply/#" + section]
