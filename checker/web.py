"""Browser glue, imported by the page's PyScript script: the only module that touches the page.

The form and the result rows are in the static HTML (hooks/self_check_page.py);
this module reads the answers, asks `assess()` and writes the report back as
text, never as HTML, on every change.
"""

import json

from pyscript import document, window
from pyscript.ffi import create_proxy

from checker.application import draft_email
from checker.i18n import translator
from checker.page_texts import page_text
from checker.questions import BOOL, CHOICE, COUNT, QUESTIONS
from checker.report import STATUS_TEXTS, VERDICT_TEXTS, assess

STORAGE_KEY = "aasp-self-check:answers"
# A screen reader hears the result once typing pauses, not after every keystroke.
ANNOUNCE_AFTER_MS = 800
# The rows that decide a verdict, named under it.
DECISIVE_STATUS = {"not_eligible": "not_met", "needs_attention": "unclear"}

form = document.getElementById("self-check")
result = document.getElementById("checker-result")
summary = document.getElementById("error-summary")
status_line = document.getElementById("self-check-status")
email_section = document.getElementById("email-draft")
announcement = document.getElementById("result-announcement")
forget_status = document.getElementById("forget-status")
undo_button = document.getElementById("undo-forget")
lang = form.getAttribute("data-lang")
_ = translator(lang)
# The page starts with no error and no cause shown, so the first assessment rewrites neither.
# `undo`: the answers just forgotten, until the next change; `timer`: the pending announcement.
current = {"report": None, "errors": [], "causes": [], "undo": None, "timer": None}


def element(selector, root=document):
    return root.querySelector(selector)


def set_text(node, text):
    # Only real changes, so the live region announces what changed and nothing else.
    if node.textContent != text:
        node.textContent = text


def read_answers():
    answers = {}
    for question in QUESTIONS:
        if question.kind in (BOOL, CHOICE):
            checked = element('input[name="' + question.key + '"]:checked', form)
            answers[question.key] = checked.value if checked else ""
        else:
            field = form.elements.namedItem(question.key)
            # Text a number field cannot hold reads as "": pass something that fails validation.
            bad_number = question.kind == COUNT and field.validity.badInput
            answers[question.key] = "?" if bad_number else field.value
    return answers


def fill_in(answers):
    for question in QUESTIONS:
        value = answers.get(question.key)
        if not isinstance(value, str) or value in ("", "?"):
            continue
        if question.kind in (BOOL, CHOICE):
            radio = element('input[name="' + question.key + '"][value="' + value + '"]', form) \
                if '"' not in value else None
            if radio:
                radio.checked = True
        else:
            form.elements.namedItem(question.key).value = value


def show_report(report):
    verdict = report["verdict"]
    title, explanation = VERDICT_TEXTS[verdict]
    verdict_box = element(".sc-verdict", result)
    set_text(element(".sc-verdict-title", verdict_box), _(title))
    set_text(element(".sc-verdict-text", verdict_box), _(explanation))
    verdict_box.hidden = False
    show_causes(element(".sc-verdict-causes", verdict_box), report)
    for row in report["requirements"]:
        item = element('[data-requirement="' + row["id"] + '"]', result)
        status_text = STATUS_TEXTS[row["status"]]
        item.setAttribute("data-status", row["status"])
        set_text(element(".sc-row-status", item), _(status_text))
        set_text(element(".sc-row-message", item), row["message"])
        # To the question that decided the row.
        element(".sc-row-change", item).setAttribute("href", "#field-" + row["question"])
    show_tally(report, _(title))
    # Set last: tests and scripts wait on it as the sign that the rows are written.
    result.setAttribute("data-verdict", verdict)


def show_causes(causes, report):
    """Under the verdict, the requirements that decide it, each a link to its row."""
    status = DECISIVE_STATUS.get(report["verdict"])
    rows = [row for row in report["requirements"] if row["status"] == status]
    shown = [row["id"] for row in rows]
    if shown == current["causes"]:
        return
    current["causes"] = shown
    causes.replaceChildren()
    causes.hidden = not rows
    if rows:
        causes.append(_(STATUS_TEXTS[status]) + ": ")
    for index, row in enumerate(rows):
        if index:
            causes.append(", ")
        link = document.createElement("a")
        link.href = "#result-" + row["id"]
        link.textContent = row["title"]
        causes.append(link)


def announce(*args):
    current["timer"] = None
    title, _explanation = VERDICT_TEXTS[current["report"]["verdict"]]
    set_text(announcement, _(title) + ". " + element(".sc-peek-tally", form).textContent)


announce_proxy = create_proxy(announce)


def announce_later():
    if current["timer"] is not None:
        window.clearTimeout(current["timer"])
    current["timer"] = window.setTimeout(announce_proxy, ANNOUNCE_AFTER_MS)


def show_tally(report, verdict_title):
    counts = {"met": 0, "not_met": 0, "unclear": 0, "unanswered": 0}
    for row in report["requirements"]:
        counts[row["status"]] += 1
    peek = element(".sc-peek", form)
    peek.setAttribute("data-peek-verdict", report["verdict"])  # not data-verdict: that is the result's
    set_text(element(".sc-peek-verdict", peek), verdict_title)
    set_text(element(".sc-peek-tally", peek), page_text(_, "tally", **counts))


