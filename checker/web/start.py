"""Starts the self-check page, in steps. The page's script runs
`import checker.web.start` in a task after PyScript's own start-up; that import
brings in the checker itself. Then, each in a task of its own, the parts are
imported, and in one last step they are made, the kept answers come back, a
link's answers are taken, the events are wired and the form is marked ready.

Why in steps: on a phone each step is a long task of the one main thread, and
while it runs a visitor's tap or key waits; between steps the browser paints
and handles input (boot.js marks what the visitor types meanwhile). The last
step is one: nothing the visitor does may fall between reading the form and
listening to it. The steps follow each other through setTimeout, not through
`await`: a page whose Python had awaited at start was dropped from Chromium's
back/forward cache once another tab changed the answers."""

from pyscript import document, window
from pyscript.ffi import create_proxy

from .. import element_ids as ids
from ..questions import QUESTION_BY_KEY


def in_steps(*steps):
    """Runs the steps one after another, each in a task of its own."""
    waiting = list(steps)

    def run_next():
        waiting.pop(0)()
        if waiting:
            window.setTimeout(next_step, 0)

    next_step = create_proxy(run_next)
    window.setTimeout(next_step, 0)


# Importing compiles a module: these take the parts in three tasks of about the
# same length (40-50 ms each at phone speed), those the first result needs first.
def import_the_result_parts():
    from . import assessment, errors, form, page, result  # noqa: F401


def import_the_keeping_parts():
    from . import draft, keeping, saved, storage, tabs  # noqa: F401


def import_the_travel_parts():
    from . import incoming, portable, travel  # noqa: F401


def start():
    from .assessment import Assessment
    from .draft import Draft
    from .errors import ErrorsView
    from .form import Form
    from .incoming import Incoming
    from .keeping import Keeper
    from .page import Page, listen, set_text
    from .result import ResultView
    from .storage import Storage
    from .tabs import Tabs
    from .travel import Travel

    page = Page(document, window)
    form = Form(page)
    errors = ErrorsView(page)
    result = ResultView(page)
    draft = Draft(page, errors)
    check = Assessment(page, form, result, errors)
    store = Storage(window)
    keeper = Keeper(page, store, form, errors)
    tabs = Tabs(page, store, form, errors, check, keeper)
    incoming = Incoming(page, check, keeper, tabs)
    travel = Travel(page, check, incoming)
    check.followers += [draft.follow, travel.follow]
    tabs.on_forget += [draft.close, travel.forget]

    keeper.restore()
    check.reread()
    check.refresh()  # what was just restored needs no saving
    travel.open_link()

    def answered(event):
        if event.target.name in QUESTION_BY_KEY and tabs.answered(event.target.name):
            incoming.end_undo()  # a new answer: the file's or link's undo would take it away
            result.announce_later()

    def left_field(event):
        if event.target.name in QUESTION_BY_KEY:
            tabs.left_field(event.target.name)
            errors.left_field(event.target.name)

    def came_back(event):
        if event.persisted:  # from the back/forward cache, where no storage event was heard
            tabs.sync()

    def follow_field_link(event):
        """Links to a field (error summary, "go to the question") move focus to
        the field itself, not just scroll."""
        target = event.target.closest('a[href^="#' + ids.FIELD_PREFIX + '"]')
        if target:
            event.preventDefault()
            field = page.by_id(target.getAttribute("href")[1:])
            if field:
                field.focus()

    def make_email(event):
        draft.make(check.answers)

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

    listen(page.form, "input", answered)
    listen(page.form, "change", answered)
    listen(page.form, "focusout", left_field)
    listen(errors.summary, "click", follow_field_link)
    listen(page.find(".sc-peek a", page.form), "click", see_result)
    result.when_quiet.append(errors.announce_new)
    listen(result.section, "click", follow_field_link)
    for element_id, handler in ((ids.MAKE_EMAIL, make_email), (ids.COPY_EMAIL, draft.copy), (ids.PRINT_RESULT, print_result),
                                (ids.FORGET_ANSWERS, tabs.forget), (ids.UNDO_FORGET, tabs.undo_forget),
                                (ids.EXPORT_ANSWERS, travel.export), (ids.SHARE_ANSWERS, travel.share),
                                (ids.COPY_SHARE_LINK, travel.copy_link), (ids.INCOMING_USE, incoming.use),
                                (ids.INCOMING_KEEP, incoming.keep_mine), (ids.UNDO_FILE, incoming.undo_fill),
                                (ids.UNDO_LINK, incoming.undo_fill)):
        listen(page.by_id(element_id), "click", handler)
    listen(travel.file_input, "change", travel.file_chosen)
    for radio in document.querySelectorAll('input[name="email-language"]'):
        listen(radio, "change", draft.choose_language)
    # Through defaultView: MicroPython's `window` proxy calls addEventListener on the
    # wrong object ("Illegal invocation").
    for kind, handler in (("storage", tabs.storage_changed), ("pageshow", came_back),
                          ("hashchange", travel.open_link), ("beforeprint", result.before_print),
                          ("afterprint", result.after_print)):
        listen(document.defaultView, kind, handler)
    for hidden_until_ready in document.querySelectorAll("[data-needs-python]"):
        hidden_until_ready.hidden = False
    set_text(page.by_id(ids.STATUS), "")
    page.form.setAttribute("data-state", "ready")


in_steps(import_the_result_parts, import_the_keeping_parts, import_the_travel_parts, start)
