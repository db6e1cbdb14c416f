"""The browser glue's DOM-free parts, in CPython: what may be kept in this
browser and what can be restored from any stored value (checker/web/saved.py),
and the answers object of a file or share link (checker/web/portable.py).
The browser tests run the same code in MicroPython and Pyodide."""

import json

import pytest

from checker import assess
from checker.i18n import translator
from checker.questions import QUESTION_BY_KEY, QUESTIONS
from checker.format_version import ANSWERS_VERSION, VERSION_KEY
from checker.strict_json import EMPTY, NOT_AN_OBJECT, UNFINISHED, NotJSON
from checker.web.portable import (MAX_FILE_BYTES, NOT_UTF8, file_text, is_answers_link, link_fragment, link_text,
                                  merge, portable, read_answers, read_file, shown_answer)
from checker.web.saved import (FORGOTTEN, OLD_ENTRY, PREFIX, checked, entry_name, is_kept_answers, old_answers,
                               other_entries, question_key, to_keep)

# Form values as the page reads them: "yes"/"no", digits, lines of text.
FORM = {"region": "yes", "organisation_type": "company", "business_focus": "service_specialist",
        "parts_reseller": "no", "months_in_operation": "36", "repairs_per_quarter": "1 250",
        "certified_technicians": "2", "legal_name": "Reparatör Åkesson AB", "principal": "Åsa Öberg",
        "addresses": "Storgatan 12, 111 22 Stockholm\n\nKungsgatan 3, 411 19 Göteborg",
        "email": "info@reparator.se", "website": "reparator.se", "purpose": "Reparationer 🔧\nför skolor"}

# Anything at all, as a stored value or an answer in a file.
JUNK = [None, True, False, 0, -1, 1.5, float("nan"), float("inf"), 10 ** 30, "", " ", "ye\ns", '"]', "<b>x</b>",
        "\ud800", "x" * 1_000_000, " " * 5000, [], ["a", 1], [["x"]], {}, {"a": "b"}, "\u00a0yes\u2028", "1e99", "?"]


@pytest.mark.parametrize("key", [question.key for question in QUESTIONS])
def test_any_stored_value_is_checked_never_raises_and_is_used_only_if_the_checker_can(key):
    for raw in JUNK:
        value, usable = checked(key, raw)
        assert isinstance(value, str)
        if usable and value:
            assert assess({key: value})["errors"] == [], (key, raw)  # what reaches the form is valid
        if not usable:
            assert value == "", (key, raw)


def test_restoring_gives_the_form_its_own_values():
    assert checked("region", "yes") == ("yes", True)
    assert checked("region", "ye\ns") == ("", False)  # a line break in a choice: named, not restored
    assert checked("organisation_type", '"]') == ("", False)  # once broke a selector
    assert checked("parts_reseller", True) == ("yes", True)
    assert checked("parts_reseller", "false") == ("no", True)
    assert checked("months_in_operation", 12.0) == ("12", True)
    assert checked("repairs_per_quarter", "1 250") == ("1250", True)
    assert checked("addresses", ["Storgatan 12", "Box 3"]) == ("Storgatan 12\nBox 3", True)
    assert checked("legal_name", "  Nordic   Repair AB ") == ("  Nordic   Repair AB ", True)  # as typed
    assert checked("legal_name", "   ") == ("", True)
    assert checked("purpose", "x" * 2001) == ("", False)


def test_only_usable_answers_are_kept():
    assert to_keep("legal_name", "Nordic Repair AB") == ("Nordic Repair AB", False)
    assert to_keep("legal_name", "") == (None, False)
    assert to_keep("legal_name", "  ") == (None, False)
    assert to_keep("purpose", "x" * 1_000_000) == (None, True)
    assert to_keep("repairs_per_quarter", "-5") == (None, True)
    assert to_keep("repairs_per_quarter", "?") == (None, True)  # a number field the browser cannot read


def test_entry_names():
    assert entry_name("region") == "aasp-self-check:v2:answer:region"
    assert question_key(entry_name("region")) == "region"
    for name in (FORGOTTEN, OLD_ENTRY, "aasp-self-check:v2:answer:nope", "region", None, 3):
        assert question_key(name) is None
    # What "forget my answers" removes: every version's answers, not the mark of the forget, not other sites'.
    for name in (entry_name("region"), OLD_ENTRY, "aasp-self-check:v2:answer:nope", "aasp-self-check:v3:answer:region"):
        assert is_kept_answers(name)
    for name in (FORGOTTEN, "region", "another-site:aasp-self-check:", None, 3):
        assert not is_kept_answers(name)


