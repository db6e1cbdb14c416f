"""The answers on the page and their assessment. Whatever changes an answer
(the visitor, another tab, a file, a link, forget and undo) puts it here;
refresh() parses them, judges them and brings every view up to date; the parsed
answers and the report are kept for the views that need them too (the draft)."""

from ..field_errors import field_errors_of_parsed
from ..report import report_of
from ..validation import parse_answers


class Assessment:
    def __init__(self, page, form, result, errors):
        self.page = page
        self.form = form
        self.result = result
        self.errors = errors
        # Form values by question key, read from the form once and then kept up to
        # date one answer at a time: a long answer is not read again on every keystroke.
        self.answers = {}
        self.followers = []  # views that follow the answers once shown (the draft, the share link)
        # Answers put in at once (restored, a file, a link, undo, another tab), not typed:
        # their new errors are said at the next refresh, with no pause in typing to wait for.
        self.put_in = False
        self.values, self.invalid, self.report = {}, [], None  # as of the last refresh()

    def put(self, key, value):
        """Shows `value` in the form as the answer to `key`."""
        self.form.fill(key, value)
        self.answers[key] = value
        self.put_in = True

    def read(self, key):
        """Takes the answer to `key` from the form, as the visitor left it."""
        self.answers[key] = self.form.read(key)
        return self.answers[key]

    def reread(self):
        self.answers = self.form.read_all()
        self.put_in = True

    def refresh(self):
        self.form.word_for(self.answers.get("organisation_type") or None)
        self.values, found = parse_answers(self.answers)
        self.invalid = [error.field for error in found]
        self.report = report = report_of(self.values, found, self.page.lang)
        self.result.show(report, self.answers)
        self.errors.show(field_errors_of_parsed(report, self.values))  # parsed once, above
        if self.put_in:
            self.put_in = False
            self.errors.announce_new()
        for follow in self.followers:
            follow(self.answers)
