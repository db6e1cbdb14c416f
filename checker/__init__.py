"""The AASP self-check: judges a business's answers against the program's
requirements. Public surface: `assess()`, the question list and `python -m checker`."""

from .questions import GROUPS, QUESTIONS
from .application import draft_email
from .report import assess

__all__ = ["assess", "draft_email", "GROUPS", "QUESTIONS"]
