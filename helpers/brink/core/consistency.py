"""Checks across files: what one part of the data says about another must agree with it.

:mod:`brink.core.loading` checks each entry as it reads it. Some errors show only when entries are set side by
side: feedback that puts two events in the wrong order, a stance credited to someone the text never lets
speak, one web page cited with two different dates. The review of 0.1 found each of these by hand (C1, C6,
C8); these rules find them on every ``brink check``, so the same kind of error cannot come back unseen.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .problems import Problem
from .records import Corpus, Event, Source, Span


def check(corpus: Corpus) -> list[Problem]:
    """Every cross-file problem in a corpus whose files each passed their own checks."""
    return [*source_dates(corpus), *attributions(corpus), *hedge_holders(corpus), *quote_fits(corpus),
            *event_order(corpus), *rated_claims(corpus)]


def rated_claims(corpus: Corpus) -> list[Problem]:
    """A question that rates a claim names one in claims.toml (the class report sets its ratings against the outcome)."""
    known = {c.id for c in corpus.claims}
    return [Problem(f"exercises/{e.notebook}.toml", e.id, "claim", f"there is no claim {e.claim!r} in claims.toml",
                    f"use one of: {', '.join(sorted(known)) or 'none (add claims.toml first)'}")
            for e in corpus.exercises if e.claim and e.claim not in known]


def quote_fits(corpus: Corpus) -> list[Problem]:
    """A quote check compares words of its statement: its words in the text must lie inside that statement."""
    problems = []
    for check_ in corpus.quote_checks:
        evidence = corpus.statement(check_.statement).evidence
        inside = (evidence.paragraph == check_.in_text.paragraph and evidence.start <= check_.in_text.start
                  and check_.in_text.end <= evidence.end)
        if not inside:
            problems.append(Problem("quote_checks.toml", check_.id, "statement",
                                    f"its words in the text are not part of {check_.statement}",
                                    "name the statement that holds these words, or copy the words from it"))
    return problems


# -- one page, one date -------------------------------------------------------------------------------
def cited(corpus: Corpus) -> Iterator[tuple[str, str, Source]]:
    """Every source in the data, with the file and entry that cite it."""
    for event in corpus.events:
        for source in event.sources:
            yield "events.toml", event.id, source
    for check_ in corpus.quote_checks:
        for source in check_.sources:
            yield "quote_checks.toml", check_.id, source
    for provision in corpus.provisions:
        for source in provision.sources:
            yield "drafts.toml", provision.id, source


def source_dates(corpus: Corpus) -> list[Problem]:
    """A web page has one date: the same URL cited as a report of two different days is an error (review C8)."""
    first_seen: dict[str, tuple[dt.date, str, str]] = {}
    problems = []
    for file, entry, source in cited(corpus):
        if source.date is None:
            continue
        seen = first_seen.setdefault(source.url, (source.date, file, entry))
        if seen[0] != source.date:
            problems.append(Problem(
                file, entry, "sources",
                f"{source.url} is dated {source.date} here but {seen[0]} in {seen[1]} · {seen[2]}",
                "one page has one date: correct the date, or cite a page that belongs to this day"))
    return problems


# -- who says so ----------------------------------------------------------------------------------------
def _overlaps(a: Span, b: Span) -> bool:
    return a.paragraph == b.paragraph and a.start < b.end and b.start < a.end


def voices(corpus: Corpus, spans: Iterable[Span]) -> set[str]:
    """The speakers of every statement that holds any of these words."""
    spans = tuple(spans)
    return {speaker for s in corpus.statements if any(_overlaps(s.evidence, span) for span in spans)
            for speaker in s.speakers}


def narrators(corpus: Corpus) -> set[str]:
    """Whoever speaks the text's own narration (the reporters, in a news report)."""
    return {speaker for s in corpus.statements if s.form == "narration" for speaker in s.speakers}


def _credit_fix(corpus: Corpus) -> str:
    narrator = sorted(narrators(corpus)) or ["reporter"]
    return (f'credit the words to whoever says them in the text (voiced_by = ["{narrator[0]}"] for the text\'s own '
            "narration), or write voiced_by = [] when the text does not say who")


