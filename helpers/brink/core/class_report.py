"""The teacher's view of a class, from the hand-in files students export (issue 19). No server, no names needed.

A hand-in (``python -m brink journal export --format json``, schema ``brink.handin/1``) holds one student's saved
answers. This module reads many of them, skips any it cannot read with the reason, and counts, per question, how
many answered and what they chose, using each student's latest attempt (for the before-and-after check, their
first committed answer, and the gain per skill from :mod:`brink.core.skills_check`). It is pure: it reads files and
returns records; :mod:`brink.exports.class_report` writes the page.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .checking import SAVED, verdict_of
from .records import KINDS, Corpus, Exercise, Shape
from .skills_check import Gains, gains

HANDIN_SCHEMA = "brink.handin/1"
CLASS_SCHEMA = "brink.class/1"
MAX_BYTES = 1_000_000  # a hand-in of one student is a few kilobytes; anything this big is not one
GENERIC = {"brink-answers", "answers", "handin", "hand-in"}  # file names that say nothing about who
QUOTE_CHARS = 1500  # a written answer longer than this is cut in the page (the hand-in keeps it)
FEW = 3  # fewer answers than this are not listed to read aloud: they would name their writers


@dataclass(frozen=True)
class Handin:
    """One student's hand-in: who (the file's name, never more) and their latest answer row per question."""

    student: str
    file: str
    rows: dict[str, dict[str, Any]]  # exercise id → the latest row
    notebooks: tuple[str, ...]
    first: dict[str, dict[str, Any]] = field(default_factory=dict)  # exercise id → the first committed row

    def answer(self, exercise: Exercise) -> dict[str, Any] | None:
        """The row that counts: an item of the before-and-after check counts its first committed answer (a student
        may try again after the feedback); every other question, the latest."""
        return (self.first if exercise.check_form else self.rows).get(exercise.id)


@dataclass(frozen=True)
class Skipped:
    file: str
    reason: str


def _files(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """Every file named or inside a named folder, with the label a teacher knows it by: its path from the folder,
    without ``.json`` (a platform's download often puts each student's ``brink-answers.json`` in their own folder)."""
    found: list[tuple[Path, str]] = []
    for path in map(Path, paths):
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                found.append((file, file.relative_to(path).as_posix()))
        else:
            found.append((path, path.name))
    return found


def _label(relative: str) -> str:
    """"Jane Smith/brink-answers.json" → "Jane Smith"; "Hand-in 03.json" → "Hand-in 03"."""
    parts = relative.rsplit(".", 1)[0].split("/")
    while len(parts) > 1 and parts[-1].lower() in GENERIC:
        parts.pop()
    return "/".join(parts)


def read_handin(path: Path, label: str | None = None) -> Handin:
    """One hand-in file; raises ValueError with the reason a teacher can act on."""
    if path.suffix.lower() != ".json":
        raise ValueError("not a .json hand-in (the hand-in button writes brink-answers.json: ask for that file)")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValueError("too large to be a hand-in")
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError("no such file") from None
    except UnicodeDecodeError:
        raise ValueError("not a text file") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON (line {error.lineno}); it may be damaged or cut short") from None
    except RecursionError:
        raise ValueError("nested too deeply to be a hand-in") from None
    except OSError as error:
        raise ValueError(f"cannot be read ({error.strerror})") from None
    if not isinstance(data, dict) or data.get("schema") != HANDIN_SCHEMA:
        raise ValueError(f"not a brink hand-in (expected schema {HANDIN_SCHEMA}; export it with "
                         "`python -m brink journal export --format json`)")
    notebooks = data.get("notebooks")
    if not isinstance(notebooks, dict):
        raise ValueError("its list of notebooks is missing or damaged")
    rows: dict[str, dict[str, Any]] = {}
    first: dict[str, dict[str, Any]] = {}
    for notebook, entries in notebooks.items():
        if not isinstance(entries, list):
            raise ValueError(f"the answers for {notebook!r} are damaged")
        for row in entries:
            if not isinstance(row, dict) or not isinstance(row.get("exercise"), str):
                raise ValueError(f"an answer in {notebook!r} is damaged")
            if row["exercise"] not in rows or _attempt(row) >= _attempt(rows[row["exercise"]]):
                rows[row["exercise"]] = row
            if row.get("kind") == "commit" and (row["exercise"] not in first
                                                or _attempt(row) < _attempt(first[row["exercise"]])):
                first[row["exercise"]] = row
    name = label if label is not None else path.name
    return Handin(_label(name), name, rows, tuple(sorted(notebooks)), first)


def _attempt(row: dict[str, Any]) -> int:
    try:
        return int(row.get("attempt", 0))
    except (TypeError, ValueError):
        return 0


def read_handins(paths: Iterable[str | Path]) -> tuple[list[Handin], list[Skipped]]:
    """Every hand-in under ``paths`` (files, or folders searched through), and what was skipped, and why: files that
    are not hand-ins, damaged ones, and a file reached twice (a folder and a file in it both named). Two students'
    files may be identical, so equal contents are both counted."""
    handins, skipped, seen = [], [], {}
    for path, label in _files(paths):
        where = path.resolve()
        if where in seen:
            skipped.append(Skipped(label, f"the same file as {seen[where]}, counted once"))
            continue
        seen[where] = label
        try:
            handins.append(read_handin(path, label))
        except ValueError as error:
            skipped.append(Skipped(label, str(error)))
    names = Counter(h.student for h in handins)  # two students with the same label are numbered, never merged
    numbered = Counter()
    for index, handin in enumerate(handins):
        if names[handin.student] > 1:
            numbered[handin.student] += 1
            handins[index] = replace(handin, student=f"{handin.student} ({numbered[handin.student]})")
    return handins, skipped


# -- what an answer counts as, by shape (the core's registry, like checking.RULES) ---------------------------
def _base(exercise: Exercise, raw: Any) -> Any:
    """The answer without its line of evidence (a justified answer is stored as [answer, evidence])."""
    if exercise.justify and isinstance(raw, list) and len(raw) == 2:
        return raw[0]
    return raw


def _one(exercise: Exercise, raw: Any) -> list[str]:
    ids = {o.id for o in exercise.options}
    return [raw] if isinstance(raw, str) and raw in ids else []


def _many(exercise: Exercise, raw: Any) -> list[str]:
    ids = {o.id for o in exercise.options}
    return sorted({r for r in raw if isinstance(r, str) and r in ids}) if isinstance(raw, list) else []


def _rating(exercise: Exercise, raw: Any) -> list[str]:
    point = raw[0] if isinstance(raw, list) and raw else None
    return [str(point)] if isinstance(point, int) and 0 <= point < len(exercise.scale) else []


def _none(exercise: Exercise, raw: Any) -> list[str]:
    return []


CHOICES: dict[Shape, Callable[[Exercise, Any], list[str]]] = {
    "one": _one, "many": _many, "rating": _rating, "classify": _none, "order": _none, "text": _none,
}


def _sorted(exercise: Exercise, raw: Any) -> dict[str, str]:
    """Classify: each item's chosen category (known items and categories only)."""
    if not isinstance(raw, dict):
        return {}
    items, categories = {i.id for i in exercise.items}, {c.id for c in exercise.categories}
    return {k: v for k, v in raw.items() if k in items and isinstance(v, str) and v in categories}


