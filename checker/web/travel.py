"""Answers that travel with the visitor, never through a server: saved to a
file the command line reads, opened from such a file, and a share link whose
fragment carries them. Answers coming from a file or link never silently
replace answers already here: where both answer a question differently, the
visitor chooses."""

from pyscript.ffi import create_proxy, to_js

from ..questions import QUESTION_BY_KEY, QUESTIONS
from .page import set_text
from .portable import (FILE_NAME, LINK_MARK, MAX_FILE_BYTES, NOT_ANSWERS, NOT_JSON, file_text, link_fragment,
                       link_text, merge, portable, read_answers, shown_answer)

FILE, LINK = "file", "link"
# At most this many of a file's wrong answers are named.
NAMED_PROBLEMS = 5


class Travel:
    def __init__(self, page, check, keeper):
        self.page = page
        self.check = check
        self.keeper = keeper
        self.status = page.by_id("travel-status")
        self.file_input = page.by_id("import-answers")
        self.share_box = page.by_id("share-box")
        self.share_link = page.by_id("share-link")
        self.share_copied = page.by_id("share-copied")
        self.panel = page.by_id("incoming-answers")
        self.waiting = None  # (answers, FILE or LINK) while the visitor chooses
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
            window.URL.revokeObjectURL(self.download_url)  # the last download has long started
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
        # Never more than the limit is read, however big the file.
        part = files.item(0).slice(0, MAX_FILE_BYTES + 1)
        self.file_input.value = ""  # so that choosing the same file again is seen
        if part.size > MAX_FILE_BYTES:
            self.tell(self.page.text("file_too_big"))
            return
        part.text().then(self.file_read_proxy, self.file_failed_proxy)

    def file_read(self, text):
        answers, problem = read_answers(text)
        if problem:
            self.tell(self.problem_text(problem))
        else:
            self.take(answers, FILE)

    def file_failed(self, *args):
        self.tell(self.page.text("file_unreadable"))

    def problem_text(self, problem):
        if problem[0] == NOT_JSON:
            return self.page.text("file_not_json")
        if problem[0] == NOT_ANSWERS:
            return self.page.text("file_not_answers")
        named = []
        for error in problem[1][:NAMED_PROBLEMS]:
            message = self.page._(error.msgid, **error.params)
            question = QUESTION_BY_KEY.get(error.field)
            where = self.page._(question.label) if question else error.field
            named.append(where + ": " + message if where else message)
        return self.page.text("file_wrong", problems="; ".join(named))

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
        except Exception:  # no clipboard here
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
        self.close_panel()

    def open_link(self, event=None):
        """A link with answers in its fragment: at start, or pasted into this tab."""
        location = self.page.window.location
        fragment = location.hash
        if not isinstance(fragment, str) or not fragment.startswith("#" + LINK_MARK):
            return
        # Read once: off the address bar, so that a reload or a bookmark does not bring it back.
        self.page.window.history.replaceState(None, "", location.href.split("#")[0])
        text = link_text(fragment)
        answers, problem = read_answers(text) if text is not None else (None, (NOT_JSON,))
        if problem:
            self.keeper.add_notice(self.page.text("link_bad"))
        else:
            self.take(answers, LINK)

    # --- Answers from a file or link

    def take(self, answers, source):
        merged, differing = merge(self.check.answers, answers)
        if differing:
            self.ask(answers, differing, source)
        else:
            self.fill(merged, source)

    def fill(self, merged, source):
        changed = [question.key for question in QUESTIONS
                   if merged.get(question.key, "") != self.check.answers.get(question.key, "")]
        for key in changed:
            self.check.put(key, merged[key])
            self.keeper.keep(key, merged[key])
        if changed:
            self.keeper.end_undo()
            self.check.refresh()
        self.result(source, self.page.text(source + "_filled" if changed else "nothing_new"))

    def result(self, source, text):
        if source == LINK:
            self.keeper.add_notice(text)
        else:
            self.tell(text)

    def ask(self, answers, differing, source):
        """Shows where the incoming answers differ from the ones here, and waits."""
        self.waiting = (answers, source)
        _ = self.page._
        set_text(self.page.by_id("incoming-heading"), self.page.text("incoming_heading_" + source))
        items = self.page.by_id("incoming-questions")
        items.replaceChildren()
        for key in differing:
            question = QUESTION_BY_KEY[key]
            item = self.page.document.createElement("li")
            label = self.page.document.createElement("strong")
            label.textContent = _(question.label)
            item.append(label)
            for text in (self.page.text("answer_here", answer=shown_answer(question, self.check.answers[key], _)),
                         self.page.text("answer_in_" + source, answer=shown_answer(question, answers[key], _))):
                line = self.page.document.createElement("span")
                line.textContent = text
                item.append(line)
            items.append(item)
        set_text(self.page.by_id("incoming-use"), self.page.text("use_" + source))
        self.panel.hidden = False
        self.panel.focus()

    def use_incoming(self, event=None):
        answers, source = self.waiting
        self.close_panel()
        # Merged again: the visitor may have changed an answer while choosing.
        self.fill(merge(self.check.answers, answers)[0], source)
        self.refocus(source)

    def keep_mine(self, event=None):
        source = self.waiting[1]
        self.close_panel()
        self.result(source, self.page.text("nothing_changed"))
        self.refocus(source)

    def refocus(self, source):
        # Back to where the visitor came from: the file control, or the notice that says what happened.
        (self.file_input if source == FILE else self.keeper.notice).focus()

    def close_panel(self):
        self.waiting = None
        self.panel.hidden = True
