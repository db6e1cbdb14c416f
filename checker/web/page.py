"""The page's elements and texts, and the few DOM helpers every part uses.
Made once by start.py and handed to each part."""

from pyscript.ffi import create_proxy

from .. import element_ids as ids
from ..i18n import translator
from ..page_texts import page_text
from ..questions import QUESTION_BY_KEY
from ..shown_text import shown_key


class Page:
    def __init__(self, document, window):
        self.document = document
        self.window = window
        self.form = document.getElementById(ids.FORM)
        self.lang = self.form.getAttribute("data-lang")
        self._ = translator(self.lang)

    def by_id(self, element_id):
        return self.document.getElementById(element_id)

    def find(self, selector, root=None):
        return (root or self.document).querySelector(selector)

    def text(self, key, **params):
        return page_text(self._, key, **params)

    def labels(self, keys):
        """Questions named for the visitor, as a list in a sentence; a key no
        question has (a file's, a link's, an older version's) quoted."""
        return "; ".join(self._(QUESTION_BY_KEY[key].label) if key in QUESTION_BY_KEY else self.quoted(key)
                         for key in keys)

    def quoted(self, key):
        """A key from outside, quoted as written, its control characters shown as escapes."""
        return self.text("quoted", text=shown_key(key))


def set_text(node, text):
    # Only real changes, so a live region announces what changed and nothing else.
    if node.textContent != text:
        node.textContent = text


def listen(node, kind, handler):
    node.addEventListener(kind, create_proxy(handler))


# A Python function handed to JavaScript is a proxy that runs script when the
# garbage collector frees it, and script run while the page is in the
# back/forward cache evicts it from there. So a function JavaScript calls once
# and lets go (a promise's callback) is kept for the page's life.
_kept = []


def kept_proxy(function):
    proxy = create_proxy(function)
    _kept.append(proxy)
    return proxy