def _placed(exercise: Exercise, raw: Any) -> dict[str, str]:
    """Order: whether each item was put in a place its dates allow ("in place") or not ("out of place")."""
    ids = [i.id for i in exercise.items]
    if not isinstance(raw, list) or sorted(map(str, raw)) != sorted(ids):
        return {}
    found = {}
    for place, item_id in enumerate(raw, start=1):
        first, last = exercise.positions(item_id)
        found[item_id] = IN_PLACE if first <= place <= last else OUT_OF_PLACE
    return found


IN_PLACE, OUT_OF_PLACE = "in place", "out of place"

# What each item of a classify or order question counts as (item id → category, or in place / out of place), so a
# teacher sees which item the class got wrong, not only how many wholes were right.
PARTS: dict[Shape, Callable[[Exercise, Any], dict[str, str]]] = {
    "classify": _sorted, "order": _placed, "one": lambda e, r: {}, "many": lambda e, r: {},
    "rating": lambda e, r: {}, "text": lambda e, r: {},
}


def _options(exercise: Exercise) -> list[str]:
    return [o.id for o in exercise.options]


def _points(exercise: Exercise) -> list[str]:
    return [str(n) for n in range(len(exercise.scale))]


# What a question's count table lists, by shape: every option, every point of a scale, or nothing (an order, a
# classification and a written answer are counted by verdict; what was written is listed).
COUNTED: dict[Shape, Callable[[Exercise], list[str]]] = {
    "one": _options, "many": _options, "rating": _points, "classify": lambda e: [], "order": lambda e: [],
    "text": lambda e: [],
}


def _written(exercise: Exercise, raw: Any) -> str:
    """What the student wrote in words: a text answer, a rating's reason, or a line of evidence."""
    if exercise.justify and isinstance(raw, list) and len(raw) == 2 and isinstance(raw[1], str):
        return raw[1].strip()
    shape = KINDS[exercise.type].shape
    if shape == "text" and isinstance(raw, str):
        return raw.strip()
    if shape == "rating" and isinstance(raw, list) and len(raw) == 2 and isinstance(raw[1], str):
        return raw[1].strip()
    return ""


