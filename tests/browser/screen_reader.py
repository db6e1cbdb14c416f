"""A virtual screen reader in the page under test: @guidepup/virtual-screen-reader
(pinned in package.json, installed by `make setup`), whose browser bundle reads the
page's accessibility tree as a screen reader would and logs what it would say.

The page's Content-Security-Policy allows scripts from its own origin only (and
hashed inline ones), so an injected inline script would be refused. The bundle is
served from the site's origin instead: page.route answers a made-up address on it
with the file from node_modules, and the page imports it from there. The policy stays
as the site sends it (no bypass_csp).

    reader = ScreenReader(page)   before page.goto: routes the bundle's address
    reader.start()                once the page is live: reads the body from its top
    reader.next(n), reader.perform(command), reader.act(), reader.press(key)
    reader.heard()                the spoken log since the last clear: each phrase,
                                  live announcements as "polite: ..." / "assertive: ..."
    reader.clear()

Every step prints what was heard, so a failing test shows its spoken log (pytest
prints a failed test's output; `-s` prints it always).
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "node_modules" / "@guidepup" / "virtual-screen-reader" / "lib" / "esm" / "index.browser.js"
# On the site's origin, where the page's policy ('self') lets it be imported; no such
# file exists, so only the route answers it.
BUNDLE_URL_PATH = "/__virtual-screen-reader__.js"


class ScreenReader:
    def __init__(self, page):
        assert BUNDLE.is_file(), f"{BUNDLE} is missing: run `make setup` (npm ci)"
        self.page = page
        body = BUNDLE.read_bytes()
        page.route("**" + BUNDLE_URL_PATH, lambda route: route.fulfill(
            status=200, content_type="text/javascript", body=body))

    def start(self):
        """Starts reading the document's body, at its top, with an empty log."""
        self.page.evaluate(
            """async (path) => {
                const { virtual } = await import(new URL(path, location.origin).href);
                window.__screenReader = virtual;
                await virtual.start({ container: document.body });
                await virtual.clearSpokenPhraseLog();
            }""",
            BUNDLE_URL_PATH,
        )

    def _call(self, method, *args):
        return self.page.evaluate(
            "async ([method, args]) => await window.__screenReader[method](...args)", [method, list(args)])

    def next(self, times=1):
        for _ in range(times):
            self._call("next")

    def perform(self, command):
        """One of the reader's commands by name, such as moveToNextHeading."""
        self.page.evaluate(
            "async (name) => await window.__screenReader.perform(window.__screenReader.commands[name])", command)

    def act(self):
        self._call("act")

    def press(self, key):
        self._call("press", key)

    def type(self, text):
        self._call("type", text)

    def heard(self):
        phrases = self._call("spokenPhraseLog")
        print("heard:", *phrases, sep="\n  ")
        return phrases

    def last(self):
        return self._call("lastSpokenPhrase")

    def clear(self):
        self._call("clearSpokenPhraseLog")

    def stop(self):
        self._call("stop")

    def read_on_until(self, phrase, limit=400):
        """Moves on until `phrase` is heard (or `limit` moves): what was heard, in order."""
        for _ in range(limit):
            self.next()
            if self.last() == phrase:
                break
        return self.heard()
