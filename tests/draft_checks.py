"""A few checks of the application e-mail draft that run unchanged in CPython
(tests/checker/test_application.py), Pyodide and MicroPython (tests/runtimes/
run_cases.mjs runs them beside the case table): text handling, catalogs and
percent-encoding are where the runtimes could differ.

Plain functions, lists and dicts only, as in case_runner.py.
"""

from checker.application import CORRECT, FILL_IN, NO_WEBSITE, draft_email
from checker.i18n import translator
from checker.rules import RULE_BY_ID


def _with(base, changes):
    answers = dict(base)
    answers.update(changes)
    return answers


def _line(body, label):
    """The body's line for a label, or None."""
    for line in body.split("\n"):
        if line.startswith(label + ":"):
            return line
    return None


def checks(complete):
    """(name, holds) for each check, on the case table's `complete` profile."""
    sv, en = translator("sv"), translator("en")
    ready = draft_email(complete, "sv")
    blocked = draft_email(_with(complete, {"email": "anna@gmail.com", "home_address": True}), "sv")
    english = draft_email(_with(complete, {"email": "anna@gmail.com"}), "en", "sv")
    wrong_phone = draft_email(_with(complete, {"phone": "ring mig"}), "sv")
    unusable_phone = draft_email(_with(complete, {"phone": ["ring mig"]}), "en")
    missing = draft_email(_with(complete, {"principal": "  "}), "sv")
    university = draft_email(_with(complete, {"organisation_type": "university"}), "sv")
    unicode_name = draft_email(_with(complete, {"legal_name": "Åkes Reparationer AB"}), "sv")
    trademark = draft_email(_with(complete, {"legal_name": "Mac Doktorn AB"}), "sv")
    punycode = draft_email(_with(complete, {"email": "info@xn--reparatr-t4a.se", "website": "www.reparatör.se"}), "sv")
    no_website = draft_email(_with(complete, {"website": "", "no_website": "yes"}), "en")
    at_home = draft_email(_with(complete, {"audited_accounts": False, "credit_line": "no", "brand_promotion": False,
                                           "home_address": True}), "sv")
    return [
        ("a ready profile has no warning and no marker",
         ready["verdict"] == "ready" and ready["warning"] is None and ready["to_do"] is None
         and sv(FILL_IN) not in ready["body"] and sv(CORRECT) not in ready["body"]),
        ("a name that needs checking is named in the warning, not marked in the e-mail",
         trademark["verdict"] == "needs_attention" and "[" not in trademark["body"] and trademark["to_do"] is None
         and RULE_BY_ID["trademarks"].title_in(sv) in trademark["warning"]),
        ("an e-mail domain in punycode is written as the visitor wrote it",
         "info@reparatör.se" in punycode["body"] and "xn--" not in punycode["body"] and punycode["verdict"] == "ready"),
        ("no website is said as a sentence",
         "\n" + en(NO_WEBSITE) + "\n" in no_website["body"] and "[" not in no_website["body"]),
        ("free mail and a home address are named in the warning",
         blocked["verdict"] == "not_eligible"
         and RULE_BY_ID["business-email"].title_in(sv) in blocked["warning"]
         and RULE_BY_ID["no-home-address"].title_in(sv) in blocked["warning"]),
        ("an English draft with the warning in Swedish",
         english["body"].startswith(en("Hello,")) and RULE_BY_ID["business-email"].title_in(sv) in english["warning"]),
        ("an English draft on the Swedish page asks to translate the answers in the visitor's own words",
         english["to_do"] is not None and "”" + en("Purpose of the business and its customers") + "”" in english["to_do"]
         and ready["to_do"] is None),
        ("the warning names what takes longest to change first",
         0 <= at_home["warning"].find(RULE_BY_ID["no-home-address"].title_in(sv))
         < at_home["warning"].find(RULE_BY_ID["audited-accounts"].title_in(sv))),
        ("an invalid phone number is marked to correct",
         _line(wrong_phone["body"], sv("Location phone number")) == sv("Location phone number") + ": ring mig " + sv(CORRECT)),
        ("an unusable phone number is marked to correct, without its text",
         _line(unusable_phone["body"], "Location phone number") == "Location phone number: " + en(CORRECT)),
        ("a missing required detail is marked to fill in",
         _line(missing["body"], sv("Principal or owner")) == sv("Principal or owner") + ": " + sv(FILL_IN)),
        ("a university's labels",
         _line(university["body"], sv("Name of the university or college")) is not None
         and _line(university["body"], sv("Legal company name")) is None),
        ("the mailto link encodes Unicode as UTF-8",
         "%C3%85kes%20Reparationer%20AB" in unicode_name["mailto"] and "%0A" in unicode_name["mailto"]),
    ]


def run(complete):
    """{"ran": number of checks, "failures": [names of the checks that do not hold]}."""
    results = checks(complete)
    return {"ran": len(results), "failures": [name for name, holds in results if not holds]}
