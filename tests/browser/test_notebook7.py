"""The same keyboard promises in Notebook 7, the other front end a school's hub or Binder may open (review U1).

Notebook 7 is built from JupyterLab's parts, so the page script's ``data-lm-suppress-shortcuts`` and its key
guard should hold there too; this proves it for the notebooks with every kind of control: radio groups,
checkboxes, dropdowns, written answers, the reader's modes, the slider and the demands board.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
import urllib.request

import nbformat
import pytest
from lab import ACTIVE, CHROMIUM, CHROMIUM_ARGS, ROOT, lab_server
from playwright.sync_api import Page, expect
from test_notebooks_in_lab import (
    BROKEN,
    CELL_KINDS,
    answer_every_question_by_keyboard,
    axe_finds_nothing_serious,
    filter_the_board,
    focus_moves_to_the_feedback,
    keys_stay_in_the_controls,
    settle,
)

NOTEBOOKS = ["01-reading-the-text.ipynb", "02-timeline.ipynb", "03-each-sides-demands.ipynb"]


@pytest.fixture(scope="module")
def notebook7(playwright_session):
    try:
        import notebook  # noqa: F401
    except ImportError:
        pytest.skip("Notebook 7 is not installed: pip install -e '.[test]'")
    with lab_server("notebook") as server, tempfile.TemporaryDirectory() as profile:
        context = playwright_session.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 1000})
        yield server, context
        context.close()


def kernels_idle(server) -> None:
    """Notebook 7 has no status bar: ask the server until this page's kernel has started and is idle."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"{server.base}/api/kernels?token={server.token}", timeout=5) as response:
            kernels = json.load(response)
        if kernels and all(k["execution_state"] == "idle" for k in kernels):
            return
        time.sleep(0.5)
    raise AssertionError("the kernel did not start")


def run_all(page: Page, server, name: str, code_cells: int) -> None:
    page.goto(server.url(name))
    page.wait_for_selector(f"{ACTIVE} .jp-Cell", timeout=90_000)
    kernels_idle(server)
    page.locator(".lm-MenuBar-item", has_text="Kernel").click()
    page.click(".lm-Menu-item[data-command='runmenu:restart-and-run-all']")
    page.locator(".jp-Dialog .jp-mod-accept").click()
    numbered = page.locator(f"{ACTIVE} .jp-CodeCell .jp-InputArea-prompt", has_text=re.compile(r"\[\d+\]"))
    expect(numbered).to_have_count(code_cells, timeout=120_000)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_keys_stay_in_the_controls_in_notebook_7(notebook7, name):
    server, context = notebook7
    page = context.new_page()
    try:
        nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
        run_all(page, server, name, sum(c.cell_type == "code" for c in nb.cells))
        text = settle(page)
        assert not [words for words in BROKEN if words in text], name
        keys_stay_in_the_controls(page)
        focus_moves_to_the_feedback(page)
        before = page.evaluate(CELL_KINDS)
        answer_every_question_by_keyboard(page)
        if name.startswith("03"):
            filter_the_board(page)
        assert page.evaluate(CELL_KINDS) == before, "a key reached the notebook and changed its cells"
        assert (server.answers / f"{name.removesuffix('.ipynb')}.json").exists()
        axe_finds_nothing_serious(page, f"{name} in Notebook 7")
    finally:
        page.close()
        for kernel in json.load(urllib.request.urlopen(f"{server.base}/api/kernels?token={server.token}", timeout=5)):
            request = urllib.request.Request(f"{server.base}/api/kernels/{kernel['id']}?token={server.token}", method="DELETE")
            urllib.request.urlopen(request, timeout=10).close()  # one kernel at a time, as the next page expects
