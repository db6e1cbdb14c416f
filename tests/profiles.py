"""The case table's named profiles (tests/cases/), for the tests and benchmarks
that start from one, and two businesses that the result journey's tests and
scripts/screenshots.py fill in. CPython only; read through case_runner, which
adds the answers that topic files give a profile, as every runtime does.

The businesses are told by what differs from the complete profile, and what
follows from a rule or a figure is worked out from it (checker/rules.py,
checker/programme.py), so removing a requirement or changing a figure needs no
edit here. An answer to a question the self-check no longer asks stops every
test that imports this file, naming the business and the answer."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import case_runner  # noqa: E402
from checker.questions import QUESTION_BY_KEY, QUESTIONS  # noqa: E402
from checker.rules import MINIMUM_REPAIRS, RULES  # noqa: E402

PROFILES, _ = case_runner.load_table(str(pathlib.Path(__file__).parent / "cases"))


def business(name, answers):
    """The answers in the order of the questions; ValueError for one the
    self-check does not ask."""
    stale = [key for key in answers if key not in QUESTION_BY_KEY]
    if stale:
        raise ValueError(f"tests/profiles.py: {name} answers {stale}, not questions of checker/questions.py: "
                         "remove them (or give the question back)")
    return {question.key: answers[question.key] for question in QUESTIONS if question.key in answers}


def failing_every_yes_no_rule_of(group):
    """The answer that fails each yes/no requirement of one group of questions."""
    return {rule.keys[0]: not rule.wanted for rule in RULES if rule.group == group and rule.wanted is not None}


# A repair shop that meets every requirement.
COMPLETE = business("COMPLETE", PROFILES["complete"]["answers"])

# A small shop that fails: one person repairing phones at home, well under the
# minimum of repairs, a gmail address, premises that meet none of the
# requirements, the rest as such a shop would answer.
SMALL_SHOP = business("SMALL_SHOP", dict(
    COMPLETE, legal_name="Kalles Mobilfix", principal="Karl Andersson",
    addresses=["Björkvägen 4, 590 40 Kisa"], phone="070-123 45 67", email="kalle.mobilfix@gmail.com",
    website="www.kallesmobilfix.se",
    purpose="Byter skärmar och batterier på mobiler och surfplattor åt privatpersoner i Kisa med omnejd.",
    months_in_operation=8, credit_line="planned", **failing_every_yes_no_rule_of("group-premises"),
    home_address=True, repairs_per_quarter=MINIMUM_REPAIRS * 3 // 5, certified_technicians=0))

# A university repairing its students' and staff's Macs: it skips the business focus (as
# its hint says it may) and does not know whether Apple runs service in its region.
UNIVERSITY = business("UNIVERSITY", dict(
    COMPLETE, region="unsure", organisation_type="university", business_focus=None,
    months_in_operation=600, credit_line="planned", legal_name="Lunds universitet", principal="Eva Lind",
    addresses=["Sölvegatan 18, 223 62 Lund"], phone="+46 46 222 00 00", email="it-service@lu.se",
    website="www.lu.se", repairs_per_quarter=MINIMUM_REPAIRS + 60,
    purpose="Reparerar Mac och iPad åt universitetets studenter och anställda, i vår IT-service på campus."))
