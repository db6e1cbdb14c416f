"""Screenshots of the self-check's result as a visitor on a phone sees it (a
maintainer's tool, not a test): builds the site, serves it from /aasp/ as GitHub
Pages would, fills in the self-check for three businesses (tests/profiles.py:
ready, a small shop that fails, a university) in each language, and writes PNGs
390 px wide into OUT:

  BUSINESS-LANG-MODE.png          the whole page, MODE light, dark or print
  BUSINESS-LANG-MODE-draft.png    the same with the application e-mail made
  BUSINESS-LANG-MODE[-draft]-screen-N.png
                                  the result (and the draft) screen by screen, from
                                  its heading on, as the phone shows it (844 px high)
  BUSINESS-LANG-after-form.png    the screen right after the last question
  BUSINESS-LANG-peek.png          a screen in the middle of the form, with its bar
  BUSINESS-LANG-print[-draft].pdf the printout on A4, and its pages as
  BUSINESS-LANG-print[-draft]-page-N.png   (with pdftoppm from poppler-utils, if installed)
  start-LANG.png                  the result before the first answer
  measures.txt                    how far below the last question the verdict and
                                  the e-mail button are, in CSS px

Dark is Material's slate scheme, which this site takes from the system's setting
(mkdocs.yml's palette: prefers-color-scheme), so the browser emulates a dark system.

    .venv/bin/python scripts/screenshots.py OUT
"""

import argparse
import pathlib
import shutil
import subprocess
import sys
import tempfile

from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "browser")]
from browser_launch import CHROMIUM_ARGS, chromium_path  # noqa: E402
from profiles import COMPLETE, SMALL_SHOP, UNIVERSITY  # noqa: E402
from self_check_helpers import answer, form_answers, open_self_check, wait_for_verdict  # noqa: E402
from site_server import SUB_PATH, build_site, built, free_port, serving  # noqa: E402

from checker import assess  # noqa: E402
from checker.i18n import LANGUAGES  # noqa: E402

BUSINESSES = {"ready": COMPLETE, "small-shop": SMALL_SHOP, "university": UNIVERSITY}
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 1, "is_mobile": True, "has_touch": True}
SCREEN_HEIGHT = PHONE["viewport"]["height"]
PDF_DPI = 80

# Where the result and the e-mail button are, against the end of the form.
POSITIONS = """() => {
  const top = (selector) => {
    const node = document.querySelector(selector);
    return node ? Math.round(node.getBoundingClientRect().top + scrollY) : null;
  };
  const form = document.getElementById("self-check");
  const fields = form.querySelectorAll(".sc-question");
  const last = fields[fields.length - 1];
  return {
    last_question_end: Math.round(last.getBoundingClientRect().bottom + scrollY),
    form_end: Math.round(form.getBoundingClientRect().bottom + scrollY),
    result_heading: top("#checker-result h2"),
    verdict: top("#checker-result .sc-verdict"),
    next_step: top("#checker-result .sc-next-step"),
    email_button: top("#make-email"),
    other_ways: top(".sc-other-ways:not([hidden]) a"),
    page_height: document.documentElement.scrollHeight,
  };
}"""


def fill(page, lang, answers):
    open_self_check(page, lang)
    answer(page, answers)
    wait_for_verdict(page, assess(form_answers(answers), lang)["verdict"])
    page.locator("#self-check").evaluate("form => document.activeElement.blur()")


def shoot(page, out, name):
    """The whole page, then the result from its heading on, a phone's screen at a time:
    from the top of the page, so the theme's fixed header is drawn there only, and
    with the pointer away from the buttons (a click leaves it over one, hovered)."""
    page.mouse.move(0, 0)
    page.evaluate("() => scrollTo(0, 0)")
    page.screenshot(path=str(out / (name + ".png")), full_page=True)
    start = page.locator("#checker-result").evaluate("node => node.getBoundingClientRect().top + scrollY")
    height = page.evaluate("() => document.documentElement.scrollHeight")
    screen = SCREEN_HEIGHT
    top, number = int(start), 1
    while top < height:
        clip = {"x": 0, "y": top, "width": PHONE["viewport"]["width"], "height": min(screen, height - top)}
        page.screenshot(path=str(out / f"{name}-screen-{number}.png"), full_page=True, clip=clip)
        top, number = top + screen, number + 1


def print_shots(page, out, name):
    page.emulate_media(media="print")
    shoot(page, out, name)
    pdf = out / (name + ".pdf")
    page.pdf(path=str(pdf), format="A4", margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"})
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", str(PDF_DPI), "-png", str(pdf), str(out / (name + "-page"))], check=True)
    page.emulate_media(media="screen")


def make_draft(page):
    page.click("#make-email")
    page.wait_for_selector("#email-draft:not([hidden])", state="attached")


def light_and_print(browser, url, out, business, lang, answers, measures):
    context = browser.new_context(color_scheme="light", base_url=url, **PHONE)
    page = context.new_page()
    fill(page, lang, answers)
    name = f"{business}-{lang}"
    positions = page.evaluate(POSITIONS)
    below = {key: value - positions["last_question_end"] for key, value in positions.items()
             if key in ("verdict", "email_button", "other_ways") and value is not None}
    measures.append(f"{name}: below the end of the last question (px): {below}; page {positions['page_height']} px high")
    # What the phone shows once the visitor scrolls past the last question.
    page.evaluate("(y) => scrollTo(0, y)", positions["last_question_end"] - 200)
    page.screenshot(path=str(out / (name + "-after-form.png")))
    page.evaluate("(y) => scrollTo(0, y)", positions["form_end"] // 2)
    page.screenshot(path=str(out / (name + "-peek.png")))
    page.evaluate("() => scrollTo(0, 0)")
    shoot(page, out, name + "-light")
    print_shots(page, out, name + "-print")
    make_draft(page)
    shoot(page, out, name + "-light-draft")
    print_shots(page, out, name + "-print-draft")
    context.close()


def dark(browser, url, out, business, lang, answers):
    context = browser.new_context(color_scheme="dark", base_url=url, **PHONE)
    page = context.new_page()
    fill(page, lang, answers)
    # The theme's script, loaded once the self-check is live, switches to the dark scheme.
    page.wait_for_selector('body[data-md-color-scheme="slate"]', state="attached")
    name = f"{business}-{lang}-dark"
    shoot(page, out, name)
    make_draft(page)
    shoot(page, out, name + "-draft")
    context.close()


def start_state(browser, url, out, lang):
    context = browser.new_context(color_scheme="light", base_url=url, **PHONE)
    page = context.new_page()
    open_self_check(page, lang)
    page.locator("#checker-result").screenshot(path=str(out / f"start-{lang}.png"))
    context.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=pathlib.Path, help="folder for the PNGs (created; files in it are overwritten)")
    arguments = parser.parse_args()
    out = arguments.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        site = built(build_site(pathlib.Path(folder), f"http://127.0.0.1:{port}/{SUB_PATH}/"))
        with serving(site, port) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            measures = []
            for lang in LANGUAGES:
                start_state(browser, url, out, lang)
                for business, answers in BUSINESSES.items():
                    light_and_print(browser, url, out, business, lang, answers, measures)
                    dark(browser, url, out, business, lang, answers)
                    print(f"{business} {lang}: done", flush=True)
            browser.close()
    (out / "measures.txt").write_text("\n".join(measures) + "\n", encoding="utf-8")
    print("\n".join(measures))
    if not shutil.which("pdftoppm"):
        print("pdftoppm not found (apt-get install poppler-utils): the PDFs are there, not their pages as PNGs")
    print(f"written to {out}")


if __name__ == "__main__":
    main()
