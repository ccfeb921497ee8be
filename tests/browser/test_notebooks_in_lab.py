"""Every notebook, in a real JupyterLab in a real browser: what a student actually sees.

For each notebook (found on disk, so a new notebook is covered with no change here): restart the
kernel and run all, wait for it to settle, then check that nothing failed to show, that every figure
is there, and that a question answers when a student uses it. One full-page screenshot each goes
to build/screenshots/.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest
from conftest import SCREENSHOTS
from lab import ACTIVE, ROOT
from nbclient import NotebookClient
from playwright.sync_api import Page, expect

import brink

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SHOTS = ROOT / "build" / "screenshots"
BROKEN = ("Error displaying widget", "Loading widget", "model not found", "Traceback (most recent call last)")
VERDICT = re.compile("[✔◐✘✎]")


def expected_images(path: Path) -> int:
    """How many images the notebook shows, counted from a headless run (cell outputs and Output widgets)."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    count = sum("image/png" in o.get("data", {}) for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    for model in state.values():
        count += sum("image/png" in o.get("data", {}) for o in model.get("state", {}).get("outputs", []))
        count += str(model.get("state", {}).get("value", "")).count('class="brink-figure"')  # a chart in a live view
    return count


def restart_and_run_all(page: Page, url: str, code_cells: int) -> None:
    page.goto(url)
    page.wait_for_selector(f"{ACTIVE} .jp-Cell", timeout=90_000)
    expect(page.locator(".jp-StatusBar-Widget", has_text="| Idle")).to_be_visible(timeout=90_000)
    page.locator("#jp-MainMenu .lm-MenuBar-item", has_text="Kernel").click()
    page.click(".lm-Menu-item[data-command='runmenu:restart-and-run-all']")
    page.locator(".jp-Dialog .jp-mod-accept").click()
    numbered = page.locator(f"{ACTIVE} .jp-CodeCell .jp-InputArea-prompt", has_text=re.compile(r"\[\d+\]"))
    expect(numbered).to_have_count(code_cells, timeout=120_000)
    expect(page.locator(".jp-StatusBar-Widget", has_text="| Idle")).to_be_visible(timeout=120_000)


def settle(page: Page, seconds: float = 30) -> str:
    """Wait until no widget is still loading; return the notebook's visible text."""
    notebook = page.locator(ACTIVE)
    deadline = time.monotonic() + seconds
    while True:
        text = notebook.inner_text()
        if "Loading widget" not in text or time.monotonic() > deadline:
            return text
        time.sleep(0.5)


def answer_first_question(page: Page) -> None:
    """Pick the first option of the first multiple-choice question, press its button, read the feedback."""
    question = page.locator(f"{ACTIVE} .brink-exercise").filter(has=page.locator(".widget-radio-box")).first
    feedback = question.locator(".brink-feedback")
    expect(feedback).to_have_count(0)
    question.locator(".widget-radio-box label").first.click()
    boxes = question.locator("textarea")
    for index in range(boxes.count()):  # a reason or a line of evidence, where the question asks for one
        boxes.nth(index).fill("Because the text says so (P1).")
    question.locator("button", has_text=re.compile("Check|Commit my answer")).click()
    expect(feedback).to_have_text(VERDICT, timeout=20_000)
    expect(question).to_contain_text("Saved as attempt 1", timeout=20_000)


CELL_KINDS = ("() => Array.from(document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell'))"
              ".map(c => c.classList.contains('jp-CodeCell') ? 'code' : c.classList.contains('jp-MarkdownCell')"
              " ? 'markdown' : 'raw')")
NOTEBOOK_KEYS = ["ArrowDown", "a", "b", "d", "d", "r", "m", "y", "x", "ArrowUp", "ArrowDown"]


