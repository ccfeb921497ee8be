"""Hand-in: a student's saved answers as one file a teacher can read without Jupyter.

``python -m brink journal export`` and the hand-in button in each notebook both call :func:`write_handin`, which
writes HTML (for reading and printing), Markdown (plain text) or JSON.

Three promises, each from the review of 0.1 (R3, R6, R8, R10–R12):

- **Honest.** Every notebook's journal is either in the file or named as unreadable, with the reason; a missing
  folder is an error, never an empty export.
- **Held means held.** While the teacher holds a notebook's answers (classroom mode), a committed judgement or
  prediction shows as "committed", never right or wrong, whatever the journal says.
- **Safe.** Student text is inert in every format: escaped in HTML, fenced in Markdown. A character that cannot be
  written (a lone surrogate from a browser) is replaced and the row says so; the journal keeps it as typed. The
  file is written atomically, so a failed write leaves the last good one.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from ..core import modes
from ..core.checking import HEADLINES, check, describe, fits, from_json
from ..core.journal import Journal, atomic_write, journal_dir, survey
from ..core.loading import load
from ..core.records import Corpus

FORMATS = ("html", "md", "json")
BASENAME = "brink-answers"
COMMITTED = "✎ committed (the verdict opens when your teacher opens the answers)"
_SURROGATE = re.compile("[\ud800-\udfff]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~&])")


class HandinError(Exception):
    """Why nothing could be exported, in one sentence that says what to do."""


@dataclass(frozen=True)
class Collected:
    answers: dict[str, list[dict[str, Any]]]
    unreadable: dict[str, str] = field(default_factory=dict)  # notebook → why its journal could not be read

    @property
    def count(self) -> int:
        return sum(len(rows) for rows in self.answers.values())

    def summary(self, target: str) -> str:
        """One line: what was written, and every notebook that was left out and why."""
        count = self.count
        line = f"Wrote {count} saved answer{'s' if count != 1 else ''} to {target}."
        if not self.unreadable:
            return line
        total = len(self.answers) + len(self.unreadable)
        missing = "; ".join(f"{name} could not be read: {why}" for name, why in self.unreadable.items())
        return (f"{len(self.answers)} of {total} notebooks written to {target}; {missing}. The file is kept as it "
                "is; show it to your teacher.")


@dataclass(frozen=True)
class Handin(Collected):
    paths: tuple[Path, ...] = ()


def _safe(text: str) -> tuple[str, int]:
    """Text that can be written in UTF-8, and how many characters had to be replaced."""
    return _SURROGATE.subn("\ufffd", text)


def _safe_value(value: Any) -> Any:
    """A saved answer with every string made writable (see :func:`_safe`), its shape unchanged."""
    if isinstance(value, str):
        return _safe(value)[0]
    if isinstance(value, list):
        return [_safe_value(v) for v in value]
    if isinstance(value, dict):
        return {_safe(str(k))[0]: _safe_value(v) for k, v in value.items()}
    return value


def _verdict(exercise, entry: dict[str, Any]) -> str:
    """What the hand-in says about an attempt. Held judgements say "committed", never right or wrong (R6)."""
    stored = entry.get("verdict", "")
    if exercise is not None and exercise.judgement:
        if not modes.reveals_allowed(exercise.notebook):
            return COMMITTED
        answer = entry.get("answer")
        if fits(exercise, answer):
            return " ".join(HEADLINES[check(exercise, from_json(exercise, answer)).verdict])
    return " ".join(HEADLINES[stored]) if stored in HEADLINES else str(stored or "")


def _rows(corpus: Corpus, journal: Journal) -> list[dict[str, Any]]:
    known = {e.id: e for e in corpus.exercises}
    rows = []
    for entry in journal.entries():
        exercise = known.get(entry["exercise"])
        answer = entry.get("answer")
        if exercise is not None and fits(exercise, answer):
            shown = describe(exercise, from_json(exercise, answer))
        else:
            shown = answer if isinstance(answer, str) else repr(answer)
        shown, replaced = _safe(str(shown))
        rows.append({
            "exercise": entry["exercise"],
            "question": (exercise.title + ": " if exercise and exercise.title else "") + (exercise.prompt if exercise else
                                                                                            "(a question not in this version)"),
            "attempt": _safe(str(entry.get("attempt", "")))[0],
            "kind": _safe(str(entry.get("kind", "")))[0],
            "verdict": _verdict(exercise, entry),
            "answer": shown,
            "raw": _safe_value(answer),  # as saved, so a class report can count choices (brink.core.class_report)
            "note": (f"{replaced} character{'s' if replaced != 1 else ''} could not be stored as typed and "
                     f"{'are' if replaced != 1 else 'is'} shown as \ufffd; the answers file keeps the original.")
            if replaced else "",
            "time": _safe(str(entry.get("time", "")))[0],
        })
    return rows


def gather(folder: str | Path | None = None, corpus: Corpus | None = None) -> Collected:
    """Every saved answer in a journal folder, grouped by notebook, and every journal that could not be read."""
    where = Path(folder) if folder is not None else journal_dir()
    if not where.is_dir():
        raise HandinError(f"There is no answers folder at {where}: check the path (answers are saved in my-answers, "
                          "next to the notebooks).")
    corpus = corpus or load()
    readable, unreadable = survey(where)
    return Collected({j.notebook: _rows(corpus, j) for j in readable}, unreadable)


def collect(folder: str | Path | None = None, corpus: Corpus | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every saved answer in a journal folder, grouped by notebook, with each question's words."""
    return gather(folder, corpus).answers


