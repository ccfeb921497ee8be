"""The timeline as data: which events a reader could see at a given moment, and how to say their dates.

No rendering here: the tables and the alt text are in :mod:`brink.static.timeline_tables`, the figure in
:mod:`brink.views.figures`.

The knowledge cut-off is the heart of it. At the moment of publication (for the course's text, 8:38 a.m. US Eastern, 28 Jan
2022) a reader could know everything that had happened before, and nothing after; for events on the
day itself the annotation says whether they came before the post (``known_on_publication``), and an
event whose timing is not known is shown and marked as uncertain. Moving the cut-off later reveals
events day by day, up to the day the data's ``story_ends`` names, where the account stops.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .records import Corpus, Event

ALL = "all"  # the period every text has: from its first event to its last


def story_end(corpus: Corpus) -> dt.date:
    """Where the account of later events stops: the article's ``story_ends``, else its latest event."""
    if corpus.article.story_ends is not None:
        return corpus.article.story_ends
    return max((e.end_date or e.date for e in corpus.events), default=corpus.article.published)


def periods(corpus: Corpus) -> dict[str, tuple[str, dt.date, dt.date]]:
    """The stretches of time the timeline can show (id → label, first day, last day), from the article's data;
    a text that names none gets one period that holds all its events."""
    if corpus.article.periods:
        return {p.id: (p.label, p.start, p.end) for p in corpus.article.periods}
    days = [d for e in corpus.events for d in (e.date, e.end_date or e.date)] or [corpus.article.published]
    first, last = min(days), max(max(days), story_end(corpus))
    return {ALL: (f"{first:%b %Y} to {last:%b %Y}", first, last)}


def period(corpus: Corpus, name: str | None = None) -> tuple[str, str, dt.date, dt.date]:
    """(id, label, first day, last day) of a named period, or of the text's first period when none is named."""
    known = periods(corpus)
    key = name if name is not None else next(iter(known))
    if key not in known:
        raise ValueError(f"this text has no timeline period {key!r}; its periods are: {', '.join(known)}")
    return (key, *known[key])


@dataclass(frozen=True)
class Cutoff:
    """A moment of knowledge: a day, or the moment the post was published."""

    day: dt.date
    at_publication: bool = False

    def label(self, corpus: Corpus) -> str:
        if self.at_publication:
            return f"{self.day.day} {self.day:%b %Y}, {corpus.article.time_label} (publication)"
        return f"{self.day.day} {self.day:%b %Y}, end of the day"


def publication(corpus: Corpus) -> Cutoff:
    return Cutoff(corpus.article.published, at_publication=True)


def cutoffs(corpus: Corpus) -> list[Cutoff]:
    """The cut-offs a student can choose: publication, then each day's end up to where the story ends."""
    first = corpus.article.published
    days = (story_end(corpus) - first).days
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


def events_shown(corpus: Corpus, cutoff: Cutoff, name: str | None = None) -> list[Event]:
    """The events visible at ``cutoff`` that fall (at least partly) within the period ``name``, oldest first."""
    _, _, start, end = period(corpus, name)
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
