"""tests/profiles.py: its businesses answer only questions the self-check asks, and
a stale answer stops the tests with a message that names it."""

import pytest
from checker.questions import QUESTION_BY_KEY
from checker.rules import MINIMUM_REPAIRS, RULE_BY_ID
from profiles import COMPLETE, SMALL_SHOP, UNIVERSITY, business


def test_a_business_answering_a_question_no_longer_asked_is_named():
    with pytest.raises(ValueError, match=r"SHOP answers \['retired_question'\], not questions"):
        business("SHOP", dict(COMPLETE, retired_question=True))


def test_the_businesses_answer_only_questions_in_the_questions_order():
    for answers in (COMPLETE, SMALL_SHOP, UNIVERSITY):
        assert list(answers) == [key for key in QUESTION_BY_KEY if key in answers]


def test_the_small_shop_fails_every_yes_no_premises_rule_and_the_minimum():
    assert SMALL_SHOP["repairs_per_quarter"] < MINIMUM_REPAIRS <= UNIVERSITY["repairs_per_quarter"]
    assert SMALL_SHOP["commercial_location"] is (not RULE_BY_ID["commercial-location"].wanted)