def _md_inline(text: str) -> str:
    """Text from a file, made inert inside a Markdown line: every mark escaped, no line breaks."""
    return _MD_SPECIAL.sub(r"\\\1", re.sub(r"[\r\n]+", " ", str(text)))


def _md_block(text: str) -> str:
    """Student text as a fenced block: shown exactly, never read as Markdown or HTML, unable to close early."""
    body = re.sub(r"\r\n?", "\n", str(text))
    longest = max((len(run) for run in re.findall(r"~+", body)), default=0)
    fence = "~" * max(3, longest + 1)
    return f"{fence}text\n{body}\n{fence}"


def to_markdown(answers: dict[str, list[dict[str, Any]]], made: str) -> str:
    lines = ["# My answers (brink)", "", f"Exported {_md_inline(made)}.", ""]
    if not answers:
        lines.append("No saved answers were found.")
    for notebook, rows in answers.items():
        lines += [f"## Notebook {_md_inline(notebook)}", ""]
        for row in rows:
            lines += [f"### {_md_inline(row['question'])}", "",
                      f"- Attempt {_md_inline(row['attempt'])} ({_md_inline(row['kind'])}), {_md_inline(row['time'])}: "
                      f"{_md_inline(row['verdict'])}", "", _md_block(row["answer"]), ""]
            if row["note"]:
                lines += [f"*{_md_inline(row['note'])}*", ""]
    return "\n".join(lines) + "\n"


def to_html(answers: dict[str, list[dict[str, Any]]], made: str) -> str:
    body = [f"<h1>My answers (brink)</h1><p>Exported {escape(made)}.</p>"]
    if not answers:
        body.append("<p>No saved answers were found.</p>")
    for notebook, rows in answers.items():
        body.append(f"<h2>Notebook {escape(notebook)}</h2>")
        for row in rows:
            note = f"<p><em>{escape(row['note'])}</em></p>" if row["note"] else ""
            body.append(f"<h3>{escape(row['question'])}</h3>"
                        f"<p>Attempt {escape(str(row['attempt']))} ({escape(str(row['kind']))}), "
                        f"{escape(str(row['time']))}: <strong>{escape(str(row['verdict']))}</strong></p>"
                        f"<blockquote style=\"white-space:pre-wrap\">{escape(str(row['answer']))}</blockquote>{note}")
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
        return json.dumps({"schema": "brink.handin/1", "exported": made, "notebooks": answers}, ensure_ascii=False,
                          indent=1) + "\n"
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def write(collected: Collected, fmt: str, target: Path) -> None:
    """One export, written atomically: a failed write (a full disk) leaves the last good file in place."""
    atomic_write(target, render(collected.answers, fmt))


def write_handin(folder: str | Path | None = None, formats: tuple[str, ...] = FORMATS,
                 corpus: Corpus | None = None) -> Handin:
    """Write ``brink-answers.<fmt>`` into the journal folder; return what was written and what was left out.
    The HTML and Markdown are for reading; the JSON is what a teacher's class report reads."""
    where = Path(folder) if folder is not None else journal_dir()
    collected = gather(where, corpus)
    paths = []
    for fmt in formats:
        path = where / f"{BASENAME}.{fmt}"
        write(collected, fmt, path)
        paths.append(path)
    return Handin(collected.answers, collected.unreadable, tuple(paths))
