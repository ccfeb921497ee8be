"""The capstone: each forward-looking claim as a card (wording, conditions and hedges, and what a reader
could know on 28 January), and, only in the reveal, what happened next with its sources.

The cards use only events known at publication; the outcomes use only later events. The data file and its
checks keep the two apart, so nothing from after 28 January can leak into the part students read first.
"""

from __future__ import annotations

from .records import Claim, Corpus, Event, Hedge


def claim_hedges(corpus: Corpus, claim: Claim) -> list[Hedge]:
    """The hedges and boosters inside the claim's words: how sure it sounds, and on what condition."""
    evidence = corpus.statement(claim.statement).evidence
    return [h for h in corpus.hedges
            if h.kind in ("hedge", "booster") and h.span.paragraph == evidence.paragraph
            and h.span.start < evidence.end and evidence.start < h.span.end]


def known_events(corpus: Corpus, claim: Claim) -> list[Event]:
    """What a reader could know that bears on the claim, oldest first."""
    return sorted((corpus.event(e) for e in claim.known), key=lambda e: (e.date, e.end_date or e.date))
