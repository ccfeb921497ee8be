"""The journal keeps every answer: atomic writes, two processes at once, damaged files set aside."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from brink.core import journal as journal_module
from brink.core.journal import SCHEMA, Journal, journal_dir, journals


def test_default_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("BRINK_JOURNAL_DIR", str(tmp_path / "elsewhere"))
    assert journal_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv("BRINK_JOURNAL_DIR")
    monkeypatch.chdir(tmp_path)
    assert journal_dir() == tmp_path / "my-answers"


def test_records_are_appended_with_attempts_time_and_notebook(tmp_path):
    j = Journal("01-reading", tmp_path)
    assert j.record("q1", "first", kind="commit").attempt == 1
    assert j.record("q2", "other", kind="check", verdict="right").attempt == 1
    assert j.record("q1", "second", kind="commit").attempt == 2
    data = json.loads(j.path.read_text(encoding="utf-8"))
    assert data["schema"] == SCHEMA
    assert [(e["exercise"], e["attempt"], e["answer"]) for e in data["entries"]] == [
        ("q1", 1, "first"), ("q2", 1, "other"), ("q1", 2, "second")]
    assert all(e["notebook"] == "01-reading" and e["time"] for e in data["entries"])
    assert j.latest("q1")["answer"] == "second" and j.attempts("q1") == 2


def test_a_crash_between_write_and_rename_leaves_the_old_journal_intact(tmp_path, monkeypatch):
    j = Journal("nb", tmp_path)
    j.record("q1", "kept", kind="commit")
    before = j.path.read_bytes()

    def crash(*args, **kwargs):
        raise OSError("simulated power cut")

    monkeypatch.setattr(journal_module.os, "replace", crash)
    saved = j.record("q1", "lost in the crash", kind="commit")
    assert not saved.ok and "could not be saved" in saved.message
    monkeypatch.undo()
    assert j.path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []  # no half-written leftovers
    assert j.record("q1", "after", kind="commit").attempt == 2


@pytest.mark.parametrize(("content", "why"), [
    (b'{"schema": "brink.journal/1", "entries": [', "not valid JSON"),
    (b'{"name": "my shopping list"}', "not a brink answers file"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
])
def test_a_damaged_or_foreign_file_is_moved_aside_and_work_goes_on(tmp_path, content, why):
    j = Journal("nb", tmp_path)
    tmp_path.mkdir(exist_ok=True)
    j.path.write_bytes(content)
    assert j.entries() == []  # reading never raises
    saved = j.record("q1", "new answer", kind="commit")
    assert saved.ok and why in saved.message and "Nothing in the old file was deleted" in saved.message
    aside = [p for p in tmp_path.iterdir() if ".unreadable-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert j.latest("q1")["answer"] == "new answer"
    assert [x.notebook for x in journals(tmp_path)] == ["nb"]


def test_an_unwritable_folder_is_reported_not_raised(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    saved = Journal("nb", blocker).record("q1", "answer", kind="commit")
    assert not saved.ok and saved.attempt == 0 and "tell your teacher" in saved.message


WRITER = textwrap.dedent("""
    import sys
    from brink.core.journal import Journal
    folder, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    journal = Journal("shared", folder)
    for n in range(count):
        saved = journal.record(f"{name}-{n % 7}", f"{name} answer {n}", kind="commit")
        assert saved.ok, saved.message
""")


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    count = 300
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), name, str(count)])
             for name in ("alpha", "beta")]
    assert [p.wait(timeout=240) for p in procs] == [0, 0]
    entries = Journal("shared", tmp_path).entries()
    answers = {e["answer"] for e in entries}
    assert len(entries) == 2 * count
    assert answers == {f"{name} answer {n}" for name in ("alpha", "beta") for n in range(count)}
    for name in ("alpha", "beta"):  # attempts count up without gaps for every exercise
        for k in range(7):
            attempts = [e["attempt"] for e in entries if e["exercise"] == f"{name}-{k}"]
            assert attempts == list(range(1, len(attempts) + 1))


def test_writes_go_through_a_temporary_file_and_fsync(tmp_path, monkeypatch):
    calls = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(journal_module.os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(journal_module.os, "replace", lambda a, b: (calls.append(("replace", Path(a).suffix)), real_replace(a, b))[1])
    Journal("nb", tmp_path).record("q1", "a", kind="commit")
    assert calls[0] == "fsync" and calls[1] == ("replace", ".tmp")


def test_answers_saved_under_the_capstones_old_name_still_restore(tmp_path):
    """Issue 16: the capstone became 05. A student who answered it as 04 gets every answer back, the next save
    moves them into the new file, and the hand-in lists them once, under the new name."""
    import json

    from brink.core.journal import Journal, journals

    old = Journal("04-what-could-a-reader-know", tmp_path)
    assert old.record("nb04-rate-talks", {"rating": 3, "reason": "The Kremlin said talks would press on."},
                      kind="commit").ok
    new = Journal("05-what-could-a-reader-know", tmp_path)
    assert new.latest("nb04-rate-talks")["answer"]["rating"] == 3
    assert [j.notebook for j in journals(tmp_path)] == ["05-what-could-a-reader-know"]
    saved = new.record("nb04-condition", "conditional", kind="check", verdict="right")
    assert saved.ok and saved.attempt == 1
    assert not (tmp_path / "04-what-could-a-reader-know.json").exists()
    data = json.loads((tmp_path / "05-what-could-a-reader-know.json").read_text())
    assert data["notebook"] == "05-what-could-a-reader-know"
    assert [e["exercise"] for e in data["entries"]] == ["nb04-rate-talks", "nb04-condition"]
    assert [j.notebook for j in journals(tmp_path)] == ["05-what-could-a-reader-know"]
