"""The text highlighted three ways (by speaker, by form, by layer), as HTML with a legend, and as text.

Every mark combines a style of line or weight with a label or legend entry, so nothing depends on
colour: colours come from the Okabe-Ito palette and only ever tint an underline, never the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..core.reading import LAYERS, layers, narrated, statement_type
from ..core.records import Corpus, Statement
from . import palette
from .render import Static, speaker_names

MODES = (("speaker", "Speaker"), ("form", "Form"), ("layer", "Layer"))


@dataclass(frozen=True)
class Mark:
    label: str  # what the legend and the inline tag say
    css: str  # how the marked words look
    tag: str  # the text-only marker, for print and screen readers: ⟦tag: words⟧


FORM_MARKS = {
    "quote": Mark("Direct quote", "font-weight:bold;border-bottom:4px double currentColor", "quote"),
    "partial-quote": Mark("Partial quote", "font-weight:bold;border-bottom:2px solid currentColor", "partial quote"),
    "named-paraphrase": Mark("Paraphrase of a named speaker", "border-bottom:2px dashed currentColor", "paraphrase"),
    "vague": Mark("Vague or institutional attribution", "border-bottom:2px dotted currentColor;font-style:italic", "vague"),
    "reporter": Mark("{Narrators} own voice", "border-bottom:1px solid #777", "{bare_narrator}"),
}
LAYER_MARKS = {
    "quoted": Mark(LAYERS[0][1], f"font-weight:bold;background:{palette.HIGHLIGHT};color:{palette.TEXT}", "quoted"),
    "attributed": Mark(LAYERS[1][1], "border-bottom:2px dashed currentColor", "attributed"),
    "reporter": Mark(LAYERS[2][1], "", ""),
}


def _named(corpus: Corpus, mark: Mark) -> Mark:
    return Mark(narrated(corpus, mark.label), mark.css, narrated(corpus, mark.tag))


def speaker_mark(corpus: Corpus, statement: Statement) -> Mark:
    style = palette.style(corpus.party(corpus.actor(statement.speakers[0]).side))
    names = speaker_names(corpus, statement)
    return Mark(names, f"border-bottom:4px solid {palette.line_colour(style)};padding-bottom:1px", names)


def _statement_marks(corpus: Corpus, number: int, mode: str) -> list[tuple[int, int, Mark]]:
    runs, cursor = [], 0
    for statement in corpus.statements_in(number):
        span = statement.evidence
        if span.start < cursor:
            continue
        mark = speaker_mark(corpus, statement) if mode == "speaker" else _named(corpus, FORM_MARKS[statement_type(corpus, statement)])
        runs.append((span.start, span.end, mark))
        cursor = span.end
    return runs


def marks(corpus: Corpus, number: int, mode: str) -> list[tuple[int, int, Mark]]:
    """The marked runs of paragraph ``number`` in one mode, in reading order."""
    if mode == "layer":
        return [(s, e, _named(corpus, LAYER_MARKS[kind])) for s, e, kind in layers(corpus, number) if kind != "reporter"]
    if mode in ("speaker", "form"):
        return _statement_marks(corpus, number, mode)
    raise ValueError(f"unknown mode {mode!r}; use speaker, form or layer")


def _paragraph(corpus: Corpus, number: int, mode: str) -> tuple[str, str]:
    paragraph = corpus.article.paragraphs[number - 1]
    html, text, cursor = [], [], 0
    for start, end, mark in marks(corpus, number, mode):
        html.append(escape(paragraph[cursor:start]))
        text.append(paragraph[cursor:start])
        words = paragraph[start:end]
        tag = f"<sup>[{escape(mark.tag)}]</sup>" if mode != "layer" else ""
        html.append(f'<span style="{mark.css}">{escape(words)}</span>{tag}')
        text.append(f"⟦{mark.tag}: {words}⟧")
        cursor = end
    html.append(escape(paragraph[cursor:]))
    text.append(paragraph[cursor:])
    return "".join(html), "".join(text)


def legend(corpus: Corpus, mode: str) -> tuple[str, str]:
    if mode == "speaker":
        seen: dict[str, Mark] = {}
        for statement in corpus.statements:
            mark = speaker_mark(corpus, statement)
            seen.setdefault(mark.label, mark)
        entries = list(seen.values())
        note = "Each statement is underlined in the colour of its speaker's side and tagged with the speaker's name."
    elif mode == "form":
        entries = [_named(corpus, m) for m in FORM_MARKS.values()]
        note = "Each statement is marked by the form of attribution, with a tag in brackets."
    else:
        entries = [_named(corpus, m) for m in LAYER_MARKS.values() if m.tag]
        note = narrated(corpus, "Words with no mark are {narrators} own voice.")
    items = "".join(f'<li><span style="{m.css}">sample words</span> {escape(m.label)}</li>' for m in entries)
    html = f"<p><strong>Key.</strong> {escape(note)}</p><ul>{items}</ul>"
    text = f"Key. {note}\n" + "\n".join(f"  ⟦{m.tag or 'no mark'}⟧ {m.label}" for m in entries)
    return html, text


def reader(corpus: Corpus, mode: str, paragraphs: list[int] | None = None) -> Static:
    """The text (or some paragraphs) marked in one mode, with its key."""
    numbers = paragraphs or list(range(1, len(corpus.article.paragraphs) + 1))
    key_html, key_text = legend(corpus, mode)
    bodies = [(n, *_paragraph(corpus, n, mode)) for n in numbers]
    html = (f'<div class="brink-reader" aria-live="polite">{key_html}'
            + "".join(f'<p style="line-height:2"><strong>P{n}</strong>&nbsp; {h}</p>' for n, h, _ in bodies) + "</div>")
    text = key_text + "\n\n" + "\n\n".join(f"P{n}  {t}" for n, _, t in bodies)
    return Static(html, text)
