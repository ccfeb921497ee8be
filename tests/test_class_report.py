"""The class report (issue 19): 30 students' hand-ins, made through the public API, counted back exactly."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

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
    """A plausible answer of the right shape, and what the report should count for it: the options, and for a
    classification or an order, what each item counts as."""
    shape = KINDS[exercise.type].shape
    parts: dict[str, str] = {}
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
        parts = dict(answer)
    else:  # order
        items = [i.id for i in exercise.items]
        rng.shuffle(items)
        answer, counted = items, []
        for place, item in enumerate(items, start=1):
            first, last = exercise.positions(item)
            parts[item] = "in place" if first <= place <= last else "out of place"
    if exercise.justify:
        answer = (answer, "P2: the words")
    return answer, counted, parts


def jsonable(answer):
    if isinstance(answer, set):
        return sorted(answer)
    if isinstance(answer, tuple):
        return [jsonable(a) for a in answer]
    return answer


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """30 hand-ins (seeded), some with second attempts and missing notebooks, plus four broken files. Returns the
    folder, the counts the report should give, and each student's first answer to each item of the check."""
    rng = random.Random(19)
    root = tmp_path_factory.mktemp("class")
    inbox = root / "downloads"
    inbox.mkdir()
    expected: dict[str, dict] = {e.id: {"answered": 0, "options": {}, "items": {}} for e in CORPUS.exercises}
    firsts: dict[str, dict[str, object]] = {}
    for n in range(30):
        folder = root / f"student-{n}"
        skip_notebook = rng.choice(sorted({e.notebook for e in CORPUS.exercises})) if n % 5 == 0 else None
        for exercise in CORPUS.exercises:
            if exercise.notebook == skip_notebook or rng.random() < 0.15:
                continue
            journal = Journal(exercise.notebook, folder)
            for attempt in range(rng.choice([1, 1, 2])):
                answer, latest, parts = answer_for(exercise, rng)
                verdict = "" if KINDS[exercise.type].judgement else check(exercise, answer).verdict
                journal.record(exercise.id, jsonable(answer), kind="commit" if exercise.judgement else "check",
                               verdict=verdict)
                if attempt == 0:
                    first = latest
                    if exercise.check_form:
                        firsts.setdefault(f"Hand-in {n:02d} (1)", {})[exercise.id] = answer
            counted = first if exercise.check_form else latest  # the check counts the first committed answer
            expected[exercise.id]["answered"] += 1
            for item, choice in parts.items():  # (the latest attempt's)
                counts = expected[exercise.id]["items"].setdefault(item, {})
                counts[choice] = counts.get(choice, 0) + 1
            for key in counted:
                expected[exercise.id]["options"][key] = expected[exercise.id]["options"].get(key, 0) + 1
        handin = write_handin(folder, formats=("json",), corpus=CORPUS)
        (inbox / f"Hand-in {n:02d} (1).json").write_bytes(handin.paths[0].read_bytes())  # names as a platform gives them
    (inbox / "cut-short.json").write_text('{"schema": "brink.handin/1", "notebooks": {"00-st', encoding="utf-8")
    (inbox / "someone-elses.json").write_text('{"schema": "other/2", "rows": []}', encoding="utf-8")
    (inbox / "photo.json").write_bytes(b"\xff\xd8\xff\xe0binary")
    (inbox / "damaged-rows.json").write_text('{"schema": "brink.handin/1", "notebooks": {"01": [42]}}', encoding="utf-8")
    return inbox, expected, firsts


def test_the_counts_match_what_the_students_handed_in(made):
    inbox, expected, _ = made
    handins, skipped = read_handins([inbox])
    assert len(handins) == 30 and len(skipped) == 4
    report = summarise(CORPUS, handins, skipped).to_json()
    assert report["schema"] == "brink.class/1"
    for exercise in CORPUS.exercises:
        got = report["exercises"][exercise.id]
        assert got["answered"] == expected[exercise.id]["answered"], exercise.id
        want = {k: v for k, v in expected[exercise.id]["options"].items() if v}
        assert {k: v for k, v in got["options"].items() if v} == want, exercise.id
        assert got.get("items", {}) == expected[exercise.id]["items"], exercise.id
    assert any(got.get("items") for got in report["exercises"].values())
    reasons = {s["file"]: s["reason"] for s in report["skipped"]}
    assert "not valid JSON" in reasons["cut-short.json"] and "not a brink hand-in" in reasons["someone-elses.json"]
    assert "not a text file" in reasons["photo.json"] and "damaged" in reasons["damaged-rows.json"]
    assert all(s["name"].startswith("Hand-in ") for s in report["students"])


