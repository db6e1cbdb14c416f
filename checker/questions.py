"""What the self-check asks: one declarative list, read by the rules' parser,
the form renderer (build time) and the browser glue.

Texts are English msgids, translated where they are shown.
"""

from . import programme
from .i18n import N_

# Kinds of answer, and how each is asked in the form.
BOOL = "bool"  # yes/no radio pair
CHOICE = "choice"  # radios with `choices`
COUNT = "count"  # whole number from 0 to `maximum`
TEXT = "text"  # one line of text
LONG_TEXT = "long_text"  # a paragraph
LINES = "lines"  # one item per line (a JSON list of strings)

YES_NO = (("yes", N_("Yes")), ("no", N_("No")))

# The group of the details the application e-mail gives.
APPLICATION_GROUP = "group-application"


class Question:
    """`label` and `hint` fit every kind of organisation; `labels` and `hints` may
    word them for one kind ({organisation_type: text}), in the form once that is
    answered, the result and the e-mail. `hint_params` fill the hint's {fields}, such
    as a programme figure (checker/programme.py). For the application e-mail a detail
    may also have `draft_when_empty`, a sentence said in its place when it is optional
    and left empty (without one, it is left out); `in_draft` False leaves a question
    out of the e-mail's list of details."""

    def __init__(self, key, kind, label, hint="", choices=(), required=True,
                 maximum=0, max_length=200, input_type="text", inputmode="", autocomplete="",
                 labels=None, hints=None, draft_when_empty="", in_draft=True, hint_params=None):
        self.key = key
        self.kind = kind
        self.label = label
        self.hint = hint
        self.hint_params = hint_params or {}
        self.choices = YES_NO if kind == BOOL else choices
        self.required = required
        self.maximum = maximum
        self.max_length = max_length
        self.input_type = input_type
        self.inputmode = inputmode
        self.autocomplete = autocomplete
        self.labels = labels or {}
        self.hints = hints or {}
        self.draft_when_empty = draft_when_empty
        self.in_draft = in_draft

    def label_for(self, organisation_type):
        """The label worded for `organisation_type` (None: not yet answered)."""
        return self.labels.get(organisation_type, self.label)

    def hint_for(self, organisation_type):
        return self.hints.get(organisation_type, self.hint)

    def hint_in(self, _, organisation_type=None):
        """The hint for `organisation_type` through the translator `_` of one language."""
        return _(self.hint_for(organisation_type), **self.hint_params)


class Group:
    """A fieldset of the form; `anchor` is its section on the requirements page."""

    def __init__(self, anchor, title, questions):
        self.anchor = anchor
        self.title = title
        self.questions = questions


