"""This browser's localStorage, as the self-check uses it: nothing here ever
raises, and it remembers what this tab last read or wrote of each entry, so
that what another tab changed can be told apart from what this one did.

The calls go through `selfCheckStorage` (docs/assets/self-check/boot.js),
which catches what localStorage throws (blocked, or full): MicroPython cannot
catch a JavaScript exception, which would stop the whole Python call.
"""


class Storage:
    def __init__(self, window):
        self.bridge = window.selfCheckStorage
        self.available = bool(self.bridge.available())
        self.seen = {}

    def get(self, name):
        """The stored text, or None: missing (null, which Pyodide reads as
        jsnull) and blocked both read as nothing stored."""
        value = self.bridge.get(name) if self.available else None
        value = value if isinstance(value, str) else None
        self.seen[name] = value
        return value

    def set(self, name, value):
        """Stores `value`; False when it cannot (the storage is full). Then the
        entry is removed, so that no older value comes back on the next visit."""
        if self.available and self.bridge.set(name, value):
            self.seen[name] = value
            return True
        self.remove(name)
        return False

    def names(self):
        """The name of every entry this site's origin keeps (other sites' on a shared one too)."""
        names = self.bridge.names() if self.available else []
        return [name for name in names if isinstance(name, str)]

    def remove(self, name):
        if self.available:
            self.bridge.remove(name)
        self.seen[name] = None

    def changed_elsewhere(self, name):
        """Whether another tab changed the entry since this one last read or
        wrote it (what this tab has seen is left as it is)."""
        value = self.bridge.get(name) if self.available else None
        return (value if isinstance(value, str) else None) != self.seen.get(name)

    def changed(self, name):
        """(changed, value): whether the entry differs from what this tab last
        read or wrote, and what it holds now."""
        before = self.seen.get(name)
        value = self.get(name)
        return value != before, value
