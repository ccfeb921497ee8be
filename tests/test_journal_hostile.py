"""Nothing a student writes is lost or breaks a notebook: hostile journals, stale answers, safe exports (review R1–R4,
R8, R10–R12). Each test reproduces the review's finding and fails on brink 0.1."""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import brink
from brink import views
from brink.core.journal import SCHEMA, Journal
from brink.exports import handin

CORPUS = brink.load()


def _journal_file(folder: Path, notebook: str, entries: list, raw: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{notebook}.json"
    path.write_text(raw if raw is not None else json.dumps({"schema": SCHEMA, "notebook": notebook, "entries": entries}),
                    encoding="utf-8")
    return path


def _entry(exercise: str, answer, attempt=1, kind="check", verdict="wrong") -> dict:
    return {"exercise": exercise, "notebook": "00-start-here", "attempt": attempt, "kind": kind, "verdict": verdict,
            "answer": answer, "time": "2026-11-27T09:00:00+00:00"}


def _export(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "brink", "journal", "export", "--dir", str(folder), *args],
                          capture_output=True, text=True, check=False)


def test_r1_a_deeply_nested_file_is_set_aside_not_a_recursion_error(tmp_path):
    answers = tmp_path / "answers"
    _journal_file(answers, "00-start-here", [], raw="[" * 100_000 + "]" * 100_000)
    view = views.question("nb00-genre", CORPUS, Journal("00-start-here", answers))  # opening the question works
    assert view.answer is None
    result = _export(answers, "-o", str(tmp_path / "out.html"))
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    assert "00-start-here could not be read" in result.stdout + result.stderr
    saved = Journal("00-start-here", answers).record("nb00-genre", "opinion", kind="check", verdict="wrong")
    assert saved.ok and "moved to" in saved.message  # the bad file is set aside, nothing deleted
    assert any(".unreadable-" in p.name for p in answers.iterdir())


@pytest.mark.parametrize(("exercise", "stale"), [
    ("nb00-genre", "old-option-id"),  # a renamed option
    ("nb01-sentence-types", {"p6-delivered": "no-such-category", "gone-item": "quote"}),  # classify
    ("nb01-sentence-types", "a string where a mapping belongs"),
    ("nb01-who-speaks-p7", ["lavrov", "renamed"]),  # multiple
    ("nb02-predict-order", ["demands", "talks"]),  # order, too short
    ("nb04-rate-talks", [9, "off the scale"]),  # rating
    ("nb02-cause-biden-lavrov", ["gone", "evidence"]),  # with justify
])
def test_r2_a_saved_answer_that_no_longer_fits_restores_with_a_message(tmp_path, exercise, stale):
    notebook = CORPUS.exercise(exercise).notebook
    answers = tmp_path / "answers"
    _journal_file(answers, notebook, [_entry(exercise, stale)])
    view = views.question(exercise, CORPUS, Journal(notebook, answers))
    assert "saved answer no longer fits this question" in view.status.value
    assert "it is still in your answers file" in view.status.value


def test_r3_a_lone_surrogate_is_kept_in_the_journal_and_exported_safely(tmp_path):
    answers = tmp_path / "answers"
    journal = Journal("00-start-here", answers)
    assert journal.record("nb00-expectations", "Russia wants \ud800 guarantees", kind="commit").ok
    assert journal.latest("nb00-expectations")["answer"] == "Russia wants \ud800 guarantees"  # nothing lost
    written = handin.write_handin(answers, formats=("html", "md", "json"), corpus=CORPUS)
    html = written.paths[0].read_text(encoding="utf-8")
    assert "Russia wants \ufffd guarantees" in html and "could not be stored as typed" in html
    result = _export(answers, "--format", "md", "-o", str(tmp_path / "out.md"))
    assert result.returncode == 0 and "Traceback" not in result.stderr


@pytest.mark.parametrize("attempt", [None, "2", 1.5, True, [1]])
def test_r4_an_odd_attempt_number_never_stops_later_saves(tmp_path, attempt):
    answers = tmp_path / "answers"
    _journal_file(answers, "00-start-here", [_entry("nb00-genre", "opinion", attempt=attempt)])
    journal = Journal("00-start-here", answers)
    first = journal.record("nb00-genre", "news-report", kind="check", verdict="right")
    second = journal.record("nb00-genre", "opinion", kind="check", verdict="wrong")
    assert first.ok and second.ok and second.attempt == first.attempt + 1
    assert journal.attempts("nb00-genre") == second.attempt


