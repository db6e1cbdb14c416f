"""Benchmark (not a test): Lighthouse's performance audit of the self-check
against a plain page of the same site, measured in the same run.

Builds the site twice (MicroPython, the default, and Pyodide), serves each
from the sub-path /aasp/ gzipped over HTTP/1.1 as GitHub Pages sends it, and
runs Lighthouse (npm, pinned) N times in turns on: the requirements page (the
plain page), the self-check, the self-check page running a bare PyScript script
instead of the checker (bench_site.py's page: the floor for any Python on this
page), the self-check on Lighthouse's desktop profile, and the Pyodide build's
self-check (the bare page and Pyodide reported beside, no target). Prints the
median and range of each figure and whether the performance targets hold in the
medians.

    .venv/bin/python scripts/bench_lighthouse.py [--runs 3]
"""

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from lighthouse_runner import lighthouse, missing  # noqa: E402
from site_server import build_site, built, free_port, serving  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))
from bench_site import themed_bare_page  # noqa: E402
from hooks.runtime_files import RUNTIMES  # noqa: E402

PLAIN = "requirements (plain page)"
SELF_CHECK = "self-check"
BARE = "self-check page, bare PyScript"
DESKTOP = "self-check, desktop"
PYODIDE = "self-check, Pyodide build"

# The performance targets (BENCHMARKS.md), each for the self-check against the plain page's median.
TARGETS = [
    ("performance score ≥ 0.97", "score", lambda plain: 0.97, "≥"),
    ("blocking time ≤ max(150 ms, 1.5 × plain)", "total-blocking-time", lambda plain: max(150, 1.5 * plain), "≤"),
    ("largest paint ≤ plain + 0.3 s", "largest-contentful-paint", lambda plain: plain + 300, "≤"),
    ("interactive ≤ plain + 1.5 s", "interactive", lambda plain: plain + 1500, "≤"),
    ("gzipped bytes of a cold load ≤ 0.42 MB", "total-byte-weight", lambda plain: 420_000, "≤"),
]
COLUMNS = [("score", "score", 1, "{:.2f}"), ("blocking ms", "total-blocking-time", 1, "{:.0f}"),
           ("interactive s", "interactive", 1000, "{:.2f}"), ("LCP s", "largest-contentful-paint", 1000, "{:.2f}"),
           ("FCP s", "first-contentful-paint", 1000, "{:.2f}"), ("KB sent", "total-byte-weight", 1000, "{:.0f}")]


def measure(urls: dict[str, str], runs: int) -> dict[str, dict[str, list[float]]]:
    """{page: {figure: [one value a run]}}, the pages taken in turns in each run.
    A run that Lighthouse could not complete on a page is left out, and said."""
    figures = {name: {} for name in urls}
    mobile = [name for name in urls if name != DESKTOP]
    for run in range(runs):
        audits = lighthouse([urls[name] for name in mobile], ["performance"])
        audits += lighthouse([urls[DESKTOP]], ["performance"], desktop=True)
        for name, audit in zip(mobile + [DESKTOP], audits):
            if audit.error:
                print(f"  run {run + 1}, {name}: left out, {audit.error}", file=sys.stderr)
                continue
            values = dict(audit.metrics, score=audit.scores["performance"])
            for figure, value in values.items():
                figures[name].setdefault(figure, []).append(value)
        print(f"  run {run + 1} of {runs} done", file=sys.stderr)
    return figures


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def table(figures: dict[str, dict[str, list[float]]]) -> list[str]:
    lines = [f"  {'page':<28}" + "".join(f"{title:>20}" for title, *_ in COLUMNS)]
    for name, values in figures.items():
        cells = []
        for _, figure, scale, form in COLUMNS:
            series = [value / scale for value in values.get(figure, [])]
            if not series:
                cells.append("–")
                continue
            cells.append(f"{form.format(median(series))} ({form.format(min(series))}–{form.format(max(series))})")
        lines.append(f"  {name:<28}" + "".join(f"{cell:>20}" for cell in cells))
    return lines


def verdicts(figures: dict[str, dict[str, list[float]]]) -> list[str]:
    """Each target against the medians; scores compared as Lighthouse shows them
    (to two decimals)."""
    lines = []
    checks = [(title, SELF_CHECK, figure, limit, sign) for title, figure, limit, sign in TARGETS]
    checks.append(("desktop performance score 1.00", DESKTOP, "score", lambda plain: 1.0, "≥"))
    for title, page, figure, limit, sign in checks:
        value = median(figures[page].get(figure, []))
        bound = limit(median(figures[PLAIN].get(figure, [])))
        if figure == "score":
            value = round(value, 2)
        holds = value >= bound if sign == "≥" else value <= bound
        lines.append(f"  {title:<44} {shown(figure, value):>9} {sign} {shown(figure, bound):<9} "
                     f"{'pass' if holds else 'FAIL'}")
    return lines


def shown(figure: str, value: float) -> str:
    if figure == "score":
        return f"{value:.2f}"
    if figure == "total-byte-weight":
        return f"{value / 1e6:.2f} MB"
    return f"{value:.0f} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    reason = missing()
    if reason:
        sys.exit(f"Lighthouse cannot run: {reason}")
    with tempfile.TemporaryDirectory() as temp:
        ports = {"micropython": free_port(), "pyodide": free_port()}
        sites = {runtime: built(build_site(Path(temp) / runtime, f"http://127.0.0.1:{port}/aasp/",
                                           SELF_CHECK_RUNTIME=runtime))
                 for runtime, port in ports.items()}
        bare = sites["micropython"] / "bare-pyscript"
        bare.mkdir()
        (bare / "index.html").write_text(themed_bare_page(sites["micropython"], RUNTIMES["micropython"]),
                                         encoding="utf-8")
        with serving(sites["micropython"], ports["micropython"]) as site, \
                serving(sites["pyodide"], ports["pyodide"]) as pyodide_site:
            urls = {PLAIN: site + "requirements/", SELF_CHECK: site + "self-check/", BARE: site + "bare-pyscript/",
                    DESKTOP: site + "self-check/", PYODIDE: pyodide_site + "self-check/"}
            figures = measure(urls, args.runs)
    print(f"Lighthouse, mobile profile (simulated mid-range phone on slow 4G) unless said; "
          f"site gzipped over HTTP/1.1; {args.runs} runs, pages in turns; median (range):")
    print("\n".join(table(figures)))
    print(f"Targets for the self-check (MicroPython), against the plain page's medians:")
    print("\n".join(verdicts(figures)))


if __name__ == "__main__":
    main()