def keys_stay_in_the_controls(page: Page) -> None:
    """Review U1: with a brink control focused, JupyterLab's single-key commands (a, b, d d, r, m, y, x, the
    arrows) must not touch the notebook; the control takes the keys. Radio groups carry a name."""
    notebook = page.locator(ACTIVE)
    expect(notebook.locator(".brink-view[data-lm-suppress-shortcuts]").first).to_be_attached(timeout=20_000)
    before = page.evaluate(CELL_KINDS)
    for control in (notebook.locator(".brink-view select").first,
                    notebook.locator(".brink-view .widget-radio-box input[type=radio]").first):
        if control.count():
            control.focus()
            for key in NOTEBOOK_KEYS:
                page.keyboard.press(key)
    selects = notebook.locator(".brink-view select")
    for index in range(selects.count()):  # every dropdown of every view answers the arrow keys
        select = selects.nth(index)
        if select.evaluate("s => s.options.length > 1 && !s.disabled"):
            start = select.evaluate("s => s.selectedIndex")
            select.focus()
            down = start < select.evaluate("s => s.options.length - 1")
            page.keyboard.press("ArrowDown" if down else "ArrowUp")
            assert select.evaluate("s => s.selectedIndex") != start, f"dropdown {index} ignored the arrow keys"
            if start >= 0:  # and back, for the checks that follow (an unanswered item has no way back)
                page.keyboard.press("ArrowUp" if down else "ArrowDown")
                expect(select).to_have_js_property("selectedIndex", start)
    assert page.evaluate(CELL_KINDS) == before, "a key reached the notebook and changed its cells"
    groups = notebook.locator(".brink-view .widget-radio-box")
    for index in range(groups.count()):
        assert groups.nth(index).get_attribute("role") == "radiogroup"
        assert (groups.nth(index).get_attribute("aria-label") or "").strip()


def focus_moves_to_the_feedback(page: Page) -> None:
    """Review U4: after Check, keyboard focus lands on the feedback, a live region that was there before."""
    notebook = page.locator(ACTIVE)
    question = notebook.locator(".brink-exercise").filter(has=page.locator(".widget-radio-box")).filter(
        has_not=page.locator("textarea")).last
    if not question.count():
        return
    live = question.locator(".brink-feedback-live")
    expect(live).to_have_attribute("aria-live", "polite", timeout=20_000)
    question.locator(".widget-radio-box input[type=radio]").first.focus()
    page.keyboard.press("ArrowDown")
    button = question.locator("button", has_text=re.compile("Check|Commit my answer")).first
    button.focus()
    page.keyboard.press("Enter")
    expect(live).to_contain_text(VERDICT, timeout=20_000)
    page.wait_for_function("() => !!document.activeElement.closest('.brink-feedback-live')", timeout=20_000)


CUT_OFF = """() => {
  const notebook = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const found = [];
  for (const output of notebook.querySelectorAll('.jp-OutputArea-output')) {
    if (output.scrollWidth > output.clientWidth + 2) { found.push('output wider than its area: ' + output.innerText.slice(0, 60)); }
  }
  for (const label of notebook.querySelectorAll(
      '.brink-view label, .brink-view button, .brink-view .widget-label, .brink-view .widget-readout')) {
    if (label.offsetParent && label.scrollWidth > label.clientWidth + 2) { found.push('cut off: ' + label.innerText.slice(0, 60)); }
  }
  for (const output of notebook.querySelectorAll('.jp-OutputArea-output')) {  // clipped inside a widget, not scrolled
    const edge = output.getBoundingClientRect().right + 2;
    for (const part of output.querySelectorAll('img, select, button, input, textarea, .widget-readout')) {
      if (part.offsetParent && part.getBoundingClientRect().right > edge) {
        found.push('past the edge of its output: ' + (part.alt || part.innerText || part.tagName).slice(0, 60));
      }
    }
  }
  for (const term of notebook.querySelectorAll('.jp-OutputArea-output dt')) {  // a term never runs into its meaning
    const meaning = term.nextElementSibling;
    if (!meaning || !term.offsetParent) { continue; }
    const [a, b] = [term.querySelector('strong') || term, meaning].map(e => e.getBoundingClientRect());
    if (a.right > b.left + 1 && a.bottom > b.top + 1) { found.push('term over its meaning: ' + term.innerText.slice(0, 40)); }
  }
  const pen = document.createElement('canvas').getContext('2d');
  for (const select of notebook.querySelectorAll('.brink-view select')) {  // the chosen option can be read whole
    const option = select.options[select.selectedIndex];
    if (!select.offsetParent || !option) { continue; }
    pen.font = getComputedStyle(select).font;
    if (pen.measureText(option.text).width > select.clientWidth - 24) {
      found.push('dropdown cuts its choice: ' + option.text.slice(0, 60));
    }
  }
  for (const img of notebook.querySelectorAll('img.brink-figure')) {  // chart type at 9 px or more, as shown
    if (!img.offsetParent || !img.naturalWidth) { continue; }
    const picture = img.closest('picture');
    const source = picture && Array.from(picture.querySelectorAll('source')).find(s => s.srcset === img.currentSrc);
    const shown = parseFloat((source || img).dataset.textPx) * img.clientWidth / img.naturalWidth;
    if (!(shown >= 9)) { found.push(`chart type ${shown.toFixed(1)} px: ` + img.alt.slice(0, 50)); }
  }
  return found;
}"""
SIZES = {"1280": {"width": 1280, "height": 1000}, "768": {"width": 768, "height": 1024},
         "zoom200": {"width": 640, "height": 800}}  # 200% zoom of a 1280 px window: 640 CSS px


