"""The questions (checker/questions.py) and the rules (checker/rules.py) are two
lists tied by each rule's `group` and `keys`: checked here, so neither can drift
from the other. The requirements pages place each rule under its group's heading
(hooks/self_check_page.py)."""

from checker.questions import APPLICATION_GROUP, GROUPS, QUESTION_BY_KEY
from checker.rules import RULES

GROUP_ORDER = [group.anchor for group in GROUPS]
GROUP_OF = {question.key: group.anchor for group in GROUPS for question in group.questions}


def test_every_rule_belongs_to_a_group_of_questions():
    for rule in RULES:
        assert rule.group in GROUP_ORDER, (rule.id, rule.group, GROUP_ORDER)


def test_every_key_a_rule_reads_is_a_question_and_its_first_is_asked_in_its_group():
    for rule in RULES:
        assert rule.keys and all(key in QUESTION_BY_KEY for key in rule.keys), (rule.id, rule.keys)
        assert GROUP_OF[rule.keys[0]] == rule.group, (rule.id, rule.keys[0], GROUP_OF[rule.keys[0]])


def test_rules_come_in_the_order_of_their_groups_and_every_group_has_one():
    order = [GROUP_ORDER.index(rule.group) for rule in RULES]
    assert order == sorted(order)
    assert sorted(set(order)) == list(range(len(GROUPS)))


def test_every_question_outside_the_application_details_is_read_by_a_rule():
    """The application details are also the e-mail's; every other question decides something."""
    read = {key for rule in RULES for key in rule.keys}
    unread = [key for key, group in GROUP_OF.items() if group != APPLICATION_GROUP and key not in read]
    assert unread == []

