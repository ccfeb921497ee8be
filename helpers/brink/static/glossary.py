"""The words students need (glossary.toml): a short box where a term first appears, and the printed word wall.

The box sits in a notebook right where a term first comes up, so a student meets the word and its meaning
together; the word wall prints every term once, large, for the classroom wall or the back of a handout.
"""

from __future__ import annotations

from html import escape

from ..core.records import Corpus, Term
from .render import Static, needs


def _terms(corpus: Corpus, ids: tuple[str, ...]) -> list[Term]:
    return [corpus.term(i) for i in ids] if ids else list(corpus.glossary)


def _text(term: Term) -> str:
    line = f"{term.term}: {term.means}"
    if term.example:
        line += f" Example: {term.example}"
    if term.source:
        line += f" (Source: {term.source}.)"
    return line


def _html(term: Term) -> str:
    example = f' <span class="brink-example"><em>Example:</em> {escape(term.example)}</span>' if term.example else ""
    source = f' <span class="brink-source">(Source: {escape(term.source)}.)</span>' if term.source else ""
    # Inline layout: JupyterLab floats a <dt> beside its <dd> at a fixed width, so a long term ran into its meaning.
    return (f'<dt style="float:none;width:auto"><strong>{escape(term.term)}</strong></dt>'
            f'<dd style="margin-left:1.5em">{escape(term.means)}{example}{source}</dd>')


@needs("glossary", "glossary.toml", "word list")
def word_list(corpus: Corpus, *ids: str) -> Static:
    """The meaning of each named term, in a labelled box (every term when none is named)."""
    terms = _terms(corpus, ids)
    html = (f'<aside class="brink-words" aria-label="Words for this section"><p><strong>Words</strong></p>'
            f'<dl>{"".join(_html(t) for t in terms)}</dl></aside>')
    return Static(html, "Words\n" + "\n".join(f"- {_text(t)}" for t in terms))


@needs("glossary", "glossary.toml", "word wall")
def word_wall(corpus: Corpus) -> Static:
    """Every term once, in alphabetical order, large enough to read from the back of a room when printed."""
    terms = sorted(corpus.glossary, key=lambda t: t.term.casefold())
    cards = "".join(f'<div class="brink-wall-term"><p class="brink-wall-word">{escape(t.term)}</p>'
                    f"<p>{escape(t.means)}</p></div>" for t in terms)
    html = f'<h1>Word wall</h1><div class="brink-wall">{cards}</div>'
    return Static(html, "Word wall\n\n" + "\n\n".join(_text(t) for t in terms))
