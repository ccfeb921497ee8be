"""Signals that let a student score without reading: where the key sits, and how long it is.

The review of 0.1 (P1) found the right answer first in 18 of 19 choice questions and the longest in 13. The
layout of :func:`brink.core.exercises.lay_out_keys` spreads the keys over the positions; what it cannot do is
make a keyed option the same length as its distractors. These checks say so on every ``brink check``, as
warnings: a teacher's own text can still be used while they rewrite an option.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .problems import Problem
from .records import KINDS, Corpus, Exercise

MOST_SHARE = 0.4  # no more than this share of a notebook's choice questions may have the key first, or longest
WIDE_MARGIN = 1.3  # a keyed option this many times longer than every distractor stands out on its own


def choice(exercise: Exercise) -> bool:
    """A question whose options a student picks from (highlight phrases included)."""
    return bool(exercise.options) and KINDS[exercise.type].shape in ("one", "many")


def key_first(exercise: Exercise) -> bool:
    return exercise.options[0].correct


def key_longest(exercise: Exercise) -> bool:
    """The one longest option is keyed (a tie gives nothing away)."""
    lengths = sorted((len(o.text), o.correct) for o in exercise.options)
    return lengths[-1][1] and (len(lengths) < 2 or lengths[-1][0] > lengths[-2][0])


def stands_out(exercise: Exercise) -> bool:
    """A keyed option much longer than every distractor: careful writing often makes the right answer the
    longest, and students learn to pick it."""
    wrong = [len(o.text) for o in exercise.options if not o.correct]
    return bool(wrong) and any(len(o.text) >= WIDE_MARGIN * max(wrong) for o in exercise.options if o.correct)


@dataclass(frozen=True)
class Skew:
    """How often a notebook's keys sit first, and how often they are the longest option (a form of the
    before-and-after check counts as a set of its own)."""

    notebook: str
    file: str
    questions: int
    first: int
    longest: int

    @property
    def limit(self) -> int:
        return int(MOST_SHARE * self.questions)


def skews(exercises: list[Exercise] | tuple[Exercise, ...]) -> list[Skew]:
    by_set: dict[tuple[str, str], list[Exercise]] = defaultdict(list)
    for x in exercises:
        if choice(x):
            by_set[(x.notebook, x.file)].append(x)
    return [Skew(notebook, file, len(xs), sum(map(key_first, xs)), sum(map(key_longest, xs)))
            for (notebook, file), xs in sorted(by_set.items())]


def warnings(corpus: Corpus) -> list[Problem]:
    """Every give-away signal in a corpus's exercises, worded as what to rewrite."""
    found = []
    for x in corpus.exercises:
        if choice(x) and stands_out(x):
            found.append(Problem(x.file, x.id, "option",
                                 f"the keyed option is at least {WIDE_MARGIN:g} times as long as every other option",
                                 "shorten it, or make the other options as specific"))
    for skew in skews(corpus.exercises):
        file = skew.file
        if skew.first > skew.limit:
            found.append(Problem(file, None, "option", f"the key is the first option in {skew.first} of "
                                 f"{skew.questions} choice questions",
                                 f"keep it first in at most {skew.limit}: a highlight keeps the paragraph's order, "
                                 "so start it with a distractor, or add a choice question"))
        if skew.longest > skew.limit:
            found.append(Problem(file, None, "option", f"the key is the longest option in {skew.longest} of "
                                 f"{skew.questions} choice questions",
                                 f"keep it longest in at most {skew.limit}: lengthen a distractor or shorten the key"))
    return found
