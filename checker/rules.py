"""The requirements, one rule each, in the order of the requirements pages (DESIGN.md,
"Requirements"), so that this file and a page can be read side by side.

A rule has
  id       the requirement's ID, also the anchor of its section on the requirements pages
  group    the anchor of its group (checker/questions.py GROUPS): its section on the
           requirements pages is under that group's heading, and the questions it
           reads are asked in that group (tests/checker/test_rules_and_questions.py)
  title    the heading of that section and the title of the requirement's result row
  decides  how the self-check decides it, shown at the end of that section
  keys     the answer keys it reads, each a question (a result row leads to the first by default)
  judge    judge(values) -> Outcome; a missing answer makes it unanswered (Missing)
  params   the numbers its title and `decides` name, such as {minimum}
           (figures of checker/programme.py)
  apple_page  the name of Apple's page on what it asks, a link in checker/apple_links.py
           with its text; linked from its result row while it needs action; None where
           Apple has none
Most requirements are one yes/no answer: `yes_no_rule` declares those, and takes
everything a rule can have.

An Outcome names the answers that decided it (`answers`; the first is the
`question` the visitor should go to for it), else the rule's first answer key. The
report makes a rule whose answers have errors unanswered (Invalid) without judging it.
"""

from .i18n import N_
from . import patterns, programme
from .questions import APPLICATION_QUESTIONS

# Where the programme says to send the application: also the only contact its page gives.
APPLICATION_ADDRESS = "aasp_application_euro@apple.com"

MET, NOT_MET, UNCLEAR, UNANSWERED = "met", "not_met", "unclear", "unanswered"

# The programme's figures (checker/programme.py) that the rules judge by.
GUIDANCE_MONTHS = programme.GUIDANCE_MONTHS_IN_OPERATION.value
MINIMUM_REPAIRS = programme.MINIMUM_REPAIRS_PER_QUARTER.value

# What the application e-mail must give: the required application questions.
REQUIRED_DETAILS = tuple([question.key for question in APPLICATION_QUESTIONS if question.required])


class Outcome:
    def __init__(self, status, msgid, **params):
        self.status = status
        self.msgid = msgid
        self.params = params
        self.more = []  # further msgids, shown after the first (same params)
        self.question = None  # None: the rule's first answer key
        self.answers = ()

    def about(self, *keys):
        """The answer keys that decided this outcome, the one to go to first."""
        self.question = keys[0]
        self.answers = keys
        return self

    def also(self, msgid):
        self.more.append(msgid)
        return self


class AskFor(Outcome):
    """Unanswered: the report names the questions (`keys`) in {questions}."""

    def __init__(self, msgid, keys):
        Outcome.__init__(self, UNANSWERED, msgid)
        self.keys = keys
        self.about(*keys)


class Missing(AskFor):
    """Answers still to give."""

    def __init__(self, *keys):
        AskFor.__init__(self, N_("Still to answer: {questions}"), keys)


class Invalid(AskFor):
    """Answers given that could not be used (see the report's errors)."""

    def __init__(self, *keys):
        AskFor.__init__(self, N_("Correct your answer to: {questions}"), keys)


class Rule:
    wanted = None  # a yes_no_rule's answer that meets it

    def __init__(self, id, group, title, decides, keys, judge, params=None, apple_page=None):
        self.id = id
        self.group = group
        self.apple_page = apple_page
        self.title = title
        self.decides = decides
        self.keys = keys
        self.judge = judge
        self.params = params or {}

    def title_in(self, _):
        """The title through the translator `_` of one language."""
        return _(self.title, **self.params)

    def decides_in(self, _):
        return _(self.decides, **self.params)


def yes_no_rule(id, group, title, decides, key, wanted, met, not_met, params=None, apple_page=None):
    """A requirement decided by one yes/no answer: `wanted` meets it. `met` and
    `not_met` are its messages (with `params` too)."""
    def judge(values):
        if key not in values:
            return Missing(key)
        if values[key] == wanted:
            return Outcome(MET, met, **(params or {}))
        return Outcome(NOT_MET, not_met, **(params or {}))
    rule = Rule(id=id, group=group, title=title, decides=decides, keys=(key,), judge=judge,
                params=params, apple_page=apple_page)
    rule.wanted = wanted
    return rule


