"""The answers format's version, and the questions renamed since: answers
saved by an earlier version (a file, a link, what the browser kept) are read
under today's names. Keys no question has any more are named as not used,
never a reason to refuse the rest.

A key, once renamed or retired, is never given to another question: so an
entry this browser kept (which carries no version) can be read under the
newest name whatever version kept it.
"""

ANSWERS_VERSION = 1
# The key a file or link of answers gives its version in (none: version 1).
VERSION_KEY = "version"
# (the first version with the new name, the old key, the new key), oldest first.
RENAMED = ()


def current_answers(answers, renamed=RENAMED):
    """`answers` of any version as this one reads them: without the version
    key, and with each key renamed after that version under its new name
    (unless the answers also hold the new one, which is then newer)."""
    version = answers.get(VERSION_KEY)
    if isinstance(version, bool) or not isinstance(version, int):
        version = 1
    current = {key: answers[key] for key in answers if key != VERSION_KEY}
    for since, old, new in renamed:
        if version < since and old in current and new not in current:
            current[new] = current.pop(old)
    return current


def current_key(key, renamed=RENAMED):
    """A key of any version under its newest name."""
    for _since, old, new in renamed:
        if key == old:
            key = new
    return key
