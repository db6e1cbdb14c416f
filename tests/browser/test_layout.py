"""No page scrolls sideways on a phone: at 320 and 390 px wide, with JavaScript
on and off, every page of both languages is no wider than the window."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "site"))
from site_layout import LANGUAGES, PAGES  # noqa: E402  (the site's pages, one list for all tests)
from profiles import UNIVERSITY  # noqa: E402
from self_check_helpers import answer, open_self_check, wait_for_verdict  # noqa: E402

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


# Links to an e-mail address followed by a punctuation mark that a narrow screen has put
# on the next line, alone (the address is one long word: the browser's last-resort break
# falls before the mark unless the address may break after its @).
STRAY_PUNCTUATION = """() => {
  const followed = [...document.querySelectorAll('a[href^="mailto:"]')].filter((link) =>
    link.getClientRects().length && link.nextSibling && link.nextSibling.nodeType === Node.TEXT_NODE
    && /^[.,:;]/.test(link.nextSibling.textContent));
  const stray = followed.filter((link) => {
    const range = document.createRange();
    range.setStart(link.nextSibling, 0);
    range.setEnd(link.nextSibling, 1);
    const rects = link.getClientRects();
    return Math.abs(range.getBoundingClientRect().top - rects[rects.length - 1].top) > 1;
  });
  return [followed.length, stray.map((link) => link.textContent + link.nextSibling.textContent[0])];
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_mark_after_apples_address_stays_on_its_line_at_320_px(new_page, lang):
    page = new_page(viewport={"width": 320, "height": 800})
    checked = 0
    for slug in ("how-to-apply/", "who-can-apply/"):
        page.goto(LANGUAGES[lang] + slug)
        followed, stray = page.evaluate(STRAY_PUNCTUATION)
        assert not stray, f"{slug}: {stray}"
        checked += followed
    # In the result, the rows that send the visitor to the address: a region not known, a credit line planned.
    open_self_check(page, lang)
    answer(page, UNIVERSITY)
    wait_for_verdict(page, "needs_attention")
    followed, stray = page.evaluate(STRAY_PUNCTUATION)
    assert not stray, f"self-check: {stray}"
    assert checked >= 2 and followed >= 2, (checked, followed)
