"""Check the checker's reports against the case table (tests/cases/).

Runs unchanged in CPython, Pyodide and MicroPython (tests/runtimes/run_cases.mjs
loads it into the two WebAssembly runtimes), so it keeps to plain functions, lists
and dicts: no dataclasses, typing, enum or traceback-only tricks. Every runtime
expands the table here, so each reads it the same way.

The table is a folder. `profiles.json` names base profiles:
    {"complete": {"about": "...", "answers": {...}, "status": "met"}, ...}
where `status` is what every requirement is expected to be unless a case says
otherwise. Every other `*.json` file is a list of cases, or an object that also
gives a profile the answers to its own questions:
    {"profile_answers": {"complete": {"new_key": true}}, "cases": [...]}
so a new requirement's file holds both what a complete business answers and its
cases. A key is given to a profile once: in profiles.json or in one file.
An answer that follows from one of the programme's figures (checker/programme.py)
names it, so a change of the figure needs no change here:
    {"repairs_per_quarter": {"figure": "MINIMUM_REPAIRS_PER_QUARTER", "plus": -1}}
Each case states only what differs from its profile:
    {"name", "profile", "lang" (optional, default "sv"),
     "answers": {keys set or changed} (optional), "without": [keys removed] (optional),
     "input": any JSON value given to assess() instead of answers (no answers/without then),
     "form_strings": true to give every answer as the form sends it: yes/no as
         "yes"/"no", a number in digits, lines as one text (optional),
     "verdict",
     "statuses": {requirement id: status} where it differs from the profile's (optional),
     "error_fields": [fields with an input error] (optional; none unless stated)}
A case may give the answers as JSON text, read as the command line and the page
read it (checker.strict_json), in place of answers or input:
    {"name", "profile", "text": "{...}", "verdict", ...}
or a text that is not a JSON object of answers, with the fault expected and where:
    {"name", "text": "{\"a\": 1,}", "fault": "TRAILING_COMMA", "at": [line, column] (null for none)}
The requirement IDs come from the module under test (its rules), never from a list here.
"""

import json
import os
import sys

PROFILES_FILE = "profiles.json"

VERDICTS = ["ready", "needs_attention", "incomplete", "not_eligible"]

NOTE_COUNT = 4  # the programme's notes (DESIGN.md, "Requirements")

CASE_KEYS = ["name", "profile", "lang", "answers", "without", "input", "form_strings", "text", "fault", "at",
             "verdict", "statuses", "error_fields"]
FAULT_KEYS = ["name", "text", "fault", "at"]


def _is_text(value):
    return isinstance(value, str) and len(value.strip()) > 0


def _sorted_list(values):
    out = list(values)
    out.sort()
    return out


def _copy(value):
    """A deep copy of a JSON value, so no case can change a profile for the next."""
    return json.loads(json.dumps(value))


def format_exception(exc):
    """The exception with its traceback, in CPython/Pyodide and in MicroPython."""
    try:
        import traceback

        lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
        return "".join(lines).rstrip()
    except Exception:
        pass
    try:
        import io

        buf = io.StringIO()
        sys.print_exception(exc, buf)
        return buf.getvalue().rstrip()
    except Exception:
        return type(exc).__name__ + ": " + str(exc)


def load_table(folder):
    """(profiles, cases) from the table's folder: case files in name order, each
    file's `profile_answers` added to its profiles. ValueError for a file that is
    neither form, or that names an unknown profile or a key the profile has."""
    with open(folder + "/" + PROFILES_FILE, encoding="utf-8") as f:
        profiles = json.loads(f.read())
    cases = []
    for name in _sorted_list(os.listdir(folder)):
        if name.endswith(".json") and name != PROFILES_FILE:
            with open(folder + "/" + name, encoding="utf-8") as f:
                table = json.loads(f.read())
            if isinstance(table, dict):
                add_profile_answers(profiles, table.get("profile_answers", {}), name)
                table = table.get("cases")
            if not isinstance(table, list):
                raise ValueError(name + ": a case file is a list of cases or an object with \"cases\" (a list)")
            cases.extend(table)
    return profiles, cases


