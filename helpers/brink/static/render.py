"""Static renderings of the data: HTML for the notebook, plain text for everything else.

These are the "static twins" of the widgets. They need no front end, so they show on GitHub, in
an exported HTML file, on paper and to a screen reader. Every piece of text that comes from the
data is HTML-escaped here, in one place.
"""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from ..core.reading import sentence_label, statement_type
from ..core.records import Article, Corpus, Source, Span, Statement
from . import palette

FIDELITY_LABELS = {
    "confirmed": "confirmed",
    "consistent": "consistent with the record",
    "partly-confirmed": "partly confirmed",
    "loose": "loose rendering",
    "unconfirmed": "not confirmed",
    "not-applicable": "no single source to check",
}
MARK_STYLE = f"text-decoration:underline;background:{palette.HIGHLIGHT};color:{palette.TEXT}"


@dataclass(frozen=True)
class Static:
    """A block that displays as HTML in Jupyter and as plain text anywhere else."""

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text


class StaticTwin:
    """Mixin for widgets: live, the widget shows; anywhere else (GitHub, export, print, a screen reader
    without widgets), its static twin does. Subclasses define ``static_twin()``."""

    def static_twin(self) -> Static:
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        twin = self.static_twin()
        bundle["text/plain"], bundle["text/html"] = twin.text, twin.html
        return bundle


def absent(file: str, what: str) -> Static:
    """What a view shows when the text's data has no file for it: what is missing, and where to add it."""
    words = (f"This text's data has no {file}, so the {what} cannot be shown here. To add it, write {file} in the data "
             "folder as docs/data.md describes, then run `python -m brink check`.")
    return Static(f'<p class="brink-absent"><em>{escape(words)}</em></p>', words)


def needs(field: str, file: str, what: str) -> Callable[[Callable[..., Static]], Callable[..., Static]]:
    """For a rendering that needs an optional data file: when the corpus has none of ``field``, say so instead."""
    def wrap(render: Callable[..., Static]) -> Callable[..., Static]:
        @functools.wraps(render)
        def rendered(corpus: Corpus, *args, **kwargs) -> Static:
            if not getattr(corpus, field):
                return absent(file, what)
            return render(corpus, *args, **kwargs)

        return rendered

    return wrap


def form_label(corpus: Corpus, statement: Statement) -> str:
    """How a statement is attributed, in the one scheme the course teaches (review P4: a statement was a
    "paraphrase" in one table and "vague" in another): the sentence types of notebook 01."""
    return sentence_label(corpus, statement_type(corpus, statement))


def speaker_names(corpus: Corpus, statement: Statement) -> str:
    return " and ".join(corpus.actor(a).name for a in statement.speakers)


def statement_label(corpus: Corpus, statement: Statement) -> str:
    """A short label such as "S4", numbered in the order of the statements file."""
    return f"S{corpus.statements.index(statement) + 1}"