def _region(values):
    answer = values.get("region")
    if answer is None:
        return Missing("region")
    if answer == "yes":
        return Outcome(MET, N_("Apple has its own service operations in your region."))
    if answer == "no":
        return Outcome(NOT_MET, N_("You can apply only if Apple has its own service operations in your region. If that changes, you can apply then; until then, see the other ways forward on the page on who can apply."))
    return Outcome(UNCLEAR, N_("Find out whether Apple has its own service operations in your region before you apply. Apple's page lists no regions; the only contact it gives is the application address, {address}, so ask there."),
                   address=APPLICATION_ADDRESS)


def _organisation_type(values):
    kind = values.get("organisation_type")
    if kind is None:
        return Missing("organisation_type")
    if kind == "individual":
        return Outcome(NOT_MET, N_("The programme names companies, organisations, universities and colleges; it does not mention private individuals. To apply, you need a business, such as a company, that runs the repairs."))
    if kind == "university":
        return Outcome(MET, N_("Universities and colleges can apply, to repair devices for their own students."))
    focus = values.get("business_focus")
    if focus is None:
        return Missing("business_focus")
    if focus == "other":
        return Outcome(UNCLEAR, N_("The programme names Apple Authorised Resellers and businesses that specialise in service, but does not say clearly whether others can apply. Ask Apple at {address} before you apply, and say what your business mainly does."),
                       address=APPLICATION_ADDRESS).about("business_focus")
    if kind == "company":
        # A sole trader answers "A company" (the question's hint), but the programme does not mention one.
        return Outcome(MET, N_("Businesses like yours can apply. If yours is a sole trader, ask Apple first: the programme does not mention sole traders."))
    return Outcome(MET, N_("Businesses like yours can apply."))


def _operating_history(values):
    months = values.get("months_in_operation")
    if months is None:
        return Missing("months_in_operation")
    if months == 0:
        return Outcome(NOT_MET, N_("You must have been in operation for some time before you apply. Apply when you have a trading history and accounts Apple can review."))
    if months < GUIDANCE_MONTHS:
        return Outcome(UNCLEAR, N_("Apple asks for a reasonably long time in operation but publishes no minimum. As our own guidance (not Apple's), less than {months} months may be too short: a young business may not yet have a full year of audited accounts."),
                       months=GUIDANCE_MONTHS)
    return Outcome(MET, N_("{count} months in operation, which meets this guide's own rule of thumb of {months} months. Apple publishes no minimum and may judge it differently."),
                   count=months, months=GUIDANCE_MONTHS)


def _credit_line(values):
    answer = values.get("credit_line")
    if answer is None:
        return Missing("credit_line")
    if answer == "agreed":
        return Outcome(MET, N_("You have agreed a credit line with Apple Finance."))
    if answer == "planned":
        return Outcome(UNCLEAR, N_("A credit line with the Apple Finance team for your region is required, and Apple's page gives no way to reach that team. The only contact it gives is the application address, {address}: ask there how to agree a credit line, before or when you apply."),
                       address=APPLICATION_ADDRESS)
    return Outcome(NOT_MET, N_("A credit line agreed with the Apple Finance team for your region is required. Apple's page gives no way to reach that team; the only contact it gives is the application address, {address}: ask there how to arrange one, and apply once it is agreed."),
                   address=APPLICATION_ADDRESS)


def _repair_volume(values):
    repairs = values.get("repairs_per_quarter")
    if repairs is None:
        return Missing("repairs_per_quarter")
    if repairs >= MINIMUM_REPAIRS:
        return Outcome(MET, N_("{count} repairs per quarter meets the minimum of {minimum}."),
                       count=repairs, minimum=MINIMUM_REPAIRS)
    return Outcome(NOT_MET, N_("At least {minimum} repairs per quarter are required, and you have {missing} too few. The programme does not say whether you must reach this before you apply: apply once you do, or ask Apple at {address}."),
                   minimum=MINIMUM_REPAIRS, missing=MINIMUM_REPAIRS - repairs,
                   address=APPLICATION_ADDRESS)


def _no_home_address(values):
    if values.get("home_address"):
        return Outcome(NOT_MET, N_("Apple does not accept a home address as a service location: you need commercial premises that customers can visit. Apply once you have them, and give their address.")).about("home_address")
    po_boxes = [address for address in values.get("addresses", ()) if patterns.is_po_box(address)]
    if po_boxes:
        return Outcome(NOT_MET, N_("This looks like a PO box, which Apple does not accept as a service location: {addresses}. Give the street address of your premises."),
                       addresses="; ".join(po_boxes)).about("addresses")
    if "home_address" not in values:
        return Missing("home_address")
    return Outcome(MET, N_("Your service location is not a home address, and no address is a PO box."))


