"""Texts of the self-check page, shared by the build-time form renderer and
the browser glue (checker/web/), so both read from the same catalogs."""

from .i18n import N_

PAGE_TEXTS = {
    "optional": N_("(optional)"),
    "loading": N_("Loading the self-check…"),
    "load_failed": N_("The automatic assessment could not start in this browser. You can still use the questions as a checklist and compare your answers with the requirements."),
    "no_script": N_("The automatic assessment needs JavaScript. You can still use the questions as a checklist and compare your answers with the requirements."),
    "result_heading": N_("Your result"),
    "error_summary": N_("There is a problem"),
    "read_requirements": N_("Read the requirements"),
    "to_question": N_("Go to the question"),
    "tally": N_("Met {met} · not met {not_met} · to check {unclear} · not answered {unanswered}"),
    "see_result": N_("See the result"),
    "good_to_know": N_("Good to know"),
    "answers_not_used": N_("Answers that could not be used"),
    "email_heading": N_("Your application e-mail"),
    "make_email": N_("Create the application e-mail"),
    "email_blanks": N_("Fill in the parts marked {marker} before you send it."),
    "email_to": N_("To"),
    "email_subject": N_("Subject"),
    "copy_email": N_("Copy the e-mail"),
    "copied": N_("Copied."),
    "copy_failed": N_("Could not copy. Select the text and copy it yourself."),
    "open_email": N_("Open in your e-mail program"),
    "mailto_long": N_("Some e-mail programs cut a long message short. If yours does, copy the e-mail instead."),
    "print_result": N_("Print the result"),
    "forget": N_("Forget my answers"),
    "forgotten": N_("Your answers have been forgotten."),
    "undo_forget": N_("Bring them back"),
    "kept_here": N_("Your answers are kept only in this browser, so they are still here if you come back. Nothing is sent anywhere."),
    # Kept in this browser (checker/web/keeping.py)
    "answers_heading": N_("Your answers"),
    "not_kept_unusable": N_("Not kept in this browser until it is corrected."),
    "not_kept_full": N_("Not kept in this browser: its storage for this site is full."),
    "restore_skipped": N_("Some saved answers could not be brought back and have been removed: {questions}"),
    "restore_old_unreadable": N_("Answers saved by an earlier version of the self-check could not be read and have been removed."),
    "storage_blocked": N_("This browser does not let the self-check keep your answers, so they are gone when you leave the page. To keep them, save them to a file."),
    # Travel: file and link (checker/web/travel.py)
    "export": N_("Save to a file"),
    "import": N_("Open a saved file"),
    "share": N_("Make a link to share"),
    "travel_hint": N_("A saved file keeps your answers outside this browser: open it later, here or in another browser."),
    "share_warning": N_("Anyone who has the link can see your answers, so share it only with people you trust. The answers are in the part after #, which the browser never sends to any website, this one included."),
    "share_label": N_("Link with your answers"),
    "copy_link": N_("Copy the link"),
    "copy_link_failed": N_("Could not copy. Select the link and copy it yourself."),
    "exported": N_("Saved as {file} in your downloads."),
    "left_out": N_("Left out until corrected: {questions}"),
    "file_too_big": N_("This file is too big to be a file of answers. Nothing was changed."),
    "file_unreadable": N_("This file could not be read. Nothing was changed."),
    "file_not_json": N_("This is not a file of answers from the self-check. Nothing was changed."),
    "file_not_answers": N_("This file does not hold a set of answers. Nothing was changed."),
    "file_wrong": N_("This file holds answers the self-check cannot use, so nothing was changed: {problems}"),
    "file_filled": N_("The answers from the file are in the form and kept in this browser."),
    "link_bad": N_("The answers in this link could not be read, so nothing was changed. Ask for a new link."),
    "link_filled": N_("The answers from the link are in the form and kept in this browser."),
    "nothing_new": N_("These answers are in the form already."),
    "nothing_changed": N_("Nothing was changed."),
    "incoming_heading_file": N_("The file has other answers than yours"),
    "incoming_heading_link": N_("The link has other answers than yours"),
    "incoming_intro": N_("Your answers to these questions differ. Nothing changes until you choose."),
    "answer_here": N_("Your answer: “{answer}”"),
    "answer_in_file": N_("In the file: “{answer}”"),
    "answer_in_link": N_("In the link: “{answer}”"),
    "use_file": N_("Use the file's answers"),
    "use_link": N_("Use the link's answers"),
    "keep_mine": N_("Keep my answers"),
    "how_decided": N_("How the self-check decides"),
    "status": N_("Status"),
}


def page_text(_, key, **params):
    """One page text through a translator `_`. Callers name texts by key, never
    `_(PAGE_TEXTS["key"])`, which Babel would extract as a msgid "key"."""
    return _(PAGE_TEXTS[key], **params)
