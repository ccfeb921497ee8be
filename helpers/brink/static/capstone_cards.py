"""The capstone on paper and screen: each claim as a card, and, only in the reveal, what happened next."""

from __future__ import annotations

from html import escape

from ..core.capstone import claim_hedges, known_events
from ..core.reading import narrated
from ..core.records import Claim, Corpus
from ..core.timeline import date_label, story_end
from .render import Static, needs, source_line, speaker_names


def _moment(corpus: Corpus) -> str:
    """The moment a reader reads the text: "8:38 a.m. ET on 28 January"."""
    a = corpus.article
    day = f"{a.published.day} {a.published:%B}"
    return f"{a.time_label} on {day}" if a.published_time is not None else day


def _hedges(corpus: Corpus, claim: Claim) -> list[str]:
    return [f"“{h.span.text}” ({'condition' if h.type == 'conditional' else h.kind}: {h.note})"
            for h in claim_hedges(corpus, claim)]


def claim_card(corpus: Corpus, claim: Claim, number: int) -> Static:
    """One claim as students meet it before the reveal."""
    statement = corpus.statement(claim.statement)
    who = speaker_names(corpus, statement)
    how = narrated(corpus, "as {narrator_plural} put it") if statement.form in ("paraphrase", "narration") else "quoted"
    hedges = _hedges(corpus, claim) or ["none: the words are stated without a hedge"]
    known = known_events(corpus, claim)
    known_lines = [(f"{date_label(e)}: {e.title}", [source_line(s) for s in e.sources]) for e in known]
    html = (f'<div class="brink-claim" style="border:1px solid #555;padding:0.4em 1em;margin:0.8em 0">'
            f"<p><strong>Claim {number}</strong> (P{statement.evidence.paragraph}): “{escape(statement.evidence.text)}”</p>"
            f"<p><em>Who:</em> {escape(who)}, {how}.</p>"
            "<p><em>Conditions and hedges:</em></p><ul>" + "".join(f"<li>{escape(h)}</li>" for h in hedges) + "</ul>"
            f"<p><em>What a reader could know by {escape(_moment(corpus))}:</em></p><ul>"
            + "".join(f"<li>{escape(t)}" + (" (" + "; ".join(h for h, _ in s) + ")" if s else "") + "</li>"
                      for t, s in known_lines) + "</ul></div>")
    text = (f"Claim {number} (P{statement.evidence.paragraph}): “{statement.evidence.text}”\nWho: {who}, {how}\n"
            "Conditions and hedges:\n" + "\n".join(f"- {h}" for h in hedges)
            + f"\nWhat a reader could know by {_moment(corpus)}:\n"
            + "\n".join(f"- {t}" + (" (" + "; ".join(x for _, x in s) + ")" if s else "") for t, s in known_lines))
    return Static(html, text)


@needs("claims", "claims.toml", "claim cards")
def claim_cards(corpus: Corpus) -> Static:
    cards = [claim_card(corpus, c, n) for n, c in enumerate(corpus.claims, start=1)]
    return Static("".join(c.html for c in cards), "\n\n".join(c.text for c in cards))


@needs("claims", "claims.toml", "reveal of what happened next")
def outcomes(corpus: Corpus) -> Static:
    """What happened next, claim by claim, each fact with its source. For the reveal only."""
    html, text = [], []
    for number, claim in enumerate(corpus.claims, start=1):
        statement = corpus.statement(claim.statement)
        events = [corpus.event(e) for e in claim.outcome_events]
        items_html = "".join(
            f"<li>{escape(date_label(e))}: {escape(e.title)} ("
            + "; ".join(h for h, _ in (source_line(s) for s in e.sources)) + ")</li>" for e in events)
        html.append(f'<div class="brink-outcome" style="margin:0.8em 0"><p><strong>Claim {number}:</strong> '
                    f"“{escape(statement.evidence.text)}”</p><p>{escape(claim.outcome)}</p><ul>{items_html}</ul></div>")
        text.append(f"Claim {number}: “{statement.evidence.text}”\n{claim.outcome}\n"
                    + "\n".join(f"- {date_label(e)}: {e.title} (" + "; ".join(t for _, t in (source_line(s) for s in e.sources))
                                + ")" for e in events))
    end = story_end(corpus)
    note = (f"The course's account stops on {end.day} {end:%B %Y}. "
            + (corpus.article.story_end_note or "The course makes no claims about later events."))
    return Static('<div class="brink-reveal">' + "".join(html) + f"<p><em>{escape(note)}</em></p></div>",
                  "\n\n".join(text) + "\n\n" + note)