def _certified_technicians(values):
    count = values.get("certified_technicians")
    if count is None:
        return Missing("certified_technicians")
    if count >= 1:
        return Outcome(MET, N_("You employ {count} Apple-certified technicians.") if count > 1
                       else N_("You employ one Apple-certified technician."), count=count)
    return Outcome(NOT_MET, N_("You need at least one Apple-certified technician. Certification means passing Apple's exams at an authorised online test centre; certifications are updated for each product every year. Approved service providers pay no exam fees. Apple's article on certification says how to prepare and register."))


def malformed_details(values):
    """The application details given that do not look right, as (key, message), in
    the order of the questions; the e-mail draft marks them even while others are missing."""
    problems = []
    if "phone" in values and not patterns.is_phone_number(values["phone"]):
        problems.append(("phone", N_("The phone number does not look right: use 7 to 15 digits, optionally with +, spaces, dashes or brackets.")))
    if "website" in values and patterns.website_host(values["website"]) is None:
        problems.append(("website", N_("The website does not look like a web address: give an address such as www.example.se.")))
    return problems


def malformed_answers(values):
    """malformed_details and a malformed e-mail address, as (key, message): answers
    the checker uses as given, so that their requirements need checking, but that the
    visitor should correct at the field (checker/field_errors.py)."""
    problems = malformed_details(values)
    problem = patterns.email_problem(values["email"]) if "email" in values else None
    if problem is not None:
        problems.append(("email", EMAIL_PROBLEMS[problem]))
    return problems


def has_no_website(values):
    """The visitor said there is no website and gave none."""
    return bool(values.get("no_website")) and "website" not in values


def _application_details(values):
    missing = [key for key in REQUIRED_DETAILS if key not in values
               and not (key == "website" and has_no_website(values))]
    if missing:
        return Missing(*missing)
    # Every malformed field is named, in the order of the questions.
    problems = malformed_details(values)
    if values.get("no_website") and "website" in values:
        problems.append(("no_website", N_("You answered that you have no website, and also gave one. Remove the website or change that answer.")))
    elif has_no_website(values) and not problems:
        return Outcome(UNCLEAR, N_("Apple's list of what to send includes the website, and the programme does not say whether you can apply without one. The e-mail says that you have none; if you do have one, give it instead.")).about("no_website")
    if problems:
        outcome = Outcome(UNCLEAR, problems[0][1]).about(*[key for key, _msgid in problems])
        for _key, msgid in problems[1:]:
            outcome.also(msgid)
        return outcome
    return Outcome(MET, N_("You have all the details the application e-mail needs."))


EMAIL_PROBLEMS = {
    "space": N_("The e-mail address contains a space."),
    "at_sign": N_("The e-mail address needs exactly one @."),
    "local_part": N_("The e-mail address has nothing before the @."),
    "domain": N_("The part after the @ must be a domain name, such as example.se."),
}


def _business_email(values):
    address = values.get("email")
    if address is None:
        return Missing("email")
    problem = patterns.email_problem(address)
    if problem is not None:
        return Outcome(UNCLEAR, EMAIL_PROBLEMS[problem])
    domain = patterns.email_domain(address)
    if patterns.is_free_mail(domain):
        return Outcome(NOT_MET, N_("{domain} is a free e-mail service. Apply from an address on your own domain: your web host or domain registrar can set one up."),
                       domain=domain)
    website = values.get("website")
    if website is None:
        if values.get("no_website"):
            return Outcome(MET, N_("The e-mail address is on a domain of your own, not a free e-mail service."))
        return Outcome(UNCLEAR, N_("Give your website too, so the e-mail domain can be compared with it.")).about("website")
    host = patterns.website_host(website)
    if host is None:
        return Outcome(UNCLEAR, N_("Your website does not look like a web address, so the e-mail's domain cannot be compared with it. Give an address such as www.example.se.")).about("website")
    if not patterns.related_domains(domain, host):
        return Outcome(UNCLEAR, N_("The e-mail domain {domain} does not match your website {host}. Apple asks for an address on your own domain: apply from an address on your website's domain, or check both answers."),
                       domain=domain, host=host)
    return Outcome(MET, N_("The e-mail address is on your own domain."))


