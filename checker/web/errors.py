"""What is said about single answers: the error summary above the form (each
entry a link to its field), the message beside each wrong answer, and the
note beside an answer this browser could not keep."""

from .. import element_ids as ids
from ..questions import QUESTIONS
from .page import set_text


class ErrorsView:
    def __init__(self, page):
        self.page = page
        self.summary = page.by_id(ids.ERROR_SUMMARY)
        self.shown = []  # the page starts with no error shown

    def show(self, errors):
        # Rebuild only on a real change: leaving a field fires `change` between a click's
        # mousedown and click, and a replaced summary link would swallow that click.
        shown = [(error["field"], error["message"]) for error in errors]
        if shown == self.shown:
            return
        self.shown = shown
        by_field = {}
        for field, message in shown:
            if field not in by_field:
                by_field[field] = message
        links = self.page.find("ul", self.summary)
        links.replaceChildren()
        for question in QUESTIONS:
            message = by_field.get(question.key)
            note = self.page.by_id(ids.error_id(question.key))
            set_text(note, message or "")
            note.hidden = not message
            wrapper = self.page.by_id(ids.question_id(question.key))
            if message:
                wrapper.classList.add("sc-question--error")
                item = self.page.document.createElement("li")
                link = self.page.document.createElement("a")
                link.href = "#" + ids.field_id(question.key)
                link.textContent = self.page._(question.label) + ": " + message
                item.append(link)
                links.append(item)
            else:
                wrapper.classList.remove("sc-question--error")
            for control in self.page.form.querySelectorAll('[name="' + question.key + '"]'):
                if message:
                    control.setAttribute("aria-invalid", "true")
                else:
                    control.removeAttribute("aria-invalid")
        self.summary.hidden = not by_field

    def take_focus(self):
        """When the visitor acts while answers are wrong, lead them to the summary."""
        if self.shown:
            self.summary.focus()
            return True
        return False

    def not_kept(self, key, text_key=None):
        """Says beside the answer to `key` why this browser does not keep it
        (a page text key), or nothing."""
        note = self.page.by_id(ids.not_kept_id(key))
        set_text(note, self.page.text(text_key) if text_key else "")
        note.hidden = not text_key
