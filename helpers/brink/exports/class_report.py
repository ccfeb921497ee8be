"""The class report as one self-contained HTML page, or as JSON (``python -m brink class report``).

Everything a student typed is escaped; the page names students only by their hand-in file's name; it loads
nothing from the network. A question's counts are a table with a caption (the data), and each count also has a
bar whose length repeats the number (the bar is decorative, so screen readers skip it).
"""

from __future__ import annotations

import datetime as dt
import json
from html import escape
from pathlib import Path

from ..core.class_report import FEW, IN_PLACE, OUT_OF_PLACE, QUOTE_CHARS, ClassReport, Question
from ..core.journal import atomic_write
from ..core.records import KINDS, Corpus
from ..static.exercise_render import option_label
from ..static.render import table

VERDICT_WORDS = {"right": "right", "partly": "partly right", "wrong": "wrong", "saved": "written or rated (no verdict)",
                 "incomplete": "incomplete", "unknown": "does not fit this question (another version?)"}
STYLE = ("body{font-family:sans-serif;max-width:52em;margin:2em auto;padding:0 1em;line-height:1.5;color:#111;"
         "background:#fff}table{border-collapse:collapse;margin:0.5em 0 1em}td,th{padding:0.2em 0.6em;"
         "border-bottom:1px solid #ccc}.bar{display:inline-block;height:0.8em;background:#0072B2;"
         "vertical-align:middle}blockquote{border-left:4px solid #0072B2;margin:0.3em 0;padding-left:0.8em;"
         "white-space:pre-wrap}h2{margin-top:2em;border-top:2px solid #111;padding-top:0.5em}")


def _bar(count: int, total: int) -> str:
    """The share in words, and a bar of the same length (decorative: the words carry it)."""
    share = 0 if not total else count / total
    return f'<span class="bar" aria-hidden="true" style="width:{round(12 * share, 2)}em"></span> {round(100 * share)}%'


def _choices(question: Question, held: bool) -> str:
    exercise = question.exercise
    if not question.options:
        return ""
    answered = question.answered
    rows = []
    if KINDS[exercise.type].shape == "rating":
        for point, count in question.options.items():
            model = " (the model rating)" if exercise.model_rating == int(point) and not held else ""
            rows.append([escape(f"{point}: {exercise.scale[int(point)]}{model}"), str(count), _bar(count, answered)])
        return table(f"Ratings chosen by the {answered} who answered", ["Rating", "Students", "Share"], rows)
    for index, option in enumerate(exercise.options):
        count = question.options.get(option.id, 0)
        key = " ✔ key" if option.correct and not held else ""
        rows.append([escape(option_label(exercise, index) + key), str(count), _bar(count, answered)])
    caption = f"Options chosen by the {answered} who answered" + (" (key held until you release it)" if held else "")
    return table(caption, ["Option", "Students", "Share"], rows)


def _items(question: Question) -> str:
    """Classify and order: each item's row, so the item the class got wrong stands out."""
    exercise = question.exercise
    if not question.items:
        return ""
    shape = KINDS[exercise.type].shape
    if shape == "classify":
        labels = [(c.id, c.label) for c in exercise.categories]
        rows = []
        for item in exercise.items:
            counts = question.items.get(item.id, {})
            total = sum(counts.values())
            rows.append([escape(item.text)] + [f"{counts.get(c, 0)}{' ✔ key' if c == item.answer else ''}"
                                               for c, _ in labels] + [_bar(counts.get(item.answer, 0), total)])
        return table("Each item: the category students chose", ["Item", *(escape(label) for _, label in labels),
                                                                 "Share right"], rows)
    rows = []
    for item in exercise.items:
        counts = question.items.get(item.id, {})
        placed, total = counts.get(IN_PLACE, 0), sum(counts.values())
        rows.append([escape(item.text), str(placed), str(counts.get(OUT_OF_PLACE, 0)), _bar(placed, total)])
    return table("Each item: put where its date allows, or not", ["Item", "In place", "Out of place", "Share in place"],
                 rows)


