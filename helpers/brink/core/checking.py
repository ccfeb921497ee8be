"""Checking an answer: pure functions from (exercise, answer) to feedback.

Feedback speaks about the answer and the text, never about the student. Each message says why,
and the feedback ends with one next step. The verdict is always given in words and with an icon,
so it never depends on colour.

Answer shapes (:data:`brink.core.records.KINDS` gives each exercise type its shape):

- one (single, date): an option id (str)
- many (multiple, highlight): a collection of option ids
- classify: a mapping of item id to category id
- order: a sequence of item ids, earliest first
- rating: a pair (point on the 0–4 scale, justification)
- text: the text

Behaviour that varies by shape lives in one registry, :data:`RULES`: how to say what is missing, how to check,
the full-marks answer, the answer in words, whether a saved answer still fits, and how JSON gives it back. The
other layers keep their own registries keyed by the same shapes (printing, controls, keys), and a test checks
that each one covers every shape.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .records import KINDS, Exercise, Shape

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
    problem = rules(exercise).problem(exercise, answer)
    if problem or not exercise.justify:
        return problem
    return _text_problem(reason, "Add one line of evidence from the text first.")


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
    return rules(exercise).check(exercise, answer)


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


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# -- one: a single option or date ------------------------------------------------------------------------------
def _one_problem(exercise: Exercise, answer: Any) -> str | None:
    return None if answer in {o.id for o in exercise.options} else "Choose one of the options first."


def _one_check(exercise: Exercise, answer: str) -> Feedback:
    option = exercise.option(answer)
    return Feedback(RIGHT if option.correct else WRONG, (option.feedback,), option.next)


def _one_fits(exercise: Exercise, answer: Any) -> bool:
    return isinstance(answer, str) and answer in {o.id for o in exercise.options}


# -- many: every option that applies -----------------------------------------------------------------------------
def _many_problem(exercise: Exercise, answer: Any) -> str | None:
    if not answer:
        return "Tick at least one option first."
    return None if set(answer) <= {o.id for o in exercise.options} else "That option is not part of this question."


def _many_fits(exercise: Exercise, answer: Any) -> bool:
    options = {o.id for o in exercise.options}
    return isinstance(answer, (list, set, frozenset)) and all(isinstance(a, str) and a in options for a in answer)


def _many_describe(exercise: Exercise, answer: Any) -> str:
    unknown = set(answer) - {o.id for o in exercise.options}
    if unknown:
        raise KeyError(unknown)
    return "; ".join(o.text for o in exercise.options if o.id in answer)


# -- classify ------------------------------------------------------------------------------------------------------
def _classify_problem(exercise: Exercise, answer: Any) -> str | None:
    answer = answer or {}
    missing = [i for i in exercise.items if not answer.get(i.id)]
    return f"Choose a category for every item first ({len(missing)} still open)." if missing else None


def _classify_fits(exercise: Exercise, answer: Any) -> bool:
    items, categories = {i.id for i in exercise.items}, {c.id for c in exercise.categories}
    return isinstance(answer, dict) and all(k in items and v in categories for k, v in answer.items())


def _classify_describe(exercise: Exercise, answer: Any) -> str:
    labels = {c.id: c.label for c in exercise.categories}
    return "; ".join(f"{i.text} → {labels.get(answer.get(i.id), '—')}" for i in exercise.items)


# -- order -------------------------------------------------------------------------------------------------------
def _order_problem(exercise: Exercise, answer: Any) -> str | None:
    chosen = [a for a in (answer or ()) if a]
    if len(chosen) < len(exercise.items):
        return f"Fill every position first ({len(exercise.items) - len(chosen)} still empty)."
    if len(set(chosen)) != len(chosen):
        return "Each item can be used only once: one of them appears twice."
    return None


def _order_fits(exercise: Exercise, answer: Any) -> bool:
    items = [i.id for i in exercise.items]
    return isinstance(answer, (list, tuple)) and len(answer) == len(items) and all(a is None or a in items for a in answer)


# -- rating ------------------------------------------------------------------------------------------------------
def _rating_problem(exercise: Exercise, answer: Any) -> str | None:
    point, reason = answer if answer else (None, "")
    if point is None:
        return "Choose a point on the scale first."
    return _text_problem(reason, "Add a sentence that says why you chose that point.")


def _rating_check(exercise: Exercise, answer: Any) -> Feedback:
    point, _ = answer
    return Feedback(SAVED, (exercise.rating_feedback[point],), exercise.next)


def _rating_fits(exercise: Exercise, answer: Any) -> bool:
    if not (isinstance(answer, (list, tuple)) and len(answer) == 2 and isinstance(answer[1], (str, type(None)))):
        return False
    point = answer[0]
    return point is None or (_int(point) and 0 <= point < len(exercise.scale))


def _rating_describe(exercise: Exercise, answer: Any) -> str:
    point, reason = answer
    return f"{point} ({exercise.scale[point]}): {reason}"


# -- text --------------------------------------------------------------------------------------------------------
def _text_answer_problem(exercise: Exercise, answer: Any) -> str | None:
    return _text_problem(answer, "Write your answer in the box first; a sentence or two is enough.")


@dataclass(frozen=True)
class Rules:
    """How one answer shape is checked, scored, described, restored and read back from JSON."""

    problem: Callable[[Exercise, Any], str | None]  # why it cannot be checked yet, or None
    check: Callable[[Exercise, Any], Feedback]  # called only when problem() is None
    right: Callable[[Exercise], Any]  # the answer that scores fully (None for open items)
    describe: Callable[[Exercise, Any], str]  # the answer in words
    fits: Callable[[Exercise, Any], bool]  # does a saved answer (JSON shapes) still fit the question?
    from_json: Callable[[Any], Any] = lambda answer: answer  # JSON lists back into sets or pairs


RULES: dict[Shape, Rules] = {
    "one": Rules(_one_problem, _one_check, lambda x: next(o.id for o in x.options if o.correct),
                 lambda x, a: x.option(a).text, _one_fits),
    "many": Rules(_many_problem, lambda x, a: _check_many(x, set(a)),
                  lambda x: frozenset(o.id for o in x.options if o.correct), _many_describe, _many_fits,
                  lambda a: set(a) if isinstance(a, list) else a),
    "classify": Rules(_classify_problem, _check_classify, lambda x: {i.id: i.answer for i in x.items},
                      _classify_describe, _classify_fits),
    "order": Rules(_order_problem, lambda x, a: _check_order(x, list(a)), lambda x: list(x.order),
                   lambda x, a: " → ".join(x.item(i).text for i in a), _order_fits),
    "rating": Rules(_rating_problem, _rating_check, lambda x: x.model_rating, _rating_describe, _rating_fits,
                    lambda a: tuple(a) if isinstance(a, list) else a),
    "text": Rules(_text_answer_problem, lambda x, a: Feedback(SAVED, (), x.next), lambda x: None,
                  lambda x, a: str(a), lambda x, a: isinstance(a, str)),
}


def rules(exercise: Exercise) -> Rules:
    return RULES[KINDS[exercise.type].shape]


def from_json(exercise: Exercise, answer: Any) -> Any:
    """A saved answer, as JSON gives it back (lists for sets and pairs), in the shape the checker expects."""
    convert = rules(exercise).from_json
    if exercise.justify and isinstance(answer, list) and len(answer) == 2:
        return (convert(answer[0]), answer[1])
    return convert(answer)


def fits(exercise: Exercise, answer: Any) -> bool:
    """Whether a saved answer still fits the question as it is now: the right shape, and only ids it has.

    A course update can rename an option or drop an item; an edited file can hold anything. Such an answer is
    kept in the journal but not shown in the controls, so restoring it can never raise."""
    if exercise.justify:
        if not (isinstance(answer, (list, tuple)) and len(answer) == 2 and isinstance(answer[1], str)):
            return False
        answer = answer[0]
    return rules(exercise).fits(exercise, answer)


UNKNOWN = "unknown"  # the verdict of a saved answer that does not fit its question


def verdict_of(exercise: Exercise, saved: Any) -> str:
    """The verdict of an answer as saved in a journal or a hand-in, worked out again, never taken from the file:
    :data:`UNKNOWN` when it does not fit the question (another version, an edited file). Never raises."""
    try:
        return check(exercise, from_json(exercise, saved)).verdict if fits(exercise, saved) else UNKNOWN
    except Exception:  # an odd answer must not stop a report
        return UNKNOWN


def right_answer(exercise: Exercise) -> Any:
    """The answer that scores fully, in the answer shape of the exercise (None for open judgement items)."""
    return rules(exercise).right(exercise)


def describe(exercise: Exercise, answer: Any) -> str:
    """An answer in words, for the journal export and the restored-answer line."""
    if exercise.justify:
        base, reason = split(exercise, answer)
        return f"{_describe(exercise, base)}. Evidence: {reason}"
    return _describe(exercise, answer)


def _describe(exercise: Exercise, answer: Any) -> str:
    try:
        return rules(exercise).describe(exercise, answer)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return f"(an answer this version of the course cannot read: {answer!r})"
