"""The annotations cover facts.md §1.2–1.5 and Part 2, and every offset points at its evidence."""

import datetime as dt

import brink
from brink.core.evidence import sentence_spans

CORPUS = brink.load()


def _text(span):
    return CORPUS.article.paragraphs[span.paragraph - 1][span.start : span.end]


def test_every_span_points_at_its_words():
    spans = [s.evidence for s in CORPUS.statements]
    spans += [t.phrase for t in CORPUS.time_expressions]
    spans += [e for p in CORPUS.positions for e in p.evidence]
    spans += [e for ev in CORPUS.events for e in ev.evidence]
    assert len(spans) > 60
    for span in spans:
        assert _text(span) == span.text


def test_twenty_statements_like_facts_md():
    assert [s.id[:3] for s in CORPUS.statements] == [f"s{n:02d}" for n in range(1, 21)]
    assert CORPUS.statement("s11-few-reasons-for-optimism").speakers == ("lavrov", "peskov")
    assert CORPUS.statement("s04-lavrov-if-up-to-russia").form == "quote"
    assert CORPUS.statement("s09-lavrov-false-arguments").fidelity == "unconfirmed"


def test_ukraine_never_speaks():
    assert not CORPUS.actor("ukraine").speaks
    assert all("ukraine" not in s.speakers for s in CORPUS.statements)
    assert all(p.side != "ukraine" for p in CORPUS.positions)


def test_every_time_expression_of_facts_md_is_annotated():
    phrases = {t.phrase.text for t in CORPUS.time_expressions}
    assert phrases >= {
        "at least for now", "has signaled", "has indicated", "impending", "on Friday", "a day after",
        "in February", "On Wednesday", "in December", "has remained silent", "was reviewing",
        "would not rush", "have repeatedly denied", "have repeatedly said", "Friday",
        "in the coming weeks", "earlier this month", "had hoped",
    }


def test_day_resolutions():
    days = {t.phrase.text: t.earliest for t in CORPUS.time_expressions if t.precision == "day"}
    assert days == {
        "on Friday": dt.date(2022, 1, 28),
        "Friday": dt.date(2022, 1, 28),
        "a day after": dt.date(2022, 1, 27),
        "On Wednesday": dt.date(2022, 1, 26),
    }


def test_positions_cover_each_side_and_status():
    assert {p.side for p in CORPUS.positions} >= {"russia", "us", "nato", "us-nato"}
    status = {p.id: p.status for p in CORPUS.positions}
    assert status["p02-halt-nato-expansion"] == "ruled-out"
    assert status["p12-us-diplomatic-path"] == status["p07-grains-of-reason"] == "open"


def test_who_says_so_is_only_whom_the_text_lets_speak():
    voiced = {p.id: p.voiced_by for p in CORPUS.positions}
    assert voiced["p17-nato-open-door"] == ()  # an agentless passive: not attributed (review C6)
    assert voiced["p16-core-demands-refused"] == ("reporter", "us-nato")
    assert voiced["p02-halt-nato-expansion"] == ("reporter",)  # the reporters report Russia's demand
    assert not any("nato" in v for v in voiced.values())  # NATO itself never speaks in the text


def test_context_events_are_sourced_and_confident():
    context = [e for e in CORPUS.events if e.origin == "context"]
    assert len(context) >= 25
    for event in context:
        assert event.sources and event.confidence in {"High", "Medium"}
        assert all(s.url.startswith(("https://", "http://")) for s in event.sources)


def test_the_story_stops_at_the_invasion():
    assert max(e.date for e in CORPUS.events) == dt.date(2022, 2, 24)


def test_known_on_publication_follows_the_calendar():
    published = CORPUS.article.published
    for event in CORPUS.events:
        if event.date > published:
            assert event.known_on_publication is False, event.id
        if (event.end_date or event.date) < published:
            assert event.known_on_publication is True, event.id
    uncertain = {e.id for e in CORPUS.events if e.known_on_publication is None}
    assert "cx-2022-01-28-putin-macron-call" in uncertain


def test_sentences_of_the_article():
    counts = [len(sentence_spans(p)) for p in CORPUS.article.paragraphs]
    assert counts == [1, 1, 1, 1, 2, 2, 2, 1, 3]


def test_statements_in_paragraph_are_in_reading_order():
    ids = [s.id for s in CORPUS.statements_in(7)]
    assert ids == ["s11-few-reasons-for-optimism", "s12-putin-reviewing", "s13-putin-silent",
                   "s14-officials-deny", "s15-officials-growing-threat"]
