"""Ask before you show (review P2), fewer items (P4), words where they first appear (issue 15).

Every exercise says what it asks (``asks`` in its file); every view says what it shows (``views.SHOWS``). A
notebook may not show a view above a question that asks what the view shows. Notebook 00 comes before all the
others, so its views count as above every later question.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

import brink
from brink import views
from brink.core.records import FACTS

NOTEBOOKS = sorted((Path(__file__).parents[1] / "notebooks").glob("[0-9][0-9]-*.ipynb"))
CALL = re.compile(r"views\.(\w+)\(")
QUESTION = re.compile(r'views\.question\("([^"]+)"\)')
WORDS = re.compile(r"views\.words\(corpus, (.*)\)")
MOST_QUESTIONS = 10
MOST_PER_PERIOD = 8


@pytest.fixture(scope="module")
def corpus():
    return brink.load()


def cells(path: Path) -> list[nbformat.NotebookNode]:
    return nbformat.read(path, as_version=4).cells


def giveaways(notebooks: list[tuple[str, list]], corpus) -> list[str]:
    """Each question with a view above it that shows what the question asks."""
    found, shown = [], {}  # fact -> where it was first shown
    for name, notebook in notebooks:
        for number, cell in enumerate(notebook):
            if cell.cell_type != "code":
                continue
            if match := QUESTION.search(cell.source):
                asks = corpus.exercise(match.group(1)).asks or ()
                found += [f"{name}: {match.group(1)} asks '{fact}', shown above it by {shown[fact]}"
                          for fact in asks if fact in shown]
                continue
            for view in CALL.findall(cell.source):
                for fact in views.shows(view, corpus):
                    shown.setdefault(fact, f"{view} ({name}, cell {number})")
        if name.startswith("00-"):
            continue  # 00 is read before everything else: what it shows stays shown
        shown = {fact: where for fact, where in shown.items() if "(00-" in where}
    return found


def course(corpus) -> list[tuple[str, list]]:
    return [(path.stem, cells(path)) for path in NOTEBOOKS]


def test_every_exercise_says_what_it_asks(corpus):
    missing = [x.id for x in corpus.exercises if x.asks is None]
    assert not missing, f"add asks = [...] (one of {FACTS}) to: {missing}"


def test_every_view_says_what_it_shows():
    public = {name for name in views.__all__ if name[0].islower()}
    assert public <= set(views.SHOWS), f"add to views.SHOWS: {sorted(public - set(views.SHOWS))}"
    assert all(set(facts) <= set(FACTS) for facts in views.SHOWS.values())


def test_no_view_gives_a_question_away(corpus):
    assert giveaways(course(corpus), corpus) == []


def test_a_view_moved_above_its_question_is_caught(corpus):
    """A broken copy: notebook 01 with the marked reader moved above the questions on who speaks."""
    notebooks = course(corpus)
    name, nb01 = notebooks[1]
    reader = next(c for c in nb01 if "views.reader_view(" in c.source)
    first_question = next(i for i, c in enumerate(nb01) if "nb01-who-speaks-p7" in c.source)
    moved = [c for c in nb01 if c is not reader]
    moved.insert(first_question - 1, reader)
    notebooks[1] = (name, moved)
    assert any("nb01-who-speaks-p7 asks 'speaker', shown above it by reader_view" in g
               for g in giveaways(notebooks, corpus))
    # and across notebooks: a view in 00 stays above the questions of every later notebook
    notebooks = course(corpus)
    notebooks[0][1].append(nbformat.v4.new_code_cell("views.clocks_table(corpus)"))
    assert any("nb02-moscow-time asks 'clock'" in g for g in giveaways(notebooks, corpus))


def periods(notebook: list) -> list[list[str]]:
    """The question ids of each class period (a notebook taught in two periods has a "## Period 2" heading)."""
    found: list[list[str]] = [[]]
    for cell in notebook:
        if cell.cell_type == "markdown" and re.search(r"^## Period \d", cell.source, re.M):
            found.append([])
        elif cell.cell_type == "code" and (match := QUESTION.search(cell.source)):
            found[-1].append(match.group(1))
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_few_questions_per_notebook_and_per_period(path, corpus):
    """Review P4: 10 to 13 questions a lesson was too many. At most 10 a notebook, at most 8 a 50-minute period, and
    every exercise of the notebook is asked in it exactly once."""
    parts = periods(cells(path))
    asked = [q for part in parts for q in part]
    assert len(asked) <= MOST_QUESTIONS
    assert all(len(part) <= MOST_PER_PERIOD for part in parts), [len(p) for p in parts]
    assert sorted(asked) == sorted(x.id for x in corpus.exercises_for(path.stem))


def mentions(cell, corpus) -> str:
    if cell.cell_type == "markdown":
        return cell.source
    if "views.article(" in cell.source:
        return "\n".join(corpus.article.paragraphs)
    return ""


def misplaced_words(notebook: list, corpus) -> list[str]:
    """Each glossary term whose meaning is not shown by the first code cell after it first appears (the notebook's
    title cell aside: its objectives name skills before they are taught)."""
    found = []
    for term in corpus.glossary:
        pattern = re.compile(rf"\b{re.escape(term.term)}", re.I)
        first = next((i for i, c in enumerate(notebook) if i and pattern.search(mentions(c, corpus))), None)
        if first is None:
            continue
        shown = [i for i, c in enumerate(notebook)
                 if (m := WORDS.search(c.source)) and f'"{term.id}"' in m.group(1)]
        after = next((i for i, c in enumerate(notebook) if i > first and c.cell_type == "code"), len(notebook))
        if not shown or shown[0] > after:
            found.append(f"{term.id} first appears in cell {first}; show views.words(corpus, \"{term.id}\") by cell {after}")
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_words_are_shown_where_they_first_appear(path, corpus):
    assert misplaced_words(cells(path), corpus) == []


def test_a_missing_word_box_is_caught(corpus):
    nb01 = [c for c in cells(NOTEBOOKS[1]) if '"hedge", "booster"' not in c.source]
    assert any(problem.startswith("hedge first appears") for problem in misplaced_words(nb01, corpus))


def test_the_status_question_uses_the_boards_labels(corpus):
    """One classification scheme per skill, with the same label everywhere (review P4, C10)."""
    from brink.static.demands_tables import STATUS, status_label

    asked = [x for x in corpus.exercises if x.type == "classify" and "status" in (x.asks or ())]
    assert asked
    for exercise in asked:
        assert [(c.id, c.label) for c in exercise.categories] == [(key, status_label(key)) for key in STATUS]


def test_one_attribution_scheme_with_the_same_label_everywhere(corpus):
    """Review P4: S14, S15 and S20 were "paraphrase" in the statement table and "vague" in the sentence table. Every
    view and the sentence-types question now use the sentence types of notebook 01, statement by statement."""
    from brink.core.reading import narrated, sentence_label, statement_type
    from brink.static import reader, render

    question = corpus.exercise("nb01-sentence-types")
    labels = {c.id: c.label for c in question.categories}
    table = render.statements_table(corpus).text
    for statement in corpus.statements:
        kind = statement_type(corpus, statement)
        label = render.form_label(corpus, statement)
        assert label == sentence_label(corpus, kind) == labels[kind]
        assert narrated(corpus, reader.FORM_MARKS[kind].label) == label
        assert f"Form: {label}" in table