def add_profile_answers(profiles, additions, where):
    """Give each named profile the answers of one case file (`where`)."""
    if not isinstance(additions, dict):
        raise ValueError(where + ": profile_answers is not an object")
    for profile_name in additions:
        profile = profiles.get(profile_name)
        answers = additions[profile_name]
        if not isinstance(profile, dict) or not isinstance(profile.get("answers"), dict):
            raise ValueError(where + ": profile_answers names " + repr(profile_name)
                             + ", not one of " + repr(_sorted_list(profiles)))
        if not isinstance(answers, dict):
            raise ValueError(where + ": profile_answers of " + repr(profile_name) + " is not an object")
        problems = []
        answers = with_figures(answers, problems)
        if problems:
            raise ValueError(where + ": profile_answers of " + repr(profile_name) + ": " + "; ".join(problems))
        for key in answers:
            if key in profile["answers"]:
                raise ValueError(where + ": " + repr(profile_name) + " already has an answer to " + repr(key))
            profile["answers"][key] = answers[key]


def as_form_string(value):
    """An answer as the form sends it: yes/no, digits, lines in one text (the way a
    text box may leave it, with blank lines at its end)."""
    if value is True or value is False:
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "\n".join(value) + "\n\n  "
    return value


def with_figures(answers, problems):
    """The answers with each {"figure": NAME, "plus": N} replaced by the figure's
    value plus N."""
    from checker import programme

    out = {}
    for key in answers:
        value = answers[key]
        if isinstance(value, dict) and "figure" in value:
            figure = getattr(programme, str(value["figure"]), None)
            if not isinstance(figure, programme.Figure):
                problems.append(key + ": " + repr(value["figure"]) + " is not a figure of checker/programme.py")
                continue
            value = figure.value + value.get("plus", 0)
        out[key] = value
    return out


def expand(case, profiles, requirement_ids):
    """(the full case, problems): the answers to assess and the expected status of
    every requirement, worked out from the case's profile and what the case changes."""
    if not isinstance(case, dict):
        return None, ["case is not an object: " + repr(case)]
    if "fault" in case:
        unknown = [key for key in case if key not in FAULT_KEYS]
        if unknown or not isinstance(case.get("text"), str) or not isinstance(case.get("fault"), str):
            return None, ["a case with a fault takes a text (a string), the fault's name and at, and no "
                          + repr(_sorted_list(unknown))]
        return {"name": case.get("name"), "text": case["text"], "fault": case["fault"], "at": case.get("at")}, []
    problems = []
    unknown = [key for key in case if key not in CASE_KEYS]
    if unknown:
        problems.append("unknown keys " + repr(_sorted_list(unknown)) + "; a case takes " + repr(CASE_KEYS))
    profile = profiles.get(case.get("profile")) if isinstance(case.get("profile"), str) else None
    if not isinstance(profile, dict):
        problems.append("profile " + repr(case.get("profile")) + " is not one of " + repr(_sorted_list(profiles)))
        return None, problems
    if not isinstance(profile.get("answers"), dict) or not _is_text(profile.get("status")):
        problems.append("profile " + repr(case["profile"]) + " needs answers (an object) and a status")
        return None, problems
    if case.get("verdict") not in VERDICTS:
        problems.append("verdict " + repr(case.get("verdict")) + " is not one of " + repr(VERDICTS))

    if "input" in case or "text" in case:
        if "answers" in case or "without" in case or ("input" in case and "text" in case):
            problems.append("a case with an input or a text takes no answers, without or the other")
        answers = _copy(case["input"]) if "input" in case else None
    else:
        answers = _copy(profile["answers"])
        without = case.get("without", [])
        if not isinstance(without, list):
            problems.append("without is not a list: " + repr(without))
            without = []
        for key in without:
            if key in answers:
                del answers[key]
            else:
                problems.append("without: " + repr(key) + " is not in the profile")
        changes = case.get("answers", {})
        if not isinstance(changes, dict):
            problems.append("answers is not an object: " + repr(changes) + " (use input for that)")
            changes = {}
        for key in changes:
            answers[key] = _copy(changes[key])
        answers = with_figures(answers, problems)
        if case.get("form_strings"):
            answers = dict([(key, as_form_string(answers[key])) for key in answers])

    statuses = case.get("statuses", {})
    if not isinstance(statuses, dict):
        problems.append("statuses is not an object: " + repr(statuses))
        statuses = {}
    for rid in statuses:
        if rid not in requirement_ids:
            problems.append("statuses: " + repr(rid) + " is not a requirement ID")
    error_fields = case.get("error_fields", [])
    if not isinstance(error_fields, list):
        problems.append("error_fields is not a list: " + repr(error_fields))
        error_fields = []

    full = {
        "name": case.get("name"),
        "lang": case.get("lang", "sv"),
        "answers": answers,
        "verdict": case.get("verdict"),
        "statuses": dict([(rid, statuses.get(rid, profile["status"])) for rid in requirement_ids]),
        "error_fields": error_fields,
    }
    if "text" in case:
        full["text"] = case["text"]
    return full, problems


