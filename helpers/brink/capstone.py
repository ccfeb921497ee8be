"""The capstone: each forward-looking claim as a card (wording, conditions and hedges, and what a reader
could know on 28 January), and, only in the reveal, what happened next with its sources.

The cards use only events known at publication; the outcomes use only later events. The data file and its
checks keep the two apart, so nothing from after 28 January can leak into the part students read first.
"""

from __future__ import annotations

from html import escape

from .records import Claim, Corpus
from .render import Static, source_line, speaker_names
from .timeline import date_label


def _hedges(corpus: Corpus, claim: Claim) -> list[str]:
    evidence = corpus.statement(claim.statement).evidence
    found = []
    for hedge in corpus.hedges:
        span = hedge.span
        if (hedge.kind in ("hedge", "booster") and span.paragraph == evidence.paragraph
                and span.start < evidence.end and evidence.start < span.end):
            kind = "condition" if hedge.type == "conditional" else hedge.kind
            found.append(f"“{span.text}” ({kind}: {hedge.note})")
    return found


def claim_card(corpus: Corpus, claim: Claim, number: int) -> Static:
    """One claim as students meet it before the reveal."""
    statement = corpus.statement(claim.statement)
    who = speaker_names(corpus, statement)
    how = "as the reporters put it" if statement.form in ("paraphrase", "narration") else "quoted"
    hedges = _hedges(corpus, claim) or ["none: the words are stated without a hedge"]
    known = sorted((corpus.event(e) for e in claim.known), key=lambda e: (e.date, e.end_date or e.date))
    known_lines = [(f"{date_label(e)}: {e.title}", [source_line(s) for s in e.sources]) for e in known]
    html = (f'<div class="brink-claim" style="border:1px solid #555;padding:0.4em 1em;margin:0.8em 0">'
            f"<p><strong>Claim {number}</strong> (P{statement.evidence.paragraph}): “{escape(statement.evidence.text)}”</p>"
            f"<p><em>Who:</em> {escape(who)}, {how}.</p>"
            "<p><em>Conditions and hedges:</em></p><ul>" + "".join(f"<li>{escape(h)}</li>" for h in hedges) + "</ul>"
            "<p><em>What a reader could know by 8:38 a.m. ET on 28 January:</em></p><ul>"
            + "".join(f"<li>{escape(t)}" + (" (" + "; ".join(h for h, _ in s) + ")" if s else "") + "</li>"
                      for t, s in known_lines) + "</ul></div>")
    text = (f"Claim {number} (P{statement.evidence.paragraph}): “{statement.evidence.text}”\nWho: {who}, {how}\n"
            "Conditions and hedges:\n" + "\n".join(f"- {h}" for h in hedges)
            + "\nWhat a reader could know by 8:38 a.m. ET on 28 January:\n"
            + "\n".join(f"- {t}" + (" (" + "; ".join(x for _, x in s) + ")" if s else "") for t, s in known_lines))
    return Static(html, text)


def claim_cards(corpus: Corpus) -> Static:
    cards = [claim_card(corpus, c, n) for n, c in enumerate(corpus.claims, start=1)]
    return Static("".join(c.html for c in cards), "\n\n".join(c.text for c in cards))


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
    note = ("The course's account stops on 24 February 2022. The war continued after that date; the course makes no "
            "claims about later events.")
    return Static('<div class="brink-reveal">' + "".join(html) + f"<p><em>{escape(note)}</em></p></div>",
                  "\n\n".join(text) + "\n\n" + note)