# Where a mark was found and what to change there, with the marks found in that answer.
TRADEMARK_FIELDS = (
    ("legal_name", N_("In your legal name ({legal_name_marks}): if this use does not follow the guidelines, apply under a name without the mark.")),
    ("dba", N_("In your trading name ({dba_marks}): if this use does not follow the guidelines, trade under a name without the mark, or leave it out.")),
    ("website", N_("In your web address ({website_marks}): if this use does not follow the guidelines, move to an address without the mark.")),
)


def _trademarks(values):
    names = [key for key in ("legal_name", "dba") if key in values]
    website = values.get("website")
    if not names and website is None:
        return Missing("legal_name", "website")
    found = {key: patterns.apple_marks_in_name(values[key]) for key in names}
    host = None if website is None else patterns.website_host(website)
    if website is not None:
        # A malformed address is still searched, like a host name.
        found["website"] = patterns.apple_marks_in_host(host if host is not None else website)
    using = [key for key, _msgid in TRADEMARK_FIELDS if found.get(key)]  # the answers that use a mark
    if using:
        marks = {key + "_marks": ", ".join([patterns.MARK_NAMES[mark] for mark in found[key]]) for key in using}
        outcome = Outcome(UNCLEAR, N_("Your answers use an Apple trademark. Read Apple's trademark guidelines before you apply."),
                          **marks)
        for key, msgid in TRADEMARK_FIELDS:
            if key in using:
                outcome.also(msgid)
        return outcome.about(*using)
    if not names and host is None:
        # Only the legal name is missing: the website was given, if not well formed.
        return Missing("legal_name")
    if website is None:
        return Outcome(MET, N_("No Apple trademark found in the name you gave."))
    if not names:
        return Outcome(MET, N_("No Apple trademark found in the web address you gave."))
    return Outcome(MET, N_("No Apple trademark found in the name or web address you gave."))