def check_structure(report, lang, requirement_ids):
    """Problems with the report's shape, whatever the case expects."""
    problems = []
    if not isinstance(report, dict):
        return ["report is not a dict: " + repr(report)]

    for key in ("verdict", "lang", "requirements", "errors", "notes"):
        if key not in report:
            problems.append("report has no key " + repr(key))

    verdict = report.get("verdict")
    if "verdict" in report and verdict not in VERDICTS:
        problems.append("verdict " + repr(verdict) + " is not one of " + repr(VERDICTS))

    if "lang" in report and report.get("lang") != lang:
        problems.append("lang: expected " + repr(lang) + ", got " + repr(report.get("lang")))

    rows = report.get("requirements")
    if "requirements" in report:
        if not isinstance(rows, list):
            problems.append("requirements is not a list: " + repr(rows))
        else:
            ids = []
            for i, row in enumerate(rows):
                if not isinstance(row, dict):
                    problems.append("requirements[" + str(i) + "] is not a dict: " + repr(row))
                    ids.append(None)
                    continue
                rid = row.get("id")
                ids.append(rid)
                label = "requirement " + repr(rid)
                if not _is_text(row.get("status")):
                    problems.append(label + ": status is not a non-empty string: " + repr(row.get("status")))
                if not _is_text(row.get("title")):
                    problems.append(label + ": title is not a non-empty string: " + repr(row.get("title")))
                if not _is_text(row.get("message")):
                    problems.append(label + ": message is not a non-empty string: " + repr(row.get("message")))
            if ids != list(requirement_ids):
                missing = [r for r in requirement_ids if r not in ids]
                extra = [r for r in ids if r not in requirement_ids]
                detail = "requirement ids not all present in order"
                if missing:
                    detail += "; missing " + repr(missing)
                if extra:
                    detail += "; unexpected " + repr(extra)
                if not missing and not extra:
                    detail += "; got " + repr(ids)
                problems.append(detail)
            # Provisional exactly while a requirement is unanswered, with questions left.
            unanswered = "unanswered" in [row.get("status") for row in rows if isinstance(row, dict)]
            if report.get("provisional") is not unanswered:
                problems.append("provisional: expected " + repr(unanswered) + ", got " + repr(report.get("provisional")))
            left = report.get("questions_left")
            if not isinstance(left, int) or isinstance(left, bool) or (left > 0) != unanswered:
                problems.append("questions_left: " + repr(left) + " does not fit provisional " + repr(unanswered))

    errors = report.get("errors")
    if "errors" in report:
        if not isinstance(errors, list):
            problems.append("errors is not a list: " + repr(errors))
        else:
            for i, err in enumerate(errors):
                if not isinstance(err, dict):
                    problems.append("errors[" + str(i) + "] is not a dict: " + repr(err))
                    continue
                if not isinstance(err.get("field"), str):
                    problems.append("errors[" + str(i) + "]: field is not a string: " + repr(err.get("field")))
                if not _is_text(err.get("message")):
                    problems.append("errors[" + str(i) + "]: message is not a non-empty string: " + repr(err.get("message")))

    notes = report.get("notes")
    if "notes" in report:
        if not isinstance(notes, list):
            problems.append("notes is not a list: " + repr(notes))
        else:
            if len(notes) != NOTE_COUNT:
                problems.append("notes: expected " + str(NOTE_COUNT) + ", got " + str(len(notes)))
            for i, note in enumerate(notes):
                if not _is_text(note):
                    problems.append("notes[" + str(i) + "] is not a non-empty string: " + repr(note))
    return problems


