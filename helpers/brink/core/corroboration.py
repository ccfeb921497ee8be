"""Checking the text against the documents of its day: when each appeared, and what each says about it.

A document can only have informed the text if it came out before it, and the times on official sites are
evidence to weigh, not facts: a page may show a time without its zone, and a copy may label it wrongly. So
the placement of a document says how sure it is, and why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from .records import Corpus, PrimarySource

Placement = Literal["before", "after", "cant-tell"]
SHOWN_ZONE_IF_WRONG = "UTC"  # what a copy that reads a zone-less time most often labels it (a scraper's default)


@dataclass(frozen=True)
class OnTheClock:
    """Where a document falls against the text's publication, and whether that rests on an inferred zone."""

    source: PrimarySource
    placement: Placement
    gap: dt.timedelta | None  # the document's moment minus the text's; None without a time
    zone_matters: bool  # True when reading the time in another zone would change the placement


def _side_of(gap: dt.timedelta) -> Placement:
    return "before" if gap < dt.timedelta(0) else "after"


def on_the_clock(corpus: Corpus, source: PrimarySource) -> OnTheClock:
    """Before the text, after it, or can't tell. Two moments are compared as moments (a local date can differ from
    the text's near midnight); without a time, a document of another day is still placed by its date."""
    published = corpus.article.published
    if source.moment is None or corpus.article.published_time is None:
        if source.date == published:
            return OnTheClock(source, "cant-tell", None, False)
        return OnTheClock(source, "before" if source.date < published else "after", None, False)
    gap = source.moment - corpus.article.published_at
    matters = False
    if not source.zone_stated:
        from zoneinfo import ZoneInfo

        other = dt.datetime.combine(source.date, source.time, ZoneInfo(SHOWN_ZONE_IF_WRONG))
        matters = _side_of(other - corpus.article.published_at) != _side_of(gap)
    return OnTheClock(source, _side_of(gap), gap, matters)


def timeline(corpus: Corpus) -> list[OnTheClock]:
    """Every document against the text, earliest first; those without a time keep their day's place."""
    placed = [on_the_clock(corpus, s) for s in corpus.primary_sources]
    noon = dt.time(12)

    def key(p: OnTheClock) -> tuple[dt.date, dt.datetime]:
        moment = p.source.moment or dt.datetime.combine(p.source.date, noon, dt.UTC)
        return (p.source.date, moment.astimezone(dt.UTC))

    return sorted(placed, key=key)
