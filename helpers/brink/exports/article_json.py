"""The public JSON form of the annotated article (schema ``brink.article/1``, see docs/data.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..core.records import Corpus, Source, Span

SCHEMA = "brink.article/1"


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _span(span: Span) -> dict[str, Any]:
    return {"text": span.text, "paragraph": span.paragraph, "start": span.start, "end": span.end}


def _source(source: Source) -> dict[str, Any]:
    return {"issuer": source.issuer, "description": source.description, "url": source.url,
            "date": _date(source.date), "via": source.via or None, "copy": source.copy}


def to_json(corpus: Corpus) -> dict[str, Any]:
    """A plain dict ready for ``json.dumps``: every offset is checked to point at its text."""
    a = corpus.article
    return {
        "schema": SCHEMA,
        "article": {
            "published": a.published.isoformat(),
            "published_time": a.published_time.strftime("%H:%M") if a.published_time else None,
            "published_time_zone": a.time_zone,
            "published_time_label": a.published_time_label,
            "outlet": a.outlet,
            "title": a.headline,
            "live_page_title": a.live_page_title,
            "live_page_title_as_of": a.live_page_title_as_of or None,
            "archive_check": a.archive_check or None,
            "authors": list(a.authors),
            "url": a.url,
            "rights": a.rights,
            "missing_from_copy": list(a.missing_from_copy),
            "paragraphs": list(a.paragraphs),
        },
        "actors": [
            {"id": x.id, "name": x.name, "kind": x.kind, "side": x.side, "role": x.role,
             "references": list(x.references), "speaks": x.speaks, "note": x.note or None}
            for x in corpus.actors
        ],
        "statements": [
            {"id": s.id, "speakers": list(s.speakers), "verb": s.verb, "form": s.form,
             "evidence": s.evidence.text, "paragraph": s.evidence.paragraph,
             "start": s.evidence.start, "end": s.evidence.end, "fidelity": s.fidelity,
             "fidelity_note": s.fidelity_note or None, "about": list(s.about)}
            for s in corpus.statements
        ],
        "time_expressions": [
            {"id": t.id, "phrase": t.phrase.text, "paragraph": t.phrase.paragraph, "start": t.phrase.start,
             "end": t.phrase.end, "earliest": _date(t.earliest), "latest": _date(t.latest),
             "precision": t.precision, "tense": t.tense, "reasoning": t.reasoning}
            for t in corpus.time_expressions
        ],
        "positions": [
            {"id": p.id, "side": p.side, "kind": p.kind, "summary": p.summary, "status": p.status,
             "status_note": p.status_note or None, "voiced_by": list(p.voiced_by),
             "evidence": [_span(e) for e in p.evidence]}
            for p in corpus.positions
        ],
        "events": [
            {"id": e.id, "date": e.date.isoformat(), "end_date": _date(e.end_date), "title": e.title,
             "origin": e.origin, "known_on_publication": e.known_on_publication,
             "evidence": [_span(s) for s in e.evidence], "sources": [_source(s) for s in e.sources],
             "confidence": e.confidence, "note": e.note or None}
            for e in corpus.events
        ],
    }
