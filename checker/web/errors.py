"""What is said about single answers: the error summary above the form (each
entry a link to its field), the message beside each wrong answer (opening with a
hidden "Error:" for a screen reader), what a screen reader hears of a new error,
and the note beside an answer this browser could not keep.

A screen reader hears each error once, when it happens: when typing pauses, or
on leaving the field if typing has not paused in between."""

from .. import element_ids as ids
from ..questions import QUESTION_BY_KEY, QUESTIONS
from .page import set_text


class ErrorsView:
    def __init__(self, page):
        self.page = page
        self.summary = page.by_id(ids.ERROR_SUMMARY)
        self.announcement = page.by_id(ids.ERROR_ANNOUNCEMENT)
        self.shown = []  # the page starts with no error shown
        self.by_field = {}  # the message shown at each field
        self.in_order = []  # (field, message) in question order (a MicroPython dict has none)
        self.heard = []  # the (field, message) a screen reader has been told

    def show(self, errors):
        """`errors`: checker/field_errors.py's, each {"field", "message"}."""
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
        self.by_field = by_field
        self.in_order = [(question.key, by_field[question.key]) for question in QUESTIONS if question.key in by_field]
        # An error corrected and made again is news again.
        self.heard = [pair for pair in self.heard if self.by_field.get(pair[0]) == pair[1]]
        if not self.by_field:
            set_text(self.announcement, "")
        links = self.page.find("ul", self.summary)
        links.replaceChildren()
        for question in QUESTIONS:
            message = self.by_field.get(question.key)
            self.show_note(question.key, message)
            wrapper = self.page.by_id(ids.question_id(question.key))
            if message:
                wrapper.classList.add("sc-question--error")
                item = self.page.document.createElement("li")
                link = self.page.document.createElement("a")
                link.href = "#" + ids.field_id(question.key)
                link.textContent = self.about(question.key, message)
                item.append(link)
                links.append(item)
            else:
                wrapper.classList.remove("sc-question--error")
            for control in self.page.form.querySelectorAll('[name="' + question.key + '"]'):
                if message:
                    control.setAttribute("aria-invalid", "true")
                else:
                    control.removeAttribute("aria-invalid")
        self.summary.hidden = not self.by_field

    def show_note(self, key, message):
        """The message under the field, after a hidden "Error:" (as GOV.UK's)."""
        note = self.page.by_id(ids.error_id(key))
        note.hidden = not message
        if not message:
            note.replaceChildren()
            return
        prefix_text = self.page.text("error_prefix") + " "
        if note.textContent == prefix_text + message:
            return
        prefix = self.page.document.createElement("span")
        prefix.className = "sc-visually-hidden"
        prefix.textContent = prefix_text
        note.replaceChildren(prefix, message)

    def about(self, key, message):
        """The question and its error as one sentence: "Phone number: use 7 to 15 digits"."""
        label = self.page._(QUESTION_BY_KEY[key].label)
        return label + (" " if label.endswith("?") else ": ") + message

    def announce_new(self):
        """Once typing pauses: the errors not heard yet, by count and by question."""
        new = [pair for pair in self.in_order if pair not in self.heard]
        if not new:
            return
        self.heard += new
        if len(new) == 1:
            self.say(self.page.text("error_prefix") + " " + self.about(*new[0]))
        else:
            self.say(self.page.text("errors_heard", count=len(new), questions=self.page.labels([key for key, _m in new])))

    def left_field(self, key):
        """On leaving a field: its error, unless it has been heard."""
        message = self.by_field.get(key)
        if message and (key, message) not in self.heard:
            self.heard.append((key, message))
            self.say(self.page.text("error_prefix") + " " + self.about(key, message))

    def say(self, text):
        set_text(self.announcement, text)

    def take_focus(self):
        """When the visitor acts while answers are wrong, lead them to the summary."""
        if self.by_field:
            self.summary.focus()
            return True
        return False

    def not_kept(self, key, text_key=None):
        """Says beside the answer to `key` why this browser does not keep it
        (a page text key), or nothing."""
        note = self.page.by_id(ids.not_kept_id(key))
        set_text(note, self.page.text(text_key) if text_key else "")
        note.hidden = not text_key
