"""How the tests and benchmarks start a browser: Debian's chromium (browser
downloads do not work on this project's machines), else Playwright's own."""

import os
import shutil

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path():
    """Debian's chromium, or None to let Playwright use the build it installed."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or None