def show_errors(errors):
    # Rebuild only on a real change: leaving a field fires `change` between a click's
    # mousedown and click, and a replaced summary link would swallow that click.
    shown = [(error["field"], error["message"]) for error in errors]
    if shown == current["errors"]:
        return
    current["errors"] = shown
    by_field = {}
    for field, message in shown:
        if field not in by_field:
            by_field[field] = message
    links = element("ul", summary)
    links.replaceChildren()
    for question in QUESTIONS:
        message = by_field.get(question.key)
        note = document.getElementById("error-" + question.key)
        set_text(note, message or "")
        note.hidden = not message
        wrapper = document.getElementById("question-" + question.key)
        if message:
            wrapper.classList.add("sc-question--error")
            item = document.createElement("li")
            link = document.createElement("a")
            link.href = "#field-" + question.key
            link.textContent = _(question.label) + ": " + message
            item.append(link)
            links.append(item)
        else:
            wrapper.classList.remove("sc-question--error")
        for control in form.querySelectorAll('[name="' + question.key + '"]'):
            if message:
                control.setAttribute("aria-invalid", "true")
            else:
                control.removeAttribute("aria-invalid")
    summary.hidden = not by_field


def save(answers):
    try:
        window.localStorage.setItem(STORAGE_KEY, json.dumps(answers))
    except Exception:
        pass  # storage blocked or full: the self-check still works, it just forgets


def restore():
    try:
        saved = window.localStorage.getItem(STORAGE_KEY)
        answers = json.loads(saved) if saved else {}
    except Exception:
        answers = {}
    if isinstance(answers, dict):
        fill_in(answers)


def show_assessment():
    answers = read_answers()
    report = assess(answers, lang)
    current["report"] = report
    show_report(report)
    show_errors(report["errors"])
    return answers


def reassess(event=None):
    answers = show_assessment()
    save(answers)
    if not email_section.hidden:
        show_draft(answers)  # the draft follows the answers once made
    set_text(element("#email-copied"), "")
    end_undo()
    announce_later()


def errors_take_focus():
    """When the visitor acts while answers are wrong, lead them to the summary."""
    if current["report"]["errors"]:
        summary.focus()
        return True
    return False


def show_draft(answers):
    draft = draft_email(answers, lang)
    set_text(element("#email-to", email_section), draft["to"])
    set_text(element("#email-subject", email_section), draft["subject"])
    body = element("#email-body", email_section)
    if body.value != draft["body"]:
        body.value = draft["body"]
    element("#email-mailto", email_section).href = draft["mailto"]


def make_email(event):
    show_draft(read_answers())
    set_text(element("#email-copied"), "")
    email_section.hidden = False
    if not errors_take_focus():
        element("h2", email_section).focus()


def copy_email(event):
    body = element("#email-body")
    copied = element("#email-copied")

    def done(*args):
        set_text(copied, page_text(_, "copied"))

    def failed(*args):
        body.select()
        set_text(copied, page_text(_, "copy_failed"))

    text = page_text(_, "email_to") + ": " + element("#email-to").textContent + "\n" + \
        page_text(_, "email_subject") + ": " + element("#email-subject").textContent + "\n\n" + body.value
    try:
        window.navigator.clipboard.writeText(text).then(create_proxy(done), create_proxy(failed))
    except Exception:
        failed()


def print_result(event):
    if not errors_take_focus():
        window.print()


def clear_form():
    form.reset()
    email_section.hidden = True
    set_text(element("#email-copied"), "")
    show_assessment()


def forget(event):
    current["undo"] = read_answers()
    try:
        window.localStorage.removeItem(STORAGE_KEY)
    except Exception:
        pass
    clear_form()
    set_text(forget_status, page_text(_, "forgotten"))
    undo_button.hidden = False


def undo_forget(event):
    answers = current["undo"]
    if answers:
        fill_in(answers)
        reassess()  # saves them again and ends the undo
        document.getElementById("forget-answers").focus()  # the undo button it was on is gone


def end_undo():
    current["undo"] = None
    undo_button.hidden = True
    set_text(forget_status, "")


def forgotten_elsewhere(event):
    """Another tab of this site forgot the answers (or the browser's data was
    cleared): forget them here too, or this tab would save them again."""
    # A removed item (or a cleared storage) reads as null: None in MicroPython, but
    # pyodide.ffi.jsnull in Pyodide, so both are tested as "not a string".
    key, value = event.key, event.newValue
    if (key == STORAGE_KEY or not isinstance(key, str)) and not isinstance(value, str):
        end_undo()
        clear_form()
        set_text(forget_status, page_text(_, "forgotten"))


def follow_field_link(event):
    """Links to a field (error summary, "change your answer") move focus to the
    field itself, not just scroll."""
    target = event.target.closest('a[href^="#field-"]')
    if target:
        event.preventDefault()
        field = document.getElementById(target.getAttribute("href")[1:])
        if field:
            field.focus()


def listen(node, kind, handler):
    node.addEventListener(kind, create_proxy(handler))


def start():
    restore()
    show_assessment()  # what was just restored needs no saving
    listen(form, "input", reassess)
    listen(form, "change", reassess)
    listen(summary, "click", follow_field_link)
    listen(result, "click", follow_field_link)
    listen(document.getElementById("make-email"), "click", make_email)
    listen(document.getElementById("copy-email"), "click", copy_email)
    listen(document.getElementById("print-result"), "click", print_result)
    listen(document.getElementById("forget-answers"), "click", forget)
    listen(undo_button, "click", undo_forget)
    # Through defaultView: MicroPython's `window` proxy calls addEventListener on the
    # wrong object ("Illegal invocation").
    listen(document.defaultView, "storage", forgotten_elsewhere)
    for hidden_until_ready in document.querySelectorAll("[data-needs-python]"):
        hidden_until_ready.hidden = False
    set_text(status_line, "")
    form.setAttribute("data-state", "ready")


start()
