"""The timeline as data: which events a reader could see at a given moment, and how to say their dates.

The knowledge cut-off is the heart of it. At the moment of publication (8:38 a.m. US Eastern, 28 Jan
2022) a reader could know everything that had happened before, and nothing after; for events on the
day itself the annotation says whether they came before the post (``known_on_publication``), and an
event whose timing is not known is shown and marked as uncertain. Moving the cut-off later reveals
events day by day, up to 24 February 2022, where the course's narrative stops.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from .records import Corpus, Event
from .render import Static, source_line, table, text_table

END_OF_STORY = dt.date(2022, 2, 24)
PERIODS = {
    "winter": ("December 2021 to February 2022", dt.date(2021, 12, 1), dt.date(2022, 2, 28)),
    "since-1997": ("1997 to February 2022", dt.date(1997, 1, 1), dt.date(2022, 2, 28)),
}


@dataclass(frozen=True)
class Cutoff:
    """A moment of knowledge: a day, or the moment the post was published."""

    day: dt.date
    at_publication: bool = False

    def label(self, corpus: Corpus) -> str:
        if self.at_publication:
            return f"{self.day.day} {self.day:%b %Y}, {corpus.article.published_time_label} (publication)"
        return f"{self.day.day} {self.day:%b %Y}, end of the day"


def publication(corpus: Corpus) -> Cutoff:
    return Cutoff(corpus.article.published, at_publication=True)


def cutoffs(corpus: Corpus) -> list[Cutoff]:
    """The cut-offs a student can choose: publication, then each day's end up to 24 February 2022."""
    first = corpus.article.published
    days = (END_OF_STORY - first).days
    return [publication(corpus)] + [Cutoff(first + dt.timedelta(days=n)) for n in range(days + 1)]


def visible(event: Event, cutoff: Cutoff) -> bool:
    """Could a reader at ``cutoff`` know of the event?"""
    if event.date < cutoff.day:
        return True
    if event.date > cutoff.day:
        return False
    return event.known_on_publication is not False if cutoff.at_publication else True


def uncertain(event: Event, cutoff: Cutoff) -> bool:
    """Shown, but nobody can say whether it came before the cut-off."""
    return cutoff.at_publication and event.date == cutoff.day and event.known_on_publication is None


def events_shown(corpus: Corpus, cutoff: Cutoff, period: str = "winter") -> list[Event]:
    """The events visible at ``cutoff`` that fall (at least partly) within ``period``, oldest first."""
    _, start, end = PERIODS[period]
    shown = [e for e in corpus.events
             if visible(e, cutoff) and (e.end_date or e.date) >= start and e.date <= end]
    return sorted(shown, key=lambda e: (e.date, e.end_date or e.date, e.id))


def hidden_count(corpus: Corpus, cutoff: Cutoff) -> int:
    return sum(not visible(e, cutoff) for e in corpus.events)


def date_label(event: Event) -> str:
    """'26 Jan 2022', '10–13 Jan 2022', 'Dec 2021' (a whole month), '1999' (a whole year)."""
    start, end = event.date, event.end_date
    if end is None or end == start:
        return f"{start.day} {start:%b %Y}"
    if start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31 and start.year == end.year:
        return f"{start.year}"
    if start.day == 1 and (end + dt.timedelta(days=1)).day == 1 and (start.year, start.month) == (end.year, end.month):
        return f"{start:%b %Y}"
    if start.day == 1 and (end + dt.timedelta(days=1)).day == 1 and start.year == end.year:
        return f"{start:%b}–{end:%b %Y}"  # whole months: 'Oct–Nov 2021'
    if start.year == end.year and start.month == end.month:
        return f"{start.day}–{end.day} {start:%b %Y}"
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"


def known_label(event: Event) -> str:
    return {True: "yes", False: "no: later", None: "uncertain: time of day unknown"}[event.known_on_publication]


def timeline_alt(corpus: Corpus, cutoff: Cutoff, period: str = "winter") -> str:
    """Alt text for the timeline: chart type, axes, and what it shows at this cut-off."""
    shown = events_shown(corpus, cutoff, period)
    label, _, _ = PERIODS[period]
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


def events_table(corpus: Corpus, cutoff: Cutoff, period: str = "winter") -> Static:
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
    caption = f"Events known at the cut-off ({cutoff.label(corpus)}), {PERIODS[period][0]}"
    return Static(table(escape(caption), header, html_rows), caption + "\n\n" + text_table(header, rows))


CLOCKS = (("US Eastern (New York)", "America/New_York"), ("London (UTC)", "UTC"), ("Kyiv", "Europe/Kyiv"),
          ("Moscow", "Europe/Moscow"))


def clocks_table(corpus: Corpus) -> Static:
    """The moment of publication on four clocks."""
    rows = [[name, f"{corpus.article.published_in(zone):%A %d %B %Y, %H:%M}"] for name, zone in CLOCKS]
    return Static(table("The moment the post was published", ["Clock", "Time"], [[escape(c) for c in r] for r in rows]),
                  "The moment the post was published\n\n" + text_table(["Clock", "Time"], rows))


def calendar_strip(corpus: Corpus, first: dt.date, last: dt.date, annotate: bool = False) -> Static:
    """A strip of days with their weekdays and the publication day; ``annotate`` adds the text's day-exact
    time words (the teacher's version: it gives the answers away)."""
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


def time_expressions_table(corpus: Corpus) -> Static:
    """Every time expression with its dates and how they were found: by rule, or why no rule applies."""
    from .timing import Resolution, resolve

    header = ["Para.", "Words", "Tense", "Dates", "Precision", "How"]
    rows = []
    for t in sorted(corpus.time_expressions, key=lambda t: (t.phrase.paragraph, t.phrase.start)):
        result = resolve(t.phrase.text, corpus.article.published, t.tense)
        how = f"Rule: {result.clue}" if isinstance(result, Resolution) else f"No rule applies: {t.not_by_rule}"
        rows.append([f"P{t.phrase.paragraph}", t.phrase.text, t.tense, _span_label(t.earliest, t.latest), t.precision, how])
    caption = "The text's time words, resolved"
    return Static(table(escape(caption), header, [[escape(c) for c in r] for r in rows]),
                  caption + "\n\n" + text_table(header, rows))
