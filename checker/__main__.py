"""Command line: python -m checker [--lang sv|en] [--json] [ANSWERS.json | -]

Exit 0 with a report for any JSON object; exit 2 with one line on standard error
when the input cannot be read, is too large or is not a JSON object, or when the
report cannot be written. Never a traceback, whatever the bytes.
"""

import argparse
import codecs
import json
import sys
import textwrap

from .format_version import ANSWERS_VERSION, VERSION_KEY
from .i18n import LANGUAGES, N_, translator
from .page_texts import page_text
from .questions import BOOL, CHOICE, COUNT, LINES, LONG_TEXT, QUESTIONS
from .report import PRELIMINARY, STATUS_TEXTS, VERDICT_TEXTS, assess
from .shown_text import printable
from .strict_json import NotJSON, described, read_object
from .validation import MAX_ADDRESSES, MAX_LINE_LENGTH

STATUS_MARKS = {"met": "[✓]", "not_met": "[✗]", "unclear": "[?]", "unanswered": "[ ]"}

# Answers fill a few kilobytes; the limit keeps a wrong file (or /dev/zero) from filling memory.
MAX_INPUT_BYTES = 1000000
NOT_ANSWERS = N_("{name} is not a file of answers. {fault}")


def say(message):
    """One line on standard error, if there is one to write to."""
    try:
        sys.stderr.write("checker: " + printable(message) + "\n")
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):
        pass  # no standard error: the exit status still tells


class OutputError(Exception):
    pass


def write_out(text, fallback=None):
    """Writes `text` to standard output in its encoding: characters the encoding
    lacks become "?", unless `fallback` (text that always encodes) is given.
    Raises OutputError with a one-line reason when the output cannot be written."""
    if sys.stdout is None:
        raise OutputError("standard output is closed")
    encoding = sys.stdout.encoding or "utf-8"
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = fallback.encode(encoding) if fallback is not None else text.encode(encoding, "replace")
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except (OSError, ValueError) as error:
        raise OutputError("cannot write to standard output: " + str(getattr(error, "strerror", None) or error))


def answer_keys_help():
    """Every answer key with what it takes, from the question list."""
    _ = translator("en")
    lines = ["answers: one JSON object, as the self-check page exports it; leave out",
             "what you do not know. The keys, what each takes, and its question:", ""]
    indent = " " * 25
    for question in QUESTIONS:
        lines += textwrap.wrap(_takes(question), 79, initial_indent="  " + question.key.ljust(23),
                               subsequent_indent=indent)
        lines += textwrap.wrap(_(question.label), 79, initial_indent=indent, subsequent_indent=indent)
    lines += textwrap.wrap("the answers format's version, %d now; a key renamed since the version given is read "
                           "under its new name" % ANSWERS_VERSION, 79, initial_indent="  " + VERSION_KEY.ljust(23),
                           subsequent_indent=indent)
    return "\n".join(lines)


def _takes(question):
    if question.kind == BOOL:
        return 'true or false ("yes" and "no" also do)'
    if question.kind == CHOICE:
        return "one of: " + ", ".join([value for value, _label in question.choices])
    if question.kind == COUNT:
        return "a whole number from 0 to " + str(question.maximum)
    if question.kind == LINES:
        return ("a list of texts, at most %d of at most %d characters each (or one text, one per line)"
                % (MAX_ADDRESSES, MAX_LINE_LENGTH))
    if question.kind == LONG_TEXT:
        return "text, line breaks allowed, at most %d characters" % question.max_length
    return "text, at most %d characters" % question.max_length


class OneLineParser(argparse.ArgumentParser):
    def error(self, message):
        say(message + " (see --help)")
        sys.exit(2)

    def print_help(self, file=None):
        if file is not None:
            return super().print_help(file)
        try:
            write_out(self.format_help())
        except OutputError as error:
            say(str(error))
            sys.exit(2)


def decode(data, name):
    """The text of the input's bytes: UTF-8 with or without a byte order mark, or
    UTF-16 with one (as Windows PowerShell writes files)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ValueError(name + " is not UTF-16 text, though it starts like it")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(name + " is not UTF-8 text (at byte " + str(error.start + 1) + ")")


def read_answers(path, lang):
    """The answers object, or raises ValueError with a one-line reason (in
    `lang` when the input is not JSON, or not an object)."""
    name = "standard input" if path == "-" else path
    try:
        if path == "-":
            if sys.stdin is None:
                raise ValueError("standard input is closed")
            data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        else:
            with open(path, "rb") as f:
                data = f.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        raise ValueError("cannot read " + name + ": " + str(error.strerror or error))
    if len(data) > MAX_INPUT_BYTES:
        raise ValueError(name + " is larger than the limit of {:,} bytes".format(MAX_INPUT_BYTES))
    text = decode(data, name)
    try:
        return read_object(text)
    except NotJSON as error:
        _ = translator(lang)
        raise ValueError(_(NOT_ANSWERS, name=name, fault=described(_, error)))


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
    # Messages quote the visitor's text: a control character in it is shown, not obeyed.
    return "\n".join([printable(line) for line in lines])


def main(argv=None):
    parser = OneLineParser(
        prog="python -m checker", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Pre-application self-check for the Authorised Apple Service Provider programme.",
        epilog=answer_keys_help() + "\n\nExit status: 0 with a report, whatever the verdict; 2 with one line on\n"
        "standard error when the input is unreadable, over the size limit or not a JSON\nobject, "
        "or when the report cannot be written.")
    parser.add_argument("--lang", choices=LANGUAGES, default="sv", help="language of the report (default sv)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("answers", nargs="?", default="-", metavar="ANSWERS.json",
                        help="the answers: a JSON object in UTF-8 of at most {:,} bytes; - (the default) "
                             "for standard input".format(MAX_INPUT_BYTES))
    args = parser.parse_args(argv)
    try:
        answers = read_answers(args.answers, args.lang)
    except ValueError as error:
        say(str(error))
        return 2
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    report = assess(answers, args.lang)
    try:
        if args.json:
            # Where the output's encoding lacks a character, the JSON gets \u escapes.
            write_out(json.dumps(report, ensure_ascii=False, indent=2) + "\n",
                      fallback=json.dumps(report, indent=2) + "\n")
        else:
            write_out(readable(report) + "\n")
    except OutputError as error:
        say(str(error))
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
