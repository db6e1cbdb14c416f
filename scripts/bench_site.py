"""Benchmark (not a test) of the built self-check in headless Chromium:

- time from navigation to `data-state="ready"` on a cold load (median of N),
- bytes a cold load transfers,
- time from an answer change to the updated verdict,

each beside a bare PyScript page on the same runtime, measured in the same run.

    .venv/bin/python scripts/bench_site.py [--runs 7]   (after `make build`)
"""

import argparse
import contextlib
import functools
import http.server
import pathlib
import shutil
import statistics
import sys
import tempfile
import threading

from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser_launch import CHROMIUM_ARGS, chromium_path  # noqa: E402

BARE_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title>
<script type="module" src="../assets/self-check/pyscript/core.js"></script></head>
<body data-state="loading"><script type="{script_type}" config='{{"interpreter": "../assets/self-check/{interpreter}"}}'>
from pyscript import document
document.body.setAttribute("data-state", "ready")
</script></body></html>"""

# Records when the page's state turns "ready", in ms since navigation start.
READY_WATCH = """
new MutationObserver((_, observer) => {
  const node = document.querySelector('[data-state="ready"]');
  if (node && window.__readyAt === undefined) { window.__readyAt = performance.now(); observer.disconnect(); }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-state"]});
"""

CHANGE_ANSWER = """() => {
  const field = document.getElementById("field-repairs_per_quarter");
  const times = [];
  for (const value of ["150", "250", "199", "200", "10", "300", "0", "500", "120", "220"]) {
    const start = performance.now();
    field.value = value;
    field.dispatchEvent(new Event("input", {bubbles: true}));
    document.getElementById("checker-result").getAttribute("data-verdict");
    times.push(performance.now() - start);
  }
  return times;
}"""


@contextlib.contextmanager
def serve(folder):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/aasp/"
    finally:
        server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def cold_load(browser, url):
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(READY_WATCH)
    received = []
    page.on("requestfinished", lambda request: received.append(request.sizes()["responseBodySize"]
                                                                + request.sizes()["responseHeadersSize"]))
    page.goto(url)
    page.wait_for_selector('[data-state="ready"]', state="attached", timeout=60000)
    ready_ms = page.evaluate("window.__readyAt")
    page.wait_for_load_state("networkidle")
    return context, page, ready_ms, sum(received)


def measure(browser, url, runs, reassess=False):
    ready, transferred, changes = [], [], []
    for _ in range(runs):
        context, page, ready_ms, size = cold_load(browser, url)
        ready.append(ready_ms)
        transferred.append(size)
        if reassess:
            changes += page.evaluate(CHANGE_ANSWER)
        context.close()
    return ready, transferred, changes


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--site", default=str(ROOT / "site"))
    args = parser.parse_args()
    site = pathlib.Path(args.site)
    if not (site / "self-check" / "index.html").exists():
        sys.exit("build the site first: make build")
    from hooks.runtime_files import RUNTIMES
    interpreter_dir = next(name for name, runtime in RUNTIMES.items()
                           if (site / "assets" / "self-check" / runtime["interpreter"]).exists())
    runtime = RUNTIMES[interpreter_dir]
    with tempfile.TemporaryDirectory() as temp:
        served = pathlib.Path(temp) / "aasp"
        shutil.copytree(site, served)
        (served / "bare").mkdir()
        (served / "bare" / "index.html").write_text(BARE_PAGE.format(**runtime), encoding="utf-8")
        with serve(temp) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            measure(browser, base + "bare/", 1)  # warm the OS file cache, not the browser's
            bare_ready, bare_bytes, _ = measure(browser, base + "bare/", args.runs)
            ready, transferred, changes = measure(browser, base + "self-check/", args.runs, reassess=True)
            browser.close()
    print(f"Self-check benchmark, {interpreter_dir}, Chromium headless, {args.runs} cold loads each (median):")
    print(f"  bare PyScript page   ready {statistics.median(bare_ready):7.0f} ms   "
          f"{statistics.median(bare_bytes) / 1e6:5.2f} MB")
    print(f"  self-check page      ready {statistics.median(ready):7.0f} ms   "
          f"{statistics.median(transferred) / 1e6:5.2f} MB   "
          f"({statistics.median(ready) / statistics.median(bare_ready):.2f}× the bare page)")
    print(f"  answer change → verdict   median {statistics.median(changes):5.1f} ms, "
          f"max {max(changes):5.1f} ms over {len(changes)} changes")


if __name__ == "__main__":
    main()
