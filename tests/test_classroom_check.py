"""`make classroom-check`, the parts that need no hub: the answers it gives, the admin's collect command as the
README shows it, and the settings the hub gets. The hub itself runs in `make classroom-check` (CI runs it)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import brink
from brink.core.checking import problem_with

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "tools" / "classroom"))

check = pytest.importorskip("check", reason="tools/classroom needs psutil and websocket-client (Jupyter's own)")
hub = pytest.importorskip("hub")


def test_every_planned_answer_is_one_a_student_could_give():
    corpus = brink.load()
    for ids in check.answered(corpus).values():
        assert ids
        for exercise_id in ids:
            exercise = corpus.exercise(exercise_id)
            for student in range(1, 31):
                assert problem_with(exercise, check.pick(exercise, student)) is None, (exercise_id, student)


def test_the_answers_spread_over_the_options_so_the_report_counts_are_not_trivial():
    corpus = brink.load()
    for exercise_id in ("nb00-genre", "check-a-source", "nb04-condition"):
        chosen = {check.pick(corpus.exercise(exercise_id), n) for n in range(1, 11)}
        assert len(chosen) == len(corpus.exercise(exercise_id).options)


def test_the_readme_shows_the_collect_command_the_check_runs():
    assert check.COLLECT in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_hub_gets_a_teachers_settings(tmp_path):
    written = hub.config(tmp_path, 8000, "t" * 48, tmp_path / "release", tmp_path / "home", tmp_path / "proxy",
                         tmp_path / "users")
    assert "'BRINK_MODE': 'classroom'" in written and f"'BRINK_RELEASE_DIR': '{tmp_path / 'release'}'" in written
    assert "DummyAuthenticator" in written and 'spawner_class = "simple"' in written
    assert hub.NBGITPULLER.startswith("nbgitpuller==")


def test_the_collect_command_copies_real_hand_ins_only(tmp_path):
    """Each student's own file, named after their home folder; no link followed (a student's link to someone
    else's file, or to a private one, is not collected); nothing to collect is no error."""
    import subprocess

    homes, admin = tmp_path / "home", tmp_path / "admin"
    admin.mkdir()
    for name in ("ada", "ben cho", "eve", "sam"):
        (homes / name).mkdir(parents=True)
    for name in ("ada", "ben cho"):
        answers = homes / name / "brink" / "notebooks" / "my-answers"
        answers.mkdir(parents=True)
        (answers / "brink-answers.json").write_text(f'{{"who": "{name}"}}')
    secret = tmp_path / "private.json"
    secret.write_text("{}")
    (homes / "eve" / "brink" / "notebooks" / "my-answers").mkdir(parents=True)
    (homes / "eve" / "brink" / "notebooks" / "my-answers" / "brink-answers.json").symlink_to(secret)
    (homes / "sam" / "brink").symlink_to(homes / "ada" / "brink")
    done = subprocess.run(["bash", "-c", check.COLLECT], cwd=admin, env={"HOMES": str(homes), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0
    assert sorted(p.name for p in (admin / "handins").iterdir()) == ["ada.json", "ben cho.json"]
    assert (admin / "handins" / "ben cho.json").read_text() == '{"who": "ben cho"}'
    empty = tmp_path / "nobody"
    empty.mkdir()
    assert subprocess.run(["bash", "-c", check.COLLECT], cwd=admin, env={"HOMES": str(empty), "PATH": "/usr/bin:/bin"}
                          ).returncode == 0


def test_a_release_is_readable_by_every_student_server_whatever_the_teachers_umask(tmp_path):
    import os

    from brink.core import modes

    before = os.umask(0o077)
    try:
        path = modes.write_release(tmp_path)
    finally:
        os.umask(before)
    assert path.stat().st_mode & 0o777 == 0o644
