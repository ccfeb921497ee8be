"""`python -m brink journal export`: one file a teacher can read without Jupyter."""

import json
import subprocess
import sys

from brink.core.journal import Journal
from brink.exports.handin import collect, render


def test_export_in_three_formats(tmp_path):
    answers = tmp_path / "answers"
    Journal("00-start-here", answers).record("nb00-genre", "opinion", kind="check", verdict="wrong")
    Journal("00-start-here", answers).record("nb00-genre", "news-report", kind="check", verdict="right")
    Journal("00-start-here", answers).record("nb00-expectations", "They disagree <about NATO>.", kind="commit",
                                             verdict="saved")
    for fmt in ("html", "md", "json"):
        out = tmp_path / f"out.{fmt}"
        result = subprocess.run([sys.executable, "-m", "brink", "journal", "export", "--dir", str(answers),
                                 "--format", fmt, "--output", str(out)], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        assert "Wrote 3 saved answers" in result.stdout
    html = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert "What kind of text is this?" in html and "A news report on a live-updates page" in html
    assert "✘ Not this time" in html and "✔ Right" in html and "Attempt 2" in html
    assert "&lt;about NATO&gt;" in html and "<about NATO>" not in html
    markdown = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert "## Notebook 00\\-start\\-here" in markdown and "~~~text\nAn opinion column\n~~~" in markdown
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data["schema"] == "brink.handin/1" and len(data["notebooks"]["00-start-here"]) == 3


def test_default_output_goes_next_to_the_answers(tmp_path, monkeypatch):
    monkeypatch.setenv("BRINK_JOURNAL_DIR", str(tmp_path / "answers"))
    Journal("00-start-here").record("nb00-genre", "news-report", kind="check", verdict="right")
    result = subprocess.run([sys.executable, "-m", "brink", "journal", "export"], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0
    assert (tmp_path / "answers" / "brink-answers.html").exists()


def test_no_answers_yet_still_makes_a_file(tmp_path):
    assert "No saved answers were found." in render(collect(tmp_path), "md", made="now")


def test_a_folder_that_is_not_there_is_an_error(tmp_path):
    import pytest

    from brink.exports.handin import HandinError

    with pytest.raises(HandinError, match="There is no answers folder"):
        collect(tmp_path / "none")


def test_answers_to_questions_that_no_longer_exist_are_kept(tmp_path):
    Journal("00-start-here", tmp_path).record("retired-question", {"odd": "shape"}, kind="commit")
    rows = collect(tmp_path)["00-start-here"]
    assert rows[0]["question"] == "(a question not in this version)" and "odd" in rows[0]["answer"]
