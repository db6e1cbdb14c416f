"""Answers as JSON text, read the same everywhere (checker/strict_json.py), in
any version of the format (checker/format_version.py), and text from outside
shown with its control characters escaped (checker/shown_text.py)."""

import json
import math

import pytest
from hypothesis import given, settings, strategies as st

from checker import assess
from checker.format_version import ANSWERS_VERSION, VERSION_KEY, current_answers, current_key
from checker.shown_text import printable, shown_key
from checker.strict_json import (AFTER_END, MISSING_COMMA, TOO_DEEP, TRAILING_COMMA, NotJSON, described, read_json,
                                 read_object)
from checker.i18n import translator
from checker.validation import parse_answers
from checker.web.saved import PREFIX, entry_name, other_entries

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(json_values, st.booleans(), st.sampled_from([None, 2]))
def test_any_json_reads_as_pythons_json_reads_it(value, ascii_only, indent):
    text = json.dumps(value, ensure_ascii=ascii_only, indent=indent)
    assert read_json(text) == json.loads(text)


# Bytes an edit of a valid text might bring in; each edited text is read as Python's json reads it, or
# refused by both (Python's json alone takes NaN and Infinity, which JSON has not).
EDITS = list('{}[]:,"\\ 0123456789.-+eEtruefalsnu\n\tx\x01é')


@settings(max_examples=1000, deadline=None)
@given(json_values, st.lists(st.tuples(st.integers(0, 10 ** 6), st.sampled_from(EDITS + [""])), min_size=1, max_size=3))
def test_an_edited_text_is_refused_exactly_when_pythons_json_refuses_it(value, edits):
    chars = list(json.dumps(value))
    for position, edit in edits:
        position %= len(chars) + 1
        chars[position:position + (0 if edit else 1)] = [edit] if edit else []
    text = "".join(chars)
    try:
        expected = json.loads(text)
    except (ValueError, RecursionError):
        with pytest.raises(NotJSON):
            read_json(text)
        return
    if "NaN" in text or "Infinity" in text:
        return
    assert read_json(text) == expected or (isinstance(expected, float) and math.isnan(expected))


def test_a_fault_is_told_where_it_is_in_characters_and_in_the_visitors_language():
    with pytest.raises(NotJSON) as raised:
        read_object('{\n  "legal_name": "Åkesson",\n  "region": "yes",\n}')
    assert (raised.value.fault, raised.value.line, raised.value.column) == (TRAILING_COMMA, 4, 1)
    assert described(translator("en"), raised.value) == (
        "At line 4, column 1: a comma comes before a closing bracket: JSON allows none after the last item.")
    assert described(translator("sv"), raised.value).startswith("På rad 4, kolumn 1: ett kommatecken")
    with pytest.raises(NotJSON) as raised:
        read_object('{"legal_name": "Åkesson AB" "region": "yes"}')
    assert (raised.value.fault, raised.value.column) == (MISSING_COMMA, 29)  # Å is one character
    with pytest.raises(NotJSON) as raised:
        read_object("[" * 1000)
    assert raised.value.fault == TOO_DEEP and "100" in described(translator("en"), raised.value)
    with pytest.raises(NotJSON) as raised:
        read_object('{"a": 1} x')
    assert raised.value.fault == AFTER_END


def test_duplicate_keys_the_last_one_counts_as_in_pythons_json():
    assert read_object('{"region": "no", "region": "yes"}') == {"region": "yes"}


def test_a_megabyte_is_read_whole():
    text = json.dumps({"purpose": "Reparationer \u2028\"åäö\" \\ " * 34000, "region": "yes"}, ensure_ascii=False)
    assert len(text.encode("utf-8")) > 1_000_000
    assert read_object(text) == json.loads(text)


# --- Versions and renamed questions

# A made-up rename: in version 2 "firm_name" became "legal_name", in version 3 "legal_name" became "company_name".
RENAMED = ((2, "firm_name", "legal_name"), (3, "legal_name", "company_name"))


def test_a_question_renamed_in_a_later_version_is_read_under_its_new_name():
    assert current_answers({"firm_name": "Nordic AB", "region": "yes"}, RENAMED) == \
        {"company_name": "Nordic AB", "region": "yes"}  # no version: the first, renamed twice since
    assert current_answers({VERSION_KEY: 2, "legal_name": "Nordic AB"}, RENAMED) == {"company_name": "Nordic AB"}
    assert current_answers({VERSION_KEY: 3, "legal_name": "Nordic AB"}, RENAMED) == {"legal_name": "Nordic AB"}
    # Both names: the new one is newer; the old one is left under a name no question has, to be named as not used.
    assert current_answers({"firm_name": "Old AB", "company_name": "New AB"}, RENAMED) == \
        {"legal_name": "Old AB", "company_name": "New AB"}
    assert current_answers({VERSION_KEY: "two", "firm_name": "Nordic AB"}, RENAMED) == {"company_name": "Nordic AB"}
    assert current_key("firm_name", RENAMED) == "company_name" and current_key("region", RENAMED) == "region"


def test_an_entry_kept_under_a_renamed_questions_old_key_is_found_under_the_new_one():
    renamed = ((2, "firm_name", "legal_name"),)
    names = [PREFIX + "firm_name", PREFIX + "retired_question", entry_name("region")]
    assert other_entries(names, renamed) == ([(PREFIX + "firm_name", "legal_name")], ["retired_question"])


def test_the_version_is_not_an_answer_and_a_retired_question_never_stops_the_rest():
    values, errors = parse_answers({VERSION_KEY: ANSWERS_VERSION, "retired_question": True, "region": "yes"})
    assert values == {"region": "yes"}
    assert [error.field for error in errors] == ["retired_question"]
    assert assess({VERSION_KEY: ANSWERS_VERSION})["errors"] == []


# --- Text from outside, shown

def test_control_and_direction_characters_are_shown_as_escapes():
    assert printable("Nordic\u202eBA\x1b[31m\nx\ty\u2028\u2066\x85") == "Nordic\\u202eBA\\x1b[31m\\x0ax\ty\\u2028\\u2066\\x85"
    assert printable("Åkesson AB ✓") == "Åkesson AB ✓"
    assert shown_key("\u202e" + "k" * 100) == "\\u202e" + "k" * 58 + "…"
