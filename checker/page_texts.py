"""Texts of the self-check page, shared by the build-time form renderer and
the browser glue (checker/web.py), so both read from the same catalogs."""

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
    "how_decided": N_("How the self-check decides"),
    # Beside the application e-mail: its markers (checker/application.py) and its language.
    "email_checks": N_("Check the parts marked {check} before you send it."),
    "email_blanks_and_checks": N_("Fill in the parts marked {marker} and check those marked {check} before you send it."),
    "email_language": N_("Language of the e-mail"),
    "language_sv": N_("Swedish"),
    "language_en": N_("English"),
    "email_language_advice": N_("Apple's page does not say which language to write in. The application address is a European one, not a Swedish one, so this guide's advice, not a rule of Apple's, is to write in English, which is understood there."),
}


def page_text(_, key, **params):
    """One page text through a translator `_`. Callers name texts by key, never
    `_(PAGE_TEXTS["key"])`, which Babel would extract as a msgid "key"."""
    return _(PAGE_TEXTS[key], **params)