@pytest.mark.parametrize("text, expected", [
    ('{"region": "ye\\ns", "legal_name": "Nordic", "zzz": 1, "dba": "", "months_in_operation": "?"}',
     ({"region": "ye\ns", "legal_name": "Nordic"}, ["zzz"])),
    ("{}", ({}, [])),
    ("{not json", None),
    ("[1, 2]", None),
    ("null", None),
    ('"text"', None),
    ("42", None),
    ("", None),
    ("[" * 100_000 + "]" * 100_000, None),
    ('{"purpose": "' + "x" * 4_000_000 + '", "region": "yes"}', ({"purpose": "x" * 4_000_000, "region": "yes"}, [])),
    ('{"region": "yes",}', None),  # strict, as the command line reads it
])
def test_the_first_versions_entry_is_read_robustly(text, expected):
    assert old_answers(text) == expected


def test_entries_kept_under_an_earlier_key_or_for_a_question_gone_are_found():
    names = [entry_name("region"), PREFIX + "retired_question", PREFIX + "aa", OLD_ENTRY, FORGOTTEN,
             "aasp-self-check:v3:answer:region", "another-site", None]
    assert other_entries(names) == ([], ["aa", "retired_question"])


def test_a_file_holds_the_usable_answers_typed_and_in_question_order():
    carried, left_out = portable(dict(FORM, repairs_per_quarter="-5", purpose="x" * 2001, dba="  "))
    assert left_out == ["repairs_per_quarter", "purpose"]
    text = file_text(carried)
    assert json.loads(text) == dict(carried, **{VERSION_KEY: ANSWERS_VERSION})
    assert text.startswith('{\n  "version": 1,\n')  # the format's version first
    assert carried["parts_reseller"] is False and carried["months_in_operation"] == 36
    assert carried["addresses"] == ["Storgatan 12, 111 22 Stockholm", "Kungsgatan 3, 411 19 Göteborg"]
    assert "dba" not in carried
    assert list(carried) == [q.key for q in QUESTIONS if q.key in carried]
    assert [line.split('"')[1] for line in text.splitlines()[2:-1]] == list(carried)  # one answer a line, in order
    assert "Åkesson" in text  # readable letters, not \u escapes
    assert assess(json.loads(text)) == assess(carried)
    assert file_text({}) == '{\n  "version": 1\n}\n'


def test_a_file_read_back_gives_the_same_assessment():
    carried, _left_out = portable(FORM)
    answers, not_used, fault = read_answers(file_text(carried))
    assert not_used == [] and fault is None
    assert assess(answers) == assess(FORM)
    assert answers["parts_reseller"] == "no" and answers["addresses"].count("\n") == 1


@pytest.mark.parametrize("text, fault", [
    ("not json", None), ("", EMPTY), ("{", UNFINISHED), ("[" * 100_000, None), ('{"region": "yes",}', None),
    ("[]", NOT_AN_OBJECT), ('"answers"', NOT_AN_OBJECT), ("null", NOT_AN_OBJECT), ("12", NOT_AN_OBJECT),
])
def test_a_file_that_holds_no_answers_object_is_refused_whole_with_the_fault(text, fault):
    answers, not_used, error = read_answers(text)
    assert answers is None and not_used == [] and isinstance(error, NotJSON)
    assert fault is None or error.fault == fault


@pytest.mark.parametrize("text, fields", [
    ('{"region": "maybe"}', ["region"]), ('{"nope": 1}', ["nope"]), ('{"legal_name": 12}', ["legal_name"]),
    ('{"verdict": "ready", "requirements": []}', ["requirements", "verdict"]),  # a report is not answers
    ('{"parts_reseller": "\\ud800"}', ["parts_reseller"]),  # the checker itself cannot read a lone surrogate
])
def test_answers_that_cannot_be_used_are_named_and_none_is_filled(text, fields):
    answers, not_used, fault = read_answers(text)
    assert answers == {} and fault is None
    assert [error.field for error in not_used] == fields


def test_a_file_from_before_a_question_was_retired_still_fills_every_answer_that_applies():
    answers, not_used, fault = read_answers('{"retired_question": true, "legal_name": "Nordic AB", "region": "yes"}')
    assert fault is None and answers == {"legal_name": "Nordic AB", "region": "yes"}
    assert [(error.field, error.msgid) for error in not_used] == [
        ("retired_question", "This is not one of the self-check's questions.")]


