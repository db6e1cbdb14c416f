"""Keeps the Babel catalogs in step with the code.

    python scripts/catalogs.py update   # extract msgids to locales/messages.pot, merge into each .po
    python scripts/catalogs.py compile  # write checker/catalogs/LANG.json from each .po
    python scripts/catalogs.py check    # exit 1 if anything is stale or a translation is missing

The languages are checker.i18n.LANGUAGES. Translate by editing
locales/LANG/LC_MESSAGES/messages.po, then `compile`.
"""

import io
import json
import pathlib
import sys

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.i18n import LANGUAGES, MSGID_LANGUAGE  # noqa: E402

LOCALES = ROOT / "locales"
POT = LOCALES / "messages.pot"
COMPILED = ROOT / "checker" / "catalogs"
# Where the msgids are: the checker, and the build hooks' own texts (such as the
# title of a heading's permanent link).
SOURCES = ("checker", "hooks")
KEYWORDS = {"_": None, "N_": None}


def po_path(lang):
    return LOCALES / lang / "LC_MESSAGES" / "messages.po"


def extract():
    """A template catalog of every msgid in the sources, in source order."""
    template = Catalog(project="aasp-guide", fuzzy=False)
    for source in SOURCES:
        for filename, lineno, message, comments, context in extract_from_dir(
                str(ROOT / source), method_map=[("**.py", "python")], keywords=KEYWORDS):
            template.add(message, locations=[(source + "/" + filename, lineno)], auto_comments=comments)
    return template


def render(catalog, **options):
    buffer = io.BytesIO()
    # Sorted by msgid and without line numbers: an edit elsewhere in a file does not
    # touch the catalogs, and two branches that add texts rarely meet in one place.
    write_po(buffer, catalog, omit_header=False, sort_output=True, include_lineno=False, width=100, **options)
    # The creation date changes on every run; leave it out so unchanged catalogs stay unchanged.
    return b"\n".join(line for line in buffer.getvalue().split(b"\n")
                      if not line.startswith(b'"POT-Creation-Date'))


def load(path, lang=None):
    with open(path, "rb") as f:
        return read_po(f, locale=lang)


def updated(lang, template):
    catalog = (load(po_path(lang), lang) if po_path(lang).exists()
               else Catalog(locale=lang, project="aasp-guide", header_comment="# Texts of the AASP self-check."))
    # No fuzzy matching: a new or changed msgid starts empty (`check` then names it),
    # never pre-filled with the translation of another message that looks alike.
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    return catalog


def compiled(lang):
    """msgid -> translation, only where it differs (English msgids are the English texts)."""
    messages = {}
    for message in load(po_path(lang), lang):
        if message.id and message.string and not message.fuzzy and message.string != message.id:
            messages[message.id] = message.string
    return json.dumps(messages, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def update():
    template = extract()
    POT.parent.mkdir(parents=True, exist_ok=True)
    POT.write_bytes(render(template))
    for lang in LANGUAGES:
        po_path(lang).parent.mkdir(parents=True, exist_ok=True)
        po_path(lang).write_bytes(render(updated(lang, template)))


def compile_all():
    COMPILED.mkdir(exist_ok=True)
    for lang in LANGUAGES:
        (COMPILED / (lang + ".json")).write_text(compiled(lang), encoding="utf-8")


def problems():
    """What is stale or missing, one line each (empty when all is in step)."""
    found = []
    template = extract()
    if not POT.exists() or POT.read_bytes() != render(template):
        found.append("locales/messages.pot is stale: run `make catalogs`")
    for lang in LANGUAGES:
        if not po_path(lang).exists() or po_path(lang).read_bytes() != render(updated(lang, template)):
            found.append(f"{po_path(lang).relative_to(ROOT)} is stale: run `make catalogs`")
        json_path = COMPILED / (lang + ".json")
        if po_path(lang).exists() and (not json_path.exists() or json_path.read_text(encoding="utf-8") != compiled(lang)):
            found.append(f"{json_path.relative_to(ROOT)} is stale: run `make catalogs`")
    for lang in LANGUAGES:
        if lang != MSGID_LANGUAGE and po_path(lang).exists():
            for message in load(po_path(lang), lang):
                if message.id and (not message.string or message.fuzzy):
                    found.append(f"no translation into {lang} for {message.id!r}")
    return found


def main(command):
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        found = problems()
        print("\n".join(found) or "catalogs are complete and in step with the code")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