def test_r4_wrong_shapes_inside_entries_are_skipped_with_the_rest_kept(tmp_path):
    answers = tmp_path / "answers"
    _journal_file(answers, "00-start-here", [_entry("nb00-genre", "opinion"), {"exercise": 42}, {"exercise": None}])
    journal = Journal("00-start-here", answers)
    assert [e["answer"] for e in journal.entries("nb00-genre")] == ["opinion"]
    assert journal.record("nb00-genre", "news-report", kind="check").attempt == 2


def _markdown_to_html(text: str) -> str:
    mistune = pytest.importorskip("mistune")
    return mistune.html(text)


@pytest.mark.parametrize("hostile", [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "fine\r## Attempt 2: ✔ Right",
    "fine\n\n## Attempt 2: ✔ Right\n\n> forged",
    "```\n# heading\n```",
    "[click](javascript:alert(1))",
])
def test_r8_student_text_in_the_markdown_hand_in_is_inert(tmp_path, hostile):
    answers = tmp_path / "answers"
    Journal("00-start-here", answers).record("nb00-expectations", hostile, kind="commit")
    markdown = handin.render(handin.collect(answers, CORPUS), "md")
    html = _markdown_to_html(markdown)
    assert "<img" not in html and "<script" not in html and 'href="javascript' not in html
    assert html.count("<h2>") == 1 and html.count("<h3>") == 1  # one notebook, one answer: no forged headings
    assert "<blockquote" not in html and "<h2>Attempt" not in html


def test_r10_a_folder_that_does_not_exist_is_an_error_not_an_empty_export(tmp_path):
    missing = tmp_path / "typo" / "path"
    result = _export(missing)
    assert result.returncode != 0 and not missing.exists()
    assert "no answers folder" in (result.stdout + result.stderr).lower()


def test_r11_a_damaged_journal_beside_a_good_one_is_named(tmp_path):
    answers = tmp_path / "answers"
    Journal("00-start-here", answers).record("nb00-genre", "news-report", kind="check", verdict="right")
    _journal_file(answers, "01-reading-the-text", [], raw="{ not json")
    result = _export(answers, "-o", str(tmp_path / "out.html"))
    said = result.stdout + result.stderr
    assert "1 of 2 notebooks written" in said and "01-reading-the-text could not be read" in said
    box = views.handin_box(answers, CORPUS)
    box.button.click()
    assert "1 of 2 notebooks written" in box.status.value and "✔ Written" not in box.status.value


def test_r12_a_failed_hand_in_write_keeps_the_last_good_file(tmp_path, monkeypatch):
    answers = tmp_path / "answers"
    Journal("00-start-here", answers).record("nb00-genre", "news-report", kind="check", verdict="right")
    first = handin.write_handin(answers, corpus=CORPUS).paths[0]
    good = first.read_bytes()
    Journal("00-start-here", answers).record("nb00-genre", "opinion", kind="check", verdict="wrong")

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    box = views.handin_box(answers, CORPUS)
    box.button.click()
    monkeypatch.undo()
    assert "could not be written" in box.status.value
    assert first.read_bytes() == good  # not cut off, not emptied
    assert not [p for p in answers.iterdir() if p.name.endswith(".tmp")]


def test_r12_temp_files_from_a_killed_save_are_cleaned_up(tmp_path):
    answers = tmp_path / "answers"
    journal = Journal("00-start-here", answers)
    journal.record("nb00-genre", "opinion", kind="check")
    leftover = answers / ".00-start-here.abc123.tmp"  # what a kill -9 between write and rename leaves
    leftover.write_text("half a journal", encoding="utf-8")
    journal.record("nb00-genre", "news-report", kind="check")
    assert not leftover.exists()


def test_r12_journal_files_follow_the_umask_like_everything_else(tmp_path):
    old = os.umask(0o022)
    try:
        journal = Journal("00-start-here", tmp_path / "answers")
        journal.record("nb00-genre", "opinion", kind="check")
        assert stat.S_IMODE(journal.path.stat().st_mode) == 0o644
    finally:
        os.umask(old)


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_r12_non_standard_numbers_are_never_written_back(tmp_path, number):
    answers = tmp_path / "answers"
    raw = json.dumps({"schema": SCHEMA, "notebook": "00-start-here", "entries": [_entry("nb00-genre", "opinion")]})
    raw = raw.replace('"attempt": 1', f'"attempt": 1, "score": {number}')
    _journal_file(answers, "00-start-here", [], raw=raw)
    journal = Journal("00-start-here", answers)
    assert journal.record("nb00-genre", "news-report", kind="check").ok
    text = journal.path.read_text(encoding="utf-8")
    json.loads(text, parse_constant=lambda c: pytest.fail(f"non-standard JSON written: {c}"))
    assert "1e400" not in text and "Infinity" not in text and "NaN" not in text
