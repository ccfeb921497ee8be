"""The timeline as data: which events a reader could see at a given moment, and how to say their dates.

No rendering here: the tables and the alt text are in :mod:`brink.static.timeline_tables`, the figure in
:mod:`brink.views.figures`.

The knowledge cut-off is the heart of it. At the moment of publication (8:38 a.m. US Eastern, 28 Jan
2022) a reader could know everything that had happened before, and nothing after; for events on the
day itself the annotation says whether they came before the post (``known_on_publication``), and an
event whose timing is not known is shown and marked as uncertain. Moving the cut-off later reveals
events day by day, up to 24 February 2022, where the course's narrative stops.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .records import Corpus, Event

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
