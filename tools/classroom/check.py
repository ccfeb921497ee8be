"""`make classroom-check`: a whole class on a real JupyterHub, from the link to the class report, measured.

1. A JupyterHub starts on this machine (hub.py) with the settings a teacher's admin would use: classroom mode and
   a class release folder in the spawner's environment, nbgitpuller in the students' environment.
2. Each student (10 by default; ``STUDENTS=30`` for the measurement) follows the README's nbgitpuller link to a
   local clone of this repository, opens notebook 00 and the capstone (05), runs them, answers questions of
   several types, commits judgements, finds the model answers and the reveal held, and hands in. Two of them do
   it in Chromium, through the widgets; the others through their kernels, over the same APIs JupyterLab uses.
3. The teacher releases once, from a shell, outside every kernel (``python -m brink release``); each student
   presses the button the notebook shows ("Has my teacher opened it?", "Show what happened next") and sees the
   answers, with no restart.
4. The teacher collects the hand-ins from the students' home folders with the README's command, and builds the
   class report; its counts must equal what the students answered.
5. The figures go to build/classroom.json; everything started is stopped, and nothing outside build/ and the
   temporary folder is changed.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import http.cookiejar
import inspect
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).parent))
from hub import PASSWORD, ROOT, Hub, HubError, run_processes, running_hub
from kernel import Kernel, KernelError

import brink
from brink.core.records import KINDS

REPO = "brink"  # the clone's folder name, as nbgitpuller makes it from the repository's address
NOTEBOOKS = ("00-start-here", "05-what-could-a-reader-know")
REVEAL_NOTEBOOK = "05-what-could-a-reader-know"
TEACHER = "student01"  # whose copy of the course the teacher's terminal commands run from (any copy would do)
BROWSER_STUDENTS = int(os.environ.get("BROWSER_STUDENTS", "2"))
OUT = ROOT / "build" / "classroom.json"
# How an admin collects the class's hand-ins from the students' home folders (the README shows this command).
COLLECT = ('mkdir -p handins && find "$HOMES" -mindepth 5 -maxdepth 5 -type f '
           '-path "*/brink/notebooks/my-answers/brink-answers.json" | while IFS= read -r f; do '
           'rel="${f#"$HOMES"/}"; cp "$f" "handins/${rel%%/*}.json"; done')


class ClassroomFailure(RuntimeError):
    """What went wrong for the class, in one line."""


def pick(exercise, student: int):
    """The answer student number ``student`` gives: spread over the options, so every count in the report is known.
    Sent to each student's kernel as source, and used here to count what the report must say."""
    from brink.core.records import KINDS

    shape = KINDS[exercise.type].shape
    if shape == "one":
        return exercise.options[(student + len(exercise.id)) % len(exercise.options)].id
    if shape == "rating":
        return (student % len(exercise.scale), f"Student {student} weighs the words of the claim.")
    if shape == "text":
        return f"Student {student} writes an answer to {exercise.id}."
    raise ValueError(f"no answer is planned for a {exercise.type} question ({exercise.id})")


def answered(corpus) -> dict[str, list[str]]:
    """What every student answers, notebook by notebook: every question of 00 and 05 and both forms of the check."""
    return {notebook: [e.id for e in corpus.exercises if e.notebook == notebook] for notebook in NOTEBOOKS}


STUDENT_CODE = inspect.getsource(pick) + '''
from brink.core.records import KINDS as _KINDS


def _shown():
    """Every view this notebook has shown, from IPython's output history: what the student sees on screen."""
    views = []
    for value in Out.values():
        views.append(value)
        views.extend(getattr(value, "questions", ()))
    return views


def _find(exercise_id):
    for view in _shown():
        if getattr(getattr(view, "exercise", None), "id", None) == exercise_id:
            return view
    raise LookupError(f"no question {exercise_id} on screen")


def _answer(exercise_id, student):
    view = _find(exercise_id)
    view.answer = pick(view.exercise, student)
    view.button.click()
    return view


def _held(exercise_id):
    view = _find(exercise_id)
    return view.model.value == "" and "brink-model" not in view.feedback.value
'''


