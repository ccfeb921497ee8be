"""How close the course runs to the floor this machine allows, what a class of 30 costs, how fast every widget answers.

    python benchmarks/bench.py [--reps N] [--clicks N] [--skip-footprint] [--skip-browser]

Sections: Run All per notebook against a floor notebook (a fresh kernel that only imports ipywidgets,
matplotlib.pyplot and brink), headless (nbclient) and in JupyterLab in Chromium, each as a ratio to the floor
measured in the same run; kernel memory (RSS) after Run All and widget models per notebook; widget response in the
browser (the timeline slider included) and in the kernel; the cost of ``import brink``; and the Binder footprint.
Prints a table with PASS or MISS per target and writes every figure to build/bench.json (per notebook: ``ratio``,
``browser_ratio``, ``rss_mb``, ``widget_models``). Timings are for reading, not for tests: the test suite makes no
timing assertions (it does hold widget models and "no matplotlib on Run All").
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
FLOOR_SOURCE = "import ipywidgets\nimport matplotlib.pyplot\nimport brink"
TARGETS = {"notebook_ratio": 1.0, "browser_ratio": 1.0, "rss_mb": 75.0, "widget_models": 150, "browser_p95_ms": 50.0,
           "widget_ms": 100.0, "widget_redraw_ms": 200.0, "import_s": 0.3}
ACTION_FLOOR = """slider = ipywidgets.IntSlider(0, 0, 28, description="Day")
shown = ipywidgets.HTML("day 0")
slider.observe(lambda change: setattr(shown, "value", f"day {change['new']}"), names="value")
ipywidgets.VBox([slider, shown])"""
PROBE = ("import sys\nprint(int(open('/proc/self/status').read().split('VmRSS:')[1].split()[0]) / 1024 "
         "if sys.platform == 'linux' else __import__('resource').getrusage(0).ru_maxrss / 1024)")
# What the Binder image has anyway: the four named in the target, plus notebook, which repo2docker's base
# environment always ships (binder/requirements.txt pins it only to keep it in step with jupyterlab).
BASE_PACKAGES = ["jupyterlab", "ipywidgets", "matplotlib", "nbval", "notebook"]


def median_p95(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


# -- 1. Run All per notebook against the floor ------------------------------------------------------
def run_notebook(nb) -> float:
    from nbclient import NotebookClient

    started = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    return time.perf_counter() - started


def floor_notebook():
    import nbformat

    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)],
                                    metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                             "language": "python"}})


def cost(nb) -> dict:
    """Kernel RSS after Run All (a last cell reads it) and the widget models the notebook made."""
    import nbformat

    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    run_notebook(nb)
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    return {"rss_mb": float(nb.cells[-1].outputs[0]["text"]), "widget_models": len(state)}


def notebooks_vs_floor(reps: int) -> dict:
    import nbformat

    floor = statistics.median(run_notebook(floor_notebook()) for _ in range(reps))
    rows = {}
    for path in NOTEBOOKS:
        times = [run_notebook(nbformat.read(path, as_version=4)) for _ in range(reps)]
        seconds = statistics.median(times)
        spent = cost(nbformat.read(path, as_version=4))
        rows[path.name] = {"seconds": seconds, "runs": times, "ratio": seconds / floor, **spent,
                           "pass": seconds / floor <= TARGETS["notebook_ratio"],
                           "rss_pass": spent["rss_mb"] <= TARGETS["rss_mb"],
                           "models_pass": spent["widget_models"] <= TARGETS["widget_models"]}
    return {"floor_seconds": floor, "floor_rss_mb": cost(floor_notebook())["rss_mb"], "notebooks": rows}


# -- 1b. The same in the browser ----------------------------------------------------------------------
def in_the_browser(reps: int) -> dict:
    """Run All in JupyterLab in Chromium (the browser suite's server and browser), after a kernel restart, until
    every cell has run, every widget is drawn and every chart has loaded; then widget actions, timed to the
    change on screen. Needs Debian's Chromium and playwright, as the browser tests do."""
    sys.path.insert(0, str(ROOT / "tests" / "browser"))
    import nbformat
    from lab import ACTIVE, CHROMIUM, CHROMIUM_ARGS, chromium_missing, lab_server
    from playwright.sync_api import sync_playwright

    reason = chromium_missing()
    if reason:
        return {"skipped": reason}
    place = ROOT / "build" / "bench"
    place.mkdir(parents=True, exist_ok=True)
    floor_path = place / "floor.ipynb"
    nbformat.write(floor_notebook(), floor_path)
    action_floor = floor_notebook()
    action_floor.cells.append(nbformat.v4.new_code_cell(ACTION_FLOOR))
    nbformat.write(action_floor, place / "action-floor.ipynb")
    settled = rf"""() => {{
      const nb = document.querySelector('{ACTIVE}');
      const prompts = Array.from(nb.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt'));
      const done = prompts.length > 0 && prompts.every(p => /\[\d+\]/.test(p.textContent));
      const images = Array.from(nb.querySelectorAll('img')).every(i => i.complete);
      return done && images && /\| Idle/.test(document.body.innerText) && !nb.innerText.includes('Loading widget');
    }}"""
    cleared = rf"""() => Array.from(document.querySelectorAll('{ACTIVE} .jp-CodeCell .jp-InputArea-prompt'))
                      .every(p => !/\d/.test(p.textContent)) && /\| Idle/.test(document.body.innerText)"""
    with lab_server() as server, sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 1000})
        page = context.new_page()

        def menu(title: str, command: str) -> None:
            page.locator("#jp-MainMenu .lm-MenuBar-item", has_text=title).click()
            page.click(f".lm-Menu-item[data-command='{command}']")

        def run_all(relative: str) -> float:
            """Restart the kernel and clear the outputs, then time Run All until everything is on screen."""
            page.goto(f"{server.base}/lab/tree/{relative}?reset&token={server.token}")
            page.wait_for_selector(f"{ACTIVE} .jp-Cell", timeout=90_000)
            page.wait_for_function(r"() => /\| Idle/.test(document.body.innerText)", timeout=90_000)
            menu("Kernel", "kernelmenu:restart-and-clear")
            page.locator(".jp-Dialog .jp-mod-accept").click()
            page.wait_for_function(cleared, timeout=90_000)
            page.wait_for_timeout(300)
            started = time.perf_counter()
            menu("Run", "runmenu:run-all")
            page.wait_for_function(settled, timeout=180_000, polling=20)
            return time.perf_counter() - started

        floor = statistics.median(run_all(floor_path.relative_to(ROOT).as_posix()) for _ in range(reps))
        rows = {}
        for path in NOTEBOOKS:
            seconds = statistics.median(run_all(f"notebooks/{path.name}") for _ in range(reps))
            rows[path.name] = {"seconds": seconds, "browser_ratio": seconds / floor,
                               "pass": seconds / floor <= TARGETS["browser_ratio"]}
        actions = browser_actions(page, run_all, ACTIVE)
        context.close()
    return {"floor_seconds": floor, "notebooks": rows, "actions": actions}


