"""Answers kept in this browser, one entry per question: brought back when the
page starts, saved as each one changes, forgotten on request (with an undo),
and taken up from other tabs and after the back/forward cache.

Decisions, where the issue left them open:
- Only answers the checker can use are kept. A wrong or over-long answer stays
  in the form, whole, with a note beside it that it is not kept, and its entry
  is removed: a later visit never brings back an older answer instead.
- At start, storage decides what the form shows, except for answers the
  visitor typed before Python was ready (boot.js marks them). So the browser's
  own restoring of a page cannot bring back answers forgotten since.
- Another tab's change does not replace the text the visitor is typing in
  here; it is taken up when they leave that field, unless they typed on (then
  their answer is saved, and the other tabs take it up).
"""

import time

from ..questions import QUESTIONS
from .page import set_text
from .saved import FORGOTTEN, OLD_ENTRY, checked, entry_name, old_answers, question_key, to_keep


class Keeper:
    def __init__(self, page, store, form, errors, check):
        self.page = page
        self.store = store
        self.form = form
        self.errors = errors
        self.check = check
        self.notice = page.by_id("answers-notice")
        self.forget_status = page.by_id("forget-status")
        self.undo_button = page.by_id("undo-forget")
        self.undo = None  # the answers just forgotten, while their undo is offered
        self.pending = []  # questions another tab changed while the visitor typed in them here
        self.on_forget = []  # views that must forget too (the draft, the share link)

    # --- At start

    def restore(self):
        """The kept answers into the form, each checked first; what cannot be
        used is removed and named in the notice above the form."""
        if not self.store.available:
            self.add_notice(self.page.text("storage_blocked"))
            return
        self.store.get(FORGOTTEN)  # a forget from before this page opened is not news here
        unusable = []
        old_unreadable = self.take_old_entry(unusable)
        typed = self.form.typed_early()
        for question in QUESTIONS:
            key = question.key
            if key in typed:
                self.keep(key, self.form.read(key))
                continue
            value, usable = checked(key, self.store.get(entry_name(key)))
            if not usable:
                self.store.remove(entry_name(key))
                unusable.append(key)
            self.form.fill(key, value)
        if old_unreadable:
            self.add_notice(self.page.text("restore_old_unreadable"))
        if unusable:
            ordered = [question.key for question in QUESTIONS if question.key in unusable]
            self.add_notice(self.page.text("restore_skipped", questions=self.page.labels(ordered)))

    def take_old_entry(self, unusable):
        """Moves the first version's single entry into one entry per question,
        where none is kept yet; True when it could not be read."""
        text = self.store.get(OLD_ENTRY)
        if text is None:
            return False
        answers = old_answers(text)
        self.store.remove(OLD_ENTRY)
        if answers is None:
            return True
        for key in answers:
            if self.store.get(entry_name(key)) is not None:
                continue  # kept since, so newer
            value, usable = checked(key, answers[key])
            if not usable:
                unusable.append(key)
            elif value:
                self.store.set(entry_name(key), value)
        return False

    def add_notice(self, text):
        current = self.notice.textContent
        set_text(self.notice, current + " " + text if current else text)
        self.notice.hidden = False

    # --- As answers change

    def answered(self, key):
        """The visitor changed the answer to `key` in this tab: True when it is
        new. Leaving a field fires `change` for what its `input` events already
        brought: that is nothing new, and saving it again could undo another
        tab's answer."""
        before = self.check.answers.get(key)
        if self.check.read(key) == before:
            return False
        if key in self.pending:
            self.pending.remove(key)
        self.keep(key, self.check.answers[key])
        self.end_undo()  # a new answer: the forgotten ones are gone for good, in every tab
        self.check.refresh()
        return True

    def keep(self, key, value):
        """Saves one answer, and says beside it when it is not kept."""
        if not self.store.available:
            return
        stored, unusable = to_keep(key, value)
        if stored is None:
            self.store.remove(entry_name(key))
            self.errors.not_kept(key, "not_kept_unusable" if unusable else None)
        elif self.store.set(entry_name(key), stored):
            self.errors.not_kept(key, None)
        else:
            self.errors.not_kept(key, "not_kept_full")

    # --- Forget and undo

    def forget(self, event=None):
        self.remember_for_undo()
        # The mark first: another tab takes its copy for the undo before the answers go.
        self.store.set(FORGOTTEN, str(time.time()))
        for question in QUESTIONS:
            self.store.remove(entry_name(question.key))
        self.store.remove(OLD_ENTRY)
        self.clear()
        self.offer_undo()

    def forgotten_elsewhere(self):
        """Another tab forgot the answers (or the browser's data was cleared):
        forget them here too, or this tab would save them again; same undo."""
        self.remember_for_undo()
        self.clear()
        self.offer_undo()

    def remember_for_undo(self):
        # While an undo is offered nothing was answered since: keep the first copy.
        if self.undo is None:
            self.undo = dict(self.check.answers)

    def clear(self):
        self.form.clear()
        self.check.reread()
        self.pending = []
        for question in QUESTIONS:
            self.errors.not_kept(question.key, None)
        set_text(self.notice, "")
        self.notice.hidden = True
        for forget in self.on_forget:
            forget()
        self.check.refresh()

    def offer_undo(self):
        set_text(self.forget_status, self.page.text("forgotten"))
        self.undo_button.hidden = not [value for value in self.undo.values() if value]

    def undo_forget(self, event=None):
        answers = self.undo
        if not answers:
            return
        for key in answers:
            self.check.put(key, answers[key])
            self.keep(key, answers[key])
        self.end_undo()
        self.check.refresh()
        self.page.by_id("forget-answers").focus()  # the undo button it was on is gone

    def end_undo(self, tell_others=True):
        offered = self.undo is not None
        self.undo = None
        self.undo_button.hidden = True
        set_text(self.forget_status, "")
        if offered and tell_others:
            self.store.remove(FORGOTTEN)

    # --- Other tabs, and the back/forward cache

    def storage_changed(self, event):
        """A `storage` event: another tab of this site changed an entry (or the
        browser's data was cleared: no key). Storage is read again rather than
        the event's newValue, which Pyodide gives as jsnull for a removed item."""
        name = event.key
        if not isinstance(name, str):
            for question in QUESTIONS:
                self.store.get(entry_name(question.key))
            self.store.get(FORGOTTEN)
            self.forgotten_elsewhere()
        elif name == FORGOTTEN:
            self.sync_forgotten()
        elif question_key(name):
            self.sync([question_key(name)])

    def sync(self, keys=None):
        """Takes up what changed in storage since this tab last read or wrote
        it: all of it (keys None) when the page comes back from the
        back/forward cache, where it heard no `storage` event."""
        if keys is None:
            self.sync_forgotten()
            keys = [question.key for question in QUESTIONS]
        changed = False
        for key in keys:
            differs, raw = self.store.changed(entry_name(key))
            if not differs:
                continue
            if self.form.is_editing(key):
                if key not in self.pending:
                    self.pending.append(key)
                continue
            self.check.put(key, checked(key, raw)[0])
            self.errors.not_kept(key, None)
            changed = True
        if changed:
            self.check.refresh()

    def sync_forgotten(self):
        differs, mark = self.store.changed(FORGOTTEN)
        if differs and mark is None:
            self.end_undo(tell_others=False)  # undone, or a new answer given, in another tab
        elif differs:
            self.forgotten_elsewhere()

    def left_field(self, key):
        """The visitor left a field another tab changed meanwhile: take that up now."""
        if key in self.pending:
            self.pending.remove(key)
            self.check.put(key, checked(key, self.store.get(entry_name(key)))[0])
            self.check.refresh()