def test_a_file_the_browser_could_not_decode_as_utf8_is_refused():
    assert read_file('{"legal_name": "\ufffdtervinning AB"}') == (None, [], NOT_UTF8)
    assert read_file('{"legal_name": "Återvinning AB"}') == ({"legal_name": "Återvinning AB"}, [], None)


def test_a_link_carries_the_answers_in_url_safe_characters_and_reads_back():
    carried, _left_out = portable(FORM)
    fragment = link_fragment(carried)
    assert fragment.startswith("answers=")
    code = fragment[len("answers="):]
    assert code and all(ch.isalnum() or ch in "-_" for ch in code)
    for given in (fragment, "#" + fragment):
        answers, not_used, fault = read_answers(link_text(given))
        assert not_used == [] and fault is None and assess(answers) == assess(FORM)
    assert read_answers(link_text(link_fragment({})))[0] == {}


def _as_handed_over(fragment):
    """A link's fragment as mail and chat programs have handed it over."""
    half = len(fragment) // 2
    return [fragment.replace("=", "%3D", 1),  # the mark's "=" percent-encoded
            fragment.replace("=", "%253D", 1),  # ... twice
            "%23" + fragment[1:].replace("=", "%3d", 1),  # the "#" too, in lower case
            fragment[:half] + "\n " + fragment[half:],  # broken over two lines
            fragment[:half] + "%20" + fragment[half:],
            fragment + ".", fragment + ")", fragment + ">"]  # the sentence's end taken along


def test_a_link_reads_back_as_mail_and_chat_programs_hand_it_over():
    carried, _left_out = portable(FORM)
    fragment = "#" + link_fragment(carried)
    for given in _as_handed_over(fragment):
        assert is_answers_link(given), given
        answers, not_used, fault = read_answers(link_text(given))
        assert fault is None and assess(answers) == assess(FORM), given


@pytest.mark.parametrize("fragment", ["", "#", "#field-region", "#answers", "#answersx", "#dina-svar", "#%3D", "#%", "#answers%3", None, 12])
def test_a_fragment_that_is_not_a_link_of_answers_is_left_alone(fragment):
    assert not is_answers_link(fragment)


@pytest.mark.parametrize("fragment", ["", "#", "#field-region", "#answers=", "#answers=!!!", "#answers=a",
                                      "#answers=" + "A" * (4 * MAX_FILE_BYTES), "#answers=/w", None, 12])
def test_a_damaged_link_reads_as_nothing(fragment):
    text = link_text(fragment)
    assert text is None or read_answers(text)[2] is not None


def test_answers_from_elsewhere_fill_blanks_and_name_what_differs():
    current = {"region": "yes", "legal_name": "Nordic Repair AB", "principal": "Anna", "dba": "",
               "months_in_operation": "-5"}
    incoming = {"region": "yes", "legal_name": "Nordic  Repair AB", "dba": "Fixa", "principal": "Bo",
                "months_in_operation": "12"}
    merged, differing = merge(current, incoming)
    # The same answer as the checker reads it is no difference; a wrong one is.
    assert differing == ["months_in_operation", "principal"]
    assert merged["dba"] == "Fixa" and merged["principal"] == "Bo"
    kept, none = merge(current, {"region": "yes"})
    assert none == [] and kept == current  # a question the incoming answers leave blank keeps its answer


def test_answers_are_shown_as_the_visitor_reads_them():
    sv = translator("sv")
    assert shown_answer(QUESTION_BY_KEY["region"], "unsure", sv) == "Vet inte"
    assert shown_answer(QUESTION_BY_KEY["addresses"], "Storgatan 12\n\nBox 3", sv) == "Storgatan 12, Box 3"
    long = shown_answer(QUESTION_BY_KEY["purpose"], "x" * 500, sv)
    assert len(long) == 80 and long.endswith("…")


def test_answers_from_outside_are_shown_with_control_characters_escaped():
    sv = translator("sv")
    shown = shown_answer(QUESTION_BY_KEY["legal_name"], "\u202eBA riapeR\x1b[31m", sv)
    assert shown == "\\u202eBA riapeR\\x1b[31m"


def test_a_bad_files_problems_come_in_question_order_then_by_name():
    _answers, not_used, _fault = read_answers('{"zz": 1, "legal_name": 12, "region": "maybe", "aa": 2}')
    assert [error.field for error in not_used] == ["region", "legal_name", "aa", "zz"]
