"""Answers kept in this browser, one entry per question: brought back when the
page starts, and saved as each one changes.

Decisions of this guide's own (DESIGN.md leaves them open):
- Only answers the checker can use are kept. A wrong or over-long answer stays
  in the form, whole, with a note beside it that it is not kept, and its entry
  is removed: a later visit never brings back an older answer instead. The
  same when storage is full.
- At start, storage decides what the form shows, except for answers the
  visitor typed before Python was ready (boot.js marks them). So the browser's
  own restoring of a page cannot bring back answers forgotten since.
"""

from .. import element_ids as ids
from ..questions import QUESTIONS
from .page import set_text
from .saved import FORGOTTEN, OLD_ENTRY, checked, entry_name, old_answers, other_entries, to_keep


class Keeper:
    def __init__(self, page, store, form, errors):
        self.page = page
        self.store = store
        self.form = form
        self.errors = errors
        self.notice = page.by_id(ids.ANSWERS_NOTICE)
        self.notices = []  # what the notice says: (text, whether a link's news)

    def restore(self):
        """The kept answers into the form, each checked first; what cannot be
        used is removed and named in the notice above the form: a question's
        answer, or one to a question this version no longer has. An answer
        kept under a question's earlier key is read under its new one."""
        if not self.store.available:
            self.add_notice(self.page.text("storage_blocked"))
            return
        self.store.get(FORGOTTEN)  # a forget from before this page opened is not news here
        unusable = []
        old_unreadable = self.take_old_entry(unusable)
        unusable += self.take_other_entries()
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
            others = sorted([key for key in unusable if key not in ordered])
            self.add_notice(self.page.text("restore_skipped", questions=self.page.labels(ordered + others)))

    def take_other_entries(self):
        """Moves answers kept under a question's earlier key to its key (where
        none is kept yet) and removes those to questions gone; their keys."""
        renamed, unknown = other_entries(self.store.names())
        for name, key in renamed:
            value = self.store.get(name)
            if self.store.get(entry_name(key)) is None and value is not None:
                self.store.set(entry_name(key), value)
            self.store.remove(name)
        for key in unknown:
            self.store.remove(entry_name(key))
        return unknown

    def take_old_entry(self, unusable):
        """Moves the first version's single entry into one entry per question,
        where none is kept yet; True when it could not be read."""
        text = self.store.get(OLD_ENTRY)
        if text is None:
            return False
        read = old_answers(text)
        self.store.remove(OLD_ENTRY)
        if read is None:
            return True
        answers, unknown = read
        unusable += unknown
        for key in answers:
            if self.store.get(entry_name(key)) is not None:
                continue  # kept since, so newer
            value, usable = checked(key, answers[key])
            if not usable:
                unusable.append(key)
            elif value:
                self.store.set(entry_name(key), value)
        return False

    def keep(self, key, value):
        """Saves one answer, and says beside it when it is not kept. False when
        this browser does not keep it (no storage, full, or an unusable answer)."""
        if not self.store.available:
            return False  # said once, above the form
        stored, unusable = to_keep(key, value)
        if stored is None:
            self.store.remove(entry_name(key))
            self.errors.not_kept(key, "not_kept_unusable" if unusable else None)
            return not unusable
        if self.store.set(entry_name(key), stored):
            self.errors.not_kept(key, None)
            return True
        self.errors.not_kept(key, "not_kept_full")
        return False

    def add_notice(self, text, from_link=False):
        """Says above the form what became of the kept answers (or of a link's).
        A link's news replaces that of a link opened before it in this tab,
        which would otherwise contradict it."""
        if from_link:
            self.notices = [notice for notice in self.notices if not notice[1]]
        self.notices.append((text, from_link))
        set_text(self.notice, " ".join(notice[0] for notice in self.notices))
        self.notice.hidden = False

    def clear_notices(self):
        self.notices = []
        set_text(self.notice, "")
        self.notice.hidden = True
        for question in QUESTIONS:
            self.errors.not_kept(question.key, None)
