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
Each case states only what differs from its profile:
    {"name", "profile", "lang" (optional, default "sv"),
     "answers": {keys set or changed} (optional), "without": [keys removed] (optional),
     "input": any JSON value given to assess() instead of answers (no answers/without then),
     "verdict",
     "statuses": {requirement id: status} where it differs from the profile's (optional),
     "error_fields": [fields with an input error] (optional; none unless stated)}
The requirement IDs come from the module under test (its rules), never from a list here.
"""

import json
import os
import sys

PROFILES_FILE = "profiles.json"

VERDICTS = ["ready", "needs_attention", "incomplete", "not_eligible"]

NOTE_COUNT = 4  # N1-N4 of the requirement catalogue

CASE_KEYS = ["name", "profile", "lang", "answers", "without", "input", "verdict", "statuses", "error_fields"]


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
        for key in answers:
            if key in profile["answers"]:
                raise ValueError(where + ": " + repr(profile_name) + " already has an answer to " + repr(key))
            profile["answers"][key] = answers[key]


def expand(case, profiles, requirement_ids):
    """(the full case, problems): the answers to assess and the expected status of
    every requirement, worked out from the case's profile and what the case changes."""
    if not isinstance(case, dict):
        return None, ["case is not an object: " + repr(case)]
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

    if "input" in case:
        if "answers" in case or "without" in case:
            problems.append("a case with an input takes no answers or without")
        answers = _copy(case["input"])
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


def check_case(full, assess, requirement_ids):
    """Run one expanded case through assess; return a list of problems (empty: it matches)."""
    lang = full["lang"]
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


def run_case(case, profiles, assess, requirement_ids):
    """Expand one case and check it: a list of problems (empty: it matches)."""
    full, problems = expand(case, profiles, requirement_ids)
    if full is None:
        return problems
    return problems + check_case(full, assess, requirement_ids)


def run_all(profiles, cases, assess, requirement_ids):
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
        problems = run_case(case, profiles, assess, requirement_ids)
        if problems:
            failures[name] = problems
    return {"ran": ran, "failures": failures}
