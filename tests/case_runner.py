"""Check the checker's reports against the case table (tests/cases.json).

Runs unchanged in CPython, Pyodide and MicroPython (tests/runtimes/run_cases.mjs
loads it into the two WebAssembly runtimes), so it keeps to plain functions, lists
and dicts: no dataclasses, typing, enum or traceback-only tricks.

A case: {"name", "lang" (optional, default "sv"), "answers", "verdict",
"statuses": {requirement id: status} (a subset), "error_fields": [field, ...]
(optional; when given, the set of error fields must equal it)}.
"""

import sys

REQUIREMENT_IDS = [
    "region",
    "organisation-type",
    "no-parts-resale",
    "operating-history",
    "audited-accounts",
    "credit-line",
    "brand-promotion",
    "service-standards",
    "repair-volume",
    "confidentiality",
    "dedicated-staff",
    "commercial-location",
    "reception-area",
    "secure-workshop",
    "no-home-address",
    "certified-technicians",
    "application-details",
    "business-email",
    "trademarks",
]

VERDICTS = ["ready", "needs_attention", "incomplete", "not_eligible"]

NOTE_COUNT = 4


def _is_text(value):
    return isinstance(value, str) and len(value.strip()) > 0


def _sorted_list(values):
    out = list(values)
    out.sort()
    return out


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


def check_structure(report, lang):
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
            if ids != REQUIREMENT_IDS:
                missing = [r for r in REQUIREMENT_IDS if r not in ids]
                extra = [r for r in ids if r not in REQUIREMENT_IDS]
                detail = "requirement ids not all present in order"
                if missing:
                    detail += "; missing " + repr(missing)
                if extra:
                    detail += "; unexpected " + repr(extra)
                if not missing and not extra:
                    detail += "; got " + repr(ids)
                problems.append(detail)

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


def check_case(case, assess):
    """Run one case through assess; return a list of problems (empty: it matches)."""
    lang = case.get("lang", "sv")
    try:
        report = assess(case.get("answers"), lang)
    except Exception as exc:
        return ["assess raised " + format_exception(exc)]

    problems = check_structure(report, lang)
    if not isinstance(report, dict):
        return problems

    if "verdict" in case and report.get("verdict") != case["verdict"]:
        problems.append("verdict: expected " + repr(case["verdict"]) + ", got " + repr(report.get("verdict")))

    rows = report.get("requirements")
    by_id = {}
    if isinstance(rows, list):
        for row in rows:
            if isinstance(row, dict):
                by_id[row.get("id")] = row
    statuses = case.get("statuses") or {}
    for rid in _sorted_list(statuses.keys()):
        expected = statuses[rid]
        row = by_id.get(rid)
        if row is None:
            problems.append("status of " + repr(rid) + ": expected " + repr(expected) + ", but the report has no such row")
        elif row.get("status") != expected:
            problems.append(
                "status of " + repr(rid) + ": expected " + repr(expected) + ", got " + repr(row.get("status"))
                + " (message: " + repr(row.get("message")) + ")"
            )

    if "error_fields" in case:
        got = []
        errors = report.get("errors")
        if isinstance(errors, list):
            for err in errors:
                if isinstance(err, dict):
                    got.append(err.get("field"))
        want = set(case["error_fields"])
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


def run_all(cases, assess):
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
        if not isinstance(case, dict):
            failures[name] = ["case is not an object: " + repr(case)]
            continue
        problems = check_case(case, assess)
        if problems:
            failures[name] = problems
    return {"ran": ran, "failures": failures}