@dataclass
class Student:
    name: str
    number: int
    browser: bool
    token: str = ""
    kernels: dict[str, Kernel] = field(default_factory=dict)
    link_to_first_cell_s: float = 0.0
    held: bool = False
    released: bool = False
    handed_in: bool = False
    answers: dict[str, object] = field(default_factory=dict)  # exercise id → what the student answered


def link(hub: Hub, repo_url: str, branch: str, notebook: str = "00-start-here") -> str:
    """The README's nbgitpuller link, for this hub and this repository."""
    return (f"{hub.url}/hub/user-redirect/git-pull?repo={urllib.parse.quote(repo_url, safe='')}&branch={branch}"
            f"&urlpath={urllib.parse.quote(f'lab/tree/{REPO}/notebooks/{notebook}.ipynb', safe='')}")


def login(hub: Hub, student: Student) -> urllib.request.OpenerDirector:
    """The hub's login form, as a browser fills it in (the dummy authenticator's shared password); the opener
    keeps the cookies, so following the link afterwards is what a logged-in student's click does."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(f"{hub.url}/hub/login", timeout=60) as response:
        form = response.read().decode("utf-8", "replace")
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', form)
    fields = {"username": student.name, "password": PASSWORD, **({"_xsrf": xsrf.group(1)} if xsrf else {})}
    with opener.open(f"{hub.url}/hub/login", data=urllib.parse.urlencode(fields).encode(), timeout=60) as response:
        if "/hub/login" in response.url:
            raise ClassroomFailure(f"{student.name}: the hub's login page did not let the student in")
    return opener


def follow_link(hub: Hub, student: Student, url: str) -> None:
    """What the link does for a logged-in student: the hub sends them to their server's git-pull page, whose script
    asks nbgitpuller's API to clone (or update) the repository; we read that stream to its end, as the page does."""
    opener = login(hub, student)
    with opener.open(url, timeout=120) as response:
        page = response.read().decode("utf-8", "replace")
        if f"/user/{student.name}/git-pull" not in response.url or "nbgitpuller" not in page.lower():
            raise ClassroomFailure(f"{student.name}: the link did not reach nbgitpuller (landed on {response.url})")
    query = urllib.parse.urlparse(url).query
    with opener.open(f"{hub.url}/user/{student.name}/git-pull/api?{query}", timeout=300) as stream:
        for raw in stream:
            line = raw.decode("utf-8", "replace").strip()
            if not line.startswith("data:"):
                continue
            event = json.loads(line[5:])
            if event.get("phase") == "error":
                raise ClassroomFailure(f"{student.name}: nbgitpuller failed: {event.get('message')}")
            if event.get("phase") == "finished":
                return
    raise ClassroomFailure(f"{student.name}: nbgitpuller's stream ended before it finished")


def code_cells(hub: Hub, student: Student, notebook: str) -> list[str]:
    status, model = hub.api("GET", f"/api/contents/{REPO}/notebooks/{notebook}.ipynb?content=1",
                            base=f"/user/{student.name}", token=student.token)
    if status != 200:
        raise ClassroomFailure(f"{student.name}: cannot open {notebook} after the pull ({status})")
    return [c["source"] for c in model["content"]["cells"] if c["cell_type"] == "code"]


