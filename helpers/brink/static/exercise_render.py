"""Exercises and feedback as HTML and text: the static twin of every question, and what Check shows.

The static twin is what a printed handout, an exported page, GitHub or a screen reader gets: the
prompt, the options with boxes to tick, and space to write. It never contains the answer.
Every string that comes from data or from a student is escaped here.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from ..core.checking import Feedback
from ..core.records import KINDS, Corpus, Exercise
from .render import Static

LINE = '<div style="border-bottom:1px solid currentColor;height:1.8em" aria-hidden="true"></div>'
TYPE_HINTS = {
    "single": "Choose one answer.",
    "multiple": "Tick every answer that applies.",
    "classify": "Choose a category for each item.",
    "date": "Choose the date the words point to, or say that the text does not tell.",
    "order": "Put the items in order, earliest first.",
    "rating": "Choose a point on the scale, then write one sentence that says why.",
    "text": "Write your answer.",
    "highlight": "Tick each phrase that does what the question asks.",
}


def marked_options(corpus: Corpus, exercise: Exercise) -> str:
    """A highlight exercise's paragraph with each candidate phrase underlined and lettered, as HTML."""
    paragraph = corpus.article.paragraphs[exercise.paragraph - 1]
    pieces, cursor = [], 0
    for letter, option in sorted(zip(_letters(exercise), exercise.options, strict=True), key=lambda p: p[1].span.start):
        span = option.span
        pieces.append(escape(paragraph[cursor:span.start]))
        pieces.append(f'<u>{escape(paragraph[span.start:span.end])}</u><sup>({letter})</sup>')
        cursor = span.end
    pieces.append(escape(paragraph[cursor:]))
    return "".join(pieces)


def _letters(exercise: Exercise) -> list[str]:
    return [chr(ord("a") + n) for n in range(len(exercise.options))]


def option_label(exercise: Exercise, index: int) -> str:
    """An option as every rendering shows it, with its letter: "B. An opinion column", so a teacher can say "B".
    Phrases of a paragraph (highlight) are lettered in small letters, as they are marked in the paragraph."""
    option = exercise.options[index]
    if KINDS[exercise.type].lettered:
        return f"({_letters(exercise)[index]}) {option.text}"
    return f"{chr(ord('A') + index)}. {option.text}"


def _header(corpus: Corpus, exercise: Exercise, number: int | None) -> tuple[list[str], list[str]]:
    title = exercise.title or "Question"
    word = "Check item" if exercise.check_form else "Question"  # a check's items are numbered within their form
    heading = f"{word + ' ' + str(number) + ': ' if number else ''}{title}"
    html = [f"<p><strong>{escape(heading)}</strong></p>", f"<p>{escape(exercise.prompt)}</p>",
            f"<p><em>{escape(TYPE_HINTS[exercise.type])}</em></p>"]
    text = [heading, exercise.prompt, TYPE_HINTS[exercise.type]]
    if exercise.paragraph:
        paragraph = corpus.article.paragraphs[exercise.paragraph - 1]
        body = marked_options(corpus, exercise) if KINDS[exercise.type].lettered else escape(paragraph)
        html.append(f"<blockquote><strong>P{exercise.paragraph}</strong>&nbsp; {body}</blockquote>")
        text.append(f"P{exercise.paragraph}  {paragraph}")
    return html, text


def prompt_html(corpus: Corpus, exercise: Exercise, number: int | None = None) -> str:
    """The question without its options: what the widget shows above its controls."""
    return '<div class="brink-exercise">' + "".join(_header(corpus, exercise, number)[0]) + "</div>"


def static(corpus: Corpus, exercise: Exercise, number: int | None = None) -> Static:
    """The printable question: prompt, context, options and space to write; no answer."""
    html, text = _header(corpus, exercise, number)
    html.insert(0, '<div class="brink-exercise">')
    shape = KINDS[exercise.type].shape
    PRINTED[shape](exercise, html, text)
    if exercise.justify:
        html.append(f"<p>{escape(exercise.justify)}:</p>{LINE}")
        text.append(f"{exercise.justify}: ________________________________________")
    if shape == "text":
        html.append(f"<p>Your answer:</p>{LINE * 4}")
        text.append("Your answer:\n________________________________________\n________________________________________")
    html.append("</div>")
    return Static("".join(html), "\n".join(text))


