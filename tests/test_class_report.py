"""The class report (issue 19): 30 students' hand-ins, made through the public API, counted back exactly."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time

import pytest

import brink
from brink.core.checking import check
from brink.core.class_report import read_handins, summarise
from brink.core.journal import Journal
from brink.core.records import KINDS
from brink.exports.handin import write_handin

CORPUS = brink.load()
HOSTILE = ["<script>alert('x')</script>", "Because </blockquote><h1>top</h1>", "Emoji 🙂 and \u202e reversed", ""]


def answer_for(exercise, rng: random.Random):
    """A plausible answer of the right shape, and what the report should count for it."""
    shape = KINDS[exercise.type].shape
    if shape == "one":
        option = rng.choice(exercise.options).id
        answer, counted = option, [option]
    elif shape == "many":
        chosen = sorted(rng.sample([o.id for o in exercise.options], k=rng.randint(1, 2)))
        answer, counted = set(chosen), chosen
    elif shape == "rating":
        point = rng.randrange(len(exercise.scale))
        answer, counted = (point, rng.choice(HOSTILE[:3]) + " P3"), [str(point)]
    elif shape == "text":
        answer, counted = rng.choice(HOSTILE[:3]) + " my reason", []
    elif shape == "classify":
        answer, counted = {i.id: rng.choice(exercise.categories).id for i in exercise.items}, []
    else:  # order
        items = [i.id for i in exercise.items]
        rng.shuffle(items)
        answer, counted = items, []
    if exercise.justify:
        answer = (answer, "P2: the words")
    return answer, counted


def jsonable(answer):
    if isinstance(answer, set):
        return sorted(answer)
    if isinstance(answer, tuple):
        return [jsonable(a) for a in answer]
    return answer


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """30 hand-ins (seeded), some with second attempts and missing notebooks, plus four broken files."""
    rng = random.Random(19)
    root = tmp_path_factory.mktemp("class")
    inbox = root / "downloads"
    inbox.mkdir()
    expected: dict[str, dict] = {e.id: {"answered": 0, "options": {}} for e in CORPUS.exercises}
    for n in range(30):
        folder = root / f"student-{n}"
        skip_notebook = rng.choice(sorted({e.notebook for e in CORPUS.exercises})) if n % 5 == 0 else None
        for exercise in CORPUS.exercises:
            if exercise.notebook == skip_notebook or rng.random() < 0.15:
                continue
            journal = Journal(exercise.notebook, folder)
            for _attempt in range(rng.choice([1, 1, 2])):
                answer, counted = answer_for(exercise, rng)
                judgement = KINDS[exercise.type].judgement
                verdict = "" if judgement else check(exercise, answer).verdict
                journal.record(exercise.id, jsonable(answer), kind="commit" if judgement else "check", verdict=verdict)
            expected[exercise.id]["answered"] += 1
            for key in counted:
                expected[exercise.id]["options"][key] = expected[exercise.id]["options"].get(key, 0) + 1
        handin = write_handin(folder, formats=("json",), corpus=CORPUS)
        (inbox / f"Hand-in {n:02d} (1).json").write_bytes(handin.paths[0].read_bytes())  # names as a platform gives them
    (inbox / "cut-short.json").write_text('{"schema": "brink.handin/1", "notebooks": {"00-st', encoding="utf-8")
    (inbox / "someone-elses.json").write_text('{"schema": "other/2", "rows": []}', encoding="utf-8")
    (inbox / "photo.json").write_bytes(b"\xff\xd8\xff\xe0binary")
    (inbox / "damaged-rows.json").write_text('{"schema": "brink.handin/1", "notebooks": {"01": [42]}}', encoding="utf-8")
    return inbox, expected


def test_the_counts_match_what_the_students_handed_in(made):
    inbox, expected = made
    handins, skipped = read_handins([inbox])
    assert len(handins) == 30 and len(skipped) == 4
    report = summarise(CORPUS, handins, skipped).to_json()
    assert report["schema"] == "brink.class/1"
    for exercise in CORPUS.exercises:
        got = report["exercises"][exercise.id]
        assert got["answered"] == expected[exercise.id]["answered"], exercise.id
        want = {k: v for k, v in expected[exercise.id]["options"].items() if v}
        assert {k: v for k, v in got["options"].items() if v} == want, exercise.id
    reasons = {s["file"]: s["reason"] for s in report["skipped"]}
    assert "not valid JSON" in reasons["cut-short.json"] and "not a brink hand-in" in reasons["someone-elses.json"]
    assert "not a text file" in reasons["photo.json"] and "damaged" in reasons["damaged-rows.json"]
    assert all(s["name"].startswith("Hand-in ") for s in report["students"])


def test_the_page_escapes_what_students_wrote_and_names_nobody(made, tmp_path):
    inbox, _ = made
    target = tmp_path / "report.html"
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "brink", "class", "report", str(inbox), "-o", str(target)],
                            capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    assert "30 hand-ins read, 4 skipped" in result.stdout and elapsed < 5
    html = target.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert" in html and "<h1>top</h1>" not in html
    assert "Discussion starter" in html and "Who handed in what" in html and "cut-short.json" in html
    assert "my-answers" not in html and str(inbox.parent) not in html  # no paths from anyone's machine


def test_json_form(made, tmp_path):
    inbox, _ = made
    target = tmp_path / "report.json"
    subprocess.run([sys.executable, "-m", "brink", "class", "report", str(inbox), "--format", "json", "-o", str(target)],
                   check=True, capture_output=True, timeout=120)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert len(data["students"]) == 30 and set(data["exercises"]) == {e.id for e in CORPUS.exercises}


@pytest.mark.parametrize("args, words", [
    (["class", "report", "no-such-folder"], "does not exist"),
    (["class", "report"], "the following arguments are required"),
])
def test_bad_arguments_get_one_line(args, words, tmp_path):
    result = subprocess.run([sys.executable, "-m", "brink", *args], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode != 0 and words in result.stderr and "Traceback" not in result.stderr


def test_nothing_readable_says_how_students_export(tmp_path):
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "brink", "class", "report", str(tmp_path)], capture_output=True,
                            text=True, cwd=tmp_path)
    assert result.returncode == 1 and "journal export --format json" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_held_predictions_show_no_key_until_release(made, tmp_path):
    from brink.core import modes
    from brink.exports.class_report import to_html

    inbox, _ = made
    handins, skipped = read_handins([inbox])
    predicted = next(e for e in CORPUS.exercises if e.predict or KINDS[e.type].judgement)
    modes.classroom()
    html = to_html(CORPUS, summarise(CORPUS, handins, skipped), "today")
    section = html.split(f"<h3>{predicted.id}")[1].split("<h3>")[0]
    assert "key held until release" in section or "model rating" not in section
    assert "What happened, or the model answer" not in section
    modes.release_reveals()
    opened = to_html(CORPUS, summarise(CORPUS, handins, skipped), "today").split(f"<h3>{predicted.id}")[1].split("<h3>")[0]
    assert "What happened, or the model answer" in opened
