"""The documents of the text's day (documents.toml): the cards students read, then the clock and the checks.

The cards give what a historian weighs: who issued a document, when its page says it appeared and in which
zone, where our copy comes from, and under which licence; they never say where it falls against the text or
what it does to the text's claims, because students work those out (the clock and the checks come after).
Copies are labelled the same way for every side.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from ..core.corroboration import OnTheClock, timeline
from ..core.records import Corpus, PrimarySource
from .render import Static, copy_label, needs, table, text_table

LICENCE_LABELS = {
    "public-domain": "public domain: the course stores the text",
    "cc-by": "CC BY: the course stores the text, with attribution",
    "unconfirmed": "licence not confirmed: the course links the page and quotes one sentence",
    "copyright": "copyright: the course links the page and quotes one sentence",
}
PLACEMENT_LABELS = {"before": "◀ before the post", "after": "▶ after the post", "cant-tell": "? can't tell"}
RELATION_LABELS = {
    "corroborates": "= corroborates: says the same",
    "adds": "+ adds: says more, or what the post leaves out",
    "contradicts": "≠ contradicts: says the opposite",
    "silent": "∅ silent: about the same thing, without the post's claim",
}


def shown_time(source: PrimarySource) -> str:
    """The time as the page shows it, with its zone, and how sure that zone is."""
    day = f"{source.date:%A} {source.date.day} {source.date:%B %Y}"
    if source.time is None:
        return f"{day}, no time given"
    zone = source.zone.split("/")[-1].replace("_", " ")
    sure = "" if source.zone_stated else f" (the page shows no zone; {zone} time is inferred)"
    return f"{day}, {source.time:%H:%M} {zone} time{sure}"


def _card(corpus: Corpus, source: PrimarySource) -> tuple[str, str]:
    side = corpus.party(source.side).label
    copy = copy_label(source)
    rows = [("Issued by", f"{source.issuer} ({side})"), ("On the page", f"{shown_time(source)}: {source.time_means}"),
            ("Where we read it", copy), ("Licence", f"{LICENCE_LABELS[source.licence]}. {source.licence_note}")]
    body_html = "".join(f"<p>{escape(p)}</p>" for p in source.text) if source.text else \
        f"<p><em>One sentence:</em> “{escape(source.quote)}”</p>"
    body_text = "\n".join(source.text) if source.text else f"One sentence: “{source.quote}”"
    issuer = "The issuer's page" if source.page_found else "The issuer's site (this page itself was not found)"
    links = [(issuer, source.url)] + ([("The copy we read", source.copy_url)] if source.copy_url else [])
    notes = "".join(f"<li>{escape(n)}</li>" for n in source.notes)
    html = (f'<article class="brink-document" aria-label="{escape(source.title)}" style="overflow-wrap:anywhere">'
            f'<h4>{escape(source.title)}</h4>'
            + "".join(f"<p><strong>{escape(k)}:</strong> {escape(v)}</p>" for k, v in rows)
            + f"<blockquote>{body_html}</blockquote>"
            + "".join(f'<p>{escape(k)}: <a href="{escape(u)}">{escape(u)}</a></p>' for k, u in links)
            + (f"<p><strong>What is uncertain:</strong></p><ul>{notes}</ul>" if notes else "") + "</article>")
    text = "\n".join([source.title, *(f"{k}: {v}" for k, v in rows), body_text, *(f"{k}: {u}" for k, u in links),
                      *(f"- {n}" for n in source.notes)])
    return html, text


@needs("primary_sources", "documents.toml", "documents")
def documents(corpus: Corpus) -> Static:
    """Every document as a card, in the order of the file."""
    cards = [_card(corpus, s) for s in corpus.primary_sources]
    heading = f"{len(cards)} documents from the days around the post"
    return Static(f'<section class="brink-documents"><h3>{escape(heading)}</h3>{"".join(h for h, _ in cards)}</section>',
                  heading + "\n\n" + "\n\n".join(t for _, t in cards))


def _gap(gap: dt.timedelta | None) -> str:
    if gap is None:
        return ""
    minutes = abs(int(gap.total_seconds())) // 60
    hours, minutes = divmod(minutes, 60)
    return f", by {hours} h {minutes:02d} min" if hours else f", by {minutes} minutes"


def _how_sure(placed: OnTheClock) -> str:
    if placed.placement == "cant-tell":
        return "No time is known for it on that day."
    if placed.zone_matters:
        return "Probably: read in UTC instead of the inferred zone, it would fall on the other side."
    if placed.gap is None:
        return "Sure: another day."
    return "Sure, if the zone is right." if not placed.source.zone_stated else "Sure: the zone is stated."


@needs("primary_sources", "documents.toml", "clock of the documents")
def documents_clock(corpus: Corpus) -> Static:
    """Each document against the moment the text was published, earliest first."""
    header = ["Document", "On the page", "Against the post", "How sure"]
    rows = [[f"{p.source.issuer}: {p.source.title}", shown_time(p.source),
             PLACEMENT_LABELS[p.placement] + _gap(p.gap), _how_sure(p)] for p in timeline(corpus)]
    caption = f"The documents against the post ({corpus.article.published.day} {corpus.article.published:%B %Y}, " \
              f"{corpus.article.time_label})"
    return Static(table(escape(caption), header, [[escape(c) for c in r] for r in rows]),
                  caption + "\n\n" + text_table(header, rows))


@needs("primary_sources", "documents.toml", "checks against the documents")
def corroboration_table(corpus: Corpus) -> Static:
    """What each document does with words of the post."""
    header = ["The post says", "Document", "It says", "So it", "Why"]
    rows = [[f"“{c.post.text}” (P{c.post.paragraph})", f"{s.issuer}, {s.date.day} {s.date:%b}", f"“{c.words}”",
             RELATION_LABELS[c.relation], c.note] for s in corpus.primary_sources for c in s.checks]
    caption = "What the documents do with the post's words"
    return Static(table(escape(caption), header, [[escape(c) for c in r] for r in rows]),
                  caption + "\n\n" + text_table(header, rows))