def kernel_student(hub: Hub, student: Student, url: str, corpus) -> None:
    """A student through their kernel: the link, both notebooks run top to bottom, every question answered."""
    started = time.monotonic()
    hub.start(student.name)
    hub.wait_ready(student.name)
    follow_link(hub, student, url)
    for notebook in NOTEBOOKS:
        kernel = Kernel(hub, student.name, f"{REPO}/notebooks/{notebook}.ipynb", student.token).open()
        student.kernels[notebook] = kernel
        for number, source in enumerate(code_cells(hub, student, notebook)):
            kernel.run(source)
            if number == 0 and notebook == NOTEBOOKS[0]:
                student.link_to_first_cell_s = time.monotonic() - started
        kernel.run(STUDENT_CODE)
        if not kernel_says(kernel, f"brink.__file__.startswith({str(hub.home(student.name))!r})", before="import brink"):
            raise ClassroomFailure(f"{student.name}: the kernel found the course outside the student's own copy")
        for exercise_id in answered(corpus)[notebook]:
            kernel.run(f"_answer({exercise_id!r}, {student.number})")
            student.answers[exercise_id] = pick(corpus.exercise(exercise_id), student.number)
    judgements = {nb: [i for i in ids if corpus.exercise(i).judgement] for nb, ids in answered(corpus).items()}
    held = all(kernel_says(student.kernels[nb], f"all(_held(i) for i in {ids!r})") for nb, ids in judgements.items())
    reveal = student.kernels[REVEAL_NOTEBOOK]
    held &= kernel_says(reveal, "'teacher' in _box.shown.value and 'full-scale invasion' not in _box.shown.value",
                        before="_box = next(v for v in _shown() if type(v).__name__ == 'RevealBox')\n_box.button.click()")
    student.held = held
    student.kernels[NOTEBOOKS[-1]].run("next(v for v in _shown() if type(v).__name__ == 'HandinBox').button.click()")
    student.handed_in = True


def kernel_says(kernel: Kernel, expression: str, before: str = "") -> bool:
    """Whether ``expression`` is true in the student's kernel (after running ``before``)."""
    said = kernel.run(f"{before}\nprint(bool({expression}))")
    return said.strip().splitlines()[-1] == "True"


def after_release(student: Student, corpus) -> None:
    """The student presses the buttons the notebook shows; nothing is restarted."""
    opened = True
    for notebook, ids in answered(corpus).items():
        kernel = student.kernels[notebook]
        for exercise_id in ids:
            if corpus.exercise(exercise_id).judgement:
                kernel.run(f"_v = _find({exercise_id!r}); _v.recheck.click() if _v.recheck is not None else None")
                opened &= not kernel_says(kernel, f"_held({exercise_id!r})")
    opened &= kernel_says(student.kernels[REVEAL_NOTEBOOK], "'full-scale invasion' in _box.shown.value",
                          before="_box.button.click()")
    student.released = opened


class Memory:
    """Samples, every half second, the memory of each student's server and kernels (found by JUPYTERHUB_USER in
    their environment) and of the whole hub (hub, proxy and every student): this run's processes only. MiB."""

    def __init__(self, hub: Hub):
        self.hub, self.peak_student, self.peak_total = hub, Counter(), 0.0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def sample(self) -> None:
        per: Counter[str] = Counter()
        total = 0.0
        for process in run_processes(self.hub.work):
            try:
                mb = process.memory_info().rss / 2**20
                user = process.environ().get("JUPYTERHUB_USER")
            except psutil.Error:
                continue
            total += mb
            if user:
                per[user] += mb
        for user, mb in per.items():
            self.peak_student[user] = max(self.peak_student[user], mb)
        self.peak_total = max(self.peak_total, total)

    def run(self) -> None:
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(0.5)


@contextlib.contextmanager
def browsers(students: list[Student], hub: Hub) -> Iterator[list]:
    """A Chromium with one context per browser student (nothing when there are none)."""
    if not students:
        yield []
        return
    from browser import CHROMIUM_ARGS, BrowserStudent
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=os.environ.get("BRINK_CHROMIUM", "/usr/bin/chromium"),
                                              args=CHROMIUM_ARGS)
        tabs = [BrowserStudent(chromium, hub.url, s, PASSWORD) for s in students]
        try:
            yield tabs
        finally:
            for tab in tabs:
                tab.close()
            chromium.close()


