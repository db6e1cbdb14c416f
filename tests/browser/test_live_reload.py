"""`make serve`, the maintainer's loop: `mkdocs serve` with live reload. An edit
to a page reloads the page open in the browser, and the local server's policy
lets MkDocs' live-reload script run, so nothing is reported as a violation.
(The built site never allows that script: tests/site/test_site_policy.py.)"""

import os
import shutil
import signal
import subprocess
import sys
import threading

import pytest

from policy_violations import watch_policy_violations
from site_server import ROOT, free_port

# What `mkdocs serve` reads of the project; node_modules (PyScript, the runtime) is linked.
PROJECT = ["mkdocs.yml", "docs", "overrides", "hooks", "checker"]
START_S = 120  # the first build, on a loaded 2-core machine
RELOAD_MS = 60000  # noticing the edit, rebuilding, and the page's next poll


class Server:
    def __init__(self, folder, url, log):
        self.folder = folder
        self.url = url
        self.log = log


@pytest.fixture
def served_copy(tmp_path):
    """`mkdocs serve --livereload`, as `make serve` runs it, from a copy of the
    project in tmp_path, so the test can edit a page."""
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tmp_path / name)
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    # mkdocs serve builds into a temporary folder: this one, so nothing is left behind even if it is killed.
    (tmp_path / "tmp").mkdir()
    env = dict(os.environ, SITE_URL=url, NO_MKDOCS_2_WARNING="1", TMPDIR=str(tmp_path / "tmp"))
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    log, started = [], threading.Event()

    def read_log():
        for line in server.stdout:
            log.append(line)
            if "Serving on" in line:
                started.set()
        started.set()  # the server has stopped: no need to wait any longer

    threading.Thread(target=read_log, daemon=True).start()
    try:
        started.wait(START_S)
        if server.poll() is not None or not any("Serving on" in line for line in log):
            pytest.fail("mkdocs serve did not start:\n" + "".join(log), pytrace=False)
        yield Server(tmp_path, url, log)
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl-C, unless the test runner ignores it for its children
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_an_edit_reloads_the_open_page_with_no_policy_violation(browser, served_copy):
    context = browser.new_context(base_url=served_copy.url)
    context.set_default_timeout(30000)
    violations = watch_policy_violations(context)
    console = []
    context.on("console", lambda message: console.append(message.text))
    page = context.new_page()
    try:
        page.goto("self-check/")
        page.wait_for_selector('#self-check[data-state="ready"]', state="attached")
        assert "Enabled live reload" in console  # MkDocs' script ran

        marker = "Live reload reached this page"
        source = served_copy.folder / "docs" / "self-check.md"
        source.write_text(source.read_text(encoding="utf-8") + "\n\n" + marker + "\n", encoding="utf-8")
        page.get_by_text(marker).wait_for(state="attached", timeout=RELOAD_MS)
        page.wait_for_selector('#self-check[data-state="ready"]', state="attached")
    finally:
        context.close()
    assert violations == [], "server log:\n" + "".join(served_copy.log)
