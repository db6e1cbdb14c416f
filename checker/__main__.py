"""Command line: python -m checker [--lang sv|en] [--json] [ANSWERS.json | -]

Exit 0 with a report for any JSON object; exit 2 with one line on standard
error when the input cannot be read or is not a JSON object.
"""

import argparse
import json
import sys

from .i18n import LANGUAGES, translator
from .page_texts import page_text
from .report import PRELIMINARY, STATUS_TEXTS, VERDICT_TEXTS, assess

STATUS_MARKS = {"met": "[✓]", "not_met": "[✗]", "unclear": "[?]", "unanswered": "[ ]"}


class OneLineParser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("checker: " + message + " (see --help)\n")
        sys.exit(2)


def read_answers(path):
    """The answers object, or raises ValueError with a one-line reason."""
    name = "standard input" if path == "-" else path
    try:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8") as f:
                text = f.read()
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError("cannot read " + path + ": " + str(getattr(error, "strerror", None) or error))
    try:
        answers = json.loads(text)
    except ValueError as error:
        raise ValueError(name + " is not valid JSON: " + str(error).split("\n")[0])
    except RecursionError:
        raise ValueError(name + " is nested too deeply to read")
    if not isinstance(answers, dict):
        raise ValueError(name + " must hold a JSON object of answers, not " + type(answers).__name__)
    return answers


def readable(report):
    _ = translator(report["lang"])

    title, explanation = VERDICT_TEXTS[report["verdict"]]
    lines = [_(title), _(explanation), _(PRELIMINARY), ""]
    for row in report["requirements"]:
        status_text = STATUS_TEXTS[row["status"]]
        lines.append(STATUS_MARKS[row["status"]] + " " + row["title"] + " – " + _(status_text))
        lines.append("    " + row["message"])
    if report["errors"]:
        lines += ["", page_text(_, "answers_not_used") + ":"]
        lines += ["  - " + (error["field"] + ": " if error["field"] else "") + error["message"]
                  for error in report["errors"]]
    lines += ["", page_text(_, "good_to_know") + ":"] + ["  - " + note for note in report["notes"]]
    return "\n".join(lines)


def main(argv=None):
    parser = OneLineParser(prog="python -m checker",
                           description="Pre-application self-check for the Authorised Apple Service Provider programme.")
    parser.add_argument("--lang", choices=LANGUAGES, default="sv", help="language of the report (default sv)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("answers", nargs="?", default="-", help="answers file (JSON object), or - for standard input")
    args = parser.parse_args(argv)
    try:
        answers = read_answers(args.answers)
    except ValueError as error:
        sys.stderr.write("checker: " + str(error) + "\n")
        return 2
    report = assess(answers, args.lang)
    try:
        print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else readable(report))
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # the reader (say, `head`) stopped early; that is not an error
    return 0


if __name__ == "__main__":
    sys.exit(main())
