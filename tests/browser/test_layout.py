"""No page scrolls sideways on a phone: at 320 and 390 px wide, with JavaScript
on and off, every page of both languages is no wider than the window."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "site"))
from site_layout import LANGUAGES, PAGES  # noqa: E402  (the site's pages, one list for all tests)

# What sticks out past the window's right edge, for the failure message.
WIDEST = """() => [...document.querySelectorAll("body *")]
  .filter((node) => node.getBoundingClientRect().right > window.innerWidth + 0.5)
  .slice(0, 5)
  .map((node) => `${node.tagName.toLowerCase()}.${node.className} to ${Math.round(node.getBoundingClientRect().right)} px`)"""


def overflow(page) -> str | None:
    """How far the page scrolls sideways, and what sticks out; None if it does not."""
    width, window = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if width <= window:
        return None
    return f"{page.url}: {width} px wide in a {window} px window; {page.evaluate(WIDEST)}"


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("width", [320, 390])
def test_no_page_scrolls_sideways(new_page, width, javascript):
    page = new_page(viewport={"width": width, "height": 800}, java_script_enabled=javascript)
    problems = []
    for folder in LANGUAGES.values():
        for slug in PAGES:
            page.goto(folder + slug)
            problems.append(overflow(page))  # at the load event
            if javascript:
                if slug == "self-check/":
                    page.wait_for_selector('#self-check[data-state="ready"]', state="attached")
                page.wait_for_load_state("networkidle")  # the theme's script too, which the self-check loads last
                problems.append(overflow(page))
    problems = [problem for problem in problems if problem]
    assert not problems, "pages that scroll sideways:\n" + "\n".join(problems)
