"""The answers across this browser's tabs: each change the visitor makes is
kept at once; "forget my answers" and its undo reach every open tab; and a tab
takes up what another one changed, as it happens (`storage` events) or when
it comes back from the back/forward cache, where it heard none.

A decision of this guide's own: another tab's change does not replace
the text the visitor is typing in here. It is taken up when they leave that
field, unless they typed on: then their answer is saved, and the other tabs
take it up.
"""

import time

from .. import element_ids as ids
from ..questions import QUESTIONS
from .page import set_text
from .saved import FORGOTTEN, checked, entry_name, is_kept_answers, question_key


class Tabs:
    def __init__(self, page, store, form, errors, check, keeper):
        self.page = page
        self.store = store
        self.form = form
        self.errors = errors
        self.check = check
        self.keeper = keeper
        self.forget_status = page.by_id(ids.FORGET_STATUS)
        self.undo_button = page.by_id(ids.UNDO_FORGET)
        self.undo = None  # the answers just forgotten, while their undo is offered
        self.pending = []  # questions another tab changed while the visitor typed in them here
        self.on_forget = []  # views that must forget too (the draft, the share link)
        self.on_new_answers = []  # undos a new answer ends, in this tab or another (a file's, a link's)

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
        self.keeper.keep(key, self.check.answers[key])
        self.end_undo()  # a new answer: the forgotten ones are gone for good, in every tab
        self.end_other_undos()
        self.check.refresh()
        return True

    def end_other_undos(self):
        """A new answer here or in another tab: no undo on offer may take it away."""
        for end in self.on_new_answers:
            end()

    # --- Forget and undo

    def forget(self, event=None):
        self.remember_for_undo()
        # The mark first: another tab takes its copy for the undo before the answers go.
        self.store.set(FORGOTTEN, str(time.time()))
        for question in QUESTIONS:
            self.store.remove(entry_name(question.key))
        # And whatever else the self-check keeps here: the first version's entry, a
        # later version's answers (a tab left open across an update of the site).
        for name in self.store.names():
            if is_kept_answers(name) and question_key(name) is None:
                self.store.remove(name)
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
        self.keeper.clear_notices()
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
            self.keeper.keep(key, answers[key])
        self.end_undo(said=self.page.text("undone"))  # else nothing near the button says so
        self.check.refresh()
        self.page.by_id(ids.FORGET_ANSWERS).focus()  # the undo button it was on is gone

    def end_undo(self, tell_others=True, said=""):
        """`said`: what the status says instead, written once (emptied first, a status
        would be heard twice)."""
        self.undo = None
        self.undo_button.hidden = True
        set_text(self.forget_status, said)
        # Also from a tab opened since the forget, which offers no undo itself: the
        # tabs that do would otherwise bring the old answers back over the new one.
        if tell_others and self.store.seen.get(FORGOTTEN) is not None:
            self.store.remove(FORGOTTEN)

    # --- What other tabs changed

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
        back/forward cache."""
        if keys is None:
            self.sync_forgotten()
            keys = [question.key for question in QUESTIONS]
        changed = False
        for key in keys:
            differs, raw = self.store.changed(entry_name(key))
            if not differs:
                continue
            self.end_other_undos()  # the forget's own undo ends by its mark, which another tab's answer removes
            if self.form.is_editing(key):
                if key not in self.pending:
                    self.pending.append(key)
                continue
            self.check.put(key, checked(key, raw)[0])
            self.errors.not_kept(key, None)  # kept there
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
