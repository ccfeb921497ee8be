"""Reading and checking the exercise files: ``data/exercises/<notebook>.toml``.

An exercise is data like everything else: its prompt, its options with their feedback, and the
words in the text that decide it. The rules here make sure every option has feedback and a next
step, every answer can be derived or is marked, and every piece of evidence is in the text.
Where the annotations already settle an answer (a date, an order of events), the answer is taken
from them, so an exercise can never disagree with the data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from .fields import DataReader, Entry, id_problem
from .problems import Problem
from .records import (
    CANT_TELL,
    EXERCISE_TYPES,
    FACTS,
    KINDS,
    Category,
    Event,
    Exercise,
    Item,
    Option,
    TimeExpression,
)

EXERCISE_DIR = "exercises"
RATING_POINTS = 5  # a 0–4 scale


def date_label(value: dt.date) -> str:
    """How a date option reads: "Wednesday 26 January 2022"."""
    return f"{value:%A} {value.day} {value:%B %Y}"


CANT_TELL_LABEL = "Can't tell from the text"


def read_exercises(reader: DataReader, expressions: dict[str, TimeExpression], events: dict[str, Event]) -> list[Exercise]:
    """Every exercise in ``<folder>/exercises/*.toml``; problems go to ``reader.problems``."""
    folder = reader.folder / EXERCISE_DIR
    if not folder.is_dir():
        return []
    found: list[Exercise] = []
    for path in sorted(folder.glob("*.toml")):
        name = f"{EXERCISE_DIR}/{path.name}"
        for entry in reader.entries(name, "exercise"):
            exercise = read_exercise(reader, entry, path.stem, expressions, events)
            if exercise:
                found.append(exercise)
    seen: set[str] = set()
    for exercise in found:
        if (problem := id_problem(f"{EXERCISE_DIR}/{exercise.notebook}.toml", exercise.id)) is not None:
            reader.problems.append(problem)
        if exercise.id in seen:
            reader.problems.append(Problem(f"{EXERCISE_DIR}/{exercise.notebook}.toml", exercise.id, "id",
                                           "this exercise id is used twice", "give each exercise its own id"))
        seen.add(exercise.id)
    return lay_out_keys(found)


def _tables(e: Entry, key: str) -> list[dict[str, Any]]:
    value = e.raw(key, required=False)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
        e.problem(key, f"expected [[exercise.{key}]] tables", f"write each one under an [[exercise.{key}]] header")
        return []
    return value


def _sub(e: Entry, key: str, number: int, table: dict[str, Any]) -> Entry:
    label = table.get("id") if isinstance(table.get("id"), str) else str(number)
    return Entry(e.file, f"{e.label} {key} {label}", table, e.problems)


def read_exercise(reader: DataReader, e: Entry, notebook: str, expressions: dict[str, TimeExpression],
                  events: dict[str, Event], *, types: tuple[str, ...] = EXERCISE_TYPES,
                  committed: bool = False) -> Exercise | None:
    """One exercise table. ``committed``: an item of the before-and-after check, answered once and committed like a
    prediction; it asks nothing about the text (its evidence is in its own post), so no view can give it away."""
    kind = e.text("type", choices=types)
    about = KINDS.get(kind) if kind else None
    record: dict[str, Any] = dict(
        id=e.text("id"), notebook=notebook, type=kind, prompt=e.text("prompt"), explanation=e.text("explanation"),
        title=e.text("title", required=False, default=""),
        predict=committed or e.boolean("predict", required=False),
        evidence=reader.spans(e, "evidence"),
        paragraph=e.integer("paragraph", required=bool(about and about.lettered)),
        asks=() if committed else _asks(e),
    )
    count = len(reader.paragraphs)
    if record["paragraph"] is not None and not 1 <= record["paragraph"] <= count:
        e.problem("paragraph", f"paragraph {record['paragraph']} does not exist", f"use a number from 1 to {count}")
    if about is not None:
        record.update(READERS[kind](reader, e, record, Context(expressions, events)))
        if about.judgement:
            record["rubric"] = e.texts("rubric", required=False)
            record["claim"] = e.text("claim", required=False, default="")
        else:
            record["justify"] = e.text("justify", required=False, default="")
        if about.judgement or record["predict"]:
            record["next"] = e.text("next")
    e.finish()
    return Exercise(**record) if e.ok else None


def _asks(e: Entry) -> tuple[str, ...] | None:
    """``asks = ["speaker"]``: what the question asks, so no view that shows it may come above it."""
    if e.raw("asks", required=False) is None:
        return None
    asks = e.texts("asks", allow_empty=True)
    for fact in asks:
        if fact not in FACTS:
            e.problem("asks", f"{fact!r} is not something a question can ask", "use one of: " + ", ".join(FACTS))
    return asks


@dataclass(frozen=True)
class Context:
    """The annotations an exercise's answer may be derived from."""

    expressions: dict[str, TimeExpression]
    events: dict[str, Event]


def stable_order(exercise_id: str | None, options: tuple[Option, ...]) -> tuple[Option, ...]:
    """Options in an order fixed by the exercise and option ids alone, so the same on every run and in every
    rendering (widget, printed question, handout, answer key)."""
    def rank(option: Option) -> str:
        return hashlib.sha256(f"{exercise_id}/{option.id}".encode()).hexdigest()

    return tuple(sorted(options, key=rank))


# Where the first keyed option goes, question after question within a notebook (review P1: the right answer
# was first in 18 of 19 questions). A cycle spreads the keys over every position the way item writers balance
# a test; starting it at the second place keeps "first" the rarest position in a short notebook.
KEY_CYCLE = (1, 2, 3, 0)


def shuffled(exercise: Exercise) -> bool:
    """Whether an exercise's options are laid out by :func:`lay_out_keys` (a highlight keeps the paragraph's order)."""
    about = KINDS[exercise.type]
    return bool(exercise.options) and about.shape in ("one", "many") and not about.lettered


def lay_out_keys(exercises: list[Exercise]) -> list[Exercise]:
    """Each notebook's choice questions (and each form of the check) with their keys spread over the positions (see :data:`KEY_CYCLE`).

    Distractors keep their :func:`stable_order`; one keyed option is placed at the question's turn in the cycle
    (the others of a multiple-choice question follow it in stable order). Turns go by a hash of the exercise id,
    so adding a question moves few keys and the layout never depends on the order of the file.
    """
    turns: dict[str, int] = {}
    for group in {(x.notebook, x.check_form) for x in exercises}:  # a form of the check is a set of its own
        mine = sorted((x for x in exercises if (x.notebook, x.check_form) == group and shuffled(x)),
                      key=lambda x: hashlib.sha256(x.id.encode()).hexdigest())
        turns.update({x.id: KEY_CYCLE[n % len(KEY_CYCLE)] for n, x in enumerate(mine)})
    laid = []
    for x in exercises:
        if shuffled(x):  # (ids may repeat in a file with problems; each question is laid out on its own)
            ordered = stable_order(x.id, x.options)
            keys = [o for o in ordered if o.correct]
            rest = [o for o in ordered if o is not keys[0]]
            place = turns[x.id] % len(x.options)
            x = replace(x, options=(*rest[:place], keys[0], *rest[place:]))
        laid.append(x)
    return laid


def _read_choice(reader: DataReader, e: Entry, record: dict[str, Any], _: Context) -> dict[str, Any]:
    return {"options": _options(reader, e, record["type"], record["paragraph"])}


def _read_date(reader: DataReader, e: Entry, record: dict[str, Any], context: Context) -> dict[str, Any]:
    expression = e.text("time_expression")
    options = _date_options(e, context.expressions.get(expression or ""))
    return {"time_expression": expression, "options": options}


def _read_classify(reader: DataReader, e: Entry, record: dict[str, Any], _: Context) -> dict[str, Any]:
    categories = _categories(e)
    return {"categories": categories, "items": _classify_items(reader, e, {c.id for c in categories})}


def _read_order(reader: DataReader, e: Entry, record: dict[str, Any], context: Context) -> dict[str, Any]:
    items, order = _order_items(reader, e, context.events)
    return {"items": items, "order": order}


# What each type reads beyond the fields every exercise has: the one registry for reading exercise files.
READERS: dict[str, Callable[[DataReader, Entry, dict[str, Any], Context], dict[str, Any]]] = {
    "single": _read_choice,
    "multiple": _read_choice,
    "highlight": _read_choice,
    "date": _read_date,
    "classify": _read_classify,
    "order": _read_order,
    "rating": lambda reader, e, record, context: _rating(e),
    "text": lambda reader, e, record, context: {},
}


def _options(reader: DataReader, e: Entry, kind: str, paragraph: int | None) -> tuple[Option, ...]:
    options = []
    for number, table in enumerate(_tables(e, "option"), start=1):
        o = _sub(e, "option", number, table)
        text = o.text("text")
        span = reader.span(o, "text", text, paragraph) if KINDS[kind].lettered else None
        record = dict(id=o.text("id"), text=text, correct=o.boolean("correct"), feedback=o.text("feedback"),
                      next=o.text("next"), span=span)
        o.finish()
        if o.ok:
            options.append(Option(**record))
        else:
            e.ok = False
    _check_choices(e, kind, options)
    return tuple(options)


def _check_choices(e: Entry, kind: str, options: list[Option]) -> None:
    if not e.ok:
        return
    if len(options) < 2:
        e.problem("option", "a choice needs at least two options", "add [[exercise.option]] tables")
        return
    ids = [o.id for o in options]
    if len(set(ids)) != len(ids):
        e.problem("option", "two options share an id", "give each option its own id")
    right = sum(o.correct for o in options)
    shape = KINDS[kind].shape
    if shape == "one" and right != 1:
        e.problem("option", f"a single-choice question needs exactly one right option, found {right}",
                  "set correct = true on exactly one option")
    elif shape == "many" and right < 1:
        e.problem("option", "no option is marked right", "set correct = true on each right option")


def _date_options(e: Entry, expression: TimeExpression | None) -> tuple[Option, ...]:
    """Date options: the right one follows from the annotated time expression, never from the exercise."""
    if e.ok and expression is None:
        e.problem("time_expression", "unknown time expression id", "use an id from time_expressions.toml")
        return ()
    options = []
    for number, table in enumerate(_tables(e, "option"), start=1):
        o = _sub(e, "option", number, table)
        option_id = o.text("id")
        value = None if option_id == CANT_TELL else o.date("date")
        record = dict(id=option_id, feedback=o.text("feedback"), next=o.text("next"), value=value)
        o.finish()
        if not o.ok or expression is None:
            e.ok = False
            continue
        if option_id == CANT_TELL:
            correct, text = expression.precision != "day", CANT_TELL_LABEL
        else:
            correct, text = expression.precision == "day" and value == expression.earliest, date_label(value)
        options.append(Option(text=text, correct=correct, **record))
    if e.ok and CANT_TELL not in {o.id for o in options}:
        e.problem("option", f'there is no "{CANT_TELL}" option', f'add an option with id = "{CANT_TELL}" and its feedback')
    _check_choices(e, "date", options)
    return tuple(options)


def _categories(e: Entry) -> tuple[Category, ...]:
    categories = []
    for number, table in enumerate(_tables(e, "category"), start=1):
        c = _sub(e, "category", number, table)
        record = dict(id=c.text("id"), label=c.text("label"))
        if record["label"] and not record["label"][0].isalnum():
            c.problem("label", "it starts with a symbol, so a keyboard user cannot choose it by typing its first letter",
                      "start it with a word and put the symbol after it")
        c.finish()
        if c.ok:
            categories.append(Category(**record))
        else:
            e.ok = False
    if e.ok and len(categories) < 2:
        e.problem("category", "classifying needs at least two categories", "add [[exercise.category]] tables")
    return tuple(categories)


def _item(reader: DataReader, o: Entry) -> dict[str, Any]:
    text = o.text("text")
    quote = o.boolean("quote", required=False)
    span = reader.span(o, "text", text, o.integer("paragraph", required=False)) if quote else None
    return dict(id=o.text("id"), text=text, feedback=o.text("feedback"), next=o.text("next"), span=span)


def _classify_items(reader: DataReader, e: Entry, categories: set[str]) -> tuple[Item, ...]:
    items = []
    for number, table in enumerate(_tables(e, "item"), start=1):
        o = _sub(e, "item", number, table)
        record = _item(reader, o)
        answer = o.text("answer")
        if answer and categories and answer not in categories:
            o.problem("answer", f"{answer!r} is not a category of this exercise", "use one of: " + ", ".join(sorted(categories)))
        wrong = o.raw("misconceptions", required=False) or {}
        if not isinstance(wrong, dict) or not all(isinstance(v, str) and v.strip() for v in wrong.values()):
            o.problem("misconceptions", "expected a table of category = \"what that choice shows\"",
                      'write misconceptions = {paraphrase = "…"}')
            wrong = {}
        for category in wrong:
            if categories and category not in categories:
                o.problem("misconceptions", f"{category!r} is not a category of this exercise", "use a category id")
        o.finish()
        if o.ok:
            items.append(Item(answer=answer, misconceptions=tuple(sorted(wrong.items())), **record))
        else:
            e.ok = False
    if e.ok and not items:
        e.problem("item", "there is nothing to classify", "add [[exercise.item]] tables")
    return tuple(items)


def _order_items(reader: DataReader, e: Entry, events: dict[str, Event]) -> tuple[tuple[Item, ...], tuple[str, ...]]:
    items = []
    for number, table in enumerate(_tables(e, "item"), start=1):
        o = _sub(e, "item", number, table)
        record = _item(reader, o)
        event = o.text("event", required=False)
        if event is not None and event not in events:
            o.problem("event", f"unknown event id {event!r}", "use an id from events.toml")
        o.finish()
        if o.ok:
            items.append(Item(event=event, **record))
        else:
            e.ok = False
    given = e.texts("order", required=False)
    if not e.ok:
        return tuple(items), given
    if len(items) < 3:
        e.problem("item", "ordering needs at least three items", "add [[exercise.item]] tables")
        return tuple(items), given
    if all(i.event for i in items):
        # Each item spans the days its event may have happened; where two spans overlap, either order is right.
        items = [replace(i, when=(events[i.event].date, events[i.event].end_date or events[i.event].date)) for i in items]
        derived = tuple(i.id for i in sorted(items, key=lambda i: i.when))
        if given and tuple(given) != derived:
            e.problem("order", "the order given disagrees with the events' dates", f"remove it, or write {list(derived)}")
        _check_shuffled(e, items, derived)
        return tuple(items), derived
    if sorted(given) != sorted(i.id for i in items):
        e.problem("order", "items without an event need an explicit order listing every item id once",
                  "write order = [\"first-id\", \"second-id\", …]")
    else:
        items = [replace(i, when=(given.index(i.id), given.index(i.id))) for i in items]
        _check_shuffled(e, items, given)
    return tuple(items), given


def _check_shuffled(e: Entry, items: list[Item], order: tuple[str, ...]) -> None:
    """Items listed in the right order would give the answer away on paper."""
    if tuple(i.id for i in items) == tuple(order):
        e.problem("item", "the items are listed in the right order, so the printed question gives the answer away",
                  "list the [[exercise.item]] tables in a different order")


def _rating(e: Entry) -> dict[str, Any]:
    scale = e.texts("scale")
    feedback = e.texts("rating_feedback")
    model = e.integer("model_rating")
    if e.ok and len(scale) != RATING_POINTS:
        e.problem("scale", f"the scale needs {RATING_POINTS} labels (0 to 4), found {len(scale)}", "give one label per point")
    if e.ok and len(feedback) != RATING_POINTS:
        e.problem("rating_feedback", f"give feedback for each of the {RATING_POINTS} points, found {len(feedback)}",
                  "write one sentence per point, 0 first")
    if model is not None and not 0 <= model < RATING_POINTS:
        e.problem("model_rating", f"{model} is off the 0–4 scale", "choose a whole number from 0 to 4")
    return dict(scale=scale, rating_feedback=feedback, model_rating=model)

