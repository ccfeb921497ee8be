"""How close the course runs to the floor this machine allows, and how fast every widget answers.

    python benchmarks/bench.py [--reps N] [--clicks N] [--skip-footprint]

Four sections: Run All per notebook against a floor notebook (a fresh kernel that only imports the
libraries), widget response times, the cost of ``import brink``, and the Binder footprint. Prints a table
with PASS or MISS per target and writes every figure to build/bench.json. Timings are for reading, not
for tests: the test suite makes no timing assertions.
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
TARGETS = {"notebook_ratio": 1.3, "widget_ms": 100.0, "widget_redraw_ms": 200.0, "import_s": 0.3}
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


def notebooks_vs_floor(reps: int) -> dict:
    import nbformat

    floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)],
                                        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                 "language": "python"}})
    floor = statistics.median(run_notebook(nbformat.from_dict(json.loads(json.dumps(floor_nb)))) for _ in range(reps))
    rows = {}
    for path in NOTEBOOKS:
        times = [run_notebook(nbformat.read(path, as_version=4)) for _ in range(reps)]
        seconds = statistics.median(times)
        rows[path.name] = {"seconds": seconds, "runs": times, "ratio": seconds / floor,
                           "pass": seconds / floor <= TARGETS["notebook_ratio"]}
    return {"floor_seconds": floor, "notebooks": rows}


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
    nb = results["notebooks"]
    print(f"\n1. Run All per notebook (median of {results['reps']}), floor {nb['floor_seconds']:.2f} s, target ≤ "
          f"{TARGETS['notebook_ratio']}× floor")
    for name, row in nb["notebooks"].items():
        print(f"   {name:38} {row['seconds']:6.2f} s  {row['ratio']:4.2f}×  {mark(row['pass'])}")
    print(f"\n2. Widget response ({results['clicks']} actions each): median and 95th percentile")
    for name, row in results["widgets"].items():
        print(f"   {name:62} {row['median_ms']:7.1f} ms {row['p95_ms']:7.1f} ms  target ≤ {row['target_ms']:.0f}  "
              f"{mark(row['pass'])}")
    imp = results["import"]
    print(f"\n3. Import cost: pass {imp['pass_seconds']:.3f} s, import brink {imp['import_brink_seconds']:.3f} s, "
          f"extra {imp['extra_seconds']:.3f} s (target ≤ {TARGETS['import_s']}), matplotlib imported: "
          f"{imp['matplotlib_imported']}  {mark(imp['pass'])}")
    foot = results.get("footprint")
    if foot:
        print(f"\n4. Footprint: Binder venv {foot['binder_venv_bytes'] / 1e6:.0f} MB, {foot['binder_packages']} packages; "
              f"beyond jupyterlab, ipywidgets, matplotlib, nbval (and notebook, in every Binder image): "
              f"{foot['extra_packages'] or 'none'}  {mark(foot['pass'])}")
    else:
        print("\n4. Footprint: skipped (--skip-footprint)")
    print(f"\nAll targets met: {results['all_pass']}.  Written: {results['json']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3, help="repetitions per notebook and per import (median)")
    parser.add_argument("--clicks", type=int, default=50, help="actions per widget")
    parser.add_argument("--skip-footprint", action="store_true", help="skip building two throw-away venvs")
    args = parser.parse_args(argv)
    os.environ.setdefault("MPLBACKEND", "Agg")
    with tempfile.TemporaryDirectory() as answers:
        os.environ["BRINK_JOURNAL_DIR"] = answers  # never touch a real my-answers folder
        results = {
            "when": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "machine": {"cores": os.cpu_count(), "platform": platform.platform(), "processor": platform.machine()},
            "versions": versions(), "reps": args.reps, "clicks": args.clicks, "targets": TARGETS,
            "notebooks": notebooks_vs_floor(args.reps),
            "widgets": widget_response(args.clicks),
            "import": import_cost(max(args.reps, 5)),
            "footprint": None if args.skip_footprint else footprint(),
        }
    checks = [r["pass"] for r in results["notebooks"]["notebooks"].values()]
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