def clone_for_class(work: Path) -> tuple[str, str]:
    """A local clone of this repository's committed HEAD, for the link to point at (no network)."""
    origin = work / "origin" / REPO
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(origin)], check=True)
    branch = "classroom"  # a named branch, so a detached checkout (a tag, a pull request in CI) works too
    subprocess.run(["git", "-C", str(origin), "checkout", "--quiet", "-B", branch], check=True)
    return f"file://{origin}", branch


def teacher(hub: Hub, *args: str) -> subprocess.CompletedProcess:
    """``python -m brink ARGS`` as the README tells the teacher: in a terminal on the hub, in the students'
    environment (where the course is not installed), from the course's notebooks folder of their own copy."""
    copy = hub.home(TEACHER) / REPO / "notebooks"
    env = {"PATH": f"{hub.users / 'bin'}{os.pathsep}/usr/bin{os.pathsep}/bin", "HOME": str(hub.home(TEACHER)),
           "BRINK_RELEASE_DIR": str(hub.release), "LANG": "C.UTF-8"}
    return subprocess.run(["python", "-m", "brink", *args], cwd=copy, env=env, capture_output=True, text=True)


def collect_and_report(hub: Hub, work: Path) -> dict:
    """The admin's collect command from the README, then the class report, as JSON."""
    subprocess.run(["bash", "-c", COLLECT], cwd=work, env=dict(os.environ, HOMES=str(hub.homes)), check=True)
    report = work / "class-report.json"
    done = teacher(hub, "class", "report", str(work / "handins"), "--format", "json", "-o", str(report))
    if done.returncode:
        raise ClassroomFailure(f"the class report failed: {done.stderr.strip()}")
    return json.loads(report.read_text(encoding="utf-8"))


