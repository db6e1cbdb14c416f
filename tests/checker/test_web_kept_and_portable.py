"""The browser glue's DOM-free parts, in CPython: what may be kept in this
browser and what can be restored from any stored value (checker/web/saved.py),
and the answers object of a file or share link (checker/web/portable.py).
The browser tests run the same code in MicroPython and Pyodide."""

import json

import pytest

from checker import assess
from checker.i18n import translator
from checker.questions import QUESTION_BY_KEY, QUESTIONS
from checker.web.portable import (MAX_FILE_BYTES, NOT_ANSWERS, NOT_JSON, NOT_UTF8, WRONG_VALUES, file_text,
                                  is_answers_link, link_fragment, link_text, merge, portable, read_answers,
                                  read_file, shown_answer)
from checker.web.saved import (FORGOTTEN, OLD_ENTRY, checked, entry_name, is_kept_answers, old_answers, question_key,
                               to_keep)

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
     {"region": "ye\ns", "legal_name": "Nordic"}),
    ("{}", {}),
    ("{not json", None),
    ("[1, 2]", None),
    ("null", None),
    ('"text"', None),
    ("42", None),
    ("", None),
    ("[" * 100_000 + "]" * 100_000, None),
    # Too long for any answer: read as a shorter text, still too long (and quick in MicroPython).
    ('{"purpose": "' + "x" * 4_000_000 + '", "region": "yes"}', {"purpose": "x" * 2001, "region": "yes"}),
])
def test_the_first_versions_entry_is_read_robustly(text, expected):
    assert old_answers(text) == expected


def test_a_file_holds_the_usable_answers_typed_and_in_question_order():
    carried, left_out = portable(dict(FORM, repairs_per_quarter="-5", purpose="x" * 2001, dba="  "))
    assert left_out == ["repairs_per_quarter", "purpose"]
    text = file_text(carried)
    assert json.loads(text) == carried
    assert carried["parts_reseller"] is False and carried["months_in_operation"] == 36
    assert carried["addresses"] == ["Storgatan 12, 111 22 Stockholm", "Kungsgatan 3, 411 19 Göteborg"]
    assert "dba" not in carried
    assert list(carried) == [q.key for q in QUESTIONS if q.key in carried]
    assert [line.split('"')[1] for line in text.splitlines()[1:-1]] == list(carried)  # one answer a line, in order
    assert "Åkesson" in text  # readable letters, not \u escapes
    assert assess(json.loads(text)) == assess(carried)
    assert file_text({}) == "{}\n"


def test_a_file_read_back_gives_the_same_assessment():
    carried, _left_out = portable(FORM)
    answers, problem = read_answers(file_text(carried))
    assert problem is None
    assert assess(answers) == assess(FORM)
    assert answers["parts_reseller"] == "no" and answers["addresses"].count("\n") == 1


@pytest.mark.parametrize("text, kind", [
    ("not json", NOT_JSON), ("", NOT_JSON), ("{", NOT_JSON), ("[" * 100_000, NOT_JSON),
    ("[]", NOT_ANSWERS), ('"answers"', NOT_ANSWERS), ("null", NOT_ANSWERS), ("12", NOT_ANSWERS),
    ('{"region": "maybe"}', WRONG_VALUES), ('{"nope": 1}', WRONG_VALUES), ('{"legal_name": 12}', WRONG_VALUES),
    ('{"verdict": "ready", "requirements": []}', WRONG_VALUES),  # a report is not answers
    ('{"parts_reseller": "\\ud800"}', WRONG_VALUES),  # the checker itself cannot read a lone surrogate
])
def test_a_bad_file_is_refused_whole(text, kind):
    answers, problem = read_answers(text)
    assert answers is None and problem[0] == kind
    if kind == WRONG_VALUES:
        assert problem[1]  # the reasons, to name them


def test_a_file_the_browser_could_not_decode_as_utf8_is_refused():
    assert read_file('{"legal_name": "\ufffdtervinning AB"}') == (None, (NOT_UTF8,))
    assert read_file('{"legal_name": "Återvinning AB"}') == ({"legal_name": "Återvinning AB"}, None)


def test_a_link_carries_the_answers_in_url_safe_characters_and_reads_back():
    carried, _left_out = portable(FORM)
    fragment = link_fragment(carried)
    assert fragment.startswith("answers=")
    code = fragment[len("answers="):]
    assert code and all(ch.isalnum() or ch in "-_" for ch in code)
    for given in (fragment, "#" + fragment):
        answers, problem = read_answers(link_text(given))
        assert problem is None and assess(answers) == assess(FORM)
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
        answers, problem = read_answers(link_text(given))
        assert problem is None and assess(answers) == assess(FORM), given


@pytest.mark.parametrize("fragment", ["", "#", "#field-region", "#answers", "#answersx", "#dina-svar", "#%3D", "#%", "#answers%3", None, 12])
def test_a_fragment_that_is_not_a_link_of_answers_is_left_alone(fragment):
    assert not is_answers_link(fragment)


@pytest.mark.parametrize("fragment", ["", "#", "#field-region", "#answers=", "#answers=!!!", "#answers=a",
                                      "#answers=" + "A" * (4 * MAX_FILE_BYTES), "#answers=/w", None, 12])
def test_a_damaged_link_reads_as_nothing(fragment):
    text = link_text(fragment)
    assert text is None or read_answers(text)[1] is not None


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


@pytest.mark.parametrize("value", [
    {"a": 'q"r', "b": "x\\", "c": "\\\"", "d": ["\\\\\"", "é\u2028"], "e": 1},
    {"purpose": 'Tjo "hej" \\ åäö\n' * 2000, "legal_name": 'A "B" \\', "region": "yes"},
    ["\\" * 20001, '"' * 20001],
])
def test_long_json_is_read_quickly_and_as_json_reads_it(value):
    """A string too long for any answer reads as one still too long; the rest as json.loads reads it."""
    from checker.web.saved import loads
    text = json.dumps(value, ensure_ascii=False)
    read = loads(text)
    expected = json.loads(text)
    if isinstance(expected, dict):
        assert {key: read[key] for key in expected if len(json.dumps(expected[key])) < 12000} == \
            {key: value for key, value in expected.items() if len(json.dumps(value)) < 12000}
        too_long = [key for key in expected if len(json.dumps(expected[key])) >= 12002]
    else:
        too_long = list(range(len(expected)))
    for key in too_long:
        assert len(read[key]) > 2000 and assess({"purpose": read[key]})["errors"], key
    for broken in (text[:-1], text[:len(text) // 2], text + "]"):
        with pytest.raises(ValueError):
            loads(broken)


def test_a_bad_files_problems_come_in_question_order_then_by_name():
    _answers, problem = read_answers('{"zz": 1, "legal_name": 12, "region": "maybe", "aa": 2}')
    assert [error.field for error in problem[1]] == ["region", "legal_name", "aa", "zz"]
