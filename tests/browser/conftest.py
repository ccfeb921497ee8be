"""Browser tests: JupyterLab in Debian's Chromium, driven by Playwright (never `playwright install`).

Locally they skip, saying how to install Chromium, when it is missing. With CI=true a missing
browser is a failure.
"""

from __future__ import annotations

import os
import tempfile

import pytest
from lab import CHROMIUM, CHROMIUM_ARGS, chromium_missing, lab_server

SCREENSHOTS: list[str] = []


def need_chromium() -> None:
    """Skip here, saying how to install Chromium; with CI=true, fail instead."""
    reason = chromium_missing()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI needs the browser tests: {reason}")
        pytest.skip(reason)


@pytest.fixture(scope="session")
def lab():
    need_chromium()
    with lab_server() as server:
        yield server


@pytest.fixture(scope="session")
def playwright_session():
    """One Playwright for the whole run: a second sync_playwright() in the same thread is refused."""
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser_context(lab, playwright_session):
    with tempfile.TemporaryDirectory() as profile:
        context = playwright_session.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 1000})
        yield context
        context.close()


@pytest.fixture
def page(browser_context):
    page = browser_context.new_page()
    yield page
    page.close()


def pytest_terminal_summary(terminalreporter):
    if SCREENSHOTS:
        terminalreporter.section("browser screenshots")
        for path in SCREENSHOTS:
            terminalreporter.write_line(path)