GROUPS = [
    Group("group-who", N_("Who can apply"), [
        Question("region", CHOICE,
                 N_("Does Apple have its own service operations in your region?"),
                 N_("You can apply only if Apple has its own service operations in your region, and Apple does not list the regions. If you are not sure, answer \"I do not know\" and ask Apple before you apply."),
                 choices=(("yes", N_("Yes")), ("no", N_("No")), ("unsure", N_("I do not know")))),
        Question("organisation_type", CHOICE, N_("What kind of organisation are you?"),
                 N_("A sole trader runs a business: answer \"A company\". The programme does not say whether sole traders can apply, so ask Apple first."),
                 choices=(("company", N_("A company")),
                          ("organisation", N_("Another organisation")),
                          ("university", N_("A university or college")),
                          ("individual", N_("A private individual")))),
        Question("business_focus", CHOICE, N_("What is the main focus of your business?"),
                 N_("Universities and colleges can skip this question."),
                 choices=(("authorised_reseller", N_("We are an Apple Authorised Reseller")),
                          ("service_specialist", N_("We specialise in service and repair")),
                          ("other", N_("Something else")))),
        Question("parts_reseller", BOOL, N_("Do you resell or distribute spare parts?")),
    ]),
    Group("group-organisation", N_("Organisation"), [
        Question("months_in_operation", COUNT,
                 N_("For how many months have you been in operation?"),
                 N_("Count whole months from when you started trading."), maximum=2400),
        Question("audited_accounts", BOOL,
                 N_("Do you keep approved or audited accounts that Apple can review?")),
        Question("credit_line", CHOICE,
                 N_("Have you agreed a credit line with Apple Finance in your region?"),
                 choices=(("agreed", N_("Yes, it is agreed")),
                          ("planned", N_("Not yet, but we intend to")),
                          ("no", N_("No")))),
        Question("brand_promotion", BOOL,
                 N_("Will you actively promote the Apple brand and AppleCare?")),
    ]),
    Group("group-operations", N_("Operations"), [
        Question("service_standards", BOOL,
                 N_("Can you meet Apple's standards for service levels, certified technicians and availability at all times?"),
                 N_("Apple checks and reviews its service providers regularly.")),
        Question("repairs_per_quarter", COUNT,
                 N_("How many repairs do you complete per quarter?"),
                 N_("A quarter is three months; the programme asks for at least {minimum} repairs in one. It does not say which repairs count: if unsure, count only repairs of Apple products."),
                 maximum=1000000, hint_params={"minimum": programme.MINIMUM_REPAIRS_PER_QUARTER.value}),
        Question("confidentiality", BOOL,
                 N_("Can you keep Apple's repair tools, training, service manuals and diagnostics confidential?")),
    ]),
    Group("group-premises", N_("Premises"), [
        Question("dedicated_staff", BOOL, N_("Do you have staff dedicated to service?")),
        Question("commercial_location", BOOL,
                 N_("Is your service location suited to customer visits and easy to reach?")),
        Question("reception_area", BOOL,
                 N_("Do you have a clean, presentable reception area for visiting customers?")),
        Question("secure_workshop", BOOL,
                 N_("Do you have a protected workshop for repairs and for storing parts and customers' devices?")),
        Question("home_address", BOOL, N_("Is your service location a home address?")),
    ]),
    Group("group-technicians", N_("Certified technicians"), [
        Question("certified_technicians", COUNT,
                 N_("How many Apple-certified technicians do you employ?"),
                 N_("Enter 0 if none of your technicians is certified yet."), maximum=10000),
    ]),
    Group(APPLICATION_GROUP, N_("Your application details"), [
        Question("legal_name", TEXT, N_("Legal name"),
                 N_("The name you are registered and operate under."),
                 autocomplete="organization",
                 labels={"company": N_("Legal company name"),
                         "organisation": N_("Name of the organisation"),
                         "university": N_("Name of the university or college")},
                 hints={"company": N_("The name the company is registered and operates under.")}),
        Question("dba", TEXT, N_("Trading name"),
                 N_("Only if you trade under another name (\"doing business as\")."),
                 required=False),
        Question("principal", TEXT, N_("Principal, owner or person in charge"), autocomplete="name",
                 labels={"company": N_("Principal or owner"),
                         "organisation": N_("Person in charge"), "university": N_("Person in charge")}),
        Question("addresses", LINES, N_("Service location addresses"),
                 N_("One address per line. Home offices and PO boxes are not accepted."),
                 max_length=2000, autocomplete="street-address"),
        Question("phone", TEXT, N_("Location phone number"),
                 N_("For example +46 8 123 456 78."), max_length=40,
                 input_type="tel", autocomplete="tel"),
        Question("email", TEXT, N_("Contact e-mail address"),
                 N_("An address on your own domain, not a free e-mail service."),
                 max_length=254, input_type="email", autocomplete="email"),
        Question("website", TEXT, N_("Website"), N_("For example www.example.se."),
                 inputmode="url", autocomplete="url",
                 labels={"company": N_("Company website")}),
        # The application asks for a website; a business without one says so.
        Question("no_website", BOOL, N_("Are you without a website?"),
                 N_("Answer yes if you have none, and leave the website empty. The e-mail then says so."),
                 required=False, in_draft=False),
        Question("apple_history", LONG_TEXT,
                 N_("Earlier experience with Apple as a service provider or reseller"),
                 N_("Leave empty if you have none."), required=False, max_length=2000,
                 draft_when_empty=N_("We have no earlier experience with Apple as a service provider or reseller.")),
        Question("purpose", LONG_TEXT, N_("Purpose and who you serve"),
                 N_("Describe what you do and for whom, for example consumers, companies, schools or your own students."),
                 max_length=2000,
                 labels={"company": N_("Purpose of the business and its customers"),
                         "organisation": N_("Purpose of the organisation and who it serves"),
                         "university": N_("Purpose of the repair service and who it is for")},
                 hints={"company": N_("Describe what you do and for which customers, for example consumers, companies or schools.")}),
    ]),
]

QUESTIONS = [question for group in GROUPS for question in group.questions]
QUESTION_BY_KEY = {question.key: question for question in QUESTIONS}
# The application e-mail's details, in the order of the programme's list of what to send.
APPLICATION_QUESTIONS = [question for group in GROUPS if group.anchor == APPLICATION_GROUP for question in group.questions]
