"""`make handouts`: a student handout and a teacher edition per notebook, HTML and PDF, built offline."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest

import brink
from brink.exports import handouts
from brink.static import render

ROOT = Path(__file__).parents[1]
NOTEBOOK = ROOT / "notebooks" / "00-start-here.ipynb"


def central_question(path: Path) -> str:
    for cell in nbformat.read(path, as_version=4).cells:
        found = re.search(r"\*\*Central question:\*\*\s*(.+)", cell.source)
        if cell.cell_type == "markdown" and found:
            return found.group(1).strip()
    raise AssertionError(f"{path.name} states no central question")


def tools_missing() -> str | None:
    if handouts.find_chromium() is None:
        return "Chromium is needed for PDFs: sudo apt-get install chromium"
    if not shutil.which("pdftotext"):
        return "pdftotext is needed to read the PDFs: sudo apt-get install poppler-utils"
    return None


def need_tools() -> None:
    """Skip without Chromium or poppler on a laptop; fail in CI, which installs them."""
    reason = tools_missing()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    need_tools()
    out = tmp_path_factory.mktemp("handouts")
    return {h.edition: h for h in handouts.build(NOTEBOOK, out, ROOT / "lessons")}


def pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def test_pdfs_have_pages_and_the_central_question_and_the_text(built):
    for handout in built.values():
        info = subprocess.run(["pdfinfo", str(handout.pdf)], capture_output=True, text=True, check=True).stdout
        assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) >= 2
        text = pdf_text(handout.pdf)
        assert central_question(NOTEBOOK) in text
        assert "If it is up to the Russian Federation, there will be no war." in text


def test_questions_print_as_questions_and_only_the_teacher_gets_the_key(built):
    student, teacher = pdf_text(built["student"].pdf), pdf_text(built["teacher"].pdf)
    for text in (student, teacher):
        assert "Question 1: What kind of text is this?" in text and "An opinion column" in text and "○ A. " in text
    assert "Error displaying widget" not in student
    assert "Answer key" in teacher and "Answer key" not in student
    explanation = brink.load().exercise("nb00-which-friday").explanation
    assert " ".join(explanation.split()[:8]) in teacher and " ".join(explanation.split()[:8]) not in student


def test_html_is_offline(built):
    for handout in built.values():
        html = handout.html.read_text(encoding="utf-8")
        assert "<script" not in html
        assert not re.search(r'(src|href)="https?://(?!edition\.cnn\.com)', html), "no CDN or remote asset"


def test_line_numbers_rebuild_each_paragraph_exactly():
    corpus = brink.load()
    lines = render.numbered_lines(corpus)
    for number, paragraph in enumerate(corpus.article.paragraphs, start=1):
        assert " ".join(words for p, _, words in lines if p == number) == paragraph
    assert all(len(words) <= 72 for _, _, words in lines)


def test_the_word_wall_prints_every_term_once(tmp_path):
    """Issue 15: the glossary prints as a word wall with the handouts, every term once, large."""
    need_tools()
    wall = handouts.build_word_wall(tmp_path)
    corpus = brink.load()
    text = " ".join(subprocess.run(["pdftotext", str(wall.pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())  # reading order, not layout: the wall has two columns
    assert "Word wall" in text
    for term in corpus.glossary:
        assert text.count(term.means[:40]) == 1, term.id
    assert "<script" not in wall.html.read_text(encoding="utf-8")


def test_the_capstone_handout_holds_no_reveal(tmp_path):
    """The substitute plan promises it: the student handout of 05 prints the held notice, not what happened next."""
    made = {h.edition: h for h in handouts.build(ROOT / "notebooks" / "05-what-could-a-reader-know.ipynb", tmp_path,
                                                  ROOT / "lessons", pdf=False)}
    html = made["student"].html.read_text(encoding="utf-8")
    corpus = brink.load()
    for claim in corpus.claims:
        assert claim.outcome[:60] not in html


def test_the_summative_task_prints_with_its_sources_rubric_and_samples(tmp_path):
    need_tools()
    task = handouts.build_summative(tmp_path, ROOT / "lessons")
    text, html = pdf_text(task.pdf), task.html.read_text(encoding="utf-8")
    for words in ("Was that headline a fair summary", "sample written for the course"):
        assert words in text
    for level in ("3: Strong", "2: Developing", "1: Emerging"):
        assert level in html  # the rubric's table cells wrap in the PDF


def page_mm(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width, height = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()
    return float(width) * 25.4 / 72, float(height) * 25.4 / 72


@pytest.mark.parametrize("paper, mm", [("a4", (210, 297)), ("letter", (215.9, 279.4))])
def test_the_paper_is_the_one_asked_for(tmp_path, paper, mm):
    """Issue 20: most of the world prints on A4; `--paper letter` for North America."""
    need_tools()
    made = handouts.build_word_wall(tmp_path, paper=paper)
    assert all(abs(got - want) < 1 for got, want in zip(page_mm(made.pdf), mm, strict=True)), page_mm(made.pdf)


@pytest.mark.parametrize("env, want", [({"BRINK_PAPER": "letter"}, "letter"), ({"LC_ALL": "en_US.UTF-8"}, "letter"),
                                       ({"LC_ALL": "de_DE.UTF-8"}, "a4"), ({"LC_ALL": "C"}, "a4")])
def test_the_default_paper_follows_the_locale(monkeypatch, env, want):
    import locale

    for name in ("BRINK_PAPER", "LC_ALL", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(locale, "getlocale", lambda category=None: (None, None))
    assert handouts.default_paper() == want


def test_chromium_is_found_by_name_or_place_and_a_missing_one_gets_one_line(tmp_path, monkeypatch):
    fake = tmp_path / "chrome"
    fake.write_text("#!/bin/sh\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("BRINK_CHROMIUM", str(fake))
    assert handouts.find_chromium() == str(fake)
    monkeypatch.setenv("BRINK_CHROMIUM", str(tmp_path / "nowhere"))
    assert handouts.find_chromium() is None
    monkeypatch.delenv("BRINK_CHROMIUM")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))  # as on Windows
    exe = tmp_path / "Google" / "Chrome" / "Application" / "chrome.exe"
    exe.parent.mkdir(parents=True)
    exe.write_text("", encoding="utf-8")
    assert handouts.find_chromium() == str(exe)
    exe.unlink()
    monkeypatch.setenv("BRINK_CHROMIUM", str(tmp_path / "nowhere"))
    result = subprocess.run([os.sys.executable, "-m", "brink", "handouts", str(NOTEBOOK), "--out", str(tmp_path / "out")],
                            capture_output=True, text=True, cwd=ROOT, env=dict(os.environ), timeout=120)
    assert result.returncode == 1 and "--no-pdf" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
