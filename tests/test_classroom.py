"""Classroom mode holds: nothing held is stored in a notebook, saved or exported as a verdict, and one release
outside every kernel opens it for the whole class (review R5–R7). Each test fails on brink 0.1."""

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import brink
from brink import views
from brink.core import modes
from brink.core.journal import Journal
from brink.exports import handin
from brink.static import timeline_tables

CORPUS = brink.load()
ROOT = Path(__file__).parents[1]
PUBLISHED = dt.date(2022, 1, 28)
LATER_DAYS = {day for e in CORPUS.events if e.known_on_publication is False for day in (e.date, e.end_date) if day}


def _stored_outputs(path: Path) -> list[tuple[int, str]]:
    """(cell number, text) of every stored output of a committed notebook, as a reader sees it before running it."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for number, cell in enumerate(nb["cells"]):
        for output in cell.get("outputs", []):
            texts = [v if isinstance(v, str) else "".join(v) for k, v in output.get("data", {}).items()
                     if k.startswith("text/")]
            texts.append("".join(output.get("text", "")))
            found.append((number, "\n".join(texts)))
    return found


def _later_dates(text: str) -> list[str]:
    """Written-out dates of events after publication ('24 Feb 2022', '1 February 2022'), except the resolved ranges of the
    text's own time words ('in February' is 1 Feb 2022 to 28 Feb 2022) and the options of date questions: those
    are the text and its questions, not hindsight."""
    for t in CORPUS.time_expressions:
        text = text.replace(timeline_tables._span_label(t.earliest, t.latest), "")
    for exercise in CORPUS.exercises:  # a date question's options are dates to choose from, not events
        for option in exercise.options:
            if option.value is not None:
                text = text.replace(option.text, "")
    found = []
    for day, month, year in re.findall(r"\b(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? (\d{4})",
                                       text):
        when = dt.datetime.strptime(f"{day} {month} {year}", "%d %b %Y").date()
        if when in LATER_DAYS:
            found.append(f"{day} {month} {year}")
    return found


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.stem)
def test_r5_no_committed_notebook_stores_hindsight_a_model_answer_or_a_verdict(path):
    later = [e for e in CORPUS.events if e.known_on_publication is False]
    secrets = {f"event title: {e.title}": e.title for e in later}
    secrets |= {f"source: {s.url}": s.url for e in later for s in e.sources}
    secrets |= {f"outcome of {c.id}": c.outcome[:60] for c in CORPUS.claims}
    secrets |= {f"explanation of {x.id}": x.explanation[:60] for x in CORPUS.exercises}
    secrets |= {"a verdict": "✔ Right", "a verdict ": "✘ Not this time", "a model answer": "Model answer"}
    for number, text in _stored_outputs(path):
        leaked = [what for what, words in secrets.items() if words in text]
        assert leaked == [], f"{path.name} cell {number} stores {leaked}"
        assert _later_dates(text) == [], f"{path.name} cell {number} stores dates after publication"


def test_r5_the_check_itself_finds_a_stored_reveal():
    """The test above would catch 0.1's stored reveal: its text names later events and their dates."""
    from brink.static import capstone_cards

    stored = capstone_cards.outcomes(CORPUS).text
    assert "Russia launches a full-scale invasion of Ukraine" in stored and _later_dates(stored)


@pytest.mark.parametrize(("exercise", "answer"), [
    ("nb02-cause-biden-lavrov", ("caused", "a day after")),  # a prediction with a key
    ("nb04-rate-no-war", (4, "He said so.")),  # a rating
])
def test_r6_in_classroom_mode_a_commit_saves_and_exports_no_verdict(tmp_path, exercise, answer):
    modes.classroom()
    notebook = CORPUS.exercise(exercise).notebook
    answers = tmp_path / "answers"
    view = views.question(exercise, CORPUS, Journal(notebook, answers))
    for _ in range(2):  # retrying cannot reveal the key either
        view.answer = answer
        view.button.click()
        assert "Answer saved" in view.feedback.value and view.model.value == ""
        assert "Right" not in view.feedback.value and "Not this time" not in view.feedback.value
        view.again.click()
    saved = Journal(notebook, answers).entries(exercise)
    assert len(saved) == 2 and all(e["verdict"] == "" for e in saved)
    for fmt in ("html", "md", "json"):
        text = handin.render(handin.collect(answers, CORPUS), fmt)
        assert "committed" in text
        assert "Right" not in text and "Not this time" not in text and "right" not in json.dumps(saved)
    modes.release_reveals()
    opened = handin.render(handin.collect(answers, CORPUS), "html")
    assert "committed" not in opened and any(w in opened for w in ("Right", "Not this time", "Answer saved"))


