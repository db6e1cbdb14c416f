"""The element IDs of the self-check page, named once: the build's templates
(overrides/partials/self-check/, handed this module as `ids`) write them and
the browser glue (checker/web/) looks them up. boot.js names the few it needs
itself; a test checks them against this module and the built page.
Plain constants and functions, as the glue runs in MicroPython."""

# Status, notices and the form.
FORM = "self-check"
STATUS = "self-check-status"
ANSWERS_NOTICE = "answers-notice"
ERROR_SUMMARY = "error-summary"
ERROR_SUMMARY_TITLE = "error-summary-title"
ERROR_ANNOUNCEMENT = "error-announcement"
# The page's own heading (docs/self-check*.md), which names the form.
FORM_HEADING = "self-check-title"

# The result and what follows it.
RESULT = "checker-result"
RESULT_HEADING = "result-heading"
RESULT_ANNOUNCEMENT = "result-announcement"
MAKE_EMAIL = "make-email"
PRINT_RESULT = "print-result"

# The e-mail draft.
EMAIL_DRAFT = "email-draft"
EMAIL_HEADING = "email-heading"
EMAIL_TO = "email-to"
EMAIL_SUBJECT = "email-subject"
EMAIL_BODY = "email-body"
COPY_EMAIL = "copy-email"
EMAIL_MAILTO = "email-mailto"
EMAIL_COPIED = "email-copied"
EMAIL_WARNING = "email-warning"
EMAIL_WARNING_TEXT = "email-warning-text"
EMAIL_TO_DO = "email-to-do"
EMAIL_LANGUAGE_ADVICE = "email-language-advice"
EMAIL_LANGUAGE_STATUS = "email-language-status"

# Answers from a file or a link that differ from the visitor's.
INCOMING = "incoming-answers"
INCOMING_HEADING = "incoming-heading"
INCOMING_QUESTIONS = "incoming-questions"
INCOMING_USE = "incoming-use"
INCOMING_KEEP = "incoming-keep"
UNDO_FILE = "undo-file"
UNDO_LINK = "undo-link"

# Where the answers are kept, and how they travel.
YOUR_ANSWERS = "your-answers"
ANSWERS_HEADING = "answers-heading"
EXPORT_ANSWERS = "export-answers"
IMPORT_ANSWERS = "import-answers"
SHARE_ANSWERS = "share-answers"
SHARE_WARNING = "share-warning"
TRAVEL_STATUS = "travel-status"
SHARE_BOX = "share-box"
SHARE_LINK = "share-link"
COPY_SHARE_LINK = "copy-share-link"
SHARE_COPIED = "share-copied"
FORGET_ANSWERS = "forget-answers"
FORGET_STATUS = "forget-status"
UNDO_FORGET = "undo-forget"

# Per question (its answer key) and per requirement (its rule ID).
FIELD_PREFIX = "field-"


def field_id(key, value=None):
    """The control of a question; a radio group's first choice has the plain ID
    (what labels and links point to), the others add their value."""
    return FIELD_PREFIX + key + ("-" + value if value else "")


def question_id(key):
    return "question-" + key


def hint_id(key):
    return "hint-" + key


def error_id(key):
    return "error-" + key


def not_kept_id(key):
    return "not-kept-" + key


def result_row_id(rule_id):
    return "result-" + rule_id


def result_group_heading_id(status):
    """The heading of a result group that needs action (not met, unclear, unanswered)."""
    return "group-" + status


def email_language_id(lang):
    """The choice of the e-mail draft's language."""
    return "email-lang-" + lang
