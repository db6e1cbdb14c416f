"""The application e-mail draft: made on request, then following the answers,
with a copy button and a mailto: link."""

from pyscript.ffi import create_proxy

from .. import element_ids as ids
from ..application import draft_email
from .page import set_text


class Draft:
    def __init__(self, page, errors):
        self.page = page
        self.errors = errors
        self.section = page.by_id(ids.EMAIL_DRAFT)
        self.body = page.by_id(ids.EMAIL_BODY)
        self.copied = page.by_id(ids.EMAIL_COPIED)
        self.copied_proxy = create_proxy(self.copy_done)
        self.failed_proxy = create_proxy(self.copy_failed)

    def show(self, answers):
        draft = draft_email(answers, self.page.lang)
        set_text(self.page.by_id(ids.EMAIL_TO), draft["to"])
        set_text(self.page.by_id(ids.EMAIL_SUBJECT), draft["subject"])
        if self.body.value != draft["body"]:
            self.body.value = draft["body"]
        self.page.by_id(ids.EMAIL_MAILTO).href = draft["mailto"]

    def follow(self, answers):
        """Once made, the draft follows the answers, and "Copied." no longer holds."""
        if not self.section.hidden:
            self.show(answers)
        set_text(self.copied, "")

    def make(self, answers):
        self.show(answers)
        set_text(self.copied, "")
        self.section.hidden = False
        if not self.errors.take_focus():
            self.page.find("h2", self.section).focus()

    def close(self):
        self.section.hidden = True
        set_text(self.copied, "")

    def copy(self, event=None):
        text = self.page.text("email_to") + ": " + self.page.by_id(ids.EMAIL_TO).textContent + "\n" + \
            self.page.text("email_subject") + ": " + self.page.by_id(ids.EMAIL_SUBJECT).textContent + "\n\n" + self.body.value
        try:
            self.page.window.navigator.clipboard.writeText(text).then(self.copied_proxy, self.failed_proxy)
        except Exception:  # no clipboard here (an insecure origin, an old browser)
            self.copy_failed()

    def copy_done(self, *args):
        set_text(self.copied, self.page.text("copied"))

    def copy_failed(self, *args):
        self.body.select()
        set_text(self.copied, self.page.text("copy_failed"))
