"""Checks across files: event order in prose, attributions, one date per page, provenance labels."""

import json
from html import escape
from pathlib import Path
from typing import get_args

import pytest

import brink
from brink.core import checking, consistency
from brink.core.records import CopyKind
from brink.static import render

CORPUS = brink.load()
ROOT = Path(__file__).parents[1]
MENTIONS = {"Biden's warning": "biden", "Lavrov's words": "lavrov"}


@pytest.mark.parametrize(("text", "later", "earlier", "gap"), [
    ("Lavrov's words came 'a day after' Biden's warning.", "lavrov", "biden", 1),
    ("Biden's warning came before Lavrov's words.", "lavrov", "biden", None),
    ("Lavrov's words came two days later than Biden's warning.", "lavrov", "biden", 2),
    ("Biden's warning came a week after Lavrov's words.", "biden", "lavrov", 7),
])
def test_order_claims_read_both_directions(text, later, earlier, gap):
    [claim] = consistency.order_claims(text, MENTIONS)
    assert (claim.later, claim.earlier, claim.gap) == (later, earlier, gap)


def test_order_claims_need_an_event_on_each_side_within_one_sentence():
    assert consistency.order_claims("After the reveal, read Biden's warning again.", MENTIONS) == []
    assert consistency.order_claims("Biden's warning came first. After that, nothing.", MENTIONS) == []


def test_a_wrong_order_is_reported_and_a_right_one_is_not():
    wrong = "The text puts Biden's warning 'a day after' Lavrov's words."
    right = "The text says Lavrov's words came 'a day after' Biden's warning."
    assert consistency.order_problems_in(right, CORPUS) == []
    [why] = consistency.order_problems_in(wrong, CORPUS)
    assert "events.toml dates it earlier" in why


def _markdown_cells():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for number, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
            if cell["cell_type"] == "markdown":
                yield f"{path.name} cell {number}", "".join(cell["source"])


def _guides():
    for path in sorted((ROOT / "lessons").glob("*.md")):
        yield path.name, path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("where", "text"), [*_markdown_cells(), *_guides()], ids=lambda v: v if len(v) < 60 else "")
def test_notebooks_and_guides_order_events_as_the_data_does(where, text):
    assert consistency.order_problems_in(text, CORPUS) == [], where


def test_overlapping_dates_may_be_ordered_either_way():
    """'Earlier this month' (1–27 January) cannot be placed against 26 and 27 January from the text alone (review C13)."""
    exercise = CORPUS.exercise("nb02-predict-order")
    assert exercise.positions("talks") == (2, 4)
    assert exercise.positions("demands") == (1, 1) and exercise.positions("lavrov") == (5, 5)
    for talks_at in (1, 2, 3):
        answer = ["demands", "responses", "biden", "lavrov"]
        answer.insert(talks_at, "talks")
        assert checking.check(exercise, answer).verdict == checking.RIGHT, answer
    late = checking.check(exercise, ["demands", "responses", "biden", "lavrov", "talks"])
    assert late.verdict == checking.PARTLY
    assert any("“High-level talks end without a breakthrough” belongs in positions 2 to 4" in m for m in late.messages)


def test_every_copy_kind_has_a_label_and_every_source_shows_its_copy():
    assert set(render.COPY_LABELS) == set(get_args(CopyKind))
    for _, _, source in consistency.cited(CORPUS):
        html, text = render.source_line(source)
        label = render.COPY_LABELS[source.copy]
        assert label in text and escape(label) in html
        assert source.issuer and (source.copy == "issuer") == (not source.via)


def test_the_shortened_lavrov_quote_is_backed_by_independent_same_day_reports():
    check = next(q for q in CORPUS.quote_checks if q.id == "q1-lavrov-no-war")
    issuers = {s.issuer for s in check.sources}
    assert {"Russian Foreign Ministry", "Associated Press", "Reuters", "EADaily"} <= issuers
    mirror = next(s for s in check.sources if s.issuer == "Russian Foreign Ministry")
    assert mirror.copy == "partisan-mirror"


def test_every_label_map_covers_the_vocabulary_this_pass_touched():
    from brink.core import loading
    from brink.core.records import HEDGE_KINDS
    from brink.static import demands_tables, reading_tables

    assert set(reading_tables.HEDGE_KIND_LABELS) == set(HEDGE_KINDS)
    assert set(render.FIDELITY_LABELS) == set(loading.FIDELITY)
    assert set(demands_tables.STATUS) == set(loading.STATUSES)
    assert set(demands_tables.STANCE) == set(loading.STANCES)


def test_the_reporters_own_evaluative_words_are_annotated():
    """Review C4: the reporters' narration carries loaded words; they are annotated with verbatim evidence."""
    theirs = {h.span.text for h in CORPUS.hedges if h.holders == ("reporter",) and h.kind != "hedge"}
    for words in ("ratcheting", "impending", "cooling", "firmly", "spur", "incensed", "contentious", "repeatedly"):
        assert any(words in t for t in theirs), words