AXE = Path(__import__("axe_playwright_python").__file__).with_name("axe.min.js")
AXE_RUN = """async () => {
  const results = await axe.run({include: [['.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output']]},
                                {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']});
  return results.violations.filter(v => ['serious', 'critical'].includes(v.impact))
    .map(v => `${v.impact} ${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')}`);
}"""


def axe_finds_nothing_serious(page: Page, name: str) -> None:
    """axe-core (bundled with axe-playwright-python, so it runs offline) over every output area: no serious or
    critical WCAG 2.1 A/AA violation in what the course draws."""
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(AXE))
    assert page.evaluate(AXE_RUN) == [], name


def use_theme(page: Page, theme: str) -> None:
    """Switch JupyterLab's theme the way a student would: Settings, Theme."""
    page.locator("#jp-MainMenu .lm-MenuBar-item", has_text="Settings").click()
    page.locator(".lm-Menu-item", has_text=re.compile(r"^Theme")).hover()
    page.get_by_role("menuitem", name=theme, exact=True).click()
    page.wait_for_function("(light) => document.body.dataset.jpThemeLight === light",
                           arg="false" if "Dark" in theme else "true", timeout=20_000)
    page.wait_for_timeout(500)


def the_dark_theme_works_too(page: Page, name: str) -> None:
    """Review U6: every colour the course sets works on the dark theme as well: axe-core again, and a screenshot."""
    use_theme(page, "JupyterLab Dark")
    try:
        axe_finds_nothing_serious(page, f"{name} (dark theme)")
        SHOTS.mkdir(parents=True, exist_ok=True)
        shot = SHOTS / f"{Path(name).stem}-dark.png"
        page.screenshot(path=str(shot))
        SCREENSHOTS.append(str(shot.relative_to(ROOT)))
    finally:
        use_theme(page, "JupyterLab Light")


def nothing_is_cut_off(page: Page, name: str) -> None:
    """Review U2: on a 1280 px laptop and at 768 px, both with the file browser open, and at 200% zoom of a
    1280 px window (640 CSS px): options wrap, buttons keep their labels, dropdowns show their whole choice,
    nothing is clipped at the edge of its output, tables scroll in their own box, and chart type is 9 px or
    more as shown. A screenshot of each narrow size is kept."""
    tab = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab[data-id='filebrowser']")
    if tab.count() and "lm-mod-current" not in (tab.get_attribute("class") or ""):
        tab.click()
    for label, size in SIZES.items():
        page.set_viewport_size(size)
        page.wait_for_timeout(800)
        problems = page.evaluate(CUT_OFF)
        assert problems == [], f"{name} at {label}: {problems}"
        if label == "1280":
            continue
        SHOTS.mkdir(parents=True, exist_ok=True)
        shot = SHOTS / f"{Path(name).stem}-{label}.png"
        page.screenshot(path=str(shot))
        SCREENSHOTS.append(str(shot.relative_to(ROOT)))
        if label == "768" and tab.count() and "lm-mod-current" in (tab.get_attribute("class") or ""):
            tab.click()  # the zoomed window is too narrow for a sidebar, as a student would find it
    page.set_viewport_size({"width": 1280, "height": 1000})


def answer_every_question_by_keyboard(page: Page) -> None:
    """Every question still open in the notebook, answered without the mouse: arrows for radio groups and
    dropdowns, Space for checkboxes, typing for text, Enter on the button; each gets its verdict."""
    notebook = page.locator(ACTIVE)
    questions = notebook.locator(".brink-exercise.brink-view")  # the live questions, not their printed headers
    for index in range(questions.count()):
        question = questions.nth(index)
        live = question.locator(".brink-feedback-live")
        if live.inner_text().strip() or not question.locator("button").count():
            continue
        question.scroll_into_view_if_needed()
        radios = question.locator(".widget-radio-box")
        for group in range(radios.count()):
            radios.nth(group).locator("input[type=radio]").first.focus()
            page.keyboard.press("ArrowDown")
        boxes = question.locator("input[type=checkbox]")
        if boxes.count():
            boxes.first.focus()
            page.keyboard.press("Space")
        menus = question.locator("select")
        for menu in range(menus.count()):  # the nth menu takes the nth choice, so an order uses each item once
            select = menus.nth(menu)
            select.focus()
            target = min(menu + 1, select.evaluate("s => s.options.length - 1"))  # option 0 is "choose…"
            for _ in range(12):
                if select.evaluate("s => s.selectedIndex") == target:
                    break
                page.keyboard.press("ArrowDown")
        texts = question.locator("textarea")
        for box in range(texts.count()):
            texts.nth(box).focus()
            page.keyboard.type("Because the text says so (P1).")
        question.locator("button", has_text=re.compile("Check|Commit my answer")).first.focus()
        page.keyboard.press("Enter")
        expect(live).to_contain_text(VERDICT, timeout=20_000)


