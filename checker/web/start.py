"""Starts the self-check page, in steps. The page's script runs
`import checker.web.start` in a task after PyScript's own start-up; that import
brings in the questions (the package imports the rest when first asked,
checker/__init__.py). Then, each in a task of its own, the rules and the parts
the first result needs are imported, the page's texts are read, the parts are
made, the kept answers come back and the events are wired, and in a last step
the result is shown, a link's answers are taken and the form is marked ready.
The e-mail draft, files and links are imported when first used (or at start,
for a link's answers).

Why in steps: on a phone a task over 50 ms is a long one, and while it runs a
visitor's tap or key waits; between steps the browser paints and handles input
(boot.js marks what the visitor types meanwhile). Each step stays under that at
phone speed. Restoring and wiring are one step: nothing the visitor does may
fall between reading the form and listening to it.

The steps follow each other through boot.js's selfCheckNextTask, a message to
the page itself. Not through `await`: a page whose Python had awaited at start
was dropped from Chromium's back/forward cache once another tab changed the
answers. Not through timers: timers nested five deep wait 4 ms each, and
Lighthouse's simulation ties any task that sets a timer from Python to the
download of the runtime's .wasm (its frames are in the call stack) and places
the task after it, where it places PyScript's own start-up, untied, earlier; a
message it does not tie, so the start is simulated as a bare script's is."""

from pyscript import document, window
from pyscript.ffi import create_proxy

from .. import element_ids as ids
from ..i18n import LANGUAGES, catalog
from ..questions import QUESTION_BY_KEY

EMAIL_LANGUAGE_RADIOS = [ids.email_language_id(lang) for lang in LANGUAGES]


def mark(step):
    """A User Timing mark: scripts/bench_start.py reads where the start's time goes."""
    window.performance.mark("self-check:" + step)


mark("checker-imported")


def in_steps(*steps):
    """Runs the steps one after another, each in a task of its own; a step that
    returns a function has it run as the next step."""
    waiting = list(steps)

    def run_next():
        following = waiting.pop(0)()
        if following is not None:
            waiting.insert(0, following)
        if waiting:
            window.selfCheckNextTask(next_step)

    next_step = create_proxy(run_next)
    window.selfCheckNextTask(next_step)


# The parts the first result needs, imported in four tasks, and the page's texts
# read in a fifth (each short at phone speed: a task over 50 ms there counts as
# blocking); what a visitor may use later (the e-mail draft, files and links) is
# imported when first used (Later).
def import_the_rules():
    from .. import rules  # noqa: F401  (with the patterns and the programme's figures)


def import_the_assessment():
    from . import assessment  # noqa: F401  (with the report, the parsing and the field errors)


def import_the_views():
    from . import errors, form, page, result  # noqa: F401


def import_the_keeping_parts():
    from . import keeping, saved, storage, tabs  # noqa: F401
    mark("parts-imported")


def read_the_page_texts():
    """The page's catalog (the Swedish one is 47 KB of JSON), read before the parts
    that translate are made."""
    catalog(document.getElementById(ids.FORM).getAttribute("data-lang"))


class Later:
    """A part made, its code imported, the first time it is used: the page goes
    live without it. Calling it gives the part; the first call makes it, in the
    same task as the click or change that asked, so nothing the visitor does is
    lost meanwhile. A part that cannot be made calls `failed` (which tells the
    visitor) and stands in as Unavailable: the rest of the page goes on working."""

    def __init__(self, make, failed):
        self.make = make
        self.failed = failed
        self.part = None

    def __call__(self):
        if self.part is None:
            try:
                self.part = self.make()
            except Exception as error:  # a bug or a broken file: said, not left silent
                self.failed(error)
                return Unavailable()
        return self.part

    def made(self):
        return self.part is not None


class Unavailable:
    """A part that could not be made: whatever is asked of it does nothing."""

    def __getattr__(self, name):
        return lambda *args: None