def attributions(corpus: Corpus) -> list[Problem]:
    """A position or stance may be credited only to someone the text lets say it (review C6).

    Every actor in ``voiced_by`` must be a speaker of a statement that holds the entry's evidence, or the
    narrator. A stance without ``voiced_by`` is credited to its side, so one of that side's actors must speak
    in its evidence; narration and agentless passives ("has been kept firmly off the table") do not count.
    """
    problems = []
    told = narrators(corpus)
    for position in corpus.positions:
        spoken = voices(corpus, position.evidence)
        for actor in position.voiced_by:
            if actor not in told and actor not in spoken:
                problems.append(Problem(
                    "positions.toml", position.id, "voiced_by",
                    f"the text never lets {corpus.actor(actor).name} say this: none of the evidence is in a statement "
                    "of theirs", _credit_fix(corpus)))
    for issue in corpus.issues:
        for number, stance in enumerate(issue.stances, start=1):
            if stance.stance == "silent":
                continue
            spoken = voices(corpus, stance.evidence)
            if stance.voiced_by is not None:
                unbacked = [a for a in stance.voiced_by if a not in told and a not in spoken]
                if unbacked:
                    problems.append(Problem(
                        "stances.toml", f"{issue.id} stance {number}", "voiced_by",
                        f"the text never lets {corpus.actor(unbacked[0]).name} say this", _credit_fix(corpus)))
                continue
            # A joint side speaks for each of its members: "the US and its NATO allies" is a voice for both.
            members = {a.id for a in corpus.actors if stance.side in (a.side, *corpus.party(a.side).members)}
            if not members & spoken:
                problems.append(Problem(
                    "stances.toml", f"{issue.id} stance {number}", "evidence",
                    f"no one from the side '{stance.side}' speaks in this evidence: it is narration or an agentless "
                    "passive", _credit_fix(corpus)))
    return problems


def _in_verb(statement, span: Span) -> bool:
    """True when ``span`` falls on the statement's reporting verb: that word is always the reporters' choice."""
    if not statement.verb:
        return False
    at = statement.evidence.text.find(statement.verb)
    start = statement.evidence.start + at
    return at >= 0 and start < span.end and span.start < start + len(statement.verb)


def hedge_holders(corpus: Corpus) -> list[Problem]:
    """Words inside a speaker's statement carry that statement's speakers, all of them, or the reporters' own
    wording (review C18: "would not rush" was credited to Peskov alone, where the text credits Lavrov and Peskov)."""
    problems = []
    told = narrators(corpus)
    for hedge in corpus.hedges:
        holders = set(hedge.holders)
        if holders <= told:
            continue
        for statement in corpus.statements:
            evidence = statement.evidence
            inside = (evidence.paragraph == hedge.span.paragraph and evidence.start <= hedge.span.start
                      and hedge.span.end <= evidence.end)
            if not inside or statement.form == "narration" or _in_verb(statement, hedge.span):
                continue
            if holders != set(statement.speakers):
                names = " and ".join(corpus.actor(a).name for a in statement.speakers)
                wanted = ", ".join(f'"{a}"' for a in statement.speakers)
                problems.append(Problem(
                    "hedges.toml", hedge.id, "holder",
                    f"the words are inside {statement.id}, which the text credits to {names}",
                    f"write holder = [{wanted}], or the reporter's id if the words are the reporters' own"))
    return problems


# -- before and after -----------------------------------------------------------------------------------
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
CONNECTOR = re.compile(
    r"\b(?:(?P<count>a|an|one|two|three|four|five|six|seven|\d+) (?P<unit>days?|weeks?) )?"
    r"(?P<word>after|before|earlier than|later than)\b", re.IGNORECASE)
SENTENCE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class OrderClaim:
    """'X … after Y': the prose says event ``later`` came after event ``earlier`` (``gap`` days, when given)."""

    later: str
    earlier: str
    words: str
    gap: int | None