def the_text_comes_before_the_card(page: Page) -> None:
    """Review P2: the genre question is asked before the source card, whose "Kind of text" line answers it."""
    notebook = page.locator(ACTIVE)
    question = notebook.locator(".brink-exercise", has_text="What kind of text").first
    card = notebook.locator(".brink-source-card").first
    assert question.bounding_box()["y"] < card.bounding_box()["y"]
    expect(notebook.locator(".brink-words").first).to_contain_text("NATO")


def back_to_the_text(page: Page) -> None:
    """The text is shown once; every section links back to it, and the link works in JupyterLab."""
    notebook = page.locator(ACTIVE)
    page.set_viewport_size({"width": 1280, "height": 800})
    link = notebook.locator("a", has_text="Back to the text").last
    link.scroll_into_view_if_needed()
    link.click()
    expect(notebook.locator("h2", has_text=re.compile(r"^The text")).first).to_be_in_viewport(timeout=20_000)


def read_the_documents(page: Page) -> None:
    """Every document is a labelled section with its own heading, and the clock comes after the question on it."""
    notebook = page.locator(ACTIVE)
    expect(notebook.locator("article.brink-document")).to_have_count(len(brink.load().primary_sources), timeout=20_000)
    question = notebook.locator(".brink-exercise", has_text="On the clock").first
    clock = notebook.locator("caption", has_text="The documents against the post").first
    assert question.bounding_box()["y"] < clock.bounding_box()["y"]


def move_cutoff_to_the_end(page: Page) -> None:
    """Drag the knowledge cut-off with the keyboard, as a student would, and see later events appear."""
    view = page.locator(f"{ACTIVE} .widget-vbox").filter(has=page.locator(".widget-slider")).last
    before = view.locator("img").first.get_attribute("alt")
    assert "later events are hidden" in before
    expect(view).not_to_contain_text("Russia launches a full-scale invasion of Ukraine")
    handle = view.locator(".noUi-handle").first
    handle.focus()
    for _ in range(30):
        page.keyboard.press("ArrowRight")
    expect(view).to_contain_text("Russia launches a full-scale invasion of Ukraine", timeout=30_000)
    assert view.locator("img").first.get_attribute("alt") != before
    readout = view.locator(".widget-readout").first.inner_text().strip()
    expect(handle).to_have_attribute("aria-valuetext", readout, timeout=20_000)  # the slider speaks the date (U5)
    assert re.search(r"[A-Za-z]", readout) and (handle.get_attribute("aria-label") or "").strip()


def switch_reader_mode(page: Page) -> None:
    view = page.locator(f"{ACTIVE} .widget-vbox").filter(has=page.locator(".brink-reader")).first
    expect(view.locator(".brink-reader")).to_contain_text("tagged with the speaker's name")
    view.locator(".widget-radio-box input[type=radio]").first.focus()  # Speaker; by keyboard to Layer
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(view.locator(".brink-reader")).to_contain_text("Words with no mark are the reporter's own voice", timeout=20_000)


def choose_by_keyboard(page: Page, select, label: str) -> None:
    """Focus a dropdown and press the down arrow until it shows ``label``, as a keyboard-only student would."""
    select.focus()
    for _ in range(select.evaluate("s => s.options.length")):
        if select.evaluate("s => s.options[s.selectedIndex].text.replace(/\\u00a0/g, ' ')") == label:  # ipywidgets: no-break spaces
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{label!r} cannot be reached with the arrow keys")


def filter_the_board(page: Page) -> None:
    board = page.locator(f"{ACTIVE} .widget-vbox").filter(has=page.locator(".brink-entry")).first
    entries = board.locator(".brink-entry")
    total = entries.count()
    choose_by_keyboard(page, board.locator(".widget-dropdown", has_text="Side").locator("select"), "NATO")
    expect(board).to_contain_text("(side: NATO)", timeout=20_000)
    choose_by_keyboard(page, board.locator(".widget-dropdown", has_text="Status").locator("select"), "Ruled out ✖")
    expect(board).to_contain_text("(side: NATO, status: Ruled out ✖)", timeout=20_000)
    assert 0 < entries.count() < total


