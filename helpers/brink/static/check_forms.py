"""The before-and-after check on paper and in any page: the invented post, then its items as printed questions.

The post is set apart from the course text on purpose (a box, its own heading, and the line saying it is
invented), so no student mistakes it for a source about Russia, NATO or anything real.
"""

from __future__ import annotations

from html import escape

from ..core.records import CheckForm, Corpus
from . import exercise_render
from .render import Static


def published(form: CheckForm) -> str:
    """"Thursday 12 March, 7:30 a.m.": the post's date without a year, so it reads as no real year."""
    return f"{form.published:%A} {form.published.day} {form.published:%B}, {form.time}"


def post(form: CheckForm) -> Static:
    """The invented post: a note that it is invented, its headline, when it was published, numbered paragraphs."""
    paragraphs = "".join(f"<p><strong>P{n}</strong>&nbsp; {escape(p)}</p>" for n, p in enumerate(form.paragraphs, 1))
    html = (f'<section class="brink-check-post" aria-label="Invented news post, form {escape(form.id)}" '
            'style="border:1px solid currentColor;padding:0.5em 1em;margin:0.5em 0">'
            f"<p><em>{escape(form.note)}</em></p>"
            f"<p><strong>{escape(form.title)}</strong><br>Published {escape(published(form))}</p>"
            f"{paragraphs}</section>")
    text = "\n\n".join([form.note, form.title, f"Published {published(form)}",
                        *(f"P{n}  {p}" for n, p in enumerate(form.paragraphs, 1))])
    return Static(html, text)


def check_form(corpus: Corpus, form_id: str) -> Static:
    """The whole form as it prints: the post, then every item with boxes to tick and no answer."""
    form = corpus.check_form(form_id)
    parts = [post(form)] + [exercise_render.static(corpus, item, number)
                            for number, item in enumerate(corpus.check_items(form_id), start=1)]
    return Static("".join(p.html for p in parts), "\n\n".join(p.text for p in parts))
