"""The answers on the page and their assessment. Whatever changes an answer
(the visitor, another tab, a file, a link, forget and undo) puts it here;
refresh() asks `assess()` and brings every view up to date."""

from ..report import assess


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

    def put(self, key, value):
        """Shows `value` in the form as the answer to `key`."""
        self.form.fill(key, value)
        self.answers[key] = value

    def read(self, key):
        """Takes the answer to `key` from the form, as the visitor left it."""
        self.answers[key] = self.form.read(key)
        return self.answers[key]

    def reread(self):
        self.answers = self.form.read_all()

    def refresh(self):
        self.form.word_for(self.answers.get("organisation_type") or None)
        report = assess(self.answers, self.page.lang)
        self.result.show(report, self.answers)
        self.errors.show(report["errors"])
        for follow in self.followers:
            follow(self.answers)
