"""Answers arriving from a file or a share link. They fill the questions not
answered here; where both answer a question differently, nothing changes
until the visitor has seen both answers and chosen: answers already here are
never silently replaced. Answers that cannot be used are named, and never
stop the others. Once they are in, the message beside them names what
changed, and an undo puts the answers back as they were, until a new answer
is given (in any tab), the answers are forgotten, or other answers come in;
it puts back only what is still as the file or link left it."""

from .. import element_ids as ids
from ..questions import QUESTION_BY_KEY, QUESTIONS
from .page import set_text
from .portable import merge, shown_answer
from .saved import entry_name

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
        self.waiting = None  # (answers, FILE or LINK, what was not used) while the visitor chooses
        self.undo_buttons = {FILE: page.by_id(ids.UNDO_FILE), LINK: page.by_id(ids.UNDO_LINK)}
        # While its undo is offered: (the changed answers as they were, as the file or link left them, FILE or LINK).
        self.undo = None
        tabs.on_new_answers.append(self.end_undo)

    def arrived(self):
        """Another file or link: it replaces the choice and the undo the one before offered."""
        self.close()
        self.end_undo()

    def take(self, answers, source, not_used=""):
        """Answers from a file or link; `not_used` names those it brought that cannot be used."""
        if not answers and not_used:
            self.tell(source, self.page.text(source + "_wrong", problems=not_used))
            return
        merged, differing = merge(self.check.answers, answers)
        if differing:
            self.ask(answers, differing, source, not_used)
        else:
            self.fill(merged, source, not_used)

    def fill(self, merged, source, not_used=""):
        answers = self.check.answers
        changed = [question.key for question in QUESTIONS if merged.get(question.key, "") != answers.get(question.key, "")]
        unused = " " + self.page.text("not_used", problems=not_used) if not_used else ""
        if not changed:
            self.tell(source, self.page.text("nothing_new") + unused)
            return
        # Named only where there were answers before: into an empty form, everything came from the file or link.
        named = " " + self.page.text("changed", questions=self.page.labels(changed)) if any(answers.values()) else ""
        brought = {key: merged[key] for key in changed}
        self.undo = ({key: answers.get(key, "") for key in changed}, brought, source)
        all_kept = self.put_in(brought)
        self.tabs.end_undo()
        # Said as it is: without storage, or with it full, the answers are in the form only.
        filled = source + "_filled" if all_kept else source + "_filled_not_kept"
        self.tell(source, self.page.text(filled) + named + unused)
        self.undo_buttons[source].hidden = False

    def put_in(self, answers):
        """Puts the answers in the form and keeps them; whether every one was kept."""
        all_kept = True
        for key in answers:
            self.check.put(key, answers[key])
            all_kept = self.keeper.keep(key, answers[key]) and all_kept
        self.check.refresh()
        return all_kept

    def undo_fill(self, event=None):
        if self.undo is None:
            return
        before, brought, source = self.undo
        self.end_undo()
        # Only what is still as the file or link left it, here and in storage: never a newer answer.
        changed_since = [key for key in before if self.check.answers.get(key, "") != brought[key]
                         or self.keeper.store.changed_elsewhere(entry_name(key))]
        self.put_in({key: before[key] for key in before if key not in changed_since})
        if changed_since:
            ordered = [question.key for question in QUESTIONS if question.key in changed_since]
            self.tell(source, self.page.text("incoming_undone_but", questions=self.page.labels(ordered)))
        else:
            self.tell(source, self.page.text("incoming_undone"))
        self.refocus(source)  # the undo button it was on is gone

    def end_undo(self):
        self.undo = None
        for button in self.undo_buttons.values():
            button.hidden = True

    def tell(self, source, text):
        """A link's news goes above the form, where its visitor arrives, and
        focus with it (as GOV.UK's success banner), unless they are typing in
        the form; a file's beside its control, where focus is."""
        if source == LINK:
            self.keeper.add_notice(text, from_link=True)
            if not self.page.form.contains(self.page.document.activeElement):
                self.keeper.notice.focus()
        else:
            set_text(self.file_status, text)

    def ask(self, answers, differing, source, not_used):
        """Shows where the incoming answers differ from the ones here, and waits."""
        self.waiting = (answers, source, not_used)
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
        # Its heading first: focus alone centres a panel taller than a phone's screen, heading off-screen.
        self.panel.scrollIntoView(True)

    def use(self, event=None):
        answers, source, not_used = self.waiting
        self.close()
        # Merged again: the visitor may have changed an answer while choosing.
        self.fill(merge(self.check.answers, answers)[0], source, not_used)
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

    def forget(self):
        """The answers were forgotten: no file's or link's choice or undo stays open."""
        self.close()
        self.end_undo()
