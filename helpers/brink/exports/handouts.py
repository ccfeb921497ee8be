"""Printable handouts: each notebook as a student handout, a teacher edition and a student worksheet, in HTML and PDF.

The notebook is executed once, and every widget is replaced by its static twin (questions become printed
questions with space to write). On paper, each cell's words for the live notebook ("Shift + Enter", "the button
below") give way to their paper form (:mod:`.paper`), and the text is printed once, with paragraph and line
numbers, at the end. The teacher edition adds the lesson guide with its answer keys; the worksheet keeps only the
questions under their section headings, set tighter, so a lesson fits a few sheets. Everything is built offline:
the page carries its own styles and no scripts, and the PDF comes from Chrome or Chromium printing that page.

Needs the ``lab`` or ``test`` extra (nbconvert, nbclient) and Chrome or Chromium; ``make handouts`` runs it.
"""

from __future__ import annotations

import locale
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

from ..core.loading import load
from ..core.records import Corpus
from ..static.capstone_cards import outcomes
from ..static.glossary import word_wall
from ..static.render import numbered_article
from . import paper

if TYPE_CHECKING:
    from nbformat import NotebookNode

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
ENV_CHROMIUM = "BRINK_CHROMIUM"
# Where Chrome or Chromium lives when it is not on PATH: macOS and Windows install it under fixed folders.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
CHROMIUM_PLACES = ("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
                   "/Applications/Chromium.app/Contents/MacOS/Chromium",
                   "{PROGRAMFILES}/Google/Chrome/Application/chrome.exe",
                   "{PROGRAMFILES(X86)}/Google/Chrome/Application/chrome.exe",
                   "{LOCALAPPDATA}/Google/Chrome/Application/chrome.exe")

