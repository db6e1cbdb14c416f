"""Answers that travel with the visitor, never through a server: saved to a
file the command line reads, opened from such a file, and a share link whose
fragment carries them. What a file or link brings goes to incoming.py."""

from pyscript.ffi import create_proxy, to_js

from .. import element_ids as ids
from ..questions import QUESTION_BY_KEY
from ..strict_json import described
from .incoming import FILE, LINK
from .page import set_text
from .portable import (FILE_NAME, MAX_FILE_BYTES, NOT_UTF8, file_text, is_answers_link, link_fragment, link_text,
                       portable, read_answers, read_file)

# At most this many of a file's wrong answers are named.
NAMED_PROBLEMS = 5


class Travel:
    def __init__(self, page, check, incoming):
        self.page = page
        self.check = check
        self.incoming = incoming
        self.status = page.by_id(ids.TRAVEL_STATUS)
        self.file_input = page.by_id(ids.IMPORT_ANSWERS)
        self.share_box = page.by_id(ids.SHARE_BOX)
        self.share_link = page.by_id(ids.SHARE_LINK)
        self.share_copied = page.by_id(ids.SHARE_COPIED)
        self.download_url = None
        self.file_read_proxy = create_proxy(self.file_read)
        self.file_failed_proxy = create_proxy(self.file_failed)
        self.link_copied_proxy = create_proxy(self.link_copied)
        self.link_not_copied_proxy = create_proxy(self.link_not_copied)

    def tell(self, text):
        set_text(self.status, text)

    def left_out(self, keys):
        return (" " + self.page.text("left_out", questions=self.page.labels(keys))) if keys else ""

    # --- Export

    def export(self, event=None):
        carried, left_out = portable(self.check.answers)
        window = self.page.window
        blob = window.Blob.new(to_js([file_text(carried)]), to_js({"type": "application/json"}))
        if self.download_url:
            window.URL.revokeObjectURL(self.download_url)  # that download has long started
        self.download_url = window.URL.createObjectURL(blob)
        link = self.page.document.createElement("a")
        link.href = self.download_url
        link.download = FILE_NAME
        link.click()
        self.tell(self.page.text("exported", file=FILE_NAME) + self.left_out(left_out))

    # --- Import

    def file_chosen(self, event=None):
        files = self.file_input.files
        if not files or not files.length:
            return
        # Emptied first: the same message again (the same bad file) is then seen and announced anew.
        self.tell("")
        self.incoming.arrived()
        # Never more than the limit is read, however big the file.
        part = files.item(0).slice(0, MAX_FILE_BYTES + 1)
        self.file_input.value = ""  # so that choosing the same file again is seen
        if part.size > MAX_FILE_BYTES:
            self.tell(self.page.text("file_too_big"))
            return
        part.text().then(self.file_read_proxy, self.file_failed_proxy)

    def file_read(self, text):
        answers, not_used, fault = read_file(text)
        if fault:
            self.tell(self.fault_text(fault))
        else:
            self.incoming.take(answers, FILE, self.problems(not_used))

    def file_failed(self, *args):
        self.tell(self.page.text("file_unreadable"))

    def fault_text(self, fault):
        if fault == NOT_UTF8:
            return self.page.text("file_not_utf8")
        return self.page.text("file_not_json", fault=described(self.page._, fault))

    def problems(self, errors):
        """The answers a file or link brought that cannot be used, each with
        why: a sentence, or "" for none."""
        named = []
        for error in errors[:NAMED_PROBLEMS]:
            message = self.page._(error.msgid, **error.params)
            question = QUESTION_BY_KEY.get(error.field)
            where = self.page._(question.label) if question else self.page.quoted(error.field) if error.field else ""
            # Each message is a sentence; after a question, "?: " and ".; " read badly.
            named.append(where + " – " + message if where else message)
        return " ".join(named)

    # --- The share link

    def share(self, event=None):
        self.share_box.hidden = False
        self.tell(self.show_link().strip())
        self.share_link.focus()
        self.share_link.select()

    def show_link(self):
        carried, left_out = portable(self.check.answers)
        link = self.page.window.location.href.split("#")[0] + "#" + link_fragment(carried)
        if self.share_link.value != link:
            self.share_link.value = link
        return self.left_out(left_out)

    def follow(self, answers):
        """Once shown, the link follows the answers."""
        if not self.share_box.hidden:
            self.show_link()
            set_text(self.share_copied, "")

    def copy_link(self, event=None):
        try:
            self.page.window.navigator.clipboard.writeText(self.share_link.value).then(
                self.link_copied_proxy, self.link_not_copied_proxy)
        except AttributeError:  # no clipboard on this page (not a secure origin)
            self.link_not_copied()

    def link_copied(self, *args):
        set_text(self.share_copied, self.page.text("copied"))

    def link_not_copied(self, *args):
        self.share_link.focus()
        self.share_link.select()
        set_text(self.share_copied, self.page.text("copy_link_failed"))

    def forget(self):
        """The answers were forgotten: so is the link that carried them."""
        self.share_box.hidden = True
        self.share_link.value = ""
        set_text(self.share_copied, "")
        self.tell("")
        self.incoming.forget()

    def open_link(self, event=None):
        """A link with answers in its fragment: at start, or pasted into this tab."""
        location = self.page.window.location
        fragment = location.hash
        if not is_answers_link(fragment):
            return
        self.incoming.arrived()
        # Read once: off the address bar, so that a reload or a bookmark does not bring it back.
        self.page.window.history.replaceState(None, "", location.href.split("#")[0])
        text = link_text(fragment)
        answers, not_used, fault = read_answers(text) if text is not None else (None, [], True)
        if fault:
            self.incoming.tell(LINK, self.page.text("link_bad"))
        else:
            self.incoming.take(answers, LINK, self.problems(not_used))
