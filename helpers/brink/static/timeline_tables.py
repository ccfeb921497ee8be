"""The timeline as tables and words: events at a cut-off, the clocks, a calendar strip, the resolved time words.

The static twins of the timeline figure and slider; the logic (cut-offs, what is visible) is in
:mod:`brink.core.timeline`.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from ..core.records import Corpus
from ..core.timeline import Cutoff, date_label, events_shown, hidden_count, known_label
from ..core.timeline import period as period_of
from .render import Static, needs, source_line, table, text_table


def timeline_alt(corpus: Corpus, cutoff: Cutoff, period: str | None = None) -> str:
    """Alt text for the timeline: chart type, axes, and what it shows at this cut-off."""
    shown = events_shown(corpus, cutoff, period)
    _, label, _, _ = period_of(corpus, period)
    text = sum(e.origin == "text" for e in shown)
    spans = sum(bool(e.end_date and e.end_date != e.date) for e in shown)
    latest = shown[-1] if shown else None
    hidden = hidden_count(corpus, cutoff)
    return (f"Timeline chart, {label}. Time runs from left to right; each row is one event. {len(shown)} events are "
            f"shown: {text} reported in the text (filled squares) and {len(shown) - text} from other sources (hollow "
            f"circles); {spans} of them lasted more than a day or have uncertain dates and are drawn as bars. A dashed "
            f"line marks the knowledge cut-off, {cutoff.label(corpus)}. "
            + (f"The latest event shown is '{latest.title}' ({date_label(latest)}). " if latest else "")
            + (f"{hidden} later events are hidden." if hidden else "No event is hidden."))


def events_table(corpus: Corpus, cutoff: Cutoff, period: str | None = None) -> Static:
    """The events shown at ``cutoff`` as a table: the static twin of the timeline."""
    header = ["Date", "Event", "Where from", "Known at publication?", "Source"]
    rows, html_rows = [], []
    for event in events_shown(corpus, cutoff, period):
        where = "the text" if event.origin == "text" else f"context ({event.confidence} confidence)"
        lines = [source_line(s) for s in event.sources]
        evidence = "; ".join(f"P{s.paragraph} “{s.text}”" for s in event.evidence)
        cited = "; ".join(t for _, t in lines) or "—"
        rows.append([date_label(event), event.title, where, known_label(event), evidence + (" · " if evidence and lines else "")
                     + (cited if lines else "")])
        html_rows.append([escape(date_label(event)), escape(event.title), escape(where), escape(known_label(event)),
                          escape(evidence) + ("<br>" if evidence and lines else "") + "<br>".join(h for h, _ in lines)])
    caption = f"Events known at the cut-off ({cutoff.label(corpus)}), {period_of(corpus, period)[1]}"
    return Static(table(escape(caption), header, html_rows), caption + "\n\n" + text_table(header, rows))




def clocks_table(corpus: Corpus) -> Static:
    """The moment of publication on four clocks."""
    if corpus.article.published_time is None:
        words = "The time of day the text was published is not known, so it cannot be shown on other clocks."
        return Static(f"<p><em>{escape(words)}</em></p>", words)
    rows = [[c.name, f"{corpus.article.published_in(c.zone):%A %d %B %Y, %H:%M}"] for c in corpus.article.clocks]
    return Static(table("The moment the post was published", ["Clock", "Time"], [[escape(c) for c in r] for r in rows]),
                  "The moment the post was published\n\n" + text_table(["Clock", "Time"], rows))


def calendar_strip(corpus: Corpus, first: dt.date | None = None, last: dt.date | None = None,
                   annotate: bool = False) -> Static:
    """A strip of days with their weekdays and the publication day (by default the eleven days before it and the
    three after, enough for "on Wednesday" and "last week"); ``annotate`` adds the text's day-exact time words
    (the teacher's version: it gives the answers away)."""
    first = first or corpus.article.published - dt.timedelta(days=11)
    last = last or corpus.article.published + dt.timedelta(days=3)
    by_day: dict[dt.date, list[str]] = {}
    for t in corpus.time_expressions:
        if t.precision == "day" and t.earliest:
            by_day.setdefault(t.earliest, []).append(f"“{t.phrase.text}” (P{t.phrase.paragraph})")
    rows = []
    for n in range((last - first).days + 1):
        day = first + dt.timedelta(days=n)
        notes = by_day.get(day, []) if annotate else []
        if day == corpus.article.published:
            notes = ["the post is published", *notes]
        rows.append([f"{day:%a}", f"{day.day} {day:%b %Y}", "; ".join(notes)])
    header = ["Weekday", "Date", "In the text" if annotate else "Note"]
    caption = f"Calendar, {first.day} {first:%b} to {last.day} {last:%b %Y}"
    return Static(table(escape(caption), header, [[escape(c) for c in r] for r in rows]),
                  caption + "\n\n" + text_table(header, rows))


def _span_label(earliest: dt.date | None, latest: dt.date | None) -> str:
    def fmt(d: dt.date | None) -> str:
        return f"{d.day} {d:%b %Y}" if d else "open"

    return fmt(earliest) if earliest == latest and earliest else f"{fmt(earliest)} to {fmt(latest)}"


@needs("time_expressions", "time_expressions.toml", "table of time words")
def time_expressions_table(corpus: Corpus) -> Static:
    """Every time expression with its dates and how they were found: by rule, or why no rule applies."""
    from ..core.timing import Resolution, resolve

    header = ["Para.", "Words", "Tense", "Dates", "Precision", "How"]
    rows = []
    for t in sorted(corpus.time_expressions, key=lambda t: (t.phrase.paragraph, t.phrase.start)):
        result = resolve(t.phrase.text, corpus.article.published, t.tense)
        how = f"Rule: {result.clue}" if isinstance(result, Resolution) else f"No rule applies: {t.not_by_rule}"
        rows.append([f"P{t.phrase.paragraph}", t.phrase.text, t.tense, _span_label(t.earliest, t.latest), t.precision, how])
    caption = "The text's time words, resolved"
    return Static(table(escape(caption), header, [[escape(c) for c in r] for r in rows]),
                  caption + "\n\n" + text_table(header, rows))
