"""Every command answers in words: a bad argument or a broken environment gives a one-line message and a non-zero
exit, never a traceback (review R9)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def _brink(*args: str, cwd: Path = ROOT, env: dict | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "brink", *args], capture_output=True, text=True, check=False,
                          cwd=cwd, env={**os.environ, **(env or {})}, input=stdin)


def _bad_cases(tmp: Path) -> list[tuple[str, list[str], dict]]:
    file = tmp / "notes.txt"
    file.write_text("not a folder", encoding="utf-8")
    readonly = tmp / "readonly"
    readonly.mkdir()
    return [
        ("check a file", ["check", str(ROOT / "README.md")], {}),
        ("check a missing folder", ["check", str(tmp / "nope")], {}),
        ("export a file", ["export", str(file)], {}),
        ("export a missing folder", ["export", str(tmp / "nope")], {}),
        ("lessons in a missing folder", ["lessons", "--lessons", str(tmp / "nope")], {}),
        ("lessons from a bad data folder", ["lessons", "--data", str(file)], {}),
        ("handouts of a missing notebook", ["handouts", str(tmp / "nope.ipynb"), "--no-pdf"], {}),
        ("handouts of a file that is not a notebook", ["handouts", str(file), "--no-pdf"], {}),
        ("handouts without Chromium", ["handouts", str(ROOT / "notebooks" / "00-start-here.ipynb"), "--out",
                                       str(tmp / "out")], {"BRINK_CHROMIUM": str(tmp / "no-chromium")}),
        ("handouts to an unwritable folder", ["handouts", str(ROOT / "notebooks" / "00-start-here.ipynb"), "--no-pdf",
                                              "--out", str(file / "sub")], {}),
        ("journal export from a missing folder", ["journal", "export", "--dir", str(tmp / "typo")], {}),
        ("journal export from a file", ["journal", "export", "--dir", str(file)], {}),
        ("journal export to a folder that is a file", ["journal", "export", "--dir", str(readonly), "-o",
                                                       str(file / "x.html")], {}),
        ("journal export in an unknown format", ["journal", "export", "--format", "pdf"], {}),
        ("release with no folder", ["release"], {"BRINK_RELEASE_DIR": ""}),
        ("release into a file", ["release", "--dir", str(file)], {}),
        ("an unknown command", ["frobnicate"], {}),
        ("no command", [], {}),
        ("an unknown option", ["check", "--colour"], {}),
    ]


def test_every_bad_input_gets_one_line_and_a_non_zero_exit(tmp_path):
    failures = []
    for what, args, env in _bad_cases(tmp_path):
        result = _brink(*args, env=env, cwd=tmp_path)
        said = (result.stdout + result.stderr).strip()
        if result.returncode == 0 or "Traceback" in said or len(said.splitlines()) != 1 or not said:
            failures.append(f"{what}: exit {result.returncode}: {said[:300]!r}")
    assert failures == []


def test_a_closed_pipe_ends_quietly():
    """`python -m brink export | head -c1`: the reader went away; that is not an error worth a traceback."""
    result = subprocess.run(f"{sys.executable} -m brink export | head -c1", shell=True, capture_output=True,
                            text=True, check=False, cwd=ROOT)
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
    assert result.stdout == "{"


def test_a_data_file_that_is_a_folder_is_reported_as_a_problem(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "article.txt").write_text("One paragraph.\n", encoding="utf-8")
    (data / "article.toml").mkdir()
    result = _brink("check", str(data))
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert "article.toml: this is a folder, not a file" in result.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_data_file_is_named(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "article.txt").write_text("One paragraph.\n", encoding="utf-8")
    (data / "article.toml").write_text("[article]\n", encoding="utf-8")
    (data / "article.toml").chmod(0)
    result = _brink("check", str(data))
    assert result.returncode == 1 and "article.toml" in result.stdout and "Traceback" not in result.stderr
