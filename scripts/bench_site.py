"""Benchmark (not a test) of the built self-check in headless Chromium:

- time from navigation to `data-state="ready"` on a cold load (median of N),
- bytes a cold load transfers,
- time from an answer change to the updated verdict,

each beside a bare PyScript page on the same runtime and the self-check page
running a bare script (same config and files, no checker), measured in the same run,
and beside a plain page of this site (the theme alone, no Python). The site is
served as GitHub Pages sends it (tests/site_server.py: HTTP/1.1, gzipped); bytes
are counted uncompressed and as gzip sends them.

    .venv/bin/python scripts/bench_site.py [--runs 7]   (after `make build`)
"""

import argparse
import gzip
import pathlib
import shutil
import statistics
import sys
import tempfile

from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
from browser_launch import CHROMIUM_ARGS, chromium_path  # noqa: E402
from site_server import free_port, serving  # noqa: E402

BARE_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title>
<script type="module" src="../assets/self-check/pyscript/core.js"></script></head>
<body data-state="loading"><script type="{script_type}" config='{{"interpreter": "../assets/self-check/{interpreter}"}}'>
from pyscript import document
document.body.setAttribute("data-state", "ready")
</script></body></html>"""

# Records when the page's state turns "ready", in ms since navigation start, and
# on the way when the DOM was parsed and when PyScript's interpreter was ready.
READY_WATCH = """
window.__phases = {};
document.addEventListener("DOMContentLoaded", () => window.__phases.dcl = performance.now());
for (const type of ["mpy", "py"]) {
  document.addEventListener(type + ":ready", () => window.__phases.runtime = performance.now(), true);
}
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


BARE_SCRIPT = """
from pyscript import document
document.getElementById("self-check").setAttribute("data-state", "ready")
"""


def themed_bare_page(site, runtime):
    """The self-check page itself with a bare script in place of the checker's
    entry: the same config, so PyScript fetches the same files (the checker's
    among them) and boot.js preloads them as on the self-check, but no checker
    runs. What the theme, the form, PyScript and the bytes cost: the rest of
    the self-check's start is the checker's own work."""
    page = (site / "self-check" / "index.html").read_text(encoding="utf-8")
    start = page.index('<script type="' + runtime["script_type"] + '"')
    body = page.index(">", start) + 1
    end = page.index("</script>", body)
    return page[:body] + BARE_SCRIPT + page[end:]


def cold_load(browser, url, served):
    """(context, page, {metric: value}) of one load with an empty cache: ms to
    DOMContentLoaded, to the runtime's ready event and to data-state="ready",
    and the bytes fetched, as served and gzipped."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(READY_WATCH)
    urls = []
    page.on("requestfinished", lambda request: urls.append(request.url))
    page.goto(url)
    if url.endswith("/theme/"):  # no Python there: DOMContentLoaded is what it has
        page.wait_for_load_state("load")
    else:
        page.wait_for_selector('[data-state="ready"]', state="attached", timeout=60000)
    metrics = page.evaluate("({...window.__phases, ready: window.__readyAt})")
    page.wait_for_load_state("networkidle")
    files = [file for file in (served / url_path(address) for address in urls) if file.is_file()]
    metrics["bytes"] = sum(file.stat().st_size for file in files)
    metrics["gzipped"] = sum(len(gzip.compress(file.read_bytes())) for file in files)
    return context, page, metrics


def url_path(address):
    path = address.split("://", 1)[1].split("/", 1)[1].split("?")[0].split("#")[0]
    return path + "index.html" if path.endswith("/") or path == "" else path


def measure(browser, pages, served, runs):
    """Cold loads of every page, taken in turns so that drift in the machine's
    speed falls on all of them alike: {name: {metric: [values]}}."""
    results = {name: {} for name in pages}
    for _ in range(runs):
        for name, url in pages.items():
            context, page, metrics = cold_load(browser, url, served)
            if url.endswith("/self-check/"):
                metrics["changes"] = page.evaluate(CHANGE_ANSWER)
            context.close()
            for metric, value in metrics.items():
                if value is not None:
                    results[name].setdefault(metric, []).extend(value if isinstance(value, list) else [value])
    return results


def median(values):
    return statistics.median(values) if values else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
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
        shutil.copytree(site / "about", served / "theme")
        (served / "themed-bare").mkdir()
        (served / "themed-bare" / "index.html").write_text(themed_bare_page(site, runtime), encoding="utf-8")
        with serving(served, free_port()) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            pages = {"bare PyScript page": base + "bare/",
                     "theme alone (no Python)": base + "theme/",
                     "page, bare PyScript": base + "themed-bare/",
                     "self-check page": base + "self-check/"}
            measure(browser, pages, served.parent, 1)  # warm the OS file cache, not the browser's
            results = measure(browser, pages, served.parent, args.runs)
            browser.close()
    print(f"Self-check benchmark, {interpreter_dir}, Chromium headless, {args.runs} cold loads each, "
          f"taken in turns (median ms from navigation; MB fetched):")
    bare = median(results["bare PyScript page"]["ready"])
    print(f"  {'page':<24} {'DOM parsed':>10} {'runtime':>8} {'ready':>6} {'× bare':>7} {'MB':>6} {'gzipped':>8}")
    for name, metrics in results.items():
        ready = median(metrics.get("ready", []))
        print(f"  {name:<24} {median(metrics['dcl']):10.0f} {median(metrics.get('runtime', [])):8.0f} "
              f"{ready:6.0f} {ready / bare:7.2f} {median(metrics['bytes']) / 1e6:6.2f} "
              f"{median(metrics['gzipped']) / 1e6:8.3f}")
    changes = results["self-check page"]["changes"]
    print(f"  answer change → verdict: median {median(changes):.1f} ms, max {max(changes):.1f} ms "
          f"over {len(changes)} changes")
    self_check = results["self-check page"]
    targets = [
        ("live ≤ 1.15 × the page with a bare PyScript script",
         median(self_check["ready"]) / median(results["page, bare PyScript"]["ready"]), 1.15),
        ("answer change → verdict, median < 50 ms", median(changes), 50),
        ("gzipped bytes of a cold load ≤ 0.39 MB", median(self_check["gzipped"]) / 1e6, 0.39),
    ]
    print("Targets for the self-check:")
    for title, value, bound in targets:
        print(f"  {title:<52} {value:8.3f}  {'pass' if value <= bound else 'FAIL'}")


if __name__ == "__main__":
    main()
