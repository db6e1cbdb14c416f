"""Suite-wide rules for every test under tests/."""

import os
from pathlib import Path

import pytest

from browser_launch import CHROMIUM_ARGS, chromium_path
from site_server import SUB_PATH, SiteBuild, build_site, built, free_port, serving


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """With CI=true nothing may be skipped: a skip (a missing tool, browser or
    runtime) is reported as a failure, so CI cannot pass by testing less.
    Expected failures (xfail) are left alone."""
    outcome = yield
    report = outcome.get_result()
    if _in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true, which allows no skips: {reason}"


# --- The built site, served from a sub-path, and one browser: shared by tests/site and tests/browser.

@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site_url(site_port) -> str:
    return f"http://127.0.0.1:{site_port}/{SUB_PATH}/"


@pytest.fixture(scope="session")
def site_build(tmp_path_factory, site_url) -> SiteBuild:
    return build_site(tmp_path_factory.mktemp("site"), site_url)


@pytest.fixture(scope="session")
def site_dir(site_build) -> Path:
    return built(site_build)


@pytest.fixture(scope="session")
def served_site(site_dir, site_port, site_url):
    with serving(site_dir, site_port):
        yield site_url


@pytest.fixture(scope="session")
def site_origin(site_port) -> str:
    return f"http://127.0.0.1:{site_port}"


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session: Debian's chromium (browser downloads
    do not work on this project's machines), else Playwright's own build."""
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        except Error as error:
            pytest.skip(f"no Chromium to run (make test installs Debian's chromium): {error}")
        yield chromium
        chromium.close()
