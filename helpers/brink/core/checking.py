"""Checking an answer: pure functions from (exercise, answer) to feedback.

Feedback speaks about the answer and the text, never about the student. Each message says why,
and the feedback ends with one next step. The verdict is always given in words and with an icon,
so it never depends on colour.

Answer shapes, by exercise type:

- single, date: an option id (str)
- multiple, highlight: a collection of option ids
- classify: a mapping of item id to category id
- order: a sequence of item ids, earliest first
- rating: a pair (point on the 0–4 scale, justification)
- text: the text
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .records import Exercise

MAX_TEXT = 10_000  # characters in one written answer; documented in docs/exercises.md

RIGHT, PARTLY, WRONG, INCOMPLETE, SAVED = "right", "partly", "wrong", "incomplete", "saved"
HEADLINES = {
    RIGHT: ("✔", "Right"),
    PARTLY: ("◐", "Partly right"),
    WRONG: ("✘", "Not this time"),
    INCOMPLETE: ("…", "Not checked yet"),
    SAVED: ("✎", "Answer saved"),
}


@dataclass(frozen=True)
class Feedback:
    verdict: str  # right | partly | wrong | incomplete | saved
    messages: tuple[str, ...]  # one line per option or item that needs comment
    next: str = ""  # one next step
    score: tuple[int, int] | None = None  # (right, out of), where it makes sense

    @property
    def icon(self) -> str:
        return HEADLINES[self.verdict][0]

    @property
    def headline(self) -> str:
        return HEADLINES[self.verdict][1]

    @property
    def complete(self) -> bool:
        """False when the answer could not be checked (nothing chosen, or an item left out)."""
        return self.verdict != INCOMPLETE


def _incomplete(message: str) -> Feedback:
    return Feedback(INCOMPLETE, (message,))


def split(exercise: Exercise, answer: Any) -> tuple[Any, str]:
    """An exercise with ``justify`` takes (answer, evidence line); return both parts for any exercise."""
    if not exercise.justify:
        return answer, ""
    if isinstance(answer, (tuple, list)) and len(answer) == 2:
        return answer[0], answer[1] or ""
    return None, ""


def problem_with(exercise: Exercise, answer: Any) -> str | None:
    """Why an answer cannot be saved or checked yet, in a gentle sentence; None when it can."""
    answer, reason = split(exercise, answer)
    problem = _problem(exercise, answer)
    if problem or not exercise.justify:
        return problem
    return _text_problem(reason, "Add one line of evidence from the text first.")


def _problem(exercise: Exercise, answer: Any) -> str | None:
    kind = exercise.type
    if kind in ("single", "date"):
        return None if answer in {o.id for o in exercise.options} else "Choose one of the options first."
    if kind in ("multiple", "highlight"):
        if not answer:
            return "Tick at least one option first."
        return None if set(answer) <= {o.id for o in exercise.options} else "That option is not part of this question."
    if kind == "classify":
        answer = answer or {}
        missing = [i for i in exercise.items if not answer.get(i.id)]
        return f"Choose a category for every item first ({len(missing)} still open)." if missing else None
    if kind == "order":
        chosen = [a for a in (answer or ()) if a]
        if len(chosen) < len(exercise.items):
            return f"Fill every position first ({len(exercise.items) - len(chosen)} still empty)."
        if len(set(chosen)) != len(chosen):
            return "Each item can be used only once: one of them appears twice."
        return None
    if kind == "rating":
        point, reason = answer if answer else (None, "")
        if point is None:
            return "Choose a point on the scale first."
        return _text_problem(reason, "Add a sentence that says why you chose that point.")
    if kind == "text":
        return _text_problem(answer, "Write your answer in the box first; a sentence or two is enough.")
    raise ValueError(f"unknown exercise type {kind!r}")


def _text_problem(text: str | None, empty: str) -> str | None:
    if not text or not text.strip():
        return empty
    if len(text) > MAX_TEXT:
        return (f"This answer is {len(text):,} characters long; the limit is {MAX_TEXT:,}. Shorten it, or keep the "
                "full version in a file of your own. Nothing has been deleted from the box.")
    return None


def check(exercise: Exercise, answer: Any) -> Feedback:
    """Feedback on one answer. Judgement items (rating, text) are saved, not marked."""
    problem = problem_with(exercise, answer)
    if problem:
        return _incomplete(problem)
    answer, _ = split(exercise, answer)
    kind = exercise.type
    if kind in ("single", "date"):
        option = exercise.option(answer)
        return Feedback(RIGHT if option.correct else WRONG, (option.feedback,), option.next)
    if kind in ("multiple", "highlight"):
        return _check_many(exercise, set(answer))
    if kind == "classify":
        return _check_classify(exercise, answer)
    if kind == "order":
        return _check_order(exercise, list(answer))
    if kind == "rating":
        point, _ = answer
        return Feedback(SAVED, (exercise.rating_feedback[point],), exercise.next)
    return Feedback(SAVED, (), exercise.next)


def _check_many(exercise: Exercise, chosen: set[str]) -> Feedback:
    messages, steps, hits = [], [], 0
    for option in exercise.options:
        picked = option.id in chosen
        if picked and option.correct:
            hits += 1
            messages.append(f"✔ “{option.text}”: {option.feedback}")
        elif picked:
            messages.append(f"✘ “{option.text}”: {option.feedback}")
            steps.append(option.next)
        elif option.correct:
            messages.append(f"○ Not chosen, but it belongs: “{option.text}”. {option.feedback}")
            steps.append(option.next)
        else:
            hits += 1
    total = len(exercise.options)
    verdict = RIGHT if hits == total else PARTLY if any(o.correct and o.id in chosen for o in exercise.options) else WRONG
    next_step = steps[0] if steps else next(o.next for o in exercise.options if o.correct)
    return Feedback(verdict, tuple(messages), next_step, (hits, total))


def _check_classify(exercise: Exercise, answer: Mapping[str, str]) -> Feedback:
    labels = {c.id: c.label for c in exercise.categories}
    messages, steps, hits = [], [], 0
    for item in exercise.items:
        chosen = answer[item.id]
        if chosen == item.answer:
            hits += 1
            messages.append(f"✔ “{item.text}”: {labels[item.answer]}. {item.feedback}")
        else:
            why = dict(item.misconceptions).get(chosen, "")
            messages.append(f"✘ “{item.text}”: not {labels.get(chosen, chosen)} but {labels[item.answer]}. "
                            + (f"{why} " if why else "") + item.feedback)
            steps.append(item.next)
    total = len(exercise.items)
    verdict = RIGHT if hits == total else PARTLY if hits else WRONG
    return Feedback(verdict, tuple(messages), steps[0] if steps else exercise.items[0].next, (hits, total))


def _check_order(exercise: Exercise, answer: Sequence[str]) -> Feedback:
    """An item is in the right place when nothing placed before it certainly came after it, and nothing placed
    after it certainly came before; items whose dates overlap may be placed either way round."""
    messages, steps, hits = [], [], 0
    placed = [exercise.item(item_id) for item_id in answer]
    for position, item in enumerate(placed, start=1):
        earlier, later = placed[:position - 1], placed[position:]
        if not any(item.precedes(o) for o in earlier) and not any(o.precedes(item) for o in later):
            hits += 1
            messages.append(f"✔ {position}. “{item.text}”: in the right place. {item.feedback}")
        else:
            first, last = exercise.positions(item.id)
            where = f"position {first}" if first == last else f"positions {first} to {last}"
            messages.append(f"✘ {position}. “{item.text}” belongs in {where}. {item.feedback}")
            steps.append(item.next)
    total = len(answer)
    verdict = RIGHT if hits == total else PARTLY if hits else WRONG
    return Feedback(verdict, tuple(messages), steps[0] if steps else exercise.items[0].next, (hits, total))


def from_json(exercise: Exercise, answer: Any) -> Any:
    """A saved answer, as JSON gives it back (lists for sets and pairs), in the shape the checker expects."""
    if exercise.justify and isinstance(answer, list) and len(answer) == 2:
        return (_from_json(exercise.type, answer[0]), answer[1])
    return _from_json(exercise.type, answer)


def _from_json(kind: str, answer: Any) -> Any:
    if kind in ("multiple", "highlight") and isinstance(answer, list):
        return set(answer)
    if kind == "rating" and isinstance(answer, list):
        return tuple(answer)
    return answer


def fits(exercise: Exercise, answer: Any) -> bool:
    """Whether a saved answer still fits the question as it is now: the right shape, and only ids it has.

    A course update can rename an option or drop an item; an edited file can hold anything. Such an answer is
    kept in the journal but not shown in the controls, so restoring it can never raise."""
    if exercise.justify:
        if not (isinstance(answer, (list, tuple)) and len(answer) == 2 and isinstance(answer[1], str)):
            return False
        answer = answer[0]
    options = {o.id for o in exercise.options}
    kind = exercise.type
    if kind in ("single", "date"):
        return isinstance(answer, str) and answer in options
    if kind in ("multiple", "highlight"):
        return isinstance(answer, (list, set, frozenset)) and all(isinstance(a, str) and a in options for a in answer)
    if kind == "classify":
        items, categories = {i.id for i in exercise.items}, {c.id for c in exercise.categories}
        return isinstance(answer, dict) and all(k in items and v in categories for k, v in answer.items())
    if kind == "order":
        items = [i.id for i in exercise.items]
        return (isinstance(answer, (list, tuple)) and len(answer) == len(items)
                and all(a is None or a in items for a in answer))
    if kind == "rating":
        if not (isinstance(answer, (list, tuple)) and len(answer) == 2 and isinstance(answer[1], (str, type(None)))):
            return False
        point = answer[0]
        return point is None or (isinstance(point, int) and not isinstance(point, bool) and 0 <= point < len(exercise.scale))
    if kind == "text":
        return isinstance(answer, str)
    return False


def right_answer(exercise: Exercise) -> Any:
    """The answer that scores fully, in the answer shape of the exercise (None for open judgement items)."""
    kind = exercise.type
    if kind in ("single", "date"):
        return next(o.id for o in exercise.options if o.correct)
    if kind in ("multiple", "highlight"):
        return frozenset(o.id for o in exercise.options if o.correct)
    if kind == "classify":
        return {i.id: i.answer for i in exercise.items}
    if kind == "order":
        return list(exercise.order)
    if kind == "rating":
        return exercise.model_rating
    return None


def describe(exercise: Exercise, answer: Any) -> str:
    """An answer in words, for the journal export and the restored-answer line."""
    if exercise.justify:
        base, reason = split(exercise, answer)
        return f"{_describe(exercise, base)}. Evidence: {reason}"
    return _describe(exercise, answer)


def _describe(exercise: Exercise, answer: Any) -> str:
    kind = exercise.type
    try:
        if kind in ("single", "date"):
            return exercise.option(answer).text
        if kind in ("multiple", "highlight"):
            chosen: Collection[str] = answer
            unknown = set(chosen) - {o.id for o in exercise.options}
            if unknown:
                raise KeyError(unknown)
            return "; ".join(o.text for o in exercise.options if o.id in chosen)
        if kind == "classify":
            labels = {c.id: c.label for c in exercise.categories}
            return "; ".join(f"{i.text} → {labels.get(answer.get(i.id), '—')}" for i in exercise.items)
        if kind == "order":
            return " → ".join(exercise.item(a).text for a in answer)
        if kind == "rating":
            point, reason = answer
            return f"{point} ({exercise.scale[point]}): {reason}"
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return f"(an answer this version of the course cannot read: {answer!r})"
    return str(answer)