def _print_options(box: str) -> Callable[[Exercise, list[str], list[str]], None]:
    def print_options(exercise: Exercise, html: list[str], text: list[str]) -> None:
        labels = [option_label(exercise, n) for n in range(len(exercise.options))]
        html.append("<ul style=\"list-style:none\">" + "".join(f"<li>{box} {escape(t)}</li>" for t in labels) + "</ul>")
        text.extend(f"{box} {t}" for t in labels)

    return print_options


def _print_classify(exercise: Exercise, html: list[str], text: list[str]) -> None:
    choices = " / ".join(c.label for c in exercise.categories)
    html.append(f"<p>Categories: {escape(choices)}</p><ol>"
                + "".join(f"<li>{escape(i.text)}<br>Category: ____________________</li>" for i in exercise.items)
                + "</ol>")
    text.append(f"Categories: {choices}")
    text.extend(f"{n}. {i.text}\n   Category: ____________" for n, i in enumerate(exercise.items, start=1))


def _print_order(exercise: Exercise, html: list[str], text: list[str]) -> None:
    html.append("<ul style=\"list-style:none\">"
                + "".join(f"<li>Position ___ : {escape(i.text)}</li>" for i in exercise.items) + "</ul>")
    text.extend(f"Position ___ : {i.text}" for i in exercise.items)


def _print_rating(exercise: Exercise, html: list[str], text: list[str]) -> None:
    points = " ".join(f"○ {n} {label}" for n, label in enumerate(exercise.scale))
    html.append(f"<p>{escape(points)}</p><p>Why?</p>{LINE * 2}")
    text.extend([points, "Why? ________________________________________"])


# How each answer shape prints: the printed form of the question's controls (the space to write comes after).
PRINTED: dict[str, Callable[[Exercise, list[str], list[str]], None]] = {
    "one": _print_options("○"),
    "many": _print_options("☐"),
    "classify": _print_classify,
    "order": _print_order,
    "rating": _print_rating,
    "text": lambda exercise, html, text: None,
}


def feedback_html(feedback: Feedback) -> str:
    """What Check or Commit shows: the verdict in words and an icon, the reasons, and a next step."""
    parts = [f'<div class="brink-feedback"><p><strong>{feedback.icon} {escape(feedback.headline)}'
             + (f" ({feedback.score[0]} of {feedback.score[1]})" if feedback.score and feedback.complete else "")
             + "</strong></p>"]
    if feedback.messages:
        parts.append("<ul>" + "".join(f"<li>{escape(m)}</li>" for m in feedback.messages) + "</ul>")
    if feedback.next:
        parts.append(f"<p><strong>Next step:</strong> {escape(feedback.next)}</p>")
    parts.append("</div>")
    return "".join(parts)


def feedback_text(feedback: Feedback) -> str:
    score = f" ({feedback.score[0]} of {feedback.score[1]})" if feedback.score and feedback.complete else ""
    lines = [f"{feedback.icon} {feedback.headline}{score}", *(f"- {m}" for m in feedback.messages)]
    if feedback.next:
        lines.append(f"Next step: {feedback.next}")
    return "\n".join(lines)


def model_answer_html(exercise: Exercise) -> str:
    """The model answer or explanation, with the rating the model gives and the rubric, if any."""
    parts = ['<div class="brink-model"><p><strong>▸ Model answer</strong></p>']
    if KINDS[exercise.type].shape == "rating" and exercise.model_rating is not None:
        parts.append(f"<p>Model rating: <strong>{exercise.model_rating} ({escape(exercise.scale[exercise.model_rating])})"
                     "</strong></p>")
    parts.append(f"<p>{escape(exercise.explanation)}</p>")
    if exercise.rubric:
        parts.append("<p>Compare your answer: does it…</p><ul>"
                     + "".join(f"<li>{escape(r)}</li>" for r in exercise.rubric) + "</ul>")
    parts.append("</div>")
    return "".join(parts)