def reader(strict_json):
    """read(text) -> (answers, the fault's name, [line, column]) through the
    checker's module strict_json: its faults are named by their constants."""
    names = {}
    for name in dir(strict_json):
        value = getattr(strict_json, name)
        if name.isupper() and isinstance(value, str):
            names[value] = name

    def read(text):
        try:
            return strict_json.read_object(text), None, None
        except strict_json.NotJSON as error:
            return None, names.get(error.fault, error.fault), (None if error.line is None else [error.line, error.column])

    return read


def check_fault(full, read):
    """A text that is not a JSON object of answers: the fault expected, where expected."""
    if read is None:
        return ["no reader of JSON text was given to run this case"]
    try:
        answers, fault, at = read(full["text"])
    except Exception as exc:
        return ["reading the text raised " + format_exception(exc)]
    if fault != full["fault"] or at != full["at"]:
        return ["expected " + repr(full["fault"]) + " at " + repr(full["at"]) + ", got " + repr(fault) + " at "
                + repr(at) + (" (read as " + repr(answers) + ")" if fault is None else "")]
    return []


def check_case(full, assess, requirement_ids, read=None):
    """Run one expanded case through assess; return a list of problems (empty: it matches)."""
    if "fault" in full:
        return check_fault(full, read)
    lang = full["lang"]
    if "text" in full:
        if read is None:
            return ["no reader of JSON text was given to run this case"]
        full["answers"], fault, at = read(full["text"])
        if fault is not None:
            return ["the text is not read: " + fault + " at " + repr(at)]
    try:
        report = assess(full["answers"], lang)
    except Exception as exc:
        return ["assess raised " + format_exception(exc)]

    problems = check_structure(report, lang, requirement_ids)
    if not isinstance(report, dict):
        return problems

    if report.get("verdict") != full["verdict"]:
        problems.append("verdict: expected " + repr(full["verdict"]) + ", got " + repr(report.get("verdict")))

    rows = report.get("requirements")
    by_id = {}
    if isinstance(rows, list):
        for row in rows:
            if isinstance(row, dict):
                by_id[row.get("id")] = row
    for rid in requirement_ids:
        expected = full["statuses"][rid]
        row = by_id.get(rid)
        if row is None:
            problems.append("status of " + repr(rid) + ": expected " + repr(expected) + ", but the report has no such row")
        elif row.get("status") != expected:
            problems.append(
                "status of " + repr(rid) + ": expected " + repr(expected) + ", got " + repr(row.get("status"))
                + " (message: " + repr(row.get("message")) + ")"
            )

    got = []
    errors = report.get("errors")
    if isinstance(errors, list):
        for err in errors:
            if isinstance(err, dict):
                got.append(err.get("field"))
    want = set(full["error_fields"])
    have = set(got)
    if want != have:
        missing = _sorted_list([f for f in want if f not in have])
        extra = [e for e in errors if isinstance(e, dict) and e.get("field") not in want] if isinstance(errors, list) else []
        detail = "error fields: expected " + repr(_sorted_list(want)) + ", got " + repr(got)
        if missing:
            detail += "; missing " + repr(missing)
        if extra:
            detail += "; unexpected " + repr(extra)
        problems.append(detail)
    return problems


def run_case(case, profiles, assess, requirement_ids, read=None):
    """Expand one case and check it: a list of problems (empty: it matches).
    `read` reads a case's JSON text (see reader)."""
    full, problems = expand(case, profiles, requirement_ids)
    if full is None:
        return problems
    return problems + check_case(full, assess, requirement_ids, read)


def run_all(profiles, cases, assess, requirement_ids, read=None):
    """Run every case: {"ran": n, "failures": {case name: [problems]}}."""
    failures = {}
    seen = {}
    ran = 0
    for i, case in enumerate(cases):
        name = case.get("name") if isinstance(case, dict) else None
        if not isinstance(name, str) or not name:
            name = "case #" + str(i)
        if name in seen:
            name = name + " (#" + str(i) + ", duplicate name)"
        seen[name] = True
        ran += 1
        problems = run_case(case, profiles, assess, requirement_ids, read)
        if problems:
            failures[name] = problems
    return {"ran": ran, "failures": failures}
