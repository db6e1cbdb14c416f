"""Answers arriving from a file or a share link. They fill the questions not
answered here; where both answer a question differently, nothing changes
until the visitor has seen both answers and chosen: answers already here are
never silently replaced."""

from .. import element_ids as ids
from ..questions import QUESTION_BY_KEY, QUESTIONS
from .page import set_text
from .portable import merge, shown_answer

FILE, LINK = "file", "link"


class Incoming:
    def __init__(self, page, check, keeper, tabs):
        self.page = page
        self.check = check
        self.keeper = keeper
        self.tabs = tabs
        self.panel = page.by_id(ids.INCOMING)
        self.file_status = page.by_id(ids.TRAVEL_STATUS)
        self.file_input = page.by_id(ids.IMPORT_ANSWERS)
        self.waiting = None  # (answers, FILE or LINK) while the visitor chooses

    def take(self, answers, source):
        merged, differing = merge(self.check.answers, answers)
        if differing:
            self.ask(answers, differing, source)
        else:
            self.fill(merged, source)

    def fill(self, merged, source):
        changed = [question.key for question in QUESTIONS
                   if merged.get(question.key, "") != self.check.answers.get(question.key, "")]
        all_kept = True
        for key in changed:
            self.check.put(key, merged[key])
            all_kept = self.keeper.keep(key, merged[key]) and all_kept
        if changed:
            self.tabs.end_undo()
            self.check.refresh()
        # Said as it is: without storage, or with it full, the answers are in the form only.
        filled = source + "_filled" if all_kept else source + "_filled_not_kept"
        self.tell(source, self.page.text(filled if changed else "nothing_new"))

    def tell(self, source, text):
        """A link's news goes above the form, where its visitor arrives; a file's beside its control."""
        if source == LINK:
            self.keeper.add_notice(text)
        else:
            set_text(self.file_status, text)

    def ask(self, answers, differing, source):
        """Shows where the incoming answers differ from the ones here, and waits."""
        self.waiting = (answers, source)
        _ = self.page._
        document = self.page.document
        set_text(self.page.by_id(ids.INCOMING_HEADING), self.page.text("incoming_heading_" + source))
        items = self.page.by_id(ids.INCOMING_QUESTIONS)
        items.replaceChildren()
        for key in differing:
            question = QUESTION_BY_KEY[key]
            item = document.createElement("li")
            label = document.createElement("strong")
            label.textContent = _(question.label)
            item.append(label)
            for text in (self.page.text("answer_here", answer=shown_answer(question, self.check.answers[key], _)),
                         self.page.text("answer_in_" + source, answer=shown_answer(question, answers[key], _))):
                line = document.createElement("span")
                line.textContent = text
                item.append(line)
            items.append(item)
        set_text(self.page.by_id(ids.INCOMING_USE), self.page.text("use_" + source))
        self.panel.hidden = False
        self.panel.focus()

    def use(self, event=None):
        answers, source = self.waiting
        self.close()
        # Merged again: the visitor may have changed an answer while choosing.
        self.fill(merge(self.check.answers, answers)[0], source)
        self.refocus(source)

    def keep_mine(self, event=None):
        source = self.waiting[1]
        self.close()
        self.tell(source, self.page.text("nothing_changed"))
        self.refocus(source)

    def refocus(self, source):
        # Back to where the visitor came from: the file control, or the notice that says what happened.
        (self.file_input if source == FILE else self.keeper.notice).focus()

    def close(self):
        self.waiting = None
        self.panel.hidden = True