def hand_in_by_keyboard(page: Page, lab) -> None:
    """The hand-in button answers Enter, says where the file went in a live region, and the file is there."""
    box = page.locator(f"{ACTIVE} .brink-view").filter(has=page.locator("button", has_text="Save my answers")).last
    status = box.locator(".brink-feedback-live")
    expect(status).to_have_attribute("aria-live", "polite", timeout=20_000)
    box.locator("button").focus()
    page.keyboard.press("Enter")
    expect(status).to_contain_text("Written:", timeout=20_000)
    assert (lab.answers / "brink-answers.html").exists()


def open_the_reveal(page: Page) -> None:
    box = page.locator(f"{ACTIVE} .widget-vbox").filter(
        has=page.locator("button", has_text="Show what happened next")).last
    expect(box).not_to_contain_text("Russia launches a full-scale invasion of Ukraine")
    box.locator("button", has_text="Show what happened next").focus()  # by keyboard, as every view
    page.keyboard.press("Enter")
    expect(box).to_contain_text("Russia launches a full-scale invasion of Ukraine", timeout=20_000)
    expect(box).to_contain_text("The war continued after that date")


# Extra things a student does in particular notebooks, beyond answering the first question.
INTERACTIONS: dict[str, list[Callable[[Page], None]]] = {
    "00-start-here.ipynb": [the_text_comes_before_the_card],
    "01-reading-the-text.ipynb": [switch_reader_mode, back_to_the_text],
    "02-timeline.ipynb": [move_cutoff_to_the_end],
    "03-each-sides-demands.ipynb": [filter_the_board],
    "04-checking-the-story.ipynb": [read_the_documents],
    "05-what-could-a-reader-know.ipynb": [open_the_reveal],
}


def full_page_screenshot(page: Page, name: str) -> Path:
    height = page.evaluate(
        "() => { const n = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer');"
        " return n ? n.scrollHeight : document.body.scrollHeight; }")
    page.set_viewport_size({"width": 1280, "height": min(int(height) + 200, 30_000)})
    page.evaluate("() => document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer')"
                  ".scrollTo(0, 0)")
    page.wait_for_timeout(500)
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{Path(name).stem}.png"
    page.screenshot(path=str(path), full_page=True)
    SCREENSHOTS.append(str(path.relative_to(ROOT)))
    return path


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_in_jupyterlab(lab, page: Page, path: Path):
    nb = nbformat.read(path, as_version=4)
    code_cells = sum(c.cell_type == "code" for c in nb.cells)
    images = expected_images(path)
    restart_and_run_all(page, lab.url(path.name), code_cells)
    text = settle(page)
    notebook = page.locator(ACTIVE)

    for words in BROKEN:
        assert words not in text, f"{path.name} shows {words!r}"
    assert notebook.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0, "stderr or an error"
    rendered = notebook.locator("img.brink-figure")  # a chart is an <img> with alt text the browser shows (U3)
    expect(rendered).to_have_count(images, timeout=30_000)
    for index in range(images):
        assert rendered.nth(index).evaluate("img => img.complete && img.naturalWidth > 0"), f"image {index} is broken"
        alt = " ".join((rendered.nth(index).get_attribute("alt") or "").split())
        assert len(alt) > 40 and alt in " ".join(text.split()), f"image {index} lacks the chart's own alt text: {alt!r}"
    widgets = notebook.locator(".jp-OutputArea-output .jupyter-widgets")
    assert widgets.count() >= 1, "each notebook has at least one live widget"

    full_page_screenshot(page, path.name)
    page.set_viewport_size({"width": 1280, "height": 1000})
    answer_first_question(page)
    keys_stay_in_the_controls(page)
    focus_moves_to_the_feedback(page)
    before = page.evaluate(CELL_KINDS)
    answer_every_question_by_keyboard(page)
    assert page.evaluate(CELL_KINDS) == before, "answering by keyboard changed the notebook's cells"
    for interact in INTERACTIONS.get(path.name, []):
        interact(page)
    assert (lab.answers / f"{path.stem}.json").exists(), "the answer reached the journal on disk"
    hand_in_by_keyboard(page, lab)
    assert page.evaluate(CELL_KINDS) == before, "the views' keys changed the notebook's cells"
    axe_finds_nothing_serious(page, path.name)
    the_dark_theme_works_too(page, path.name)
    nothing_is_cut_off(page, path.name)