def compare(report: dict, students: list[Student], corpus) -> list[str]:
    """Every count the class report gives for the questions answered, against what the students answered."""
    problems = []
    handed = [s for s in students if s.handed_in]
    if len(report["students"]) != len(handed):
        problems.append(f"the report lists {len(report['students'])} hand-ins, not {len(handed)}")
    for exercise_id in sorted({i for s in handed for i in s.answers}):
        exercise = corpus.exercise(exercise_id)
        values = [s.answers[exercise_id] for s in handed if exercise_id in s.answers]
        got = report["exercises"][exercise_id]
        if got["answered"] != len(values):
            problems.append(f"{exercise_id}: {got['answered']} answers counted, not {len(values)}")
        if KINDS[exercise.type].shape == "text":
            if got["written"] != len(values):
                problems.append(f"{exercise_id}: {got['written']} written answers, not {len(values)}")
            continue
        chosen = Counter(str(v[0]) if isinstance(v, tuple) else v for v in values)
        want = {key: chosen.get(key, 0) for key in got["options"]}
        if got["options"] != want or sum(want.values()) != len(values):
            problems.append(f"{exercise_id}: counts {got['options']}, the students chose {dict(chosen)}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=int(os.environ.get("STUDENTS", "10")))
    args = parser.parse_args(argv)
    if args.students < BROWSER_STUDENTS + 1:
        raise SystemExit(f"classroom-check: at least {BROWSER_STUDENTS + 1} students, please (STUDENTS=10)")
    corpus = brink.load()
    tree_before = tree_state()
    if any(not line.startswith(("??", "!!")) for line in tree_before):
        print("classroom-check: the students get the last commit (HEAD); uncommitted changes are not in their copy")
    work = Path(tempfile.mkdtemp(prefix="brink-classroom-"))
    began = time.monotonic()
    try:
        repo_url, branch = clone_for_class(work)
        with running_hub(work) as hub:
            memory = Memory(hub)
            memory.thread.start()
            students = [Student(f"student{n:02d}", n, n <= BROWSER_STUDENTS) for n in range(1, args.students + 1)]
            for student in students:
                hub.add_student(student.name)
                student.token = hub.student_token(student.name)
            url = link(hub, repo_url, branch)
            print(f"classroom-check: {len(students)} students on {hub.url}; link: {url}")
            kernels = [s for s in students if not s.browser]
            with concurrent.futures.ThreadPoolExecutor(max_workers=min(8, len(kernels))) as pool, \
                    browsers([s for s in students if s.browser], hub) as tabs:
                futures = [pool.submit(kernel_student, hub, s, url, corpus) for s in kernels]
                for tab in tabs:  # the browser students meanwhile, one after another (Playwright is one thread)
                    tab.follow(url, corpus, pick)
                for future in concurrent.futures.as_completed(futures):
                    future.result()
                print(f"classroom-check: {len(kernels)} students answered through their kernels and "
                      f"{len(tabs)} in Chromium ({time.monotonic() - began:.0f} s)")
                memory.sample()
                released = teacher(hub, "release")
                if released.returncode:
                    raise ClassroomFailure(f"the teacher's release failed: {released.stderr.strip()}")
                for tab in tabs:
                    tab.student.released = tab.after_release(corpus)
            for student in kernels:
                after_release(student, corpus)
            report = collect_and_report(hub, work)
            problems = compare(report, students, corpus)
            memory.stop.set()
            memory.thread.join()
            for student in students:
                for kernel in student.kernels.values():
                    kernel.close()
        figures = {
            "students": len(students),
            "handins": len(report["students"]),
            "release_reached": sum(s.released for s in students),
            "held_before_release": sum(s.held for s in students),
            "peak_mb_per_student": round(max(memory.peak_student.values()), 1),
            "mean_peak_mb_per_student": round(sum(memory.peak_student.values()) / len(memory.peak_student), 1),
            "link_to_first_cell_s": round(max(s.link_to_first_cell_s for s in students), 1),
            "median_link_to_first_cell_s": round(sorted(s.link_to_first_cell_s for s in students)[len(students) // 2], 1),
            "hub_total_mb": round(memory.peak_total, 1),
            "browser_students": sum(s.browser for s in students),
            "seconds": round(time.monotonic() - began, 1),
            "cores": os.cpu_count(),
        }
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
        print(json.dumps(figures, indent=1))
        left = [p.pid for p in run_processes(work)]
        failures = problems + [f"{len(students) - figures['handins']} students' hand-ins were not collected"] * (
            figures["handins"] != len(students))
        failures += [f"the model answers or the reveal were not held for {len(students) - figures['held_before_release']} "
                     "students before the release"] * (figures["held_before_release"] != len(students))
        failures += [f"the release reached {figures['release_reached']} of {len(students)} students"] * (
            figures["release_reached"] != len(students))
        failures += [f"processes left running after the hub stopped: {left}"] * bool(left)
        failures += ["files outside build/ changed: " + " ".join(sorted(tree_state() ^ tree_before))] * (
            tree_state() != tree_before)
        if failures:
            for failure in failures:
                print(f"classroom-check FAILED: {failure}", file=sys.stderr)
            return 1
        print(f"classroom-check: passed; figures in {OUT.relative_to(ROOT)}")
        return 0
    except (HubError, KernelError, ClassroomFailure, subprocess.CalledProcessError) as error:
        print(f"classroom-check FAILED: {error}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


LEFT_ALONE = ("build/", ".venv/", ".ruff_cache/", ".pytest_cache/")  # what the check and the tests may write


def tree_state() -> set[str]:
    """The repository's files as git sees them, ignored ones too (a stray my-answers/), but for build/ and the venv:
    the check must leave this as it found it."""
    # -z: paths as they are, never quoted (a path with a space is quoted otherwise, and would escape the filter)
    entries = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "-z", "--untracked-files=all",
                              "--ignored"], capture_output=True, text=True, check=True).stdout.split("\0")
    return {entry for entry in entries if entry and not entry[3:].startswith(LEFT_ALONE) and "__pycache__/" not in entry}


if __name__ == "__main__":
    sys.exit(main())
