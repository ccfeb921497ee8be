"""`make handouts`: a student handout and a teacher edition per notebook, HTML and PDF, built offline."""

import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from html import unescape
from pathlib import Path

import nbformat
import pytest

import brink
from brink.exports import handouts, paper
from brink.static import render

ROOT = Path(__file__).parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
NOTEBOOK = NOTEBOOKS[0]
# Issue 20: a teacher prints the worksheet of notebook 00 on at most 4 sheets, of any other notebook on at most 10.
MOST_WORKSHEET_PAGES = {"00-start-here": 4}
MOST_PAGES = 10


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
def every_notebook(tmp_path_factory) -> dict[str, dict[str, handouts.Handout]]:
    """Every notebook's three editions as HTML, each notebook run once (about 5 s each)."""
    out = tmp_path_factory.mktemp("handouts")
    return {path.stem: {h.edition: h for h in handouts.build(path, out, ROOT / "lessons", pdf=False)}
            for path in NOTEBOOKS}


@pytest.fixture(scope="module")
def built(every_notebook):
    """Notebook 00's editions, printed."""
    need_tools()
    return {edition: replace(h, pdf=handouts.print_pdf(h.html, h.html.with_suffix(".pdf")))
            for edition, h in every_notebook[NOTEBOOK.stem].items()}


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


def test_the_capstone_handout_holds_no_reveal(every_notebook):
    """The substitute plan promises it: the student handout of 05 prints the held notice, not what happened next."""
    corpus = brink.load()
    for edition in ("student", "worksheet"):
        html = every_notebook["05-what-could-a-reader-know"][edition].html.read_text(encoding="utf-8")
        for claim in corpus.claims:
            assert claim.outcome[:60] not in html


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


@pytest.mark.parametrize("paper_size", ["A4", "letter"])
def test_each_worksheet_fits_the_sheets_a_teacher_prints(every_notebook, tmp_path, paper_size):
    """Issue 20 (review E1: 118 pages for six lessons): the worksheet of 00 on at most 4 pages, the others on 10,
    on A4 and on the shorter US Letter."""
    need_tools()
    counts = {}
    for stem, made in every_notebook.items():
        html = made["worksheet"].html.read_text(encoding="utf-8")
        assert "size: A4;" in html
        sized = tmp_path / f"{stem}-{paper_size}.html"
        sized.write_text(html.replace("size: A4;", f"size: {paper_size};"), encoding="utf-8")
        counts[stem] = pages(handouts.print_pdf(sized, sized.with_suffix(".pdf")))
    too_long = {stem: n for stem, n in counts.items() if n > MOST_WORKSHEET_PAGES.get(stem, MOST_PAGES)}
    assert not too_long, f"worksheets over their page budget on {paper_size}: {too_long} (all: {counts})"


