"""The before-and-after check (issue 19): two parallel forms on invented posts, asked in 00 and at the end of 05."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import nbformat
import pytest
from datafiles import edit

import brink
from brink import views
from brink.__main__ import main
from brink.core.journal import Journal
from brink.core.records import SKILLS
from brink.core.skills_check import pairs

CORPUS = brink.load()
NOTEBOOKS = Path(__file__).parents[1] / "notebooks"
CALL = re.compile(r'views\.skills_check\(corpus, "([A-Z])"\)')


def test_two_parallel_forms_of_six_to_eight_items_covering_every_skill():
    forms = {f.when: f for f in CORPUS.check_forms}
    assert set(forms) == {"before", "after"}
    for form in forms.values():
        items = CORPUS.check_items(form.id)
        assert 6 <= len(items) <= 8 and {i.skill for i in items} == set(SKILLS)
        assert all(i.notebook == form.notebook and i.judgement and i.asks == () for i in items)
    matched = pairs(CORPUS.check_forms, CORPUS.check_items())
    assert len(matched) == len(CORPUS.check_items(forms["before"].id))
    assert all(a.skill == b.skill and a.check_form != b.check_form for a, b in matched)
    assert not any(CORPUS.exercises_for(f.notebook) and i in CORPUS.exercises_for(f.notebook)
                   for f in forms.values() for i in CORPUS.check_items(f.id))


def test_each_form_is_asked_once_in_its_notebook_before_the_hand_in():
    for form in CORPUS.check_forms:
        cells = nbformat.read(NOTEBOOKS / f"{form.notebook}.ipynb", as_version=4).cells
        sources = [c.source for c in cells if c.cell_type == "code"]
        asked = [i for i, s in enumerate(sources) for m in CALL.findall(s) if m == form.id]
        assert len(asked) == 1, form.id
        handin = next(i for i, s in enumerate(sources) if "handin_box" in s)
        assert asked[0] < handin
        if form.when == "before":  # before anything of the course text is taught: no question comes first
            assert not any("views.question(" in s for s in sources[:asked[0]])
        else:  # at the end: no question of the course's content after it but the closing reflection
            later = re.findall(r'views\.question\("([^"]+)"\)', "\n".join(sources[asked[0]:]))
            assert len(later) <= 1


def test_every_weekday_in_a_post_or_an_option_is_true_to_the_calendar():
    """The posts show no year, but each form keeps a full date, so "Tuesday 10 March" can be checked."""
    named = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) (\d{1,2}) "
                       r"(January|February|March|April|May|June|July|August|September|October|November|December)\b")
    for form in CORPUS.check_forms:
        year = form.published.year
        texts = [i.prompt for i in CORPUS.check_items(form.id)] + [o.text for i in CORPUS.check_items(form.id)
                                                                   for o in i.options]
        found = [m for t in texts for m in named.findall(t)]
        assert len(found) >= 4
        for weekday, day, month in found:
            date = dt.datetime.strptime(f"{day} {month} {year}", "%d %B %Y").date()
            assert f"{date:%A}" == weekday, (form.id, weekday, day, month)
        dating = next(i for i in CORPUS.check_items(form.id) if i.skill == "dating")
        key = next(o for o in dating.options if o.correct)
        weekday, day, month = named.search(key.text).groups()
        said = dt.datetime.strptime(f"{day} {month} {year}", "%d %B %Y").date()
        assert 0 < (form.published - said).days < 7  # the last such weekday before publication


def test_the_posts_are_invented_and_show_no_year():
    """Nothing to look up: no name of the course text's people or places, and no year anywhere a student sees."""
    from brink.static.check_forms import check_form

    text_names = {w for a in CORPUS.actors for w in re.findall(r"[A-Z][a-z]{3,}", a.name)}
    text_names |= {"Russia", "Ukraine", "NATO", "Moscow", "Washington", "Kyiv", "Kremlin"}
    for form in CORPUS.check_forms:
        shown = check_form(CORPUS, form.id).text
        assert "Invented for this check" in shown and not re.search(r"\b(19|20)\d\d\b", shown)
        assert not {w for w in text_names if w in shown}, form.id


