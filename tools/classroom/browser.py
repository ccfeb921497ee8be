"""Students in Chromium: the hub's login page, the link, JupyterLab, and the course's widgets, clicked.

Driven with Playwright (Python) and Debian's Chromium, as the browser suite is. Each browser student keeps two
tabs open (notebook 00 and the capstone) from their first answer to after the teacher's release, because the
point is that the release reaches a page nobody reloaded.
"""

from __future__ import annotations

import re
import time

from playwright.sync_api import Browser, Page, expect

from brink.static.exercise_render import option_label

ACTIVE = ".jp-NotebookPanel:not(.lm-mod-hidden)"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# What a browser student answers, notebook by notebook: a check item, a question with a right answer, a written
# judgement (00); a rating with its reason (05). The kernel students answer everything.
ANSWERS = {"00-start-here": ["check-a-source", "nb00-genre", "nb00-expectations"],
           "05-what-could-a-reader-know": ["nb04-rate-talks"]}
HELD = "opens after your class has discussed"


def log_in(page: Page, hub_url: str, name: str, password: str) -> None:
    page.goto(f"{hub_url}/hub/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", password)
    page.click("input[type=submit], button[type=submit]")
    page.wait_for_url(re.compile(r"/(hub/home|hub/spawn|user/)"), timeout=120_000)


def wait_idle(page: Page, timeout: float = 180_000) -> None:
    expect(page.locator(".jp-StatusBar-Widget", has_text="| Idle")).to_be_visible(timeout=timeout)


def run_first_cell(page: Page) -> None:
    """Click into the first code cell and press Shift + Enter, as the notebook tells a student to."""
    cell = page.locator(f"{ACTIVE} .jp-CodeCell").first
    cell.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")
    expect(cell.locator(".jp-InputArea-prompt")).to_have_text(re.compile(r"\[\d+\]"), timeout=180_000)


def run_all(page: Page) -> None:
    page.locator("#jp-MainMenu .lm-MenuBar-item", has_text="Run").click()
    page.click(".lm-Menu-item[data-command='runmenu:run-all']")
    cells = page.locator(f"{ACTIVE} .jp-CodeCell")
    numbered = page.locator(f"{ACTIVE} .jp-CodeCell .jp-InputArea-prompt", has_text=re.compile(r"\[\d+\]"))
    deadline = time.monotonic() + 240
    while numbered.count() < cells.count():
        if time.monotonic() > deadline:
            raise TimeoutError(f"Run All left {cells.count() - numbered.count()} cells unrun")
        time.sleep(0.5)
    wait_idle(page)
    expect(page.locator(ACTIVE)).not_to_contain_text("Loading widget", timeout=60_000)


def question(page: Page, exercise):
    return page.locator(f"{ACTIVE} .brink-exercise.brink-view").filter(has_text=exercise.prompt[:60]).first


def answer(page: Page, exercise, value) -> None:
    """Choose or write ``value`` with the widgets, press the button, and wait for the saved answer's feedback."""
    box = question(page, exercise)
    box.scroll_into_view_if_needed()
    if exercise.options:
        index = [o.id for o in exercise.options].index(value)
        box.locator(".widget-radio-box label", has_text=option_label(exercise, index)).click()
    elif exercise.scale:
        point, reason = value
        box.locator(".widget-radio-box label", has_text=f"{point}: {exercise.scale[point]}").click()
        box.locator("textarea").fill(reason)
    else:
        box.locator("textarea").fill(value)
    box.locator("button", has_text=re.compile("^(Check|Commit my answer)$")).click()
    expect(box).to_contain_text("Saved as attempt", timeout=30_000)


class BrowserStudent:
    """One student's two tabs, open from the link to the release."""

    def __init__(self, browser: Browser, hub_url: str, student, password: str):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.hub_url, self.student, self.password = hub_url, student, password
        self.pages: dict[str, Page] = {}

    def follow(self, url: str, corpus, pick) -> None:
        """Log in, click the link, run the first cell (timed), run all, answer, and hand in."""
        page = self.context.new_page()
        log_in(page, self.hub_url, self.student.name, self.password)
        started = time.monotonic()
        page.goto(url)  # the hub starts the server, nbgitpuller clones, JupyterLab opens notebook 00
        page.wait_for_url(re.compile(r"/lab/tree/brink/notebooks/00-start-here\.ipynb"), timeout=300_000)
        page.wait_for_selector(f"{ACTIVE} .jp-CodeCell", timeout=180_000)
        wait_idle(page)
        run_first_cell(page)
        self.student.link_to_first_cell_s = time.monotonic() - started
        self.pages["00-start-here"] = page
        for notebook, ids in ANSWERS.items():
            if notebook not in self.pages:
                page = self.context.new_page()
                page.goto(f"{self.hub_url}/user/{self.student.name}/lab/tree/brink/notebooks/{notebook}.ipynb")
                page.wait_for_selector(f"{ACTIVE} .jp-CodeCell", timeout=180_000)
                wait_idle(page)
                self.pages[notebook] = page
            run_all(page)
            for exercise_id in ids:
                exercise = corpus.exercise(exercise_id)
                value = pick(exercise, self.student.number)
                answer(page, exercise, value)
                self.student.answers[exercise_id] = value
        self.student.held = self.held(corpus)
        capstone = self.pages["05-what-could-a-reader-know"]
        box = capstone.locator(f"{ACTIVE} .brink-view").filter(has=capstone.locator("button", has_text="Save my answers")).last
        box.locator("button", has_text="Save my answers").click()
        expect(box).to_contain_text("Written:", timeout=30_000)
        self.student.handed_in = True

    def reveal(self) -> tuple[Page, object]:
        page = self.pages["05-what-could-a-reader-know"]
        box = page.locator(f"{ACTIVE} .widget-vbox").filter(
            has=page.locator("button", has_text="Show what happened next")).last
        box.locator("button", has_text="Show what happened next").click()
        return page, box

    def judgements(self, corpus) -> list:
        """The question boxes of the judgements this student committed (a check item's feedback has its own gate)."""
        return [question(self.pages[notebook], corpus.exercise(i)) for notebook, ids in ANSWERS.items() for i in ids
                if corpus.exercise(i).judgement and not corpus.exercise(i).check_form]

    def held(self, corpus) -> bool:
        """Every judgement answered shows the held notice and no model answer; the reveal shows the hold."""
        for box in self.judgements(corpus):
            if HELD not in box.inner_text() or box.locator(".brink-model").count():
                return False
        _, box = self.reveal()
        expect(box).to_contain_text("teacher", timeout=30_000)
        return "full-scale invasion" not in box.inner_text()

    def after_release(self, corpus) -> bool:
        """Press "Has my teacher opened it?" on each held answer and the reveal's button; no reload, no restart."""
        for box in self.judgements(corpus):
            box.locator("button", has_text="Has my teacher opened it?").click()
            try:
                expect(box.locator(".brink-model")).to_be_visible(timeout=30_000)
            except AssertionError:
                return False
        _, box = self.reveal()
        try:
            expect(box).to_contain_text("full-scale invasion", timeout=30_000)
        except AssertionError:
            return False
        return True

    def close(self) -> None:
        self.context.close()
