"""The AASP self-check: judges a business's answers against the program's
requirements. Public surface: `assess()`, `draft_email()`, the question list and
`python -m checker`."""

from .questions import GROUPS, QUESTIONS

__all__ = ["assess", "draft_email", "GROUPS", "QUESTIONS"]


def __getattr__(name):
    """`assess` and `draft_email`, imported when first asked for: the self-check page
    imports the checker a part at a time, each in a short task (checker/web/start.py),
    and any import of a part runs this file first."""
    if name == "assess":
        from .report import assess
        return assess
    if name == "draft_email":
        from .application import draft_email
        return draft_email
    # MicroPython asks here first for `from . import patterns`, and imports nothing
    # itself once asked: the submodule is imported, as CPython would.
    if name.startswith("_"):
        raise AttributeError(name)
    try:
        __import__(__name__ + "." + name)
    except ImportError:
        raise AttributeError(name)
    return globals()[name]
