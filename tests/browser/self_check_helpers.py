"""Helpers for the self-check browser tests: open the page, answer the way a
person would, and wait on the page's own signals (data-state, data-verdict,
data-status): never on time.

The contexts these tests use are created with `base_url` set to the served
site (http://127.0.0.1:PORT/aasp/), so paths here are relative to it.
"""

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.questions import BOOL, CHOICE, QUESTION_BY_KEY, QUESTIONS  # noqa: E402
from checker.report import ACTION_ORDER  # noqa: E402

from site_server import LANGUAGE_FOLDERS, SUB_PATH  # noqa: E402,F401

LANG_PREFIX = LANGUAGE_FOLDERS


def self_check_path(lang: str) -> str:
    return LANG_PREFIX[lang] + "self-check/"


def form_value(key: str, value) -> str:
    """An answer as the form holds it: "yes"/"no", digits, lines of text."""
    if value is None:
        return ""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, list):
        return "\n".join(value)
    return str(value)


def form_answers(answers: dict) -> dict:
    """What checker/web.py reads from a form filled with `answers`: every key,
    "" where nothing was given."""
    return {question.key: form_value(question.key, answers.get(question.key)) for question in QUESTIONS}


def open_self_check(page, lang: str, wait: bool = True):
    """Go to the self-check in `lang` and wait until Python has made it live."""
    page.goto(self_check_path(lang))
    if wait:
        wait_for_state(page, "ready")


def wait_for_state(page, state: str):
    """Waits for the form to leave "loading", then requires `state`, so a
    start-up failure reads as itself rather than as a time-out."""
    if state == "loading":
        page.wait_for_selector('#self-check[data-state="loading"]', state="attached")
        return
    page.wait_for_selector('#self-check:not([data-state="loading"])', state="attached")
    actual, tag = page.eval_on_selector("#self-check", "el => [el.getAttribute('data-state'), el.tagName]")
    status = page.text_content("#self-check-status")
    assert tag == "FORM", f"the first element with id self-check is a <{tag.lower()}>, not the form"
    assert actual == state, f"form data-state is {actual!r}, not {state!r}; status line: {status!r}"


def answer(page, answers: dict):
    """Fills the form as a person would: a click on the radio, typing into fields."""
    for key, value in answers.items():
        question = QUESTION_BY_KEY[key]
        text = form_value(key, value)
        if question.kind in (BOOL, CHOICE):
            if text:
                page.check(f'input[name="{key}"][value="{text}"]')
        else:
            page.fill(f'[name="{key}"]', text)


def wait_for_verdict(page, verdict: str):
    page.wait_for_selector(f'#checker-result[data-verdict="{verdict}"]', state="attached")


def wait_until(page, predicate: str, arg=None, timeout: float = 20000):
    """Waits until the JavaScript function `predicate` returns true for `arg`,
    checking once a frame, as page.wait_for_function does. That one polls from
    inside the page, where an expression is evaluated as a string, which the
    site's policy (no 'unsafe-eval') forbids; page.evaluate comes through the
    browser's debugging protocol, outside the policy."""
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(predicate, arg):
        if time.monotonic() > deadline:
            raise TimeoutError(f"not true within {timeout:.0f} ms: {predicate}")
        page.evaluate("() => new Promise(requestAnimationFrame)")


def read_result(page) -> dict:
    """The result as the page shows it."""
    return page.evaluate(
        """() => {
            const result = document.getElementById("checker-result");
            return {
                verdict: result.getAttribute("data-verdict"),
                rows: [...result.querySelectorAll("[data-requirement]")].map(row => ({
                    id: row.getAttribute("data-requirement"),
                    status: row.getAttribute("data-status"),
                    status_text: row.querySelector(".sc-row-status").textContent,
                    message: row.querySelector(".sc-row-message").textContent,
                })),
            };
        }"""
    )


def in_action_order(rows: list) -> list:
    """A report's rows in the order the page shows them (DESIGN.md, "The self-check page"): not met,
    to check, not answered, met; each status in catalogue order."""
    return [row for status in ACTION_ORDER for row in rows if row["status"] == status]


def wait_for_report(page, report: dict, timeout: float = 10000):
    """Waits until the page shows exactly `report` (a checker.assess() result):
    its verdict, and every row's data-status and message, in the order of what to do."""
    expected = {
        "verdict": report["verdict"],
        "rows": [{"id": row["id"], "status": row["status"], "message": row["message"]}
                 for row in in_action_order(report["requirements"])],
    }
    try:
        wait_until(
            page,
            """(expected) => {
                const result = document.getElementById("checker-result");
                if (result.getAttribute("data-verdict") !== expected.verdict) return false;
                const rows = [...result.querySelectorAll("[data-requirement]")];
                if (rows.length !== expected.rows.length) return false;
                return expected.rows.every((want, i) =>
                    rows[i].getAttribute("data-requirement") === want.id
                    && rows[i].getAttribute("data-status") === want.status
                    && rows[i].querySelector(".sc-row-message").textContent === want.message);
            }""",
            arg=expected,
            timeout=timeout,
        )
    except Exception:
        shown = read_result(page)
        actual = {"verdict": shown["verdict"],
                  "rows": [{k: row[k] for k in ("id", "status", "message")} for row in shown["rows"]]}
        assert actual == expected  # pytest shows the difference
        raise


def form_state(page) -> dict:
    """Every answer as the form holds it now (radios: the checked value)."""
    return page.evaluate(
        """(questions) => {
            const form = document.getElementById("self-check");
            const state = {};
            for (const [key, radios] of questions) {
                if (radios) {
                    const checked = form.querySelector(`input[name="${key}"]:checked`);
                    state[key] = checked ? checked.value : "";
                } else {
                    state[key] = form.elements.namedItem(key).value;
                }
            }
            return state;
        }""",
        [[q.key, q.kind in (BOOL, CHOICE)] for q in QUESTIONS],
    )


def focus_style(page) -> dict:
    """The focused element and whether its focus is drawn (outline or box-shadow)."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
            const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
            return {tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute("name"),
                    value: el.value === undefined ? null : el.value,
                    outline: style.outlineStyle + " " + style.outlineWidth, shadow: style.boxShadow,
                    visible: outline || shadow};
        }"""
    )