def order_claims(text: str, mentions: dict[str, str]) -> list[OrderClaim]:
    """Each "X after Y" / "X before Y" in ``text`` where X and Y are phrases that name events.

    ``mentions`` maps a phrase (as events.toml gives it) to its event id. The nearest named event on each
    side of the connecting words, within one sentence, is taken as the pair the sentence orders.
    """
    lowered = {phrase.lower(): event for phrase, event in mentions.items()}
    found = []
    for sentence in SENTENCE.split(text):
        low = sentence.lower()
        hits = sorted((m.start(), m.end(), event) for phrase, event in lowered.items()
                      for m in re.finditer(re.escape(phrase), low))
        for connector in CONNECTOR.finditer(sentence):
            left = [h for h in hits if h[1] <= connector.start()]
            right = [h for h in hits if h[0] >= connector.end()]
            if not left or not right:
                continue
            x, y = max(left, key=lambda h: h[1])[2], min(right)[2]
            if x == y:
                continue
            count, unit = connector.group("count"), connector.group("unit")
            gap = None
            if count:
                gap = (_COUNTS.get(count.lower()) or int(count)) * (7 if unit.lower().startswith("week") else 1)
            if connector.group("word").lower() in ("after", "later than"):
                found.append(OrderClaim(x, y, connector.group(0), gap))
            else:
                found.append(OrderClaim(y, x, connector.group(0), gap))
    return found


def _days(event: Event) -> tuple[dt.date, dt.date]:
    return event.date, event.end_date or event.date


def contradiction(claim: OrderClaim, events: dict[str, Event]) -> str | None:
    """Why the dates contradict the claim, or None when they agree or cannot settle it (overlapping dates)."""
    later, earlier = events[claim.later], events[claim.earlier]
    (l_start, l_end), (e_start, e_end) = _days(later), _days(earlier)
    if l_end < e_start:
        return (f"'{claim.words}' puts “{later.title}” ({l_start}) after “{earlier.title}” ({e_start}), "
                "but events.toml dates it earlier")
    if claim.gap is not None and l_start == l_end and e_start == e_end and (l_start - e_start).days != claim.gap:
        return (f"'{claim.words}' puts {claim.gap} day(s) between “{earlier.title}” ({e_start}) and "
                f"“{later.title}” ({l_start}), but events.toml puts {(l_start - e_start).days}")
    return None


def mention_table(corpus: Corpus) -> dict[str, str]:
    return {phrase: event.id for event in corpus.events for phrase in event.mentions}


def order_problems_in(text: str, corpus: Corpus) -> list[str]:
    """What is wrong with the event order stated in a piece of prose (a notebook cell, a guide)."""
    events = {e.id: e for e in corpus.events}
    return [why for claim in order_claims(text, mention_table(corpus))
            if (why := contradiction(claim, events))]


def _prose(corpus: Corpus) -> Iterator[tuple[str, str, str, str]]:
    """(file, entry, field, text) for every piece of prose in the data that could order two events."""
    for ex in corpus.exercises:
        file = f"exercises/{ex.notebook}.toml"
        yield from ((file, ex.id, f, t) for f, t in (("prompt", ex.prompt), ("explanation", ex.explanation),
                                                    ("next", ex.next)))
        for option in ex.options:
            yield from ((file, f"{ex.id} option {option.id}", f, t)
                        for f, t in (("text", option.text), ("feedback", option.feedback), ("next", option.next)))
        for item in ex.items:
            texts = (("text", item.text), ("feedback", item.feedback), ("next", item.next),
                     *(("misconceptions", why) for _, why in item.misconceptions))
            yield from ((file, f"{ex.id} item {item.id}", f, t) for f, t in texts)
    for claim in corpus.claims:
        yield "claims.toml", claim.id, "outcome", claim.outcome
    for event in corpus.events:
        yield "events.toml", event.id, "note", event.note
    for statement in corpus.statements:
        yield "statements.toml", statement.id, "fidelity_note", statement.fidelity_note


def event_order(corpus: Corpus) -> list[Problem]:
    """Prose that orders two events ('a day after', 'before', 'later than') must agree with their dates (review C1)."""
    events, mentions = {e.id: e for e in corpus.events}, mention_table(corpus)
    problems = []
    for file, entry, field, text in _prose(corpus):
        for claim in order_claims(text, mentions):
            why = contradiction(claim, events)
            if why:
                problems.append(Problem(file, entry, field, why,
                                        "correct the order in the prose (or the event's date, if that is what is wrong)"))
    return problems
