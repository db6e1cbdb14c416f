"""The application e-mail draft: made on request, then following the answers,
with a warning while the verdict is not ready, what to do with its markers, a
copy button and a mailto: link. It starts in the language the page advises
writing to Apple in, and the visitor may choose the other: the page ships only its
own catalog, so another is fetched the first time it is chosen."""

from pyscript.ffi import create_proxy

from .. import element_ids as ids
from ..application import ADVISED_LANGUAGE, draft_for
from ..i18n import add_catalog, has_catalog
from .page import kept_proxy, set_text


class Draft:
    def __init__(self, page, errors, check):
        self.page = page
        self.errors = errors
        self.check = check  # its answers, parsed and judged already: the draft does not do it again
        self.section = page.by_id(ids.EMAIL_DRAFT)
        self.body = page.by_id(ids.EMAIL_BODY)
        self.printed = page.find(".sc-email-printed", self.section)
        self.copied = page.by_id(ids.EMAIL_COPIED)
        self.language_status = page.by_id(ids.EMAIL_LANGUAGE_STATUS)
        self.lang = ADVISED_LANGUAGE  # the e-mail's, as the page advises; the texts around it stay in the page's
        self.copied_proxy = create_proxy(self.copy_done)
        self.failed_proxy = create_proxy(self.copy_failed)

    def show(self):
        check = self.check
        draft = draft_for(check.values, check.invalid, check.report, self.lang)
        set_text(self.page.by_id(ids.EMAIL_TO), draft["to"])
        set_text(self.page.by_id(ids.EMAIL_SUBJECT), draft["subject"])
        if self.body.value != draft["body"]:
            self.body.value = draft["body"]
            set_text(self.printed, draft["body"])
        self.page.by_id(ids.EMAIL_MAILTO).href = draft["mailto"]
        warning = self.page.by_id(ids.EMAIL_WARNING)
        warning.setAttribute("data-warning-for", draft["verdict"])  # its colour: the verdict's, not always red
        self.show_note(warning, self.page.by_id(ids.EMAIL_WARNING_TEXT), draft["warning"])
        to_do = self.page.by_id(ids.EMAIL_TO_DO)
        self.show_note(to_do, to_do, draft["to_do"])

    @staticmethod
    def show_note(box, text_node, text):
        box.hidden = text is None
        set_text(text_node, text or "")

    def follow(self, answers):
        """Once made, the draft follows the answers, and "Copied." no longer holds."""
        if not self.section.hidden:
            self.show()
        set_text(self.copied, "")

    def make(self, event=None):
        self.show()
        set_text(self.copied, "")
        self.section.hidden = False
        if not self.errors.take_focus():
            self.page.find("h2", self.section).focus()

    def close(self):
        self.section.hidden = True
        set_text(self.copied, "")

    def choose_language(self, event):
        lang = event.target.value
        set_text(self.language_status, "")
        if has_catalog(lang):
            self.write_in(lang)
            return
        url = self.language_status.getAttribute("data-catalogs") + lang + ".json"

        def loaded(response):
            if not response.ok:
                return failed()
            response.text().then(kept_proxy(catalog_read), kept_proxy(failed))

        def catalog_read(text):
            try:
                add_catalog(lang, text)
            except ValueError:  # not JSON: a broken download
                return failed()
            self.write_in(lang)

        def failed(*args):
            # Back to the language the e-mail is in, and say why.
            self.page.by_id(ids.email_language_id(self.lang)).checked = True
            set_text(self.language_status, self.page.text("email_language_failed"))

        self.page.window.fetch(url).then(kept_proxy(loaded), kept_proxy(failed))

    def write_in(self, lang):
        self.lang = lang
        self.show()
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