def test_r6_old_verdicts_stay_hidden_in_the_hand_in_while_held(tmp_path):
    answers = tmp_path / "answers"
    Journal("02-timeline", answers).record("nb02-cause-biden-lavrov", ["caused", "x"], kind="commit", verdict="wrong")
    modes.classroom()
    html = handin.render(handin.collect(answers, CORPUS), "html")
    assert "Not this time" not in html and "committed" in html


def _kernel(env: dict):
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3", env={**os.environ, **env})
    return manager, client


def _run(client, code: str) -> str:
    out = []

    def hook(message):
        if message["msg_type"] == "stream":
            out.append(message["content"]["text"])
        elif message["msg_type"] == "error":
            out.append("ERROR " + message["content"]["ename"] + ": " + message["content"]["evalue"])

    client.execute_interactive(code, output_hook=hook, timeout=120)
    return "".join(out)


def test_r7_one_release_outside_every_kernel_reaches_the_whole_class(tmp_path):
    """Two student kernels on a hub, classroom mode; the teacher releases once, from a shell, outside both."""
    release = tmp_path / "release"
    release.mkdir()
    students = []
    try:
        for name in ("ada", "ben"):
            env = {"BRINK_MODE": "classroom", "BRINK_RELEASE_DIR": str(release),
                   "BRINK_JOURNAL_DIR": str(tmp_path / name), "MPLBACKEND": "Agg"}
            manager, client = _kernel(env)
            students.append((manager, client))
            said = _run(client, "\n".join([
                "from brink import views",
                'q = views.question("nb04-rate-no-war")',
                'q.answer = (2, "A condition and a warning.")',
                "q.button.click()",
                'box = views.reveal_box(notebook="05-what-could-a-reader-know")',
                "box.button.click()",
                'print("held" if q.model.value == "" and "teacher" in box.shown.value else "OPEN")',
            ]))
            assert said.strip() == "held", said
        result = subprocess.run([sys.executable, "-m", "brink", "release", "05-what-could-a-reader-know",
                                 "--dir", str(release)], capture_output=True, text=True, check=False)
        assert result.returncode == 0 and "released" in result.stdout.lower(), result.stdout + result.stderr
        for _, client in students:
            said = _run(client, "\n".join([
                "q.recheck.click()",  # the student presses "Has my teacher opened the answers?": no restart
                "box.button.click()",
                'print("open" if q.model.value and "full-scale invasion" in box.shown.value else "STILL HELD")',
            ]))
            assert said.strip() == "open", said
    finally:
        for manager, client in students:
            client.stop_channels()
            manager.shutdown_kernel(now=True)


def test_r7_a_release_names_notebooks_and_can_be_withdrawn(tmp_path, monkeypatch):
    monkeypatch.setenv("BRINK_MODE", "classroom")
    monkeypatch.setenv("BRINK_RELEASE_DIR", str(tmp_path))
    assert not modes.reveals_allowed("02-timeline")
    modes.write_release(tmp_path, ["02-timeline"])
    assert modes.reveals_allowed("02-timeline") and not modes.reveals_allowed("05-what-could-a-reader-know")
    modes.write_release(tmp_path, ["02-timeline"], withdraw=True)
    assert not modes.reveals_allowed("02-timeline")
    (tmp_path / modes.RELEASE_FILE).write_text("{ damaged", encoding="utf-8")
    assert not modes.reveals_allowed("02-timeline")  # a damaged release file opens nothing, and raises nothing


def test_a_release_under_the_capstones_old_name_still_opens_it(tmp_path, monkeypatch):
    """A teacher who released 04-what-could-a-reader-know before the capstone became 05 keeps it released."""
    from brink.core import modes

    monkeypatch.setenv("BRINK_MODE", "classroom")
    monkeypatch.setenv(modes.ENV_RELEASE_DIR, str(tmp_path))
    monkeypatch.setattr(modes, "_override", None)
    assert not modes.reveals_allowed("05-what-could-a-reader-know")
    modes.write_release(tmp_path, ["04-what-could-a-reader-know"])
    assert modes.reveals_allowed("05-what-could-a-reader-know")
    assert not modes.reveals_allowed("04-checking-the-story")
