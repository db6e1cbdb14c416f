"""This browser's localStorage, as the self-check uses it: nothing here ever
raises, and it remembers what this tab last read or wrote of each entry, so
that what another tab changed can be told apart from what this one did."""


class Storage:
    def __init__(self, window):
        try:
            self.area = window.localStorage
            self.area.getItem("aasp-self-check:probe")  # blocked storage raises here, not above
        except Exception:  # cookies and site data blocked: answers live in the page only
            self.area = None
        self.seen = {}

    @property
    def available(self):
        return self.area is not None

    def get(self, name):
        """The stored text, or None: missing (null, which Pyodide reads as
        jsnull), blocked or unreadable all read as nothing stored."""
        value = None
        if self.area is not None:
            try:
                value = self.area.getItem(name)
            except Exception:
                pass
        value = value if isinstance(value, str) else None
        self.seen[name] = value
        return value

    def set(self, name, value):
        """Stores `value`; False when it cannot (the storage is full). Then the
        entry is removed, so that no older value comes back on the next visit."""
        if self.area is None:
            return False
        try:
            self.area.setItem(name, value)
            self.seen[name] = value
            return True
        except Exception:  # QuotaExceededError
            self.remove(name)
            return False

    def remove(self, name):
        if self.area is not None:
            try:
                self.area.removeItem(name)
            except Exception:
                pass
        self.seen[name] = None

    def changed(self, name):
        """(changed, value): whether the entry differs from what this tab last
        read or wrote, and what it holds now."""
        before = self.seen.get(name)
        value = self.get(name)
        return value != before, value
