"""Assembles the report: every rule's outcome in the visitor's language,
the verdict, input errors and the program's notes.

Each requirement row also names, in `question`, the answer key the visitor should
go to for it: the first missing or invalid answer of an unanswered row, else the
answer that decided the status, else the rule's first answer key.
"""

from .i18n import N_, language, translator
from .questions import QUESTION_BY_KEY
from .rules import MET, NOT_MET, RULES, UNANSWERED, UNCLEAR, AskFor, Invalid
from .validation import parse_answers

READY, NEEDS_ATTENTION, INCOMPLETE, NOT_ELIGIBLE = "ready", "needs_attention", "incomplete", "not_eligible"

# The programme's notes, shown with every result (DESIGN.md, "Requirements").
NOTES = (
    N_("Apple does not consider applications that do not meet the programme's requirements."),
    N_("Meeting the requirements does not guarantee admission to the programme."),
    N_("Apple may reject an application without giving a reason."),
    N_("Apple does not process applications from businesses that use Apple's trademark terms in a company name or on web pages, unless this follows Apple's trademark guidelines."),
)

VERDICT_TEXTS = {
    READY: (N_("Ready to apply"),
            N_("Going by your answers, you meet every requirement.")),
    NEEDS_ATTENTION: (N_("Needs checking"),
                      N_("Nothing rules you out, but some requirements need checking before you apply.")),
    INCOMPLETE: (N_("Not finished"),
                 N_("Answer the remaining questions to get a full assessment.")),
    NOT_ELIGIBLE: (N_("Does not meet every requirement"),
                   N_("At least one requirement is not met. Apple does not consider applications that do not meet the requirements.")),
}

# While a requirement is unanswered the verdict may still change: the headline says how
# far the visitor has come instead, and names what is not met so far (the causes).
PROVISIONAL_TITLES = (N_("Not finished: 1 question left"), N_("Not finished: {count} questions left"))
PROVISIONAL_TEXT = N_("This is how your answers look so far. The result is final once every question is answered.")
NOT_MET_SO_FAR = N_("Not met so far")
PROVISIONAL_NEXT_STEP = N_("Next step: answer the questions listed under “Not answered” below, and see below what is not met so far and what you can do about it.")

PRELIMINARY = N_("This is a preliminary self-assessment, not a decision by Apple.")

# What to do next, by verdict: shown under the verdict, beside the e-mail button.
NEXT_STEPS = {
    READY: N_("Next step: create the application e-mail, read it through and send it to Apple."),
    NEEDS_ATTENTION: N_("Next step: look into each requirement under “Needs checking” below. You can create the e-mail now, but check those points before you send it."),
    INCOMPLETE: N_("Next step: answer the questions listed under “Not answered” below. Each row leads to its question."),
    NOT_ELIGIBLE: N_("Next step: see below what stands in the way. Some of it may change with time; until then, Apple has other programmes that may suit you better."),
}

# The order the result shows the rows in: what the visitor must act on first.
ACTION_ORDER = (NOT_MET, UNCLEAR, UNANSWERED, MET)

STATUS_TEXTS = {
    MET: N_("Met"),
    NOT_MET: N_("Not met"),
    UNCLEAR: N_("Needs checking"),
    UNANSWERED: N_("Not answered"),
}


# Of the rows of one status, those the verdict and the draft's warning name first: what
# takes longest to change (who applies, the premises, the organisation's history and
# finances) before what a decision or a form settles, so that the real obstacle is not
# hidden behind "and N more". By group (questions.GROUPS); within one, catalogue order.
NAMED_FIRST = ("group-who", "group-premises", "group-organisation", "group-technicians",
               "group-operations", "group-application")
NAMED_PER_STATUS = 3  # then how many more: a wall of names would push the next step out of sight
_NAMING_RANK = {rule.id: (NAMED_FIRST.index(rule.group), index) for index, rule in enumerate(RULES)}


def rows_to_name(report, status):
    """The report's rows of `status`, in the order they are named (NAMED_FIRST)."""
    rows = [row for row in report["requirements"] if row["status"] == status]
    return sorted(rows, key=lambda row: _NAMING_RANK[row["id"]])


def headline(report):
    """(title, explanation) msgids and params of the result's headline: the verdict,
    or while the result is provisional, how many questions are left."""
    if report["provisional"]:
        count = report["questions_left"]
        return PROVISIONAL_TITLES[0] if count == 1 else PROVISIONAL_TITLES[1], PROVISIONAL_TEXT, {"count": count}
    title, explanation = VERDICT_TEXTS[report["verdict"]]
    return title, explanation, {}


def verdict_of(statuses):
    if NOT_MET in statuses:
        return NOT_ELIGIBLE
    if UNANSWERED in statuses:
        return INCOMPLETE
    if UNCLEAR in statuses:
        return NEEDS_ATTENTION
    return READY


def judge(values, invalid):
    """Each rule's Outcome, in rule order, naming the answers that decided it.
    `values` are parsed answers; `invalid`, the keys of answers that could not be used."""
    outcomes = []
    for rule in RULES:
        # An answer given but unusable leaves the rule unanswered: never judged
        # as if the answer were not there, which could make it met.
        wrong = [key for key in rule.keys if key in invalid]
        outcome = Invalid(*wrong) if wrong else rule.judge(values)
        outcomes.append(outcome if outcome.answers else outcome.about(rule.keys[0]))
    return outcomes


def assess(answers, lang="sv"):
    """The report for one set of answers (a dict as in DESIGN.md, "Answers and report")."""
    values, errors = parse_answers(answers)
    return report_of(values, errors, lang)


def report_of(values, errors, lang="sv"):
    """The report on answers parsed already (validation.parse_answers).
    `provisional` is true while a requirement is still unanswered: its verdict
    may yet change, so the page shows it as how far the visitor has come."""
    lang = language(lang)
    _ = translator(lang)
    kind = values.get("organisation_type")
    rows = []
    left = []  # the questions still to answer or correct, each once
    for rule, outcome in zip(RULES, judge(values, [error.field for error in errors])):
        if isinstance(outcome, AskFor):
            left += [key for key in outcome.keys if key not in left]
            questions = [_(QUESTION_BY_KEY[key].label_for(kind)) for key in outcome.keys]
            message = _(outcome.msgid, questions="; ".join(questions))
        else:
            message = " ".join([_(msgid, **outcome.params) for msgid in [outcome.msgid] + outcome.more])
        rows.append({"id": rule.id, "status": outcome.status, "title": rule.title_in(_), "message": message,
                     "question": outcome.question})
    statuses = [row["status"] for row in rows]
    return {
        "verdict": verdict_of(statuses),
        "provisional": UNANSWERED in statuses,
        "questions_left": len(left),
        "lang": lang,
        "requirements": rows,
        "errors": [{"field": error.field, "message": _(error.msgid, **error.params)} for error in errors],
        "notes": [_(note) for note in NOTES],
    }
