"""Printable handouts: each notebook as a student handout and a teacher edition, in HTML and PDF.

The notebook is executed, and every widget is replaced by its static twin (questions become printed
questions with space to write). The article follows with paragraph and line numbers, and the teacher
edition adds the lesson guide with its answer keys. Everything is built offline: the page carries its
own styles and no scripts, and the PDF comes from Debian's Chromium printing that page.

Needs the ``lab`` or ``test`` extra (nbconvert, nbclient) and Chromium; ``make handouts`` runs it.
"""

from __future__ import annotations

import locale
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Literal, get_args

from ..core.loading import load
from ..core.records import Corpus
from ..static.glossary import word_wall
from ..static.render import numbered_article

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
h1 { font-size: 1.6em; } h2 { font-size: 1.3em; margin-top: 1.6em; } h3 { font-size: 1.1em; }
table { border-collapse: collapse; margin: 0.8em 0; } th, td { border: 1px solid #999; padding: 0.25em 0.5em; vertical-align: top; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.3em; }
blockquote { border-left: 4px solid #0072B2; margin-left: 0; padding-left: 1em; }
.anchor-link { display: none; }
img { max-width: 100%; height: auto; }
.brink-exercise { border: 1px solid #555; padding: 0.4em 1em; margin: 1em 0; break-inside: avoid; }
.brink-numbered td, .brink-numbered th { border: none; padding: 0 0.6em 0 0; }
.edition { font-size: 0.9em; border: 1px solid #111; padding: 0.3em 0.6em; display: inline-block; }
section.part { break-before: page; }
.brink-wall { display: grid; grid-template-columns: 1fr 1fr; gap: 0.8em; }
.brink-wall-term { border: 2px solid #111; padding: 0.4em 0.8em; break-inside: avoid; font-size: 1.15em; }
.brink-wall-word { font-size: 1.6em; font-weight: bold; margin: 0.2em 0; }
"""


@dataclass(frozen=True)
class Handout:
    notebook: str
    edition: str  # student | teacher
    html: Path
    pdf: Path | None


def notebook_body(path: Path) -> str:
    """The notebook executed, inputs hidden, widgets replaced by their static twins, as an HTML fragment."""
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as answers:
        env_before = os.environ.get("BRINK_JOURNAL_DIR")
        os.environ["BRINK_JOURNAL_DIR"] = answers  # a handout never shows anyone's saved answers
        try:
            NotebookClient(nb, timeout=300, kernel_name="python3",
                           resources={"metadata": {"path": str(path.parent)}}).execute()
        finally:
            if env_before is None:
                os.environ.pop("BRINK_JOURNAL_DIR", None)
            else:
                os.environ["BRINK_JOURNAL_DIR"] = env_before
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)
            output.get("data", {}).pop("application/javascript", None)  # the live views' page script
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


def page(title: str, edition: str, parts: list[str], paper: Paper = "a4") -> str:
    sections = "".join(f'<section class="part">{p}</section>' if n else p for n, p in enumerate(parts))
    size = f"@page {{ size: {PAGE_SIZE[paper]}; margin: 16mm; }}"
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{STYLE}{size}</style></head><body><p class=\"edition\">{escape(edition)}</p>{sections}</body></html>\n")


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
    """The student handout and the teacher edition of one notebook."""
    corpus = corpus or load()
    out.mkdir(parents=True, exist_ok=True)
    body = notebook_body(notebook)
    article = "<h2>The text, with line numbers</h2>" + numbered_article(corpus).html
    editions = {
        "student": page(notebook.stem, "Student handout", [body, article], paper),
        "teacher": page(notebook.stem, "Teacher edition", [body, article, guide_html(lessons, notebook.stem)], paper),
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
