"""Reading and filling the answers in the form, one question at a time, so
that a change costs the same however long the other answers are."""

from .. import element_ids as ids
from ..patterns import readable_email
from ..questions import BOOL, CHOICE, COUNT, QUESTION_BY_KEY, QUESTIONS

# What a number field reads as when it holds text the browser cannot read as a
# number (its value is then ""): something the checker rejects, not a blank.
UNREADABLE_NUMBER = "?"
# boot.js marks a control the visitor changed before Python was ready.
TYPED_EARLY = "data-typed"
# The questions worded for a kind of organisation (all asked with a <label>).
WORDED = [question for question in QUESTIONS if question.labels or question.hints]


class Form:
    def __init__(self, page):
        self.page = page
        self.form = page.form
        self.kind = None  # the kind of organisation the labels are worded for; None fits all

    def controls(self, key):
        return self.form.querySelectorAll('[name="' + key + '"]')

    def read(self, key):
        question = QUESTION_BY_KEY[key]
        if question.kind in (BOOL, CHOICE):
            checked = self.page.find('input[name="' + key + '"]:checked', self.form)
            return checked.value if checked else ""
        field = self.form.elements.namedItem(key)
        if question.kind == COUNT and field.validity.badInput:
            return UNREADABLE_NUMBER
        if question.input_type == "email":
            # As the visitor typed it: Chromium's e-mail field hands over a domain in punycode.
            return readable_email(field.value)
        return field.value

    def read_all(self):
        return {question.key: self.read(question.key) for question in QUESTIONS}

    def fill(self, key, value):
        """Shows `value` (a form value, "" for none) as the answer to `key`.
        Radios are compared, never looked up by a selector built from the value."""
        if QUESTION_BY_KEY[key].kind in (BOOL, CHOICE):
            for radio in self.controls(key):
                radio.checked = radio.value == value
        else:
            field = self.form.elements.namedItem(key)
            if field.value != value:
                field.value = value

    def word_for(self, kind):
        """Labels and hints worded for the kind of organisation answered (a company,
        an organisation, a university); until then, as built: words that fit all."""
        if kind == self.kind:
            return
        self.kind = kind
        _ = self.page._
        for question in WORDED:
            label = self.page.find('label[for="' + ids.field_id(question.key) + '"]', self.form)
            label.firstChild.nodeValue = _(question.label_for(kind))
            hint = self.page.by_id(ids.hint_id(question.key))
            if hint:
                hint.textContent = question.hint_in(_, kind)

    def clear(self):
        self.form.reset()

    def is_editing(self, key):
        """Whether the visitor is in the text field of `key` (radios are not typed in)."""
        return QUESTION_BY_KEY[key].kind not in (BOOL, CHOICE) \
            and bool(self.page.find('[name="' + key + '"]:focus', self.form))

    def typed_early(self):
        """The questions the visitor answered before Python was ready."""
        keys = []
        for control in self.form.querySelectorAll("[" + TYPED_EARLY + "]"):
            control.removeAttribute(TYPED_EARLY)
            if control.name in QUESTION_BY_KEY and control.name not in keys:
                keys.append(control.name)
        return keys