def _verdict(exercise: Exercise, raw: Any) -> str:
    """The verdict worked out again from the answer, never taken from the file (a hand-in can be edited, or come
    from another version): "saved" for a judgement, "unknown" for an answer that does not fit the question."""
    return SAVED if KINDS[exercise.type].judgement else verdict_of(exercise, raw)


@dataclass(frozen=True)
class Question:
    """What the class did with one question."""

    exercise: Exercise
    answered: int
    options: dict[str, int]  # option id (or rating point) → how many chose it
    verdicts: dict[str, int]  # right / partly / wrong / saved … → how many
    written: tuple[str, ...]  # what students wrote, in no particular order of student (shuffled by sorting)
    items: dict[str, dict[str, int]] = field(default_factory=dict)  # classify/order: item id → choice → how many

    def wrong_choices(self) -> list[tuple[str, int]]:
        """The wrong options chosen, most chosen first: where to start the discussion."""
        wrong = {o.id for o in self.exercise.options if not o.correct}
        if KINDS[self.exercise.type].judgement or self.exercise.predict:
            return []
        return sorted(((o, n) for o, n in self.options.items() if o in wrong and n), key=lambda p: (-p[1], p[0]))


@dataclass(frozen=True)
class ClassReport:
    handins: tuple[Handin, ...]
    skipped: tuple[Skipped, ...]
    questions: tuple[Question, ...]
    missing: dict[str, tuple[str, ...]] = field(default_factory=dict)  # student → notebooks with no answers
    check: Gains | None = None  # the before-and-after check, when the course has one

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": CLASS_SCHEMA,
            "students": [{"name": h.student, "file": h.file, "notebooks": list(h.notebooks),
                          "missing": list(self.missing.get(h.student, ()))} for h in self.handins],
            "skipped": [{"file": s.file, "reason": s.reason} for s in self.skipped],
            "exercises": {q.exercise.id: {"notebook": q.exercise.notebook, "type": q.exercise.type,
                                          "answered": q.answered, "options": q.options, "verdicts": q.verdicts,
                                          "written": len(q.written), **({"items": q.items} if q.items else {}),
                                          **({"form": q.exercise.check_form, "skill": q.exercise.skill}
                                             if q.exercise.check_form else {})} for q in self.questions},
            "check": self.check.to_json() if self.check else None,
        }


def summarise(corpus: Corpus, handins: list[Handin], skipped: list[Skipped] | None = None) -> ClassReport:
    """Count, per question of the course, each student's latest answer. A hand-in that answers no question of this
    course is moved to the skipped list; a student's notebooks are the ones their answers belong to."""
    known = {e.id: e for e in corpus.exercises}
    skipped = list(skipped or ())
    kept = []
    for handin in handins:
        if known.keys() & handin.rows.keys():
            kept.append(handin)
        else:
            skipped.append(Skipped(handin.file, "answers no question of this course (another course, or an old version)"))
    questions = []
    for exercise in corpus.exercises:
        options: Counter[str] = Counter()
        verdicts: Counter[str] = Counter()
        written: list[str] = []
        parts: dict[str, Counter[str]] = {item.id: Counter() for item in exercise.items}
        answered = 0
        for handin in kept:
            row = handin.answer(exercise)
            if row is None or "raw" not in row:
                continue
            answered += 1
            raw = row["raw"]
            options.update(CHOICES[KINDS[exercise.type].shape](exercise, _base(exercise, raw)))
            for item_id, choice in PARTS[KINDS[exercise.type].shape](exercise, _base(exercise, raw)).items():
                parts[item_id][choice] += 1
            verdicts[_verdict(exercise, raw)] += 1
            words = _written(exercise, raw)
            if words:
                written.append(words)
        counts = {key: options.get(key, 0) for key in COUNTED[KINDS[exercise.type].shape](exercise)}
        items = {item_id: dict(sorted(c.items())) for item_id, c in parts.items() if c}
        questions.append(Question(exercise, answered, counts, dict(sorted(verdicts.items())), tuple(sorted(written)),
                                  items))
    notebooks = sorted({e.notebook for e in corpus.exercises})
    handed = {h.student: sorted({known[i].notebook for i in h.rows if i in known}) for h in kept}
    kept = [replace(h, notebooks=tuple(handed[h.student])) for h in kept]
    missing = {h.student: tuple(n for n in notebooks if n not in h.notebooks) for h in kept}
    check = gains(corpus.check_forms, corpus.check_items(),
                  {h.student: {i: r["raw"] for i, r in h.first.items() if "raw" in r} for h in kept}) \
        if corpus.check_forms else None
    return ClassReport(tuple(kept), tuple(skipped), tuple(questions), missing, check)
