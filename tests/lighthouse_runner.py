"""Lighthouse, the npm package pinned in package-lock.json, run from Python: by
the audit tests (tests/site/test_lighthouse.py) and by the benchmark
(scripts/bench_lighthouse.py). tests/lighthouse_runner.mjs runs it on a list of
URLs in one headless Chromium; this reads what it prints."""

import json
import os
import shutil
import subprocess
from pathlib import Path

from browser_launch import chromium_path

ROOT = Path(__file__).resolve().parent.parent
RUNNER = Path(__file__).resolve().parent / "lighthouse_runner.mjs"


class Audit:
    """Lighthouse's findings on one page."""

    def __init__(self, found: dict):
        self.url = found["url"]
        self.error = found["error"]  # why the page could not be audited, or None
        self.scores = found["scores"]  # category id -> score 0..1 (None when not scored)
        self.metrics = found["metrics"]  # audit id -> value: ms, bytes (total-byte-weight), CLS unitless
        self.failing = found["failing"]  # the audits that cost points

    def report(self) -> str:
        """The failing audits with a few of their elements, for a test's message."""
        lines = [f"{self.url}: {self.error or self.scores}"]
        for audit in self.failing:
            lines.append(f"  {audit['id']} ({audit['score']}): {audit['title']}")
            lines += [f"      {item}" for item in audit["items"]]
        return "\n".join(lines)


def missing() -> str | None:
    """Why Lighthouse cannot run here, or None when it can."""
    if not shutil.which("node"):
        return "no node on PATH"
    if not (ROOT / "node_modules" / "lighthouse" / "package.json").is_file():
        return "no node_modules/lighthouse (make test runs npm ci)"
    if not chrome():
        return "no Chromium (make test installs Debian's chromium)"
    return None


def chrome() -> str | None:
    """The browser Lighthouse drives: Debian's chromium, else Playwright's own build."""
    path = chromium_path()
    if path:
        return path
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        path = playwright.chromium.executable_path
    return path if Path(path).is_file() else None


def lighthouse(urls: list[str], categories: list[str], desktop: bool = False,
               timeout: float = 600) -> list[Audit]:
    """Lighthouse on each URL in turn (mobile profile unless desktop), offline."""
    request = json.dumps({"urls": urls, "categories": categories, "desktop": desktop})
    done = subprocess.run(
        ["node", str(RUNNER), request], cwd=ROOT, env=dict(os.environ, CHROME_PATH=chrome()),
        capture_output=True, text=True, timeout=timeout,
    )
    if done.returncode != 0:
        raise RuntimeError(f"Lighthouse failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return [Audit(json.loads(line)) for line in done.stdout.splitlines() if line.startswith("{")]
