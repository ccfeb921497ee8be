"""The before-and-after check (issue 19): the course's skills, asked on two invented posts, and what a class gained.

``data/check.toml`` holds two forms, one asked before the course (notebook 00) and one after it (the capstone). Each
form is a short news post written for the check, so nothing in it can be looked up, and a few items, each marked
with the skill it measures. Items are ordinary exercises, read by :func:`brink.core.exercises.read_exercise` with
their evidence found in their own post, and committed once like a prediction, so a student's first answer is their
score. The n-th item of a skill in form A and the n-th of the same skill in form B make a pair; the gain per skill
counts only pairs a student answered both halves of, so a student who missed one lesson does not move the figures.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from .checking import UNKNOWN, verdict_of
from .exercises import lay_out_keys, read_exercise
from .fields import DataReader, Entry, id_problem
from .problems import Problem
from .records import SKILLS, WHEN, CheckForm, Exercise, Skill

CHECK_FILE = "check.toml"
# Types with one right answer that need nothing of the article (a date question needs one of its time
# expressions, an order question its events, a highlight one of its paragraphs).
CHECK_TYPES = ("single", "multiple", "classify")
FORM_ID = re.compile(r"^[A-Z]$")


def read_check(reader: DataReader, taken: set[str]) -> tuple[tuple[CheckForm, ...], tuple[Exercise, ...]]:
    """The forms and items of ``check.toml`` (none when the file is absent); problems go to ``reader.problems``.
    ``taken``: the ids of the course's other exercises, which an item may not reuse."""
    if not (reader.folder / CHECK_FILE).exists():
        return (), ()
    forms = {f.id: f for e in reader.entries(CHECK_FILE, "form", also=("item",)) if (f := _form(e))}
    items: list[Exercise] = []
    for e in reader.entries(CHECK_FILE, "item", also=("form",)):
        form_id = e.text("form", choices=sorted(forms) or None)
        skill = e.text("skill", choices=tuple(SKILLS))
        form = forms.get(form_id or "")
        on_post = reader.on_text(form.paragraphs, (f"the post of form {form.id}", f"form {form.id}'s paragraphs")) \
            if form else reader.on_text((), ("the post", "the form's paragraphs"))
        item = read_exercise(on_post, e, form.notebook if form else "", {}, {}, types=CHECK_TYPES, committed=True)
        if item is not None and form is not None and skill is not None:
            items.append(replace(item, check_form=form.id, skill=skill))
    _unique(reader.problems, items, taken)
    reader.problems.extend(_parallel(tuple(forms.values()), items))
    return tuple(forms.values()), tuple(lay_out_keys(items))


def _form(e: Entry) -> CheckForm | None:
    record = dict(id=e.text("id"), when=e.text("when", choices=WHEN), notebook=e.text("notebook"),
                  title=e.text("title"), published=e.date("published"), time=e.text("time"), note=e.text("note"),
                  paragraphs=e.texts("paragraphs"))
    if record["id"] is not None and not FORM_ID.match(record["id"]):
        e.problem("id", f"{record['id']!r} is not a form name", 'name a form by one capital letter: id = "A"')
    e.finish()
    return CheckForm(**record) if e.ok else None


def _unique(problems: list[Problem], items: list[Exercise], taken: set[str]) -> None:
    seen = set(taken)
    for item in items:
        if (problem := id_problem(CHECK_FILE, item.id)) is not None:
            problems.append(problem)
        if item.id in seen:
            problems.append(Problem(CHECK_FILE, item.id, "id", "this id is already used by another question",
                                    "give each item its own id, e.g. check-a-hedge"))
        seen.add(item.id)