def make_the_parts():
    """Makes the parts the first result needs; returns the next step, which sets them
    going (and returns the last)."""
    from .assessment import Assessment
    from .errors import ErrorsView
    from .form import Form
    from .keeping import Keeper
    from .page import Page, listen, set_text
    from .result import ResultView
    from .storage import Storage
    from .tabs import Tabs

    page = Page(document, window)
    form = Form(page)
    errors = ErrorsView(page)
    result = ResultView(page)
    check = Assessment(page, form, result, errors)
    store = Storage(window)
    keeper = Keeper(page, store, form, errors)
    tabs = Tabs(page, store, form, errors, check, keeper)

    def make_draft():
        from .draft import Draft
        made = Draft(page, errors, check)
        check.followers.append(made.follow)
        tabs.on_forget.append(made.close)
        return made

    def make_incoming():
        from .incoming import Incoming
        return Incoming(page, check, keeper, tabs)

    def make_travel():
        from .travel import Travel
        made = Travel(page, check, incoming())
        check.followers.append(made.follow)
        tabs.on_forget.append(made.forget)
        return made

    status = page.by_id(ids.STATUS)

    def part_failed(error):
        window.console.error("self-check: a part could not start: " + repr(error))
        status.classList.add("sc-status--error")
        set_text(status, page.text("part_failed"))

    draft, incoming, travel = (Later(make, part_failed) for make in (make_draft, make_incoming, make_travel))
    mark("made")

    def restore_and_listen():
        """Restores the answers and wires the events: one task, so nothing the visitor
        does falls between reading the form and listening to it. Returns the last step."""

        keeper.restore()
        check.reread()

        def answered(event):
            if event.target.name in QUESTION_BY_KEY and tabs.answered(event.target.name):
                result.announce_later()

        def changed(event):
            if page.form.contains(event.target):
                answered(event)
            elif event.target.id == ids.IMPORT_ANSWERS:
                travel().file_chosen(event)
            elif event.target.id in EMAIL_LANGUAGE_RADIOS:
                draft().choose_language(event)

        def left_field(event):
            if event.target.name in QUESTION_BY_KEY:
                tabs.left_field(event.target.name)
                errors.left_field(event.target.name)

        def came_back(event):
            if event.persisted:  # from the back/forward cache, where no storage event was heard
                tabs.sync()

        def print_result(event):
            if not errors.take_focus():
                window.print()

        def see_result(event):
            """The bar's link leads to the error summary while answers are wrong, else to
            the result's heading, focused, so a screen reader goes on from there."""
            event.preventDefault()
            if not errors.take_focus():
                # The address as the link would leave it; followed, it would take focus away.
                window.history.pushState(None, "", "#" + ids.RESULT)
                result.heading.focus()

        buttons = {
            ids.MAKE_EMAIL: lambda event: draft().make(event),
            ids.COPY_EMAIL: lambda event: draft().copy(event),
            ids.PRINT_RESULT: print_result,
            ids.FORGET_ANSWERS: tabs.forget,
            ids.UNDO_FORGET: tabs.undo_forget,
            ids.EXPORT_ANSWERS: lambda event: travel().export(event),
            ids.SHARE_ANSWERS: lambda event: travel().share(event),
            ids.COPY_SHARE_LINK: lambda event: travel().copy_link(event),
            ids.INCOMING_USE: lambda event: incoming().use(event),
            ids.INCOMING_KEEP: lambda event: incoming().keep_mine(event),
            ids.UNDO_FILE: lambda event: incoming().undo_fill(event),
            ids.UNDO_LINK: lambda event: incoming().undo_fill(event),
        }

        def clicked(event):
            """One listener for the page's buttons, the bar's link to the result, and
            links to a field (error summary, "go to the question"), which move focus to
            the field itself, not just scroll."""
            if event.target.closest(".sc-peek a"):
                see_result(event)
                return
            field_link = event.target.closest('a[href^="#' + ids.FIELD_PREFIX + '"]')
            if field_link:
                event.preventDefault()
                field = page.by_id(field_link.getAttribute("href")[1:])
                if field:
                    field.focus()
                return
            button = event.target.closest("button[id]")
            if button and button.id in buttons:
                buttons[button.id](event)

        listen(page.form, "input", answered)
        listen(page.form, "focusout", left_field)
        result.when_quiet.append(errors.announce_new)
        # Through defaultView: MicroPython's `window` proxy calls addEventListener on the
        # wrong object ("Illegal invocation").
        for kind, handler in (("click", clicked), ("change", changed), ("storage", tabs.storage_changed),
                              ("pageshow", came_back), ("hashchange", lambda event: travel().open_link(event)),
                              ("beforeprint", result.before_print), ("afterprint", result.after_print)):
            listen(document.defaultView, kind, handler)
        mark("restored")
        return show_and_go_live

    def show_and_go_live():
        """Shows the result (an answer given since the last step has shown it already)
        and opens what needs Python; not once boot.js has said that Python stopped."""
        if page.form.getAttribute("data-state") != "loading":
            return
        check.refresh()  # what was just restored needs no saving
        set_text(status, "")  # before a link's answers: a part that fails there says so
        if window.location.hash:  # perhaps a share link's answers
            travel().open_link()
        for hidden_until_ready in document.querySelectorAll("[data-needs-python]"):
            hidden_until_ready.hidden = False
        page.form.setAttribute("data-state", "ready")
        mark("live")

    return restore_and_listen


in_steps(import_the_rules, import_the_assessment, import_the_views, import_the_keeping_parts, read_the_page_texts,
         make_the_parts)