def table(caption: str, header: list[str], rows: list[list[str]]) -> str:
    """An accessible HTML table: a caption and column headers with scope. Cells are pre-escaped."""
    head = "".join(f'<th scope="col" style="text-align:left">{h}</th>' for h in header)
    body = "".join(
        "<tr>" + "".join(f'<td style="text-align:left;vertical-align:top">{c}</td>' for c in row) + "</tr>"
        for row in rows
    )
    return (f'<table class="brink-table"><caption style="text-align:left;font-weight:bold">{caption}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def text_table(header: list[str], rows: list[list[str]]) -> str:
    """The same rows as plain text, one record per block, for print and screen readers."""
    blocks = []
    for row in rows:
        blocks.append("\n".join(f"{h}: {c}" for h, c in zip(header, row, strict=True)))
    return "\n\n".join(blocks)


def published_on(article: Article) -> str:
    """"Friday 28 January 2022, 8:38 a.m. ET": the day and the outlet's own time label, on no other clock (notebook
    02 asks for the other clocks)."""
    return f"{article.published:%A} {article.published.day} {article.published:%B %Y}, {article.time_label}"


def source_card(corpus: Corpus) -> Static:
    """Who published the text, when (on three clocks), what kind of text it is, and what our copy lacks."""
    a = corpus.article
    zones = {c.short: c.zone for c in a.clocks if c.short}
    times = "; ".join(f"{a.published_in(zones[name]):%H:%M} {name}" for name in a.card_clocks)
    when = published_on(a)
    if a.published_time is not None and len(a.card_clocks) > 1:  # one clock: the time label says it already
        when += f" ({times})"
    title_when = (f" (the title at its {a.live_page_title_as_of} update, later than this post)"
                  if a.live_page_title_as_of else "")
    optional = [
        ("Outlet", a.outlet),
        ("Live page", a.live_page_title + title_when if a.live_page_title else ""),
        ("Post headline", f"{a.headline} (from the archived page; not in our copy)" if a.headline else ""),
        ("Written by", " and ".join(a.authors)),
        ("Published", when),
        ("Kind of text", a.kind_of_text or a.genre[:1].upper() + a.genre[1:] + "."),
        ("What our copy lacks", "; ".join(a.missing_from_copy)),
        ("Checked against the archive", a.archive_check),
        ("Web address", a.url),
        ("Rights", a.rights),
    ]
    rows = [(k, v) for k, v in optional if v]
    html_rows = [[escape(k), escape(v)] if k != "Web address" else [escape(k), f'<a href="{escape(a.url)}">{escape(a.url)}</a>']
                 for k, v in rows]
    body = "".join(f'<tr><th scope="row" style="text-align:left;vertical-align:top">{k}</th>'
                   f'<td style="text-align:left">{v}</td></tr>' for k, v in html_rows)
    html = (f'<table class="brink-source-card"><caption style="text-align:left;font-weight:bold">'
            f"Source card</caption><tbody>{body}</tbody></table>")
    text = "Source card\n" + "\n".join(f"{k}: {v}" for k, v in rows)
    return Static(html, text)


def article(corpus: Corpus) -> Static:
    """The full text with paragraph numbers P1–P9, exactly as in the data."""
    paragraphs = corpus.article.paragraphs
    html = "".join(f'<p><strong>P{n}</strong>&nbsp; {escape(p)}</p>' for n, p in enumerate(paragraphs, start=1))
    text = "\n\n".join(f"P{n}  {p}" for n, p in enumerate(paragraphs, start=1))
    return Static(f'<div class="brink-article">{html}</div>', text)


def marked_paragraph(corpus: Corpus, number: int) -> str:
    """Paragraph ``number`` as HTML with each statement's words marked and labelled [S4] etc.

    The mark is a highlight *and* an underline *and* a bracketed label, so it does not rely on colour.
    Where two statements overlap, the later one is listed but not marked a second time.
    """
    paragraph = corpus.article.paragraphs[number - 1]
    pieces, cursor = [], 0
    for statement in corpus.statements_in(number):
        span: Span = statement.evidence
        if span.start < cursor:
            continue
        label = statement_label(corpus, statement)
        pieces.append(escape(paragraph[cursor:span.start]))
        pieces.append(f'<mark style="{MARK_STYLE}">{escape(paragraph[span.start:span.end])}</mark><sup>[{label}]</sup>')
        cursor = span.end
    pieces.append(escape(paragraph[cursor:]))
    return "".join(pieces)


def paragraph_view(corpus: Corpus, number: int) -> Static:
    """One paragraph with its statements listed under it: what the paragraph browser shows."""
    statements = corpus.statements_in(number)
    items_html, items_text = [], []
    for s in statements:
        label = statement_label(corpus, s)
        verb = f", verb “{s.verb}”" if s.verb else ""
        description = f"{speaker_names(corpus, s)}: {form_label(corpus, s)}{verb}."
        items_html.append(f"<li><strong>[{label}]</strong> {escape(description)}</li>")
        items_text.append(f"  - [{label}] {description}")
    count = len(statements)
    heading = f"Paragraph {number} of {len(corpus.article.paragraphs)}"
    listing = (f"<p>{count} statement{'s' if count != 1 else ''} in this paragraph:</p><ul>{''.join(items_html)}</ul>"
               if statements else "<p>No one is quoted or paraphrased in this paragraph.</p>")
    html = (f'<div class="brink-paragraph" aria-live="polite"><p><strong>{heading}</strong></p>'
            f'<blockquote>{marked_paragraph(corpus, number)}</blockquote>{listing}</div>')
    text_listing = "\n".join(items_text) if statements else "  No one is quoted or paraphrased in this paragraph."
    text = f"{heading}\n{corpus.article.paragraphs[number - 1]}\n{text_listing}"
    return Static(html, text)


def statements_table(corpus: Corpus) -> Static:
    """Every statement: where it is, who speaks, the verb, the form, the words, and how it checks out."""
    header = ["#", "Para.", "Who", "Verb", "Form", "Words in the text", "Checked against sources"]
    rows = [
        [statement_label(corpus, s), f"P{s.evidence.paragraph}", speaker_names(corpus, s), s.verb or "—",
         form_label(corpus, s), s.evidence.text, FIDELITY_LABELS[s.fidelity]]
        for s in corpus.statements
    ]
    caption = f"All {len(rows)} statements in the text, in the order of the data file"
    html = table(escape(caption), header, [[escape(c) for c in row] for row in rows])
    return Static(html, caption + "\n\n" + text_table(header, rows))


def numbered_lines(corpus: Corpus, width: int = 72) -> list[tuple[int, int, str]]:
    """The article as (paragraph, line, words) with lines wrapped at ``width``, for citing "P5, line 3"."""
    return [(p, n, line)
            for p, paragraph in enumerate(corpus.article.paragraphs, start=1)
            for n, line in enumerate(textwrap.wrap(paragraph, width, break_on_hyphens=False, break_long_words=False), start=1)]


def numbered_article(corpus: Corpus, width: int = 72) -> Static:
    """The text with paragraph and line numbers, as printed on the handouts."""
    rows, text = [], []
    for paragraph, line, words in numbered_lines(corpus, width):
        label = f"P{paragraph}" if line == 1 else ""
        rows.append(f'<tr><th scope="row" style="text-align:left;padding-right:1em">{label}</th>'
                    f'<td style="text-align:right;padding-right:1em">{line}</td>'
                    f"<td style=\"text-align:left;font-family:serif\">{escape(words)}</td></tr>")
        text.append(f"{label:<4}{line:>3}  {words}")
    caption = (f"The text, with paragraph (P) and line numbers ({corpus.article.outlet}, published "
               f"{published_on(corpus.article)})")
    html = (f'<table class="brink-numbered"><caption style="text-align:left;font-weight:bold">{caption}</caption>'
            '<thead><tr><th scope="col">Para.</th><th scope="col">Line</th><th scope="col">Text</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")
    return Static(html, caption + "\n\n" + "\n".join(text))


COPY_LABELS = {
    "issuer": "the issuer's own site",
    "archive": "a web archive",
    "news-agency": "a news agency",
    "news-site": "a news site",
    "government-site": "a government site",
    "partisan-mirror": "a partisan mirror site",
    "aggregator": "a news aggregator",
    "translation-site": "a translation-reference site",
    "research-site": "a research institute's site",
    "mailing-list": "a mailing-list archive",
    "staging-site": "the publisher's test server",
    "dataset": "a public dataset",
}


def copy_label(source: Source) -> str:
    """Where the linked copy sits, labelled the same way for every side: "copy: TASS, a news agency"."""
    if source.copy == "issuer":
        return COPY_LABELS["issuer"]
    return f"copy: {source.via}, {COPY_LABELS[source.copy]}"


def source_line(source: Source) -> tuple[str, str]:
    """A source cited by issuer and date, linked, with where our copy lives and what kind of site it is: (html, text)."""
    when = f", {source.date.day} {source.date:%b %Y}" if source.date else ""
    via = f" ({copy_label(source)})"
    text = f"{source.issuer}{when}: {source.description}{via}. {source.url}"
    html = (f"{escape(source.issuer)}{escape(when)}: <a href=\"{escape(source.url)}\">{escape(source.description)}</a>"
            f"{escape(via)}")
    return html, text