WAIT = """(e, before) => new Promise(resolve => {
    const now = () => e.innerHTML.length + ':' + e.innerHTML.slice(-4000);
    if (now() !== before) { return resolve(true); }
    const seen = new MutationObserver(() => { if (now() !== before) { seen.disconnect(); resolve(true); } });
    seen.observe(e, {subtree: true, childList: true, attributes: true, characterData: true});
    setTimeout(() => { seen.disconnect(); resolve(false); }, 10000);
})"""


def _timed_presses(page, element, keys: list[str], watch, refocus: bool = False) -> list[float]:
    """Press each key on ``element`` and time until ``watch`` changes on screen (10 s at most, counted as a miss)."""
    samples = []
    element, watch = element.element_handle(), watch.element_handle()  # fixed: a filter may stop matching mid-way
    element.focus()
    for key in keys:
        before = watch.evaluate("e => e.innerHTML.length + ':' + e.innerHTML.slice(-4000)")
        if refocus:  # a button hands focus to its feedback after each press
            element.focus()
        started = time.perf_counter()
        page.keyboard.press(key)
        changed = watch.evaluate(WAIT, before)
        samples.append((time.perf_counter() - started) * 1000 if changed else 10_000.0)
    return samples


def browser_actions(page, run_all, active: str) -> dict:
    """Widget actions a student makes, timed in the browser from the key press to the change on screen."""
    rows = {}

    def record(name: str, samples: list[float]) -> None:
        median, p95 = median_p95(samples)
        rows[name] = {"median_ms": median, "p95_ms": p95, "samples": len(samples),
                      "pass": p95 <= TARGETS["browser_p95_ms"]}

    import brink
    from brink.core import timeline

    # The floor for an action: a bare ipywidgets slider whose move the kernel answers by rewriting an HTML widget,
    # in the same browser, server and kernel: what any widget that asks the kernel costs on this machine.
    run_all("build/bench/action-floor.ipynb")
    floor = page.locator(f"{active} .widget-vbox").filter(has=page.locator(".widget-slider")).last
    record("floor: a bare ipywidgets slider and HTML, through the kernel",
           _timed_presses(page, floor.locator(".noUi-handle").first, ["ArrowRight"] * 28 + ["ArrowLeft"] * 28,
                          floor.locator(".widget-html").last))
    run_all("notebooks/02-timeline.ipynb")
    view = page.locator(f"{active} .widget-vbox").filter(has=page.locator(".widget-slider")).last
    steps = len(timeline.cutoffs(brink.load())) - 1
    record("timeline slider: one cut-off on or back (arrow keys)",
           _timed_presses(page, view.locator(".noUi-handle").first, ["ArrowRight"] * steps + ["ArrowLeft"] * steps,
                          view.locator(".widget-html").last))
    run_all("notebooks/03-each-sides-demands.ipynb")
    board = page.locator(f"{active} .widget-vbox").filter(has=page.locator(".brink-entry")).first
    side = board.locator(".widget-dropdown", has_text="Side").locator("select")
    record("demands board: next side (arrow keys)",
           _timed_presses(page, side, ["ArrowDown"] * 4 + ["ArrowUp"] * 4, board.locator(".widget-html").last))
    run_all("notebooks/01-reading-the-text.ipynb")
    reader = page.locator(f"{active} .widget-vbox").filter(has=page.locator(".brink-reader")).first
    record("reader: next highlight (arrow keys)",
           _timed_presses(page, reader.locator(".widget-radio-box input[type=radio]").first,
                          ["ArrowDown", "ArrowDown", "ArrowUp", "ArrowUp"] * 2, reader.locator(".widget-html").last))
    question = page.locator(f"{active} .brink-exercise.brink-view").filter(has=page.locator(".widget-radio-box")).filter(
        has_not=page.locator("textarea")).first
    question.locator("input[type=radio]").first.focus()
    page.keyboard.press("ArrowDown")
    record("question: Check (Enter) until the verdict and the saved line show",
           _timed_presses(page, question.locator("button").first, ["Enter"] * 8, question, refocus=True))
    return rows


