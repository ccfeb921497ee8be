"""Issue 16: the documents of the day (documents.toml), notebook 04 on them, Ukraine's own words, the summative task."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from datafiles import edit

import brink
from brink.__main__ import main
from brink.core.corroboration import on_the_clock
from brink.core.records import STORABLE

ROOT = Path(__file__).parents[1]
SOURCES = ROOT.parent / "shared" / "reference" / "sources.md"  # the source notes, where a checkout has them
CORPUS = brink.load()


def test_each_side_speaks_in_its_own_documents():
    sides = {d.side for d in CORPUS.primary_sources}
    assert {"us", "russia", "ukraine"} <= sides
    for document in CORPUS.primary_sources:
        assert not document.text or document.licence in STORABLE, document.id
        assert document.text or document.licence not in STORABLE or document.quote


def excerpts(notes: str) -> str:
    """Every quoted line of the source notes, joined as the course joins a paragraph."""
    lines = [line[1:].strip() for line in notes.splitlines() if line.startswith(">")]
    return " ".join(" ".join(lines).split())


@pytest.mark.skipif(not SOURCES.exists(), reason="the source notes (shared/reference/sources.md) are not in this checkout")
def test_every_stored_text_and_quote_is_verbatim_from_the_source_notes():
    quoted = excerpts(SOURCES.read_text(encoding="utf-8"))
    for document in CORPUS.primary_sources:
        for piece in (*document.text, document.quote):
            assert " ".join(piece.split()) in quoted, (document.id, piece[:60])


def test_the_clock_question_agrees_with_the_documents():
    """The key of "On the clock" is the placement computed from each page's time and zone."""
    question = CORPUS.exercise("story-clock")
    for item in question.items:
        assert on_the_clock(CORPUS, CORPUS.primary_source(item.id)).placement == item.answer, item.id
    kremlin = on_the_clock(CORPUS, CORPUS.primary_source("ru-kremlin-macron-call"))
    assert kremlin.placement == "before" and kremlin.zone_matters  # the close call the lesson weighs


def test_the_relations_question_agrees_with_the_documents():
    question = CORPUS.exercise("story-relations")
    for item in question.items:
        checks = CORPUS.primary_source(item.id).checks
        assert item.answer in {c.relation for c in checks}, item.id
        assert any(c.words in item.text for c in checks), item.id


@pytest.mark.parametrize(("old", "new", "expected"), [
    pytest.param('licence = "unconfirmed"',
                 'licence = "unconfirmed"\ntext = ["So today, NATO has conveyed our written proposals to Russia."]',
                 "nato-stoltenberg · text: the licence is 'unconfirmed', so the text may not be stored", id="text-without-licence"),
    pytest.param('quote = "But they have conveyed they’re reviewing what was sent to them."',
                 'quote = "But they have conveyed they are reviewing what was sent to them."',
                 "us-psaki-briefing · quote: the quotation is not in the stored text", id="quote-not-verbatim"),
    pytest.param('time = "16:15"\nzone = "Europe/Moscow"', 'time = "16:15"',
                 "ru-kremlin-macron-call · zone: this field is missing", id="time-without-zone"),
    pytest.param('words = "NATO has conveyed our written proposals to Russia"', 'words = "NATO delivered its answer"',
                 "check 1 · words: these words are not in the document's text or quotation", id="check-words-not-in-document"),
    pytest.param('post = "cooling talk of conflict"', 'post = "warming talk of conflict"',
                 "check 1 · post", id="check-post-not-in-text"),
])
def test_bad_documents_are_reported(data_copy, capsys, old, new, expected):
    edit(data_copy, "documents.toml", old, new)
    assert main(["check", str(data_copy)]) == 1
    assert expected in capsys.readouterr().out


def test_a_role_card_names_only_known_documents(data_copy, capsys):
    edit(data_copy, "roles.toml", '"ua-foreign-diplomats"', '"ua-missing"')
    assert main(["check", str(data_copy)]) == 1
    assert "adviser-ukraine · documents: unknown document 'ua-missing'" in capsys.readouterr().out


def test_the_ukrainian_adviser_works_from_ukraines_own_words():
    from brink.static.demands_tables import role_card

    role = next(r for r in CORPUS.roles if r.delegation == "ukraine")
    assert role.documents and all(CORPUS.primary_source(d).side == "ukraine" for d in role.documents)
    card = role_card(CORPUS, role).text
    for document in role.documents:
        assert CORPUS.primary_source(document).quote in card


def test_the_summative_task_quotes_its_sources_exactly():
    task = (ROOT / "lessons" / "summative-task.md").read_text(encoding="utf-8")
    assert "(summative-task.md)" in (ROOT / "lessons" / "README.md").read_text(encoding="utf-8")
    article = " ".join(CORPUS.article.paragraphs)
    post = task[task.index("From the post"):task.index("From the documents")]
    for quoted in re.findall(r'"([^"]{12,})"', " ".join(post.split())):
        for piece in quoted.split(" … "):
            assert piece.strip("“”") in article or piece in article, piece
    documents = " ".join(task[task.index("From the documents"):task.index("## Rubric")].split())
    used = [d for d in CORPUS.primary_sources if d.quote in documents]
    assert {d.side for d in used} >= {"russia", "us"}
    assert task.count("sample written for the course") == 3