Paper = Literal["a4", "letter"]
PAPERS: tuple[str, ...] = get_args(Paper)
PAGE_SIZE: dict[Paper, str] = {"a4": "A4", "letter": "letter"}
# Where US Letter is the usual paper; everywhere else uses A4 (the default when the locale says nothing).
LETTER_COUNTRIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO"})
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-pdf-header-footer"]
STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #111; max-width: 48em; margin: 1.5em auto; line-height: 1.45; }
@media print { body { max-width: none; margin: 0; } }
h1 { font-size: 1.6em; } h2 { font-size: 1.3em; margin-top: 1.6em; } h3 { font-size: 1.1em; }
h1, h2, h3, caption { break-after: avoid; }
table { border-collapse: collapse; margin: 0.8em 0; } th, td { border: 1px solid #999; padding: 0.25em 0.5em; vertical-align: top; }
tr, li, img, figure, blockquote { break-inside: avoid; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.3em; }
blockquote { border-left: 4px solid #0072B2; margin-left: 0; padding-left: 1em; }
.anchor-link { display: none; }
img { max-width: 100%; height: auto; }
.brink-exercise { border: 1px solid #555; padding: 0.4em 1em; margin: 1em 0; }
.brink-exercise > p:first-child { break-after: avoid; }
.brink-numbered td, .brink-numbered th { border: none; padding: 0 0.6em 0 0; }
.edition { font-size: 0.9em; border: 1px solid #111; padding: 0.3em 0.6em; display: inline-block; }
section.part { break-before: page; }
.brink-wall { display: grid; grid-template-columns: 1fr 1fr; gap: 0.8em; }
.brink-wall-term { border: 2px solid #111; padding: 0.4em 0.8em; break-inside: avoid; font-size: 1.15em; }
.brink-wall-word { font-size: 1.6em; font-weight: bold; margin: 0.2em 0; }
"""
# The worksheet: the same page, set tighter, so a lesson's questions fit a few sheets (issue 20: 00 on 4 pages at
# most, the others on 10). Nothing is smaller than 10 pt, and every answer keeps its lines to write on.
COMPACT = """
body { font-size: 10pt; line-height: 1.35; }
h1 { font-size: 1.35em; margin: 0.3em 0; } h2 { font-size: 1.1em; margin: 0.9em 0 0.2em; } h3 { font-size: 1em; }
p { margin: 0.3em 0; }
.brink-exercise { border: none; border-top: 1px solid #555; padding: 0.2em 0; margin: 0.5em 0; break-inside: avoid; }
.brink-exercise ul { margin: 0.2em 0; padding-left: 1em; columns: 2; column-gap: 2em; }
.brink-exercise li { margin: 0.1em 0; }
.brink-exercise ol { margin: 0.2em 0; }
blockquote { margin: 0.3em 0; padding-left: 0.6em; }
.brink-check-post { padding: 0.2em 0.8em !important; }
.brink-numbered { font-size: 10pt; line-height: 1.3; }
.brink-stop { break-before: page; border: 2px solid #111; padding: 0.3em 0.6em; }
"""
# The questions a worksheet keeps, by the class of their static twin's root: a question, and a form of the check
# (the invented post, then its items).
WORKSHEET_KEEPS = frozenset({"brink-exercise", "brink-check-post"})
WORKSHEET_NOTE = ("*Worksheet: the questions of this lesson with space to answer. The text is at the end, with "
                  "paragraph (P) and line numbers: read it first. The tables, cards and charts some questions use "
                  "are in the student handout and the notebook; your teacher gives them out when you need them.*")
# Where a notebook holds hindsight back (cell metadata ``brink.worksheet = "stop"``), the worksheet stops too: a
# new page, and the line that says to wait, so no question about what happened next sits beside the ones before.
WORKSHEET_STOP = ('<p class="brink-stop"><strong>Stop here until your teacher says so.</strong> The questions '
                  "after this line come after the class has seen what happened next.</p>")
Edition = Literal["student", "teacher", "worksheet"]
EDITIONS: dict[Edition, str] = {"student": "Student handout", "teacher": "Teacher edition",
                                "worksheet": "Student worksheet"}


@dataclass(frozen=True)
class Handout:
    notebook: str
    edition: str  # an Edition, or wall | task for the course-wide pages
    html: Path
    pdf: Path | None


def executed(path: Path) -> NotebookNode:
    """The notebook run top to bottom in a fresh kernel, with nobody's saved answers."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as answers:
        env_before = os.environ.get("BRINK_JOURNAL_DIR")
        os.environ["BRINK_JOURNAL_DIR"] = answers  # a handout never shows anyone's saved answers
        try:
            NotebookClient(nb, timeout=300, kernel_name="python3", extra_arguments=["--IPKernelApp.log_level=ERROR"],
                           resources={"metadata": {"path": str(path.parent)}}).execute()
        finally:
            if env_before is None:
                os.environ.pop("BRINK_JOURNAL_DIR", None)
            else:
                os.environ["BRINK_JOURNAL_DIR"] = env_before
    return nb


def on_paper(nb: NotebookNode, name: str) -> NotebookNode:
    """The executed notebook as it prints: widgets and page scripts gone (their static twins stay), each markdown
    cell in its paper form, and each output as :data:`paper.OUTPUTS` says."""
    import copy

    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)
    cells = []
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "markdown":
            cell.source = paper.markdown(cell.source, cell.metadata, f"{name}, cell {number}")
            if not cell.source.strip():
                continue
        outputs = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            data.pop(WIDGET_VIEW, None)
            data.pop("application/javascript", None)  # the live views' page script
            if not paper.kept(output):
                continue
            if "text/html" in data:
                printed = paper.output(data["text/html"])
                if printed is None:
                    continue
                data["text/html"] = printed
            outputs.append(output)
        if "outputs" in cell:
            cell.outputs = outputs
        cells.append(cell)
    nb.cells = cells
    return nb


def worksheet(nb: NotebookNode) -> NotebookNode:
    """The compact edition: the title and central question, then each question under its section heading, nothing
    else. The tables, cards and charts stay in the full edition; the numbered text follows once."""
    import nbformat

    first = nb.cells[0].source.split("\n\n") if nb.cells else []
    title = [block for block in first if block.startswith("# ") or block.startswith("**Central question:**")]
    cells = [nbformat.v4.new_markdown_cell("\n\n".join([*title, WORKSHEET_NOTE]))]
    heading, stop = None, False
    for cell in nb.cells[1:]:
        if cell.cell_type == "markdown":
            headings = [line for line in cell.source.splitlines() if re.match(r"#{2,3} ", line)]
            heading = headings[-1] if headings else heading
            stop = stop or (cell.metadata.get("brink") or {}).get("worksheet") == "stop"
            continue
        questions = [o for o in cell.get("outputs", []) if paper.root_class(o.get("data", {}).get("text/html", ""))
                     in WORKSHEET_KEEPS]
        if not questions:
            continue
        if stop:  # held hindsight: the questions after it wait, on a page of their own
            cells.append(nbformat.v4.new_markdown_cell(WORKSHEET_STOP))
            stop = False
        if heading:
            cells.append(nbformat.v4.new_markdown_cell(heading))
            heading = None
        code = nbformat.v4.new_code_cell("")
        code.outputs = questions
        cells.append(code)
    return nbformat.v4.new_notebook(cells=cells, metadata=nb.metadata)


def html_body(nb: NotebookNode) -> str:
    """A notebook's outputs and markdown as an HTML fragment, inputs hidden."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb)
    return body


def guide_html(lessons: Path, notebook: str) -> str:
    from nbconvert.filters.markdown import markdown2html

    guide = lessons / f"{notebook}.md"
    if not guide.exists():
        return f"<p>No teacher guide exists yet for notebook {escape(notebook)}.</p>"
    return markdown2html(guide.read_text(encoding="utf-8"))


def find_chromium() -> str | None:
    """Chrome or Chromium to print with: ``$BRINK_CHROMIUM``, else one on PATH, else where macOS and Windows put it."""
    chosen = os.environ.get(ENV_CHROMIUM, "").strip()
    if chosen:
        return chosen if os.path.isfile(chosen) and os.access(chosen, os.X_OK) else None
    for name in CHROMIUM_NAMES:
        if found := shutil.which(name):
            return found
    for place in CHROMIUM_PLACES:
        try:
            path = place.format_map({k: os.environ[k] for k in ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA")
                                     if k in os.environ})
        except KeyError:  # not Windows, or a folder this machine does not have
            continue
        if os.path.isfile(path):
            return path
    return None


def default_paper() -> Paper:
    """``$BRINK_PAPER`` when set, else Letter where the locale's country uses it, else A4."""
    chosen = os.environ.get("BRINK_PAPER", "").strip().lower()
    if chosen in PAPERS:
        return chosen  # type: ignore[return-value]
    name = locale.getlocale(locale.LC_CTYPE)[0] or os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    country = name.split(".")[0].split("_")[-1].upper() if "_" in name else ""
    return "letter" if country in LETTER_COUNTRIES else "a4"


def page(title: str, edition: str, parts: list[str], paper: Paper = "a4", compact: bool = False) -> str:
    sections = "".join(f'<section class="part">{p}</section>' if n else p for n, p in enumerate(parts))
    size = f"@page {{ size: {PAGE_SIZE[paper]}; margin: {12 if compact else 16}mm; }}"
    style = STYLE + (COMPACT if compact else "") + size
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{style}</style></head><body><p class=\"edition\">{escape(edition)}</p>{sections}</body></html>\n")


def print_pdf(html: Path, pdf: Path) -> Path:
    """Print an HTML file to PDF with headless Chromium, offline, on the paper its page asks for."""
    chromium = find_chromium()
    if chromium is None:
        raise FileNotFoundError("no Chrome or Chromium found")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([chromium, *CHROMIUM_ARGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}",
                        html.resolve().as_uri()], check=True, capture_output=True, timeout=180,
                       env=dict(os.environ, HOME=profile))
    if not pdf.exists() or pdf.stat().st_size == 0:
        raise RuntimeError(f"Chromium did not write {pdf}")
    return pdf


def build(notebook: Path, out: Path, lessons: Path, *, pdf: bool = True, corpus: Corpus | None = None,
          paper: Paper = "a4") -> list[Handout]:
    """The student handout, the teacher edition and the student worksheet of one notebook, from one run of it."""
    import nbformat

    corpus = corpus or load()
    on_paper(nbformat.read(notebook, as_version=4), notebook.name)  # a stale paper form stops here, before the run
    out.mkdir(parents=True, exist_ok=True)
    printed = on_paper(executed(notebook), notebook.name)
    body = html_body(printed)
    article = "<h2>The text</h2>" + numbered_article(corpus).html
    editions: dict[Edition, str] = {
        "student": page(notebook.stem, EDITIONS["student"], [body, article], paper),
        "teacher": page(notebook.stem, EDITIONS["teacher"], [body, article, guide_html(lessons, notebook.stem)], paper),
        "worksheet": page(notebook.stem, EDITIONS["worksheet"], [html_body(worksheet(printed)), article], paper,
                          compact=True),
    }
    made = []
    for edition, html in editions.items():
        html_path = out / f"{notebook.stem}-{edition}.html"
        html_path.write_text(html, encoding="utf-8")
        pdf_path = print_pdf(html_path, out / f"{notebook.stem}-{edition}.pdf") if pdf else None
        made.append(Handout(notebook.stem, edition, html_path, pdf_path))
    return made


def build_summative(out: Path, lessons: Path, *, pdf: bool = True, paper: Paper = "a4") -> Handout:
    """The summative task with its sources, rubric and sample answers: summative-task.html (and .pdf)."""
    out.mkdir(parents=True, exist_ok=True)
    html_path = out / "summative-task.html"
    html_path.write_text(page("Summative task", "Summative task, with the teacher's rubric",
                              [guide_html(lessons, "summative-task")], paper), encoding="utf-8")
    return Handout("summative-task", "task", html_path, print_pdf(html_path, out / "summative-task.pdf") if pdf else None)


def build_word_wall(out: Path, *, pdf: bool = True, corpus: Corpus | None = None, paper: Paper = "a4") -> Handout:
    """Every glossary term once, large, for the classroom wall: word-wall.html (and .pdf)."""
    corpus = corpus or load()
    out.mkdir(parents=True, exist_ok=True)
    html_path = out / "word-wall.html"
    html_path.write_text(page("Word wall", "For the classroom wall", [word_wall(corpus).html], paper), encoding="utf-8")
    return Handout("word-wall", "wall", html_path, print_pdf(html_path, out / "word-wall.pdf") if pdf else None)


REVEAL_NOTE = ("<p><strong>What happened next: for the teacher to hand out.</strong> This is the capstone's reveal "
               "(notebook 05), which no student handout or worksheet prints. Give it out only after the class has "
               "discussed the claims, as the live notebook does in classroom mode. Each fact carries its date and "
               "source.</p>")


def build_reveal(out: Path, *, pdf: bool = True, corpus: Corpus | None = None, paper: Paper = "a4") -> Handout | None:
    """The capstone's reveal on its own sheet, for a class on paper: what-happened-next.html (and .pdf). None for a
    text with no claims to reveal."""
    corpus = corpus or load()
    if not corpus.claims:
        return None
    out.mkdir(parents=True, exist_ok=True)
    html_path = out / "what-happened-next.html"
    html_path.write_text(page("What happened next", "Reveal sheet: hand out after the discussion",
                              [REVEAL_NOTE + outcomes(corpus).html], paper), encoding="utf-8")
    return Handout("what-happened-next", "reveal", html_path,
                   print_pdf(html_path, out / "what-happened-next.pdf") if pdf else None)
