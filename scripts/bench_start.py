"""Benchmark (not a test): where the self-check's start goes on a phone's CPU.

Cold loads in headless Chromium with the CPU slowed 4x (as Lighthouse's mobile
profile does), the self-check page and the same page running a bare PyScript
script (bench_site.py's page) taken in turns. For each: the main thread's busy
time until the form is live (Chromium's own counters: all tasks, and of them
script), and when each step of the start was reached (User Timing marks that
checker/web/start.py leaves, `self-check:*`; PyScript's runtime-ready event);
and its long tasks until then, as the browser reports them (over 50 ms), with
when the last one ends (as measured, not simulated; 0 when there is none).
Then, on the self-check, the first click on each part imported when first used,
and the time from an answer change to the updated verdict with the draft open.

    .venv/bin/python scripts/bench_start.py [--runs 5] [--site site] [--also OTHER_SITE]

`--also` measures other builds' self-checks in the same run (before and after,
or another runtime's version).
"""

import argparse
import pathlib
import shutil
import statistics
import sys
import tempfile

from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "scripts"))
from bench_site import CHANGE_ANSWER, READY_WATCH, themed_bare_page  # noqa: E402
from browser_launch import CHROMIUM_ARGS, chromium_path  # noqa: E402
from hooks.runtime_files import RUNTIMES  # noqa: E402
from site_server import free_port, serving  # noqa: E402

CPU_SLOWDOWN = 4

# Long tasks (over 50 ms) as the page runs them, for a blocking time of the
# load as Lighthouse counts it: each task's time beyond 50 ms, summed.
LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const task of list.getEntries()) window.__longTasks.push([task.startTime, task.duration]);
}).observe({type: "longtask", buffered: true});
"""

# The steps of the start, in order, as (label, how the page marks it).
STEPS = [
    ("runtime ready (PyScript)", "runtime"),
    ("page's Python started", "self-check:python-started"),
    ("checker imported", "self-check:checker-imported"),
    ("first result's and keeping parts imported", "self-check:parts-imported"),
    ("page's texts read, parts made", "self-check:made"),
    ("answers restored, events wired", "self-check:restored"),
    ("live (result shown)", "ready"),
]


# Parts imported when first used: ms from the click to its handler's end (the
# handler runs within click(), Python's import of the part included).
FIRST_USE = """(ids) => Object.fromEntries(ids.map((id) => {
  const start = performance.now();
  document.getElementById(id).click();
  return ["first " + id, performance.now() - start];
}))"""
FIRST_USED = ["make-email", "share-answers", "export-answers"]


def cold_load(browser, url):
    """{metric: ms}: the steps reached, and main-thread time until live."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    cdp.send("Performance.enable")
    page.add_init_script(READY_WATCH)
    page.add_init_script(LONG_TASKS)
    page.goto(url)
    page.wait_for_selector('[data-state="ready"]', state="attached", timeout=120000)
    counters = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    marks = page.evaluate("""() => Object.fromEntries(performance.getEntriesByType("mark")
                               .map(mark => [mark.name, mark.startTime]))""")
    phases = page.evaluate("({...window.__phases, ready: window.__readyAt})")
    tasks = [task for task in page.evaluate("window.__longTasks") if task[0] <= phases["ready"]]
    first_use = page.evaluate(FIRST_USE, FIRST_USED) if url.endswith("/self-check/") else {}
    # Then answers changed with the draft open (it follows them): the slowest case of a change.
    changes = page.evaluate(CHANGE_ANSWER) if url.endswith("/self-check/") else []
    context.close()
    return {**marks, **phases, **first_use, "busy": counters["TaskDuration"] * 1000, "script": counters["ScriptDuration"] * 1000,
            "blocking": sum(duration - 50 for _, duration in tasks), "longest": max([d for _, d in tasks] or [0]),
            "last long": max([start + d for start, d in tasks] or [0]),
            "tasks": tasks, "change": statistics.median(changes) if changes else None}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--verbose", action="store_true", help="list each load's long tasks")
    parser.add_argument("--also", action="append", default=[],
                        help="another build's site/ whose self-check is measured beside (repeatable)")
    args = parser.parse_args()
    site = pathlib.Path(args.site)
    runtime = RUNTIMES["micropython"]
    with tempfile.TemporaryDirectory() as temp:
        served = pathlib.Path(temp) / "aasp"
        shutil.copytree(site, served)
        (served / "themed-bare").mkdir()
        (served / "themed-bare" / "index.html").write_text(themed_bare_page(site, runtime), encoding="utf-8")
        pages = {"self-check": "self-check/", "same page, bare script": "themed-bare/"}
        for number, other in enumerate(args.also, 1):
            shutil.copytree(other, served / f"also-{number}")
            pages[pathlib.Path(other).name + "'s self-check"] = f"also-{number}/self-check/"
        results = {name: [] for name in pages}
        with serving(served, free_port()) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            for name, path in pages.items():  # warm the OS file cache, not the browser's
                cold_load(browser, base + path)
            for _ in range(args.runs):
                for name, path in pages.items():
                    results[name].append(cold_load(browser, base + path))
            browser.close()

    def median(name, metric):
        values = [run[metric] for run in results[name] if run.get(metric) is not None]
        return statistics.median(values) if values else None

    print(f"Self-check start at {CPU_SLOWDOWN}x CPU slowdown, {args.runs} cold loads each, in turns "
          f"(medians, ms from navigation):")
    print(f"  {'':<32}" + "".join(f"{name:>26}" for name in pages))
    for label, metric in STEPS:
        print(f"  {label:<32}" + "".join(
            f"{median(name, metric):>26.0f}" if median(name, metric) is not None else f"{'-':>26}" for name in pages))
    for label, metric in (("main thread busy until live", "busy"), ("  of which script", "script"),
                          ("blocking (long tasks - 50 ms)", "blocking"), ("longest task", "longest"),
                          ("last long task ends", "last long")):
        print(f"  {label:<32}" + "".join(f"{median(name, metric):>26.0f}" for name in pages))
    for element_id in FIRST_USED:
        print(f"  first click on #{element_id}: {median('self-check', 'first ' + element_id):.0f} ms "
              f"(its part imported and made)")
    print(f"  answer change → verdict, the draft open: {median('self-check', 'change'):.1f} ms (median of medians; target < 50)")
    if args.verbose:
        for name in pages:
            for run in results[name]:
                print(f"  {name}: long tasks (start+duration, ms) " + ", ".join(f"{s:.0f}+{d:.0f}" for s, d in run["tasks"]))
    ours = median("self-check", "busy") - median("same page, bare script", "busy")
    print(f"  the checker's own main-thread time: {ours:.0f} ms "
          f"(busy until live, beyond the page with a bare script)")


if __name__ == "__main__":
    main()