def _discussion(question: Question) -> str:
    wrong = question.wrong_choices()[:2]
    if not wrong:
        return ""
    options = {o.id: (i, o) for i, o in enumerate(question.exercise.options)}
    items = []
    for option_id, count in wrong:
        index, option = options[option_id]
        items.append(f"<li><strong>{escape(option_label(question.exercise, index))}</strong> ({count}): "
                     f"{escape(option.feedback)} <em>Next:</em> {escape(option.next)}</li>")
    return f"<p><strong>Discussion starter: the wrong answers chosen most</strong></p><ul>{''.join(items)}</ul>"


def _verdicts(question: Question) -> str:
    if not question.verdicts:
        return ""
    words = ", ".join(f"{VERDICT_WORDS.get(k, k)}: {n}" for k, n in question.verdicts.items())
    return f"<p>Verdicts (worked out again from each answer): {escape(words)}.</p>"


def _quote(text: str) -> str:
    if len(text) <= QUOTE_CHARS:
        return f"<blockquote>{escape(text)}</blockquote>"
    return (f"<blockquote>{escape(text[:QUOTE_CHARS])} … <em>({len(text) - QUOTE_CHARS} more characters: see the "
            "hand-in)</em></blockquote>")


def _written(question: Question) -> str:
    if not question.written:
        return ""
    if len(question.written) < FEW:
        return (f"<p>{len(question.written)} written answer{'s' if len(question.written) != 1 else ''}: too few to read "
                "aloud without naming who wrote them, so they are not listed here (each student's hand-in has "
                "them).</p>")
    quotes = "".join(_quote(text) for text in question.written)
    return (f"<details><summary>What students wrote ({len(question.written)}, in no order of student; read aloud "
            f"without names)</summary>{quotes}</details>")


def _share(count: int, total: int) -> str:
    return f"{count} of {total} ({round(100 * count / total) if total else 0}%)"


def _gains(report: ClassReport) -> str:
    """The before-and-after check, skill by skill, with what the figures can and cannot say."""
    check = report.check
    if check is None:
        return ""
    waiting = []
    if check.before_only:
        waiting.append(f"{check.before_only} answered only form A (they may not have reached the end of the course)")
    if check.after_only:
        waiting.append(f"{check.after_only} answered only form B")
    parts = ["<h2>Before and after: the check</h2>",
             f"<p>Form A opens notebook 00 and form B closes notebook 05: the same skills, asked on two invented posts. "
             f"Each student's first committed answer counts, and only the items a student answered in both forms. "
             f"{check.students} student{'s' if check.students != 1 else ''} answered both"
             f"{'; ' + '; '.join(waiting) if waiting else ''}.</p>"]
    if not check.students:
        return "".join(parts) + "<p>No student has answered both forms yet, so there is nothing to compare.</p>"
    rows = []
    for skill in check.skills:
        change = "—" if skill.gain is None else f"{skill.gain:+g} points"
        rows.append([escape(skill.label), str(skill.pairs),
                     _share(skill.before, skill.pairs) + " " + _bar(skill.before, skill.pairs),
                     _share(skill.after, skill.pairs) + " " + _bar(skill.after, skill.pairs), change])
    parts.append(table("Right answers before (form A) and after (form B), per skill",
                       ["Skill", "Answers compared", "Right before", "Right after", "Change"], rows))
    parts.append("<p><strong>How far to trust it.</strong> These are the same students twice, with no class that "
                 "did not take the course to compare against, so growing older, having seen form A, or a lesson "
                 "elsewhere could explain a change as well as the course. Each skill rests on one or two items per "
                 "student, and a class is small: a change of a few students is noise. Read a large change as a "
                 "sign worth a conversation, not as a measure of a student or of your teaching; the items, item by "
                 "item, are at the end of this page.</p>")
    return "".join(parts)