def test_the_printed_form_carries_no_key():
    from brink.static.check_forms import check_form

    for form in CORPUS.check_forms:
        printed = check_form(CORPUS, form.id)
        for item in CORPUS.check_items(form.id):
            assert item.explanation not in printed.text and "✔" not in printed.html
            assert all(o.feedback not in printed.text for o in item.options)


def test_the_view_commits_each_item_once_into_its_notebooks_journal(tmp_path):
    view = views.skills_check(CORPUS, "A")
    assert len(view.questions) == len(CORPUS.check_items("A"))
    first = view.questions[0]
    assert first.button.description == "Commit my answer" and "Check item 1" in first.prompt.value
    wrong = next(o.id for o in first.exercise.options if not o.correct)
    first.answer = wrong
    first.submit()
    assert first.committed and all(c.disabled for c in first._inputs)
    saved = Journal(CORPUS.check_form("A").notebook).latest(first.exercise.id)
    assert saved["answer"] == wrong and saved["kind"] == "commit"
    again = views.skills_check(CORPUS, "A")  # after a restart the committed answer comes back, locked
    assert again.questions[0].committed and again.questions[0].answer == wrong


def test_feedback_waits_until_every_item_of_the_form_is_committed():
    """Feedback on one item would teach the next: the check measures only if it opens at the end."""
    view = views.skills_check(CORPUS, "B")
    for number, question in enumerate(view.questions, start=1):
        key = next(o for o in question.exercise.options if o.correct)
        question.answer = key.id
        question.submit()
        if number < len(view.questions):
            assert all("every question of this check" in q.feedback.value for q in view.questions[:number])
            assert key.feedback not in question.feedback.value and "model" not in question._parts
    for question in view.questions:  # the last commit opens them all, with the feedback on each answer
        key = next(o for o in question.exercise.options if o.correct)
        assert key.feedback.replace("'", "&#x27;") in question.feedback.value
    assert not any(q.recheck for q in view.questions)


def test_a_wrong_form_gets_one_line_and_a_text_without_a_check_says_so(tmp_path, data_copy):
    with pytest.raises(ValueError, match="there is no form 'C' of the check: use one of 'A', 'B'"):
        views.skills_check(CORPUS, "C")
    (data_copy / "check.toml").unlink()
    shown = views.skills_check(brink.load(data_copy), "A")
    assert "has no check.toml" in shown.text


@pytest.mark.parametrize("old, new, words", [
    # form B loses its hedge item: the forms no longer pair
    ('id = "check-b-hedge"\nform = "B"\nskill = "hedges"', 'id = "check-b-hedge"\nform = "B"\nskill = "status"',
     "check.toml · skill: form A asks"),
    ('evidence = ["will close the canal gates if the board says no"]',
     'evidence = ["will shut the canal gates if the board says no"]',
     "'will shut the canal gates if the board says no' is not in the post of form B"),
    ('skill = "dating"', 'skill = "dates"', "check-a-date · skill: 'dates' is not allowed"),
    ('id = "check-a-hedge"', 'id = "nb00-genre"', "nb00-genre · id: this id is already used by another question"),
    ('id = "check-a-date"\nform = "A"\nskill = "dating"\ntype = "single"',
     'id = "check-a-date"\nform = "A"\nskill = "dating"\ntype = "date"', "check-a-date · type: 'date' is not allowed"),
    ('when = "after"', 'when = "before"', "the forms are asked before, before"),
    ('published = 2026-10-07', 'published = 2026-10-37', "check.toml"),
])
def test_a_broken_check_gets_a_line_that_says_what_to_fix(data_copy, capsys, old, new, words):
    edit(data_copy, "check.toml", old, new)
    assert main(["check", str(data_copy)]) == 1
    out = capsys.readouterr()
    assert words in out.out + out.err and "Traceback" not in out.out + out.err