RULES = [
    Rule(id="region", group="group-who",
         title=N_("Region where Apple has its own service operations"),
         decides=N_("Met if you answer yes, not met if you answer no; \"I do not know\" means it needs checking."),
         keys=("region",), judge=_region, apple_page="programme"),
    Rule(id="organisation-type", group="group-who",
         title=N_("Type of organisation"),
         decides=N_("Universities and colleges meet it. Companies and organisations meet it as Apple Authorised Resellers or service specialists; another focus means it needs checking. Private individuals do not meet it."),
         keys=("organisation_type", "business_focus"), judge=_organisation_type, apple_page="programme"),
    yes_no_rule(id="no-parts-resale", group="group-who",
                title=N_("No reselling of parts"),
                decides=N_("Not met if you resell or distribute spare parts."),
                key="parts_reseller", wanted=False,
                met=N_("You do not resell or distribute parts."),
                not_met=N_("Resellers and distributors of parts cannot join the programme. See the other ways forward on the page on who can apply.")),
    Rule(id="operating-history", group="group-organisation",
         title=N_("In operation for a reasonable length of time"),
         decides=N_("Apple publishes no minimum. Not met at 0 months; under {months} months needs checking and {months} or more is met: that limit is this guide's own, not Apple's."),
         keys=("months_in_operation",), judge=_operating_history,
         params={"months": GUIDANCE_MONTHS}),
    yes_no_rule(id="audited-accounts", group="group-organisation",
                title=N_("Audited accounts that Apple can review"),
                decides=N_("Met if you keep approved or audited accounts that Apple can review."),
                key="audited_accounts", wanted=True,
                met=N_("You keep approved or audited accounts that Apple can review."),
                not_met=N_("Apple must be able to review approved or audited accounts. Talk to an accountant or auditor before you apply.")),
    Rule(id="credit-line", group="group-organisation",
         title=N_("A credit line agreed with Apple Finance"),
         decides=N_("Met if the credit line is agreed; needs checking if you plan to arrange it; not met otherwise."),
         keys=("credit_line",), judge=_credit_line),
    yes_no_rule(id="brand-promotion", group="group-organisation",
                title=N_("Actively promoting the Apple brand"),
                decides=N_("Met if you will promote the Apple brand together with AppleCare service and support products."),
                key="brand_promotion", wanted=True,
                met=N_("You will promote the Apple brand and AppleCare."),
                not_met=N_("As a service provider you must actively promote the Apple brand, together with AppleCare service and support products. Apply only if you will.")),
    yes_no_rule(id="service-standards", group="group-operations",
                title=N_("Apple's service standards"),
                decides=N_("Met if you can meet Apple's standards for service levels, certified technicians and availability at all times."),
                key="service_standards", wanted=True,
                met=N_("You can meet Apple's service standards."),
                not_met=N_("Apple requires its standards for service levels, certified technicians and availability to be met at all times, and reviews its service providers regularly. Apply once you can meet them.")),
    Rule(id="repair-volume", group="group-operations",
         title=N_("At least {minimum} repairs a quarter"),
         decides=N_("Met at {minimum} repairs per quarter or more; not met below that."),
         keys=("repairs_per_quarter",), judge=_repair_volume,
         params={"minimum": MINIMUM_REPAIRS}),
    yes_no_rule(id="confidentiality", group="group-operations",
                title=N_("Keeping Apple's material confidential"),
                decides=N_("Met if you can keep Apple's repair tools, training, service manuals and diagnostics confidential."),
                key="confidentiality", wanted=True,
                met=N_("You can keep Apple's material confidential."),
                not_met=N_("What you get from Apple (repair tools, training, service manuals and diagnostics) must be kept confidential. Apply only if you can keep it so.")),
    yes_no_rule(id="dedicated-staff", group="group-premises",
                title=N_("Dedicated service staff"),
                decides=N_("Met if you have staff dedicated to service."),
                key="dedicated_staff", wanted=True,
                met=N_("You have dedicated service staff."),
                not_met=N_("You need staff dedicated to service. Apply once you have them.")),
    yes_no_rule(id="commercial-location", group="group-premises",
                title=N_("A commercial service location that is easy to reach"),
                decides=N_("Met if your service location suits customer visits and is easy to reach."),
                key="commercial_location", wanted=True,
                met=N_("Your service location suits customer visits and is easy to reach."),
                not_met=N_("You need a service location suited to customer visits and easy to reach. Apply once you have one.")),
    yes_no_rule(id="reception-area", group="group-premises",
                title=N_("A clean, presentable reception area"),
                decides=N_("Met if you have a clean and presentable reception area for customers."),
                key="reception_area", wanted=True,
                met=N_("You have a clean, presentable reception area for customers."),
                not_met=N_("You need a clean and presentable reception area for visiting customers. Apply once you have one.")),
    yes_no_rule(id="secure-workshop", group="group-premises",
                title=N_("A secure workshop"),
                decides=N_("Met if you have a protected workshop for repairs and for storing parts and devices."),
                key="secure_workshop", wanted=True,
                met=N_("You have a protected workshop."),
                not_met=N_("You need a protected workshop area for repairs and for storing parts and customers' devices. Apply once you have one.")),
    Rule(id="no-home-address", group="group-premises",
         title=N_("No home address or PO box"),
         decides=N_("Not met if the service location is a home address or if an address you give looks like a PO box; met otherwise."),
         keys=("home_address", "addresses"), judge=_no_home_address),
    Rule(id="certified-technicians", group="group-technicians",
         title=N_("At least one Apple-certified technician"),
         decides=N_("Met if you employ at least one Apple-certified technician; not met otherwise."),
         keys=("certified_technicians",), judge=_certified_technicians, apple_page="certification"),
    Rule(id="application-details", group="group-application",
         title=N_("The details in your application"),
         decides=N_("Met when every required detail is given and the phone number and website look right; not answered while one is missing; needs checking if one looks wrong, or if you have no website (the application asks for one)."),
         keys=REQUIRED_DETAILS + ("no_website",), judge=_application_details),
    Rule(id="business-email", group="group-application",
         title=N_("E-mail on your own domain"),
         decides=N_("Not met for free e-mail services such as gmail.com or hotmail.com; needs checking if the address looks wrong or its domain differs from your website's; met otherwise."),
         keys=("email", "website", "no_website"), judge=_business_email),
    Rule(id="trademarks", group="group-application",
         title=N_("Apple trademarks in your name and on your website"),
         decides=N_("Needs checking if the legal name, trading name or web address seems to use an Apple trademark such as iPhone, Mac or Apple; met otherwise."),
         keys=("legal_name", "dba", "website"), judge=_trademarks, apple_page="trademark-guidelines"),
]

RULE_BY_ID = {rule.id: rule for rule in RULES}