# -- 2. Widget response ---------------------------------------------------------------------------
def timed(action: Callable[[int], None], clicks: int) -> tuple[float, float]:
    samples = []
    for n in range(clicks):
        started = time.perf_counter()
        action(n)
        samples.append((time.perf_counter() - started) * 1000)
    return median_p95(samples)


def widget_cases(corpus, journal_dir: Path) -> list[tuple[str, bool, Callable[[int], None]]]:
    """(name, redraws a figure?, action) for every interactive view in the course."""
    from brink import views
    from brink.core import timeline
    from brink.core.checking import right_answer
    from brink.core.journal import Journal
    from brink.static import demands_tables
    from brink.views import questions as exercise_views

    cases = []
    browser = views.paragraph_browser(corpus)
    cases.append(("paragraph browser: choose a paragraph", False,
                  lambda n: setattr(browser.paragraph, "value", n % 9 + 1)))
    reader = views.reader_view(corpus)
    modes = ["speaker", "form", "layer"]
    cases.append(("reader: change the highlight", False, lambda n: setattr(reader.mode, "value", modes[(n + 1) % 3])))
    board = views.demands_board(corpus)
    sides = ["", "russia", "us", "nato", "ukraine"]
    statuses = ["", *demands_tables.STATUS]
    cases.append(("demands board: filter by side", False, lambda n: setattr(board.side, "value", sides[(n + 1) % 5])))
    cases.append(("demands board: filter by status", False,
                  lambda n: setattr(board.status, "value", statuses[(n + 1) % len(statuses)])))
    cards = views.role_cards(corpus)
    roles = [r.id for r in corpus.roles]
    cases.append(("role cards: choose a role", False, lambda n: setattr(cards.role, "value", roles[(n + 1) % len(roles)])))
    line = views.timeline_view(corpus)
    cuts = timeline.cutoffs(corpus)
    cases.append(("timeline: move the cut-off", True, lambda n: setattr(line.cutoff, "value", cuts[(n + 1) % len(cuts)])))
    seen = set()
    journal = Journal("bench", journal_dir)
    for exercise in corpus.exercises:
        kind = exercise.type + (" (with evidence)" if exercise.justify else "")
        if kind in seen:
            continue
        seen.add(kind)
        view = exercise_views.ExerciseView(exercise, corpus, journal)
        answer = right_answer(exercise)
        if exercise.type == "rating":
            answer = (exercise.model_rating, "Because of the hedge.")
        elif exercise.type == "text":
            answer = "A short answer, as a student might write it."
        if exercise.justify:
            answer = (answer, "P1: words from the text.")
        view.answer = answer

        def press(n, view=view):
            if view.committed:
                view.again.click()
            view.button.click()

        cases.append((f"question, {kind}: Check or Commit (saves to the journal)", False, press))
    return cases