def _question(corpus: Corpus, question: Question, heading: str, students: int, released: frozenset[str]) -> list[str]:
    exercise = question.exercise
    judged = exercise.predict or KINDS[exercise.type].judgement
    held = judged and exercise.notebook not in released
    body = [f"<h3>{escape(heading)}: {escape(exercise.title or 'Question')} "
            f'<small style="font-weight:normal">({escape(exercise.id)})</small></h3>'
            f"<p>{escape(exercise.prompt)}</p><p>Answered by {question.answered} of {students}.</p>",
            _choices(question, held), "" if held else _verdicts(question), "" if held else _items(question),
            _discussion(question), _written(question)]
    if judged and not held and exercise.explanation:
        body.append(f"<p><strong>Model answer:</strong> {escape(exercise.explanation)}</p>")
    if exercise.claim and not held:  # the class's ratings against what happened: hindsight, so after release
        outcome = next((c.outcome for c in corpus.claims if c.id == exercise.claim), "")
        body.append(f"<p><strong>What happened next:</strong> {escape(outcome)}</p>")
    return body


def to_html(corpus: Corpus, report: ClassReport, made: str, released: frozenset[str] = frozenset()) -> str:
    """The page. Predictions and judgements keep their key and model answer out until their notebook is in
    ``released`` (``--released``): the teacher's computer does not know what the class's hub has opened."""
    students = len(report.handins)
    text = corpus.article.headline or f"{corpus.article.outlet}, {corpus.article.published:%d %B %Y}"
    body = [f"<h1>Class report: {escape(text)}</h1>",
            f"<p>Made {escape(made)} from {students} hand-in file{'s' if students != 1 else ''}"
            f"{f', {len(report.skipped)} skipped' if report.skipped else ''}. It holds only what students handed "
            "in, names them only by their file's name, and was written on this computer: keep it with your other "
            "marking, and delete it when the course ends.</p>"]
    rows = [[escape(h.student), escape(", ".join(h.notebooks)) or "none",
             escape(", ".join(report.missing.get(h.student, ()))) or "none"] for h in report.handins]
    body.append(table("Who handed in what", ["Student (file name)", "Notebooks handed in", "Notebooks missing"], rows))
    if report.skipped:
        body.append(table("Files skipped, and why", ["File", "Reason"],
                          [[escape(s.file), escape(s.reason)] for s in report.skipped]))
    body.append(_gains(report))
    notebook, number = None, 0
    for question in (q for q in report.questions if not q.exercise.check_form):
        if question.exercise.notebook != notebook:
            notebook, number = question.exercise.notebook, 0
            body.append(f"<h2>Notebook {escape(notebook)}</h2>")
        number += 1
        body += _question(corpus, question, f"Question {number}", students, released)
    for form in corpus.check_forms:
        items = [q for q in report.questions if q.exercise.check_form == form.id]
        body.append(f"<h2>The check, form {escape(form.id)} ({escape(form.when)} the course, in notebook "
                    f"{escape(form.notebook)}), item by item</h2><p>Each student's first committed answer.</p>")
        for number, question in enumerate(items, start=1):
            body += _question(corpus, question, f"Check item {number} ({question.exercise.skill})", students, released)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Class report (brink)</title>'
            f"<style>{STYLE}</style></head><body>{''.join(body)}</body></html>\n")


def write_report(corpus: Corpus, report: ClassReport, target: Path, fmt: str = "html", made: str | None = None,
                 released: frozenset[str] = frozenset()) -> None:
    made = made or dt.datetime.now().astimezone().strftime("%d %B %Y, %H:%M")
    text = (json.dumps(report.to_json(), ensure_ascii=False, indent=1) + "\n" if fmt == "json"
            else to_html(corpus, report, made, released))
    atomic_write(target, text)