def test_the_page_escapes_what_students_wrote_and_names_nobody(made, tmp_path):
    inbox, _, _ = made
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
    assert "Each item: the category students chose" in html
    assert "Each item: put where its date allows" not in html  # the one order question is a held prediction
    assert "Before and after: the check" in html and "How far to trust it" in html
    assert "my-answers" not in html and str(inbox.parent) not in html  # no paths from anyone's machine


def test_json_form(made, tmp_path):
    inbox, _, _ = made
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


def section(html: str, exercise_id: str) -> str:
    return html.split(f"({exercise_id})</small></h3>")[1].split("<h3>")[0]


def test_held_predictions_show_no_key_and_no_verdict_until_released(made):
    """The teacher's computer cannot know what the hub has opened: keys of predictions stay out unless --released."""
    from brink.exports.class_report import to_html

    inbox, _, _ = made
    report = summarise(CORPUS, *read_handins([inbox]))
    predicted = next(e for e in CORPUS.exercises if e.predict and e.options)
    held = section(to_html(CORPUS, report, "today"), predicted.id)
    assert "key held until you release it" in held and "✔ key" not in held and "Verdicts" not in held
    assert "Model answer" not in held
    opened = section(to_html(CORPUS, report, "today", frozenset({predicted.notebook})), predicted.id)
    assert "✔ key" in opened and "Model answer" in opened
    ordered = next(e for e in CORPUS.exercises if e.predict and e.type == "order")
    assert "Each item" not in section(to_html(CORPUS, report, "today"), ordered.id)
    assert "Each item: put where its date allows" in section(to_html(CORPUS, report, "today",
                                                                      frozenset({ordered.notebook})), ordered.id)


def test_capstone_ratings_meet_the_outcome_only_after_release(made):
    from brink.exports.class_report import to_html

    inbox, _, _ = made
    report = summarise(CORPUS, *read_handins([inbox]))
    rated = [e for e in CORPUS.exercises if e.claim]
    assert len(rated) == len(CORPUS.claims)
    closed = to_html(CORPUS, report, "today")
    opened = to_html(CORPUS, report, "today", frozenset({rated[0].notebook}))
    for exercise in rated:
        outcome = next(c.outcome for c in CORPUS.claims if c.id == exercise.claim)
        assert outcome not in closed and "What happened next" not in section(closed, exercise.id)
        assert "What happened next" in section(opened, exercise.id) and "Ratings chosen" in section(opened, exercise.id)


def test_a_rating_that_names_no_claim_is_caught(data_copy):
    from brink.core.loading import check as check_folder

    exercises = data_copy / "exercises" / "05-what-could-a-reader-know.toml"
    exercises.write_text(exercises.read_text(encoding="utf-8").replace('claim = "c2-follow-up"', 'claim = "c2-folow-up"'),
                         encoding="utf-8")
    problems = [str(p) for p in check_folder(data_copy)]
    assert any("no claim 'c2-folow-up'" in p for p in problems), problems


def handin_file(folder: Path, answers: dict[str, object]) -> bytes:
    """A real hand-in, through the public API, with the given raw answers (judgements committed)."""
    for exercise_id, answer in answers.items():
        exercise = CORPUS.exercise(exercise_id)
        Journal(exercise.notebook, folder).record(exercise_id, answer, kind="check", verdict="right")
    return write_handin(folder, formats=("json",), corpus=CORPUS).paths[0].read_bytes()