def widget_response(clicks: int) -> dict:
    import brink

    corpus = brink.load()
    rows = {}
    with tempfile.TemporaryDirectory() as answers:
        for name, redraw, action in widget_cases(corpus, Path(answers)):
            action(0)  # warm up once, as a student's first click would already have loaded everything
            median, p95 = timed(action, clicks)
            target = TARGETS["widget_redraw_ms"] if redraw else TARGETS["widget_ms"]
            rows[name] = {"median_ms": median, "p95_ms": p95, "redraws_figure": redraw, "target_ms": target,
                          "pass": median <= target}
    return rows


# -- 3. Import cost --------------------------------------------------------------------------------
def import_cost(reps: int) -> dict:
    def run(code: str) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT / "notebooks")
        return time.perf_counter() - started

    for _ in range(2):  # warm the file cache
        run("import brink")
    bare = statistics.median(run("pass") for _ in range(reps))
    loaded = statistics.median(run("import brink") for _ in range(reps))
    check = subprocess.run([sys.executable, "-c", "import sys, brink; print('matplotlib' in sys.modules)"],
                           capture_output=True, text=True, check=True, cwd=ROOT / "notebooks")
    matplotlib_loaded = check.stdout.strip() == "True"
    extra = loaded - bare
    return {"pass_seconds": bare, "import_brink_seconds": loaded, "extra_seconds": extra,
            "matplotlib_imported": matplotlib_loaded, "pass": extra <= TARGETS["import_s"] and not matplotlib_loaded}


# -- 4. Footprint --------------------------------------------------------------------------------
def _venv(path: Path, *requirements: str) -> set[str]:
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    pip = [str(path / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, *requirements], check=True)
    frozen = subprocess.run([str(path / "bin" / "python"), "-m", "pip", "list", "--format=json"],
                            capture_output=True, text=True, check=True).stdout
    return {p["name"].lower().replace("_", "-") for p in json.loads(frozen)}