def _parallel(forms: tuple[CheckForm, ...], items: list[Exercise]) -> list[Problem]:
    """Two forms, one before and one after, asking the same skills the same number of times: else no pairs."""
    if not forms:
        return [Problem(CHECK_FILE, None, "form", "no [[form]] entries found",
                        "write one form asked before the course and one asked after it, or remove check.toml")]
    when = sorted(f.when for f in forms)
    if when != ["after", "before"]:
        return [Problem(CHECK_FILE, None, "when", f"the forms are asked {', '.join(when)}",
                        'write exactly two forms, one with when = "before" and one with when = "after"')]
    counts = {f.id: sorted(i.skill or "" for i in items if i.check_form == f.id) for f in forms}
    before, after = (next(f for f in forms if f.when == w) for w in ("before", "after"))
    if counts[before.id] != counts[after.id]:
        return [Problem(CHECK_FILE, None, "skill",
                        f"form {before.id} asks {_tally(counts[before.id])} but form {after.id} asks "
                        f"{_tally(counts[after.id])}",
                        "give both forms the same number of items for each skill, so each item has a partner")]
    return []


def _tally(skills: list[str]) -> str:
    return ", ".join(f"{skills.count(s)} {s}" for s in dict.fromkeys(skills)) or "no items"


def form_for(forms: tuple[CheckForm, ...], when: str) -> CheckForm | None:
    return next((f for f in forms if f.when == when), None)


def pairs(forms: tuple[CheckForm, ...], items: tuple[Exercise, ...]) -> list[tuple[Exercise, Exercise]]:
    """(before item, after item) for each skill, the n-th of a skill in one form with the n-th in the other."""
    before, after = form_for(forms, "before"), form_for(forms, "after")
    if before is None or after is None:
        return []
    found = []
    for skill in SKILLS:
        mine = [[i for i in items if i.check_form == f.id and i.skill == skill] for f in (before, after)]
        found += list(zip(*mine, strict=False))
    return found


def right(item: Exercise, raw: Any) -> bool | None:
    """Whether a saved answer is right; None when it does not fit the item (never counted either way)."""
    verdict = verdict_of(item, raw)
    return None if verdict == UNKNOWN else verdict == "right"


@dataclass(frozen=True)
class SkillGain:
    """One skill across the class: right answers before and after, over the pairs students answered both halves of."""

    skill: Skill
    pairs: int  # answered pairs (a student and an item pair)
    before: int  # right before
    after: int  # right after

    @property
    def label(self) -> str:
        return SKILLS[self.skill]

    @property
    def gain(self) -> float | None:
        """The change in the share right, in percentage points."""
        return None if not self.pairs else round(100 * (self.after - self.before) / self.pairs, 1)


@dataclass(frozen=True)
class Gains:
    students: int  # students with at least one answered pair
    before_only: int  # answered form A but no pair (they have not done form B yet)
    after_only: int
    skills: tuple[SkillGain, ...]

    def to_json(self) -> dict[str, Any]:
        return {"students": self.students, "before_only": self.before_only, "after_only": self.after_only,
                "skills": {g.skill: {"pairs": g.pairs, "before": g.before, "after": g.after, "gain": g.gain}
                           for g in self.skills}}


def gains(forms: tuple[CheckForm, ...], items: tuple[Exercise, ...],
          answers: Mapping[str, Mapping[str, Any]]) -> Gains:
    """The class's gain per skill from each student's first committed answers (``answers``: student → item id →
    the answer as saved). A pair counts only when the student's answers to both halves fit their items."""
    matched = pairs(forms, items)
    tally = {skill: [0, 0, 0] for skill in SKILLS if any(a.skill == skill for a, _ in matched)}
    students = before_only = after_only = 0
    for saved in answers.values():
        scored = 0
        for first, second in matched:
            if first.id in saved and second.id in saved:
                marks = right(first, saved[first.id]), right(second, saved[second.id])
                if None in marks:
                    continue
                counts = tally[first.skill]
                counts[0] += 1
                counts[1] += marks[0]
                counts[2] += marks[1]
                scored += 1
        if scored:
            students += 1
        elif any(first.id in saved for first, _ in matched):
            before_only += 1
        elif any(second.id in saved for _, second in matched):
            after_only += 1
    return Gains(students, before_only, after_only,
                 tuple(SkillGain(skill, *counts) for skill, counts in tally.items()))