def test_a_download_of_one_folder_per_student_keeps_the_students_apart(tmp_path):
    inbox = tmp_path / "download"
    genre = CORPUS.exercise("nb00-genre")
    for name in ("Jane Smith", "John Doe"):
        (inbox / name).mkdir(parents=True)
        (inbox / name / "brink-answers.json").write_bytes(handin_file(tmp_path / name, {genre.id: genre.options[0].id}))
    (inbox / "Jane Smith" / "brink-answers.html").write_text("<p>for reading</p>", encoding="utf-8")
    handins, skipped = read_handins([inbox, inbox / "John Doe" / "brink-answers.json"])  # one file named twice
    report = summarise(CORPUS, handins, skipped)
    assert sorted(h.student for h in report.handins) == ["Jane Smith", "John Doe"]  # identical files, two students
    reasons = {s.file: s.reason for s in report.skipped}
    assert "ask for that file" in reasons["Jane Smith/brink-answers.html"]
    assert "counted once" in reasons["brink-answers.json"]
    assert report.missing["Jane Smith"] == report.missing["John Doe"] and "00-start-here" not in report.missing["Jane Smith"]


def test_an_odd_answer_or_an_edited_verdict_never_stops_or_skews_the_report(tmp_path):
    genre = CORPUS.exercise("nb00-genre")
    right = next(o.id for o in genre.options if o.correct)
    wrong = next(o.id for o in genre.options if not o.correct)
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.json").write_bytes(handin_file(tmp_path / "a", {genre.id: ["a", "list"]}))
    (inbox / "b.json").write_bytes(handin_file(tmp_path / "b", {genre.id: {"a": "dict"}}))
    (inbox / "c.json").write_bytes(handin_file(tmp_path / "c", {genre.id: wrong}))  # its file says "right"
    (inbox / "d.json").write_bytes(handin_file(tmp_path / "d", {genre.id: right}))
    (inbox / "deep.json").write_text('{"schema": "brink.handin/1", "notebooks": ' + "[" * 100000 + "]" * 100000 + "}",
                                     encoding="utf-8")
    report = summarise(CORPUS, *read_handins([inbox]))
    question = next(q for q in report.questions if q.exercise.id == genre.id)
    assert question.answered == 4 and question.options[wrong] == 1 and question.options[right] == 1
    assert question.verdicts == {"right": 1, "unknown": 2, "wrong": 1}
    assert any(s.file == "deep.json" for s in report.skipped)


def test_few_or_long_written_answers(tmp_path):
    from brink.exports.class_report import to_html

    ticket = next(e for e in CORPUS.exercises if KINDS[e.type].shape == "text")
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "one.json").write_bytes(handin_file(tmp_path / "one", {ticket.id: "Only I wrote this."}))
    html = section(to_html(CORPUS, summarise(CORPUS, *read_handins([inbox])), "today"), ticket.id)
    assert "Only I wrote this" not in html and "too few to read aloud" in html
    for n in range(3):
        (inbox / f"long{n}.json").write_bytes(handin_file(tmp_path / f"long{n}", {ticket.id: f"{n} " + "word " * 1000}))
    html = section(to_html(CORPUS, summarise(CORPUS, *read_handins([inbox])), "today"), ticket.id)
    assert "more characters: see the hand-in" in html and len(html) < 20_000


def test_the_gain_per_skill_counts_first_answers_to_both_halves_of_a_pair(made):
    """Worked out here from the option keys: the n-th item of a skill in form A against the n-th in form B, for every
    student who answered both, first committed answer only."""
    inbox, _, firsts = made
    before, after = (next(f for f in CORPUS.check_forms if f.when == w) for w in ("before", "after"))
    want: dict[str, list[int]] = {}
    students = 0
    for answers in firsts.values():
        paired = False
        for skill in {i.skill for i in CORPUS.check_items()}:
            pairs = zip(*([i for i in CORPUS.check_items(f.id) if i.skill == skill] for f in (before, after)), strict=True)
            for a, b in pairs:
                if a.id in answers and b.id in answers:
                    tally = want.setdefault(skill, [0, 0, 0])
                    tally[0] += 1
                    tally[1] += a.option(answers[a.id]).correct
                    tally[2] += b.option(answers[b.id]).correct
                    paired = True
        students += paired
    report = summarise(CORPUS, *read_handins([inbox])).to_json()["check"]
    got = {skill: [v["pairs"], v["before"], v["after"]] for skill, v in report["skills"].items()}
    assert got == want and sum(v[0] for v in want.values()) > 30
    assert report["students"] == students > 15