def _size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def footprint() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        binder = Path(tmp) / "binder"
        packages = _venv(binder, "-r", str(ROOT / "binder" / "requirements.txt"))
        subprocess.run([str(binder / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-deps", str(ROOT)],
                       check=True)
        size = _size(binder)
        base = _venv(Path(tmp) / "base", *BASE_PACKAGES)
    extra = sorted(packages - base - {"brink"})
    return {"binder_venv_bytes": size, "binder_packages": len(packages), "extra_packages": extra, "pass": not extra}


# -- report --------------------------------------------------------------------------------------
def versions() -> dict:
    names = ["jupyterlab", "notebook", "ipywidgets", "jupyterlab_widgets", "matplotlib", "nbclient", "ipykernel", "brink"]
    found = {}
    for name in names:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    return {"python": platform.python_version(), **found}


def mark(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def report(results: dict) -> None:
    print(f"brink benchmark, {results['when']}, {results['machine']['cores']} cores, Python {results['versions']['python']}")
    nb, browser = results["notebooks"], results.get("browser") or {}
    print(f"\n1. Run All per notebook (median of {results['reps']}), as a ratio to the floor (kernel + import ipywidgets, "
          f"matplotlib.pyplot, brink), target ≤ {TARGETS['notebook_ratio']}×")
    if browser.get("notebooks"):
        print(f"   floor: headless {nb['floor_seconds']:.2f} s, in JupyterLab (Chromium) {browser['floor_seconds']:.2f} s")
    else:
        print(f"   floor: headless {nb['floor_seconds']:.2f} s; browser: {browser.get('skipped', 'skipped (--skip-browser)')}")
    for name, row in nb["notebooks"].items():
        line = f"   {name:38} headless {row['ratio']:4.2f}× {mark(row['pass'])}"
        if "browser_ratio" in row:
            line += f"   browser {row['browser_ratio']:4.2f}× {mark(row['browser_pass'])}"
        print(line)
    print(f"\n2. What a student costs after Run All: kernel RSS (target ≤ {TARGETS['rss_mb']:.0f} MB; the floor kernel: "
          f"{nb['floor_rss_mb']:.0f} MB) and widget models (target ≤ {TARGETS['widget_models']})")
    for name, row in nb["notebooks"].items():
        print(f"   {name:38} {row['rss_mb']:5.1f} MB {mark(row['rss_pass'])}   {row['widget_models']:4d} models "
              f"{mark(row['models_pass'])}")
    print(f"\n3. Widget actions in the browser, key press to change on screen: median and 95th percentile "
          f"(target p95 ≤ {TARGETS['browser_p95_ms']:.0f} ms)")
    for name, row in browser.get("actions", {}).items():
        print(f"   {name:62} {row['median_ms']:7.1f} ms {row['p95_ms']:7.1f} ms  {mark(row['pass'])}")
    if not browser.get("actions"):
        print(f"   {browser.get('skipped', 'skipped (--skip-browser)')}")
    print(f"\n4. Widget response in the kernel ({results['clicks']} actions each): median and 95th percentile")
    for name, row in results["widgets"].items():
        print(f"   {name:62} {row['median_ms']:7.1f} ms {row['p95_ms']:7.1f} ms  target ≤ {row['target_ms']:.0f}  "
              f"{mark(row['pass'])}")
    imp = results["import"]
    print(f"\n5. Import cost: pass {imp['pass_seconds']:.3f} s, import brink {imp['import_brink_seconds']:.3f} s, "
          f"extra {imp['extra_seconds']:.3f} s (target ≤ {TARGETS['import_s']}), matplotlib imported: "
          f"{imp['matplotlib_imported']}  {mark(imp['pass'])}")
    foot = results.get("footprint")
    if foot:
        print(f"\n6. Footprint: Binder venv {foot['binder_venv_bytes'] / 1e6:.0f} MB, {foot['binder_packages']} packages; "
              f"beyond jupyterlab, ipywidgets, matplotlib, nbval (and notebook, in every Binder image): "
              f"{foot['extra_packages'] or 'none'}  {mark(foot['pass'])}")
    else:
        print("\n6. Footprint: skipped (--skip-footprint)")
    print(f"\nAll targets met: {results['all_pass']}.  Written: {results['json']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3, help="repetitions per notebook and per import (median)")
    parser.add_argument("--clicks", type=int, default=50, help="actions per widget")
    parser.add_argument("--skip-footprint", action="store_true", help="skip building two throw-away venvs")
    parser.add_argument("--skip-browser", action="store_true", help="skip JupyterLab in Chromium")
    args = parser.parse_args(argv)
    os.environ.setdefault("MPLBACKEND", "Agg")
    with tempfile.TemporaryDirectory() as answers, tempfile.TemporaryDirectory() as drawings:
        os.environ["BRINK_JOURNAL_DIR"] = answers  # never touch a real my-answers folder
        os.environ["BRINK_CACHE_DIR"] = drawings  # nor a user's drawings: only what the package ships counts
        results = {
            "when": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "machine": {"cores": os.cpu_count(), "platform": platform.platform(), "processor": platform.machine()},
            "versions": versions(), "reps": args.reps, "clicks": args.clicks, "targets": TARGETS,
            "notebooks": notebooks_vs_floor(args.reps),
            "browser": None if args.skip_browser else in_the_browser(args.reps),
            "widgets": widget_response(args.clicks),
            "import": import_cost(max(args.reps, 5)),
            "footprint": None if args.skip_footprint else footprint(),
        }
    rows = results["notebooks"]["notebooks"]
    for name, row in ((results["browser"] or {}).get("notebooks") or {}).items():
        rows[name].update(browser_seconds=row["seconds"], browser_ratio=row["browser_ratio"], browser_pass=row["pass"])
    checks = [r[k] for r in rows.values() for k in ("pass", "rss_pass", "models_pass", "browser_pass") if k in r]
    checks += [r["pass"] for r in ((results["browser"] or {}).get("actions") or {}).values()]
    checks += [r["pass"] for r in results["widgets"].values()] + [results["import"]["pass"]]
    if results["footprint"]:
        checks.append(results["footprint"]["pass"])
    results["all_pass"] = all(checks)
    out = ROOT / "build" / "bench.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    results["json"] = str(out.relative_to(ROOT))
    out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