def visible_text(html: str) -> str:
    html = re.sub(r"<style.*?</style>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_each_worksheet_has_every_question_once_and_the_text_once(every_notebook):
    """Only the questions (and each form of the check placed in the notebook), under their section headings, and
    the numbered text once: no tables, cards or charts."""
    corpus = brink.load()
    for stem, made in every_notebook.items():
        html = made["worksheet"].html.read_text(encoding="utf-8")
        text = visible_text(html)
        forms = [f.id for f in corpus.check_forms if f.notebook == stem]
        questions = [*corpus.exercises_for(stem), *(i for f in forms for i in corpus.check_items(f))]
        assert questions, stem
        assert html.count('class="brink-exercise"') == len(questions), stem
        for question in questions:
            assert text.count(" ".join(question.prompt.split())) >= 1, (stem, question.id)
        for form in forms:
            assert text.count(corpus.check_form(form).title) == 1, (stem, form)
        assert html.count("<table") == 1 and 'class="brink-numbered"' in html, stem  # the numbered text, only
        assert "<img" not in html and 'class="brink-article"' not in html, stem
        assert central_question(ROOT / "notebooks" / f"{stem}.ipynb") in text, stem


def test_the_full_handout_prints_the_text_once(every_notebook):
    """Review E1: one sentence printed six times in 01. The article view gives way to a pointer to the numbered text."""
    for stem, made in every_notebook.items():
        html = made["student"].html.read_text(encoding="utf-8")
        assert 'class="brink-article"' not in html and html.count('class="brink-numbered"') == 1, stem


@pytest.mark.parametrize("edition", ["student", "worksheet", "teacher"])
def test_nothing_printed_is_for_the_live_notebook(every_notebook, edition):
    """Issue 20: "Shift + Enter", "move the slider", "the button below" mean nothing on paper; each cell that says
    them carries its paper form (metadata brink.paper). The teacher edition is held to it up to its guide."""
    found = {}
    for stem, made in every_notebook.items():
        html = made[edition].html.read_text(encoding="utf-8")
        if edition == "teacher":
            html = html.rsplit('<section class="part">', 1)[0]  # the guide is for the teacher at a computer
        if words := paper.live_words(visible_text(html)):
            found[stem] = words
    assert not found, f"live-notebook words on paper: {found}"


def test_a_paper_form_that_has_gone_stale_is_one_clear_line(tmp_path):
    """An author edits a cell but not its paper form: the handout is refused, naming the cell and what to fix."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    cell = next(c for c in nb.cells if isinstance(c.metadata.get("brink", {}).get("paper"), dict))
    live = next(iter(cell.metadata["brink"]["paper"]))
    cell.source = cell.source.replace(live, "something else")
    with pytest.raises(paper.PaperFormError, match=r"cell \d+: brink.paper replaces .* no longer says") as error:
        handouts.on_paper(nb, NOTEBOOK.name)
    assert "\n" not in str(error.value)
    cell.metadata["brink"]["paper"] = ["not", "a", "table"]
    with pytest.raises(paper.PaperFormError, match="must be text"):
        handouts.on_paper(nb, NOTEBOOK.name)


def test_a_stale_paper_form_stops_the_command_with_one_line(tmp_path):
    broken = tmp_path / "notebooks" / NOTEBOOK.name
    broken.parent.mkdir()
    nb = nbformat.read(NOTEBOOK, as_version=4)
    cell = next(c for c in nb.cells if isinstance(c.metadata.get("brink", {}).get("paper"), dict))
    cell.metadata["brink"]["paper"] = {"words the cell never said": "paper words"}
    nbformat.write(nb, broken)
    (tmp_path / "notebooks" / "brink_setup.py").write_text((NOTEBOOK.parent / "brink_setup.py").read_text())
    result = subprocess.run([sys.executable, "-m", "brink", "handouts", str(broken), "--no-pdf", "--out",
                             str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1 and "no longer says" in result.stderr, result.stderr


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


def test_held_hindsight_stops_the_worksheet_before_the_questions_after_it(every_notebook):
    """A question about what happened next never sits beside the ones before the reveal: the worksheet prints a
    stop line, on a new page, where the notebook holds its hindsight (cell metadata brink.worksheet = "stop")."""
    corpus = brink.load()
    stopped = 0
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        stops = [n for n, c in enumerate(nb.cells) if (c.metadata.get("brink") or {}).get("worksheet") == "stop"]
        if not stops:
            continue
        after = [c.source for c in nb.cells[stops[0]:] if c.cell_type == "code"]
        later = [e for e in corpus.exercises_for(path.stem) if any(f'"{e.id}"' in source for source in after)]
        text = visible_text(every_notebook[path.stem]["worksheet"].html.read_text(encoding="utf-8"))
        stop = text.find("Stop here until your teacher says so")
        assert (stop >= 0) == bool(later), path.stem  # a stop with nothing after it would only waste a page
        for exercise in later if later else ():
            assert text.find(" ".join(exercise.prompt.split())) > stop, exercise.id
        for exercise in set(corpus.exercises_for(path.stem)) - set(later) if later else ():
            assert 0 <= text.find(" ".join(exercise.prompt.split())) < stop, exercise.id
        stopped += bool(later)
    assert stopped, "no notebook's worksheet has questions after held hindsight: this test checks nothing"


def test_a_class_on_paper_gets_the_reveal_on_its_own_sheet(tmp_path):
    """The reveal prints on a sheet of its own for the teacher to hand out; no student edition prints it."""
    corpus = brink.load()
    sheet = handouts.build_reveal(tmp_path, pdf=False)
    html = sheet.html.read_text(encoding="utf-8")
    assert "hand out" in html.lower() and "<script" not in html
    for claim in corpus.claims:
        assert " ".join(claim.outcome.split())[:60] in visible_text(html)


def test_what_a_cell_says_to_the_live_session_is_not_printed(every_notebook):
    """"Loaded 9 paragraphs…" and "<IPython.core.display.Javascript object>" are for the live session."""
    for stem, made in every_notebook.items():
        for edition in ("student", "worksheet"):
            html = made[edition].html.read_text(encoding="utf-8")
            assert "output_stream" not in html and "IPython.core.display" not in html, (stem, edition)
