"""Hand-in: a student's saved answers as one file a teacher can read without Jupyter.

``python -m brink journal export`` and the hand-in button in each notebook both call
:func:`write_handin`, which writes HTML (for reading and printing) and Markdown (plain text).
"""

from __future__ import annotations

import datetime as dt
import json
from html import escape
from pathlib import Path
from typing import Any

from .checking import HEADLINES, describe
from .journal import Journal, journal_dir, journals
from .loading import load
from .records import Corpus

FORMATS = ("html", "md", "json")
BASENAME = "brink-answers"


def _rows(corpus: Corpus, journal: Journal) -> list[dict[str, Any]]:
    known = {e.id: e for e in corpus.exercises}
    rows = []
    for entry in journal.entries():
        exercise = known.get(entry.get("exercise", ""))
        verdict = entry.get("verdict", "")
        rows.append({
            "exercise": entry.get("exercise"),
            "question": (exercise.title + ": " if exercise and exercise.title else "") + (exercise.prompt if exercise else
                                                                                            "(a question not in this version)"),
            "attempt": entry.get("attempt"),
            "kind": entry.get("kind"),
            "verdict": " ".join(HEADLINES[verdict]) if verdict in HEADLINES else verdict,
            "answer": describe(exercise, _shape(exercise, entry.get("answer"))) if exercise else repr(entry.get("answer")),
            "time": entry.get("time", ""),
        })
    return rows


def _shape(exercise, answer: Any) -> Any:
    """Journal JSON back into the answer shape the checker expects."""
    kind = exercise.type
    if exercise.justify and isinstance(answer, list) and len(answer) == 2:
        return (_shape_base(kind, answer[0]), answer[1])
    return _shape_base(kind, answer)


def _shape_base(kind: str, answer: Any) -> Any:
    if kind in ("multiple", "highlight") and isinstance(answer, list):
        return set(answer)
    if kind == "rating" and isinstance(answer, list):
        return tuple(answer)
    return answer


def collect(folder: str | Path | None = None, corpus: Corpus | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every saved answer in a journal folder, grouped by notebook, with each question's words."""
    corpus = corpus or load()
    return {j.notebook: _rows(corpus, j) for j in journals(folder)}


def to_markdown(answers: dict[str, list[dict[str, Any]]], made: str) -> str:
    lines = ["# My answers (brink)", "", f"Exported {made}.", ""]
    if not answers:
        lines.append("No saved answers were found.")
    for notebook, rows in answers.items():
        lines += [f"## Notebook {notebook}", ""]
        for row in rows:
            lines += [f"### {row['question']}", "",
                      f"- Attempt {row['attempt']} ({row['kind']}), {row['time']}: {row['verdict']}",
                      "", "> " + str(row["answer"]).replace("\n", "\n> "), ""]
    return "\n".join(lines) + "\n"


def to_html(answers: dict[str, list[dict[str, Any]]], made: str) -> str:
    body = [f"<h1>My answers (brink)</h1><p>Exported {escape(made)}.</p>"]
    if not answers:
        body.append("<p>No saved answers were found.</p>")
    for notebook, rows in answers.items():
        body.append(f"<h2>Notebook {escape(notebook)}</h2>")
        for row in rows:
            body.append(f"<h3>{escape(row['question'])}</h3>"
                        f"<p>Attempt {escape(str(row['attempt']))} ({escape(str(row['kind']))}), "
                        f"{escape(str(row['time']))}: <strong>{escape(str(row['verdict']))}</strong></p>"
                        f"<blockquote style=\"white-space:pre-wrap\">{escape(str(row['answer']))}</blockquote>")
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>My answers (brink)</title>"
            "<style>body{font-family:sans-serif;max-width:45em;margin:2em auto;line-height:1.5;color:#111}"
            "blockquote{border-left:4px solid #0072B2;margin-left:0;padding-left:1em}</style></head><body>"
            + "".join(body) + "</body></html>\n")


def render(answers: dict[str, list[dict[str, Any]]], fmt: str, made: str | None = None) -> str:
    made = made or dt.datetime.now().astimezone().strftime("%d %B %Y, %H:%M")
    if fmt == "html":
        return to_html(answers, made)
    if fmt == "md":
        return to_markdown(answers, made)
    if fmt == "json":
        return json.dumps({"schema": "brink.handin/1", "exported": made, "notebooks": answers}, ensure_ascii=False, indent=1) + "\n"
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def write_handin(folder: str | Path | None = None, formats: tuple[str, ...] = ("html", "md"),
                 corpus: Corpus | None = None) -> list[Path]:
    """Write ``brink-answers.<fmt>`` into the journal folder; return the files written."""
    where = Path(folder) if folder is not None else journal_dir()
    answers = collect(where, corpus)
    where.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = where / f"{BASENAME}.{fmt}"
        path.write_text(render(answers, fmt), encoding="utf-8")
        written.append(path)
    return written
